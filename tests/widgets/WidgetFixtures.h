#pragma once

#include "SyntheticPackage.h"

#include "jobs/JobRunner.h"
#include "session/PackageFacts.h"

#include <QCoreApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QAction>
#include <QAbstractItemModel>
#include <QAbstractItemModelTester>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QWidget>

// What the widget suites share: a package that fails one limit, and drops
// delivered the way Qt delivers a real one.
namespace fixtures {

inline constexpr std::uint64_t kMiB = 1024 * 1024;

// 60 MiB zipped (fails the direct upload), 199 MiB unzipped (passes).
inline packscope::PackagePtr bigFunction()
{
    return fixtures::syntheticPackage(QStringLiteral("function.zip"),
        {
            {QStringLiteral("handler.py"), 4000, 1500},
            {QStringLiteral("model/graph.pb"), 100 * kMiB, 40 * kMiB},
            {QStringLiteral("model/labels.txt"), 2 * kMiB, 1 * kMiB},
            {QStringLiteral("lib/numpy/core.so"), 60 * kMiB, 15 * kMiB},
            {QStringLiteral("lib/numpy/tests/test_core.py"), 37 * kMiB, 4 * kMiB},
        });
}

// What a side panel needs besides the session: the runner of its slow
// jobs and the package facts they find. Declared before the panels, it
// outlives them.
struct PanelJobs {
    packscope::JobRunner jobs;
    packscope::PackageFacts facts;
    explicit PanelJobs(packscope::Session *session) : facts(session, &jobs) {}
};

// The text of a panel's row `row` (under `parent`), column `column`.
inline QString cellText(const QAbstractItemModel *model, int row, int column = 0, const QModelIndex &parent = {})
{
    return model->index(row, column, parent).data().toString();
}

// Delivers a drag-enter, drag-move and drop of `mime` at the widget's centre;
// returns whether the drop was accepted.
inline bool dropOn(QWidget *target, const QMimeData *mime)
{
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::MoveAction | Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(at, Qt::MoveAction | Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &move);
    QDropEvent drop(QPointF(at), Qt::MoveAction | Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

// The action of `window`'s menus whose text (without '&') starts with `prefix`.
inline QAction *findAction(QMainWindow &window, const QString &prefix)
{
    for (QAction *menu : window.menuBar()->actions()) {
        for (QAction *a : menu->menu()->actions()) {
            if (a->text().remove(u'&').startsWith(prefix))
                return a;
        }
    }
    return nullptr;
}

} // namespace fixtures
