#pragma once

#include <QString>

#include <atomic>
#include <functional>
#include <thread>

namespace fixtures {

// Holds each open(2) of a file, or of any file in a folder, by any process
// until `atOpen` has run with the open's number (1 for the first), then lets
// it through: a test changes a package at an exact step of a packscope-cli
// run, between two of the files the CLI opens, with no hook in the CLI.
// Built on fanotify permission events, which need root (as the tests run).
// `atOpen` runs on the gate's own thread and must not open what it guards
// (that open would wait for the gate): truncate(2) and rename(2) are fine.
class OpenGate
{
public:
    OpenGate(const QString &path, std::function<void(int)> atOpen);
    // Lets every open through from then on.
    ~OpenGate();
    OpenGate(const OpenGate &) = delete;
    OpenGate &operator=(const OpenGate &) = delete;

    // Empty when opens are held, otherwise why they cannot be.
    QString error() const { return m_error; }
    // How many opens it has held so far.
    int opens() const { return m_opens.load(); }

private:
    void run();

    std::function<void(int)> m_atOpen;
    int m_fanotify = -1;
    int m_stop = -1;  // an eventfd that ends run()
    std::atomic<int> m_opens = 0;
    std::thread m_thread;
    QString m_error;
};

} // namespace fixtures
