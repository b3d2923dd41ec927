#pragma once

#include <exception>
#include <functional>
#include <memory>

namespace packscope {

// A thread for one piece of work that must start now, beside its busy
// creator: it starts on another core than the creator's where the system
// lets us choose, then may move anywhere as usual. A new thread otherwise
// tends to be queued on its creator's core and, on a small machine, waits
// a millisecond or two for the scheduler to move it.
class OtherCoreThread
{
public:
    // Throws std::system_error when no thread can be started.
    explicit OtherCoreThread(std::function<void()> work);
    // Joins; an exception the work threw is dropped (call join() to see it).
    ~OtherCoreThread();
    OtherCoreThread(const OtherCoreThread &) = delete;
    OtherCoreThread &operator=(const OtherCoreThread &) = delete;

    // Waits for the work and rethrows what it threw, if anything.
    void join();

    struct State;  // defined where threads are started

private:
    std::unique_ptr<State> m_state;
};

} // namespace packscope
