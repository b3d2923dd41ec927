#include "NodeDragPayload.h"

#include "session/Session.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QIODevice>
#include <QDrag>
#include <QMimeData>
#include <QStringList>

namespace packscope {

namespace {

QByteArray sessionTag(const Session &session)
{
    return QByteArray::number(QCoreApplication::applicationPid()) + ':'
        + QByteArray::number(quintptr(&session), 16);
}

} // namespace

QMimeData *NodeDragPayload::toMimeData(const Session &session) const
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out << sessionTag(session) << qint32(origin == Origin::Excluded ? 1 : 0) << reason << quint32(refs.size());
    QStringList paths;
    for (const NodeRef &ref : refs) {
        out << qint32(ref.package) << quint32(ref.node);
        if (ref.package >= 0 && ref.package < session.packageCount() && session.package(ref.package)
            && ref.node < session.package(ref.package)->tree.nodeCount())
            paths << session.package(ref.package)->tree.path(ref.node);
    }
    auto *mime = new QMimeData;
    mime->setData(kMimeType, bytes);
    mime->setText(paths.join(QLatin1Char('\n')));
    return mime;
}

std::optional<NodeDragPayload> NodeDragPayload::fromMimeData(const QMimeData *mime, const Session &session)
{
    if (!mime || !mime->hasFormat(kMimeType))
        return std::nullopt;
    QDataStream in(mime->data(kMimeType));
    QByteArray tag;
    qint32 origin = 0;
    quint32 count = 0;
    QString reason;
    in >> tag >> origin >> reason >> count;
    if (in.status() != QDataStream::Ok || tag != sessionTag(session))
        return std::nullopt;
    NodeDragPayload payload;
    payload.reason = reason;
    payload.origin = origin == 1 ? Origin::Excluded : Origin::Package;
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        qint32 package = 0;
        quint32 node = 0;
        in >> package >> node;
        if (in.status() != QDataStream::Ok)
            break;
        if (package < 0 || package >= session.packageCount() || !session.package(package)
            || node >= session.package(package)->tree.nodeCount())
            continue;
        payload.refs.push_back({package, NodeId(node)});
    }
    if (payload.refs.empty())
        return std::nullopt;
    return payload;
}

void NodeDragPayload::drag(QObject *source, const Session &session) const
{
    if (refs.empty())
        return;
    auto *drag = new QDrag(source);
    drag->setMimeData(toMimeData(session));
    drag->exec(Qt::MoveAction);
}

} // namespace packscope
