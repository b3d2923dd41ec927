#pragma once

#include "limits/LimitProfile.h"
#include "limits/LimitResult.h"
#include "model/Package.h"
#include "session/EditHistory.h"
#include "session/Evaluation.h"
#include "session/NodeRef.h"
#include "whatif/ExclusionSet.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <vector>

namespace packscope {

class GlobPattern;
class NodeFilter;

// What one user is looking at: a function package, its layers, each with its
// what-if exclusions, and the limit profile they are checked against. The CLI
// and the GUI both work through this type; widgets observe `changed()`.
class Session : public QObject
{
    Q_OBJECT
public:
    // The most layers Lambda attaches to one function; more can be added so
    // that the layer-count limit can say so.
    static constexpr int kLambdaMaxLayers = 5;

    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    // Package 0 is the function; 1.. are layers. Setting the function keeps
    // the layers and clears the function's exclusions and the history.
    void setFunction(PackagePtr package);
    // A new function and its layers at once, as one change: no exclusions, no
    // history.
    void open(PackagePtr function, std::vector<PackagePtr> layers);
    // Attaching and detaching a layer are undoable steps; the exclusions of
    // the other packages and the history stay. A detached layer's
    // exclusions come back with it on undo.
    void addLayer(PackagePtr package);
    void removeLayer(int layerIndex);  // 0-based among the layers
    void setProfile(const LimitProfile &profile);

    bool hasFunction() const { return !m_packages.empty() && m_packages.front().package != nullptr; }
    int packageCount() const { return int(m_packages.size()); }
    int layerCount() const { return packageCount() > 0 ? packageCount() - 1 : 0; }
    const PackagePtr &package(int index) const { return m_packages[std::size_t(index)].package; }
    const ExclusionSet &exclusions(int index) const { return m_packages[std::size_t(index)].exclusions; }
    const LimitProfile &profile() const { return m_profile; }

    // What-if edits. Each is one undoable step, emits changed() once when it
    // changed anything, and returns whether (or how many items) it changed.
    bool exclude(int package, NodeId node);
    bool restore(int package, NodeId node);
    // `reason` says why, for views that group exclusions (a rule's title).
    int exclude(const std::vector<NodeRef> &nodes, const QString &reason = {});
    struct ReasonedRef {
        NodeRef ref;
        QString reason;
    };
    // Several items with their own reasons, as one edit.
    int excludeWithReasons(const std::vector<ReasonedRef> &items);
    int restore(const std::vector<NodeRef> &nodes);
    // Applies the glob to every package; returns the number of items excluded,
    // which carry globReason(glob) as their reason.
    int excludeMatching(const GlobPattern &glob);
    // "Matching <glob>": the reason of items a glob excluded; and back, the
    // glob of such a reason (empty for any other reason).
    static QString globReason(const QString &glob);
    static QString globOfReason(const QString &reason);
    void clearExclusions();
    bool isExcluded(const NodeRef &ref) const;
    bool hasExclusions() const;
    // Items the user excluded themselves (not their contents), package by package.
    std::vector<NodeRef> excludedItems() const;
    // The bytes of these items together (whole, whatever is excluded), an
    // item inside another counted once.
    SizeTotals combinedTotals(const std::vector<NodeRef> &refs) const;
    // What every exclusion takes out, all packages together, counted the way
    // the CLI's report counts: files and dirs of every package, unzipped bytes
    // of every package; `footprint` is the function's zip only (the only zip
    // whose size is a limit).
    SizeTotals excludedTotals() const;
    // What a filter matches that is still kept: the topmost matching items
    // (a matched folder stands for its contents) and their kept totals,
    // counted like excludedTotals().
    struct FilterMatches {
        std::vector<NodeRef> items;
        SizeTotals totals;
    };
    FilterMatches matching(const NodeFilter &filter) const;
    // Why an excluded item was excluded (a rule, a glob); empty for items
    // excluded one by one, and for items that are not excluded.
    QString exclusionReason(const NodeRef &ref) const;

    // Undo and redo of the what-if edits above and of layer changes. Setting
    // the function clears the history, since node ids then name other things.
    bool canUndo() const { return m_history.canUndo(); }
    bool canRedo() const { return m_history.canRedo(); }
    QString undoLabel() const { return m_history.undoLabel(); }
    QString redoLabel() const { return m_history.redoLabel(); }
    void undo();
    void redo();

    // What views show and reports print, for the state as it is now: made
    // once per change, whoever asks first (see Evaluation). The reference is
    // valid until the next change; copy what must outlive it.
    const Evaluation &evaluation() const;
    // Increases with every change(); evaluation().revision says which one
    // an evaluation was made at.
    std::uint64_t revision() const { return m_revision; }
    // How many evaluations were made: one per change at most, however many
    // views ask (for tests).
    int evaluationsMade() const { return m_evaluationsMade; }

    // The parts of an evaluation, computed afresh on each call (for what-if
    // sums over states the session is not in, and for evaluation() itself).
    SessionMeasures measures() const;
    // Every limit of the profile, with culprits for the failing ones.
    std::vector<LimitResult> evaluate() const;
    // Unzipped bytes the function may still use given its layers: the number
    // AWS quotes in its error when layers are attached. 0 if layers use it all.
    std::uint64_t functionUnzippedBudget() const;

Q_SIGNALS:
    // After every change. For what-if edits (and their undo and redo),
    // itemsChanged() comes first with the items whose marks changed, so that
    // views can refresh just those and what lies above and below them.
    void changed();
    void itemsChanged(const std::vector<packscope::NodeRef> &items);
    // Before changed() when the function or a layer was set, added or removed:
    // node ids from before name nothing now.
    void packagesChanged();

private:
    bool apply(const ExclusionEdit::Change &change);
    // Attaches (true) or detaches the step's layer; detaching records its marks.
    void applyLayer(ExclusionEdit::LayerStep &step, bool attach);
    void finishEdit(const ExclusionEdit &edit);
    void announce(const ExclusionEdit &edit);
    ExclusionSet *exclusionsOf(int package);
    // Every change ends here: a new revision, the old evaluation dropped.
    void emitChanged();

    struct Entry {
        PackagePtr package;
        ExclusionSet exclusions;
        QHash<NodeId, QString> reasons;  // of marked items that have one
    };
    std::vector<Entry> m_packages;
    LimitProfile m_profile;
    EditHistory m_history;
    std::uint64_t m_revision = 0;
    mutable std::shared_ptr<const Evaluation> m_evaluation;
    mutable int m_evaluationsMade = 0;
};

} // namespace packscope
