#pragma once

#include "readers/LoadProgress.h"

#include <atomic>
#include <cstdint>
#include <memory>

namespace packscope {

// What a running job shares with whoever started it: a cancel request its
// inner loops check, and how far it has got, as atomics the GUI thread polls.
// Copies share one state; a default one is never cancelled (synchronous runs).
class JobControl
{
public:
    JobControl() : m_state(std::make_shared<State>()) {}

    bool isCancelled() const { return m_state->cancelled.load(std::memory_order_relaxed); }
    void cancel() const { m_state->cancelled.store(true, std::memory_order_relaxed); }

    // Which step of the job runs (the file being read), and how far it is.
    void setStep(int step) const { m_state->step.store(step, std::memory_order_relaxed); }
    int step() const { return m_state->step.load(std::memory_order_relaxed); }
    void report(const LoadProgress &now) const
    {
        m_state->bytesRead.store(now.bytesRead, std::memory_order_relaxed);
        m_state->bytesTotal.store(now.bytesTotal, std::memory_order_relaxed);
        m_state->entries.store(now.entries, std::memory_order_relaxed);
    }
    LoadProgress progress() const
    {
        return {m_state->bytesRead.load(std::memory_order_relaxed), m_state->bytesTotal.load(std::memory_order_relaxed),
                m_state->entries.load(std::memory_order_relaxed)};
    }
    // For the readers: records their progress and tells them to go on
    // unless the job was cancelled.
    LoadProgressSink sink() const
    {
        return [state = m_state](const LoadProgress &now) {
            JobControl(state).report(now);
            return !state->cancelled.load(std::memory_order_relaxed);
        };
    }

    bool operator==(const JobControl &other) const { return m_state == other.m_state; }

private:
    struct State {
        std::atomic<bool> cancelled{false};
        std::atomic<int> step{-1};
        std::atomic<std::uint64_t> bytesRead{0}, bytesTotal{0}, entries{0};
    };
    explicit JobControl(std::shared_ptr<State> state) : m_state(std::move(state)) {}

    std::shared_ptr<State> m_state;
};

} // namespace packscope
