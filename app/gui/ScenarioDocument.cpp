#include "ScenarioDocument.h"

#include "MessageBar.h"

#include "limits/LimitProfile.h"
#include "session/Session.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace packscope {

ScenarioDocument::ScenarioDocument(Session *session, MessageBar *messages, QWidget *dialogParent)
    : QObject(dialogParent), m_session(session), m_messages(messages), m_dialogParent(dialogParent)
{
}

ScenarioDocument::SavedState ScenarioDocument::currentState() const
{
    std::vector<PackagePtr> packages;
    for (int p = 0; p < m_session->packageCount(); ++p)
        packages.push_back(m_session->package(p));
    return {std::move(packages), m_session->excludedItems()};
}

bool ScenarioDocument::save(const QString &path)
{
    QString error;
    if (!m_session->hasFunction() || !Scenario::capture(*m_session, path).save(path, &error)) {
        m_messages->showError(tr("Could not save the scenario. %1").arg(error));
        return false;
    }
    m_saved = currentState();
    const int saved = int(m_session->excludedItems().size());
    m_messages->showNotice(saved == 1 ? tr("Saved %1: 1 exclusion.").arg(path)
                                      : tr("Saved %1: %2 exclusions.").arg(path).arg(saved));
    return true;
}

std::optional<ScenarioDocument::Packages> ScenarioDocument::open(const QString &path)
{
    QString error;
    std::optional<Scenario> scenario = Scenario::load(path, &error);
    if (!scenario) {
        m_messages->showError(tr("Could not open the scenario. %1").arg(error));
        return std::nullopt;
    }
    QString profileError;
    const LimitProfile profile = LimitProfile::load(scenario->profile, &profileError);
    if (profile.isValid())
        m_session->setProfile(profile);
    Packages packages{scenario->functionPath(path), scenario->layerPaths(path)};
    m_pending = std::move(scenario);
    return packages;
}

bool ScenarioDocument::applyPending()
{
    if (!m_pending)
        return false;
    const Scenario::Outcome outcome = m_pending->applyTo(*m_session);
    m_pending.reset();
    if (!outcome.error.isEmpty()) {
        m_messages->showError(tr("Could not apply the scenario. %1").arg(outcome.error));
        return true;
    }
    if (outcome.missing.isEmpty() && outcome.changed.isEmpty())
        m_saved = currentState();
    QStringList notes;
    if (!outcome.changed.isEmpty())
        notes << tr("The package changed since the scenario was saved.");
    if (!outcome.missing.isEmpty())
        notes << tr("%1 saved exclusions match nothing now.").arg(outcome.missing.size());
    const QString applied = tr("Scenario applied: %1 exclusions.").arg(outcome.applied);
    if (notes.isEmpty())
        m_messages->showNotice(applied);
    else
        m_messages->showError(applied + u' ' + notes.join(u' '));
    return true;
}

bool ScenarioDocument::mayDropExclusions(DropCause cause)
{
    // Nothing to lose, or nothing since the last save as a scenario.
    if (!m_session->hasExclusions() || (m_saved && *m_saved == currentState()))
        return true;
    const int items = int(m_session->excludedItems().size());
    const QString text = cause == DropCause::Closing
        ? (items == 1 ? tr("1 exclusion will be lost when the window closes.")
                      : tr("%1 exclusions will be lost when the window closes.").arg(items))
        : (items == 1 ? tr("1 exclusion will be lost when another package opens.")
                      : tr("%1 exclusions will be lost when another package opens.").arg(items));
    QMessageBox box(QMessageBox::Question, tr("Keep the Exclusions?"), text, QMessageBox::NoButton, m_dialogParent);
    box.setInformativeText(tr("Save them as a scenario to reopen them later, or check them in CI."));
    QPushButton *keep = box.addButton(tr("Keep as Scenario…"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == discard)
        return true;
    if (box.clickedButton() != keep)
        return false;
    const QString path = chooseFile();
    return !path.isEmpty() && save(path);
}

QString ScenarioDocument::chooseFile() const
{
    const QFileInfo input(m_session->package(0)->path);
    return QFileDialog::getSaveFileName(m_dialogParent, tr("Save Scenario"),
                                        input.absolutePath() + u'/' + input.completeBaseName() + u".packscope.json"_s,
                                        tr("Packscope scenarios (*.packscope.json)"));
}

} // namespace packscope
