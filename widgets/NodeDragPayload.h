#pragma once

#include "session/NodeRef.h"

#include <QString>

#include <optional>
#include <vector>

class QMimeData;
class QObject;

namespace packscope {

class Session;

// The drag-and-drop payload that carries session items between the treemap,
// the tree, the gauges and the Excluded panel. It names the session it came
// from, so a drop from another window or process is refused, and it also
// carries the paths as text for drops into editors.
struct NodeDragPayload {
    enum class Origin { Package, Excluded };

    static inline const QString kMimeType = QStringLiteral("application/x-packscope-nodes");

    Origin origin = Origin::Package;
    std::vector<NodeRef> refs;
    QString reason;  // why, if dropping excludes them (a dependency's name); may be empty

    QMimeData *toMimeData(const Session &session) const;
    // Drags the payload out of `source` as a move, as the lists do; nothing
    // when there is nothing to carry.
    void drag(QObject *source, const Session &session) const;
    // The payload if `mime` carries one from `session`.
    static std::optional<NodeDragPayload> fromMimeData(const QMimeData *mime, const Session &session);
};

} // namespace packscope
