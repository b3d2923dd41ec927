#pragma once

#include "model/Package.h"
#include "scenario/Scenario.h"
#include "session/NodeRef.h"

#include <QObject>
#include <QStringList>

#include <optional>
#include <vector>

class QWidget;

namespace packscope {

class MessageBar;
class Session;

// The window's what-if as a document: saving it as a scenario file, opening
// one (its packages are read first, then its exclusions applied), and asking
// before exclusions not saved anywhere would be lost.
class ScenarioDocument : public QObject
{
    Q_OBJECT
public:
    ScenarioDocument(Session *session, MessageBar *messages, QWidget *dialogParent);

    bool save(const QString &path);
    // Reads a scenario file and sets its profile; the packages to read
    // before apply() come back, nothing when the file could not be read.
    struct Packages {
        QString function;
        QStringList layers;
    };
    std::optional<Packages> open(const QString &path);
    // After the packages of open() are in the session: applies its
    // exclusions and says what happened. False when no scenario was waiting.
    bool applyPending();
    void dropPending() { m_pending.reset(); }

    enum class DropCause { Opening, Closing };
    // Asks before exclusions not saved as a scenario are lost: keep them as
    // a scenario, discard them, or cancel. True to go on.
    bool mayDropExclusions(DropCause cause = DropCause::Opening);
    // Asks where to save, next to the function package; empty when cancelled.
    QString chooseFile() const;

private:
    // The packages and exclusions as last saved as (or read from) a scenario.
    struct SavedState {
        std::vector<PackagePtr> packages;
        std::vector<NodeRef> items;
        bool operator==(const SavedState &) const = default;
    };
    SavedState currentState() const;

    Session *m_session;
    MessageBar *m_messages;
    QWidget *m_dialogParent;
    std::optional<Scenario> m_pending;  // applied once its packages are read
    std::optional<SavedState> m_saved;
};

} // namespace packscope
