#include "readers/OtherCoreThread.h"

#include <system_error>
#include <utility>

#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#else
#include <thread>
#endif

namespace packscope {

struct OtherCoreThread::State {
    std::function<void()> work;
    std::exception_ptr failure;
    bool running = false;
#if defined(__linux__)
    pthread_t thread{};
    cpu_set_t allowed{};  // the creator's cores, given back once started
    bool pinned = false;
#else
    std::thread thread;
#endif

    void run()
    {
        try {
            work();
        } catch (...) {
            failure = std::current_exception();
        }
    }
};

#if defined(__linux__)

namespace {

void *startOnOtherCore(void *data)
{
    auto *state = static_cast<OtherCoreThread::State *>(data);
    if (state->pinned)
        pthread_setaffinity_np(pthread_self(), sizeof state->allowed, &state->allowed);
    state->run();
    return nullptr;
}

} // namespace

OtherCoreThread::OtherCoreThread(std::function<void()> work) : m_state(std::make_unique<State>())
{
    State &state = *m_state;
    state.work = std::move(work);
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    // Every core the creator may use but its own; none to choose from, or a
    // mask too wide for cpu_set_t, and the scheduler places the thread.
    if (sched_getaffinity(0, sizeof state.allowed, &state.allowed) == 0) {
        cpu_set_t others = state.allowed;
        if (const int here = sched_getcpu(); here >= 0 && here < CPU_SETSIZE)
            CPU_CLR(here, &others);
        if (CPU_COUNT(&others) > 0 && CPU_COUNT(&others) < CPU_COUNT(&state.allowed))
            state.pinned = pthread_attr_setaffinity_np(&attributes, sizeof others, &others) == 0;
    }
    const int error = pthread_create(&state.thread, &attributes, startOnOtherCore, &state);
    pthread_attr_destroy(&attributes);
    if (error != 0)
        throw std::system_error(error, std::generic_category(), "cannot start a thread");
    state.running = true;
}

void OtherCoreThread::join()
{
    if (m_state->running) {
        pthread_join(m_state->thread, nullptr);
        m_state->running = false;
    }
    if (m_state->failure)
        std::rethrow_exception(std::exchange(m_state->failure, nullptr));
}

#else

OtherCoreThread::OtherCoreThread(std::function<void()> work) : m_state(std::make_unique<State>())
{
    m_state->work = std::move(work);
    m_state->thread = std::thread([state = m_state.get()] { state->run(); });
    m_state->running = true;
}

void OtherCoreThread::join()
{
    if (m_state->running) {
        m_state->thread.join();
        m_state->running = false;
    }
    if (m_state->failure)
        std::rethrow_exception(std::exchange(m_state->failure, nullptr));
}

#endif

OtherCoreThread::~OtherCoreThread()
{
    try {
        join();
    } catch (...) {
        // Only join() reports what the work threw.
    }
}

} // namespace packscope
