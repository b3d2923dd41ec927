#include "OpenGate.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/fanotify.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fixtures {

OpenGate::OpenGate(const QString &path, std::function<void(int)> atOpen) : m_atOpen(std::move(atOpen))
{
    m_fanotify = ::fanotify_init(FAN_CLASS_CONTENT | FAN_CLOEXEC, O_RDONLY | O_CLOEXEC);
    if (m_fanotify < 0) {
        m_error = u"fanotify_init: %1 (the tests run as root)"_s.arg(qt_error_string(errno));
        return;
    }
    const std::uint64_t mask = FAN_OPEN_PERM | (QFileInfo(path).isDir() ? FAN_EVENT_ON_CHILD : 0);
    if (::fanotify_mark(m_fanotify, FAN_MARK_ADD, mask, AT_FDCWD, QFile::encodeName(path).constData()) != 0) {
        m_error = u"fanotify_mark %1: %2"_s.arg(path, qt_error_string(errno));
        return;
    }
    m_stop = ::eventfd(0, EFD_CLOEXEC);
    if (m_stop < 0) {
        m_error = u"eventfd: %1"_s.arg(qt_error_string(errno));
        return;
    }
    m_thread = std::thread([this] { run(); });
}

OpenGate::~OpenGate()
{
    if (m_thread.joinable()) {
        const std::uint64_t one = 1;
        (void)::write(m_stop, &one, sizeof one);
        m_thread.join();
    }
    // Closing the group lets any open still held through.
    if (m_fanotify >= 0)
        ::close(m_fanotify);
    if (m_stop >= 0)
        ::close(m_stop);
}

void OpenGate::run()
{
    pollfd watched[2] = {{m_fanotify, POLLIN, 0}, {m_stop, POLLIN, 0}};
    alignas(fanotify_event_metadata) char buffer[4096];
    for (;;) {
        if (::poll(watched, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        if (watched[1].revents)
            return;
        ssize_t length = ::read(m_fanotify, buffer, sizeof buffer);
        if (length < 0 && errno == EINTR)
            continue;
        if (length <= 0)
            return;
        for (auto *event = reinterpret_cast<fanotify_event_metadata *>(buffer); FAN_EVENT_OK(event, length);
             event = FAN_EVENT_NEXT(event, length)) {
            if (event->fd < 0)
                continue;
            if (event->mask & FAN_OPEN_PERM)
                m_atOpen(++m_opens);
            const fanotify_response allow{event->fd, FAN_ALLOW};
            (void)::write(m_fanotify, &allow, sizeof allow);
            ::close(event->fd);
        }
    }
}

} // namespace fixtures
