#pragma once

#include "model/Package.h"
#include "report/Dependencies.h"
#include "slim/ContentFacts.h"

#include <QObject>

#include <memory>
#include <unordered_map>
#include <vector>

namespace packscope {

class JobRunner;
class Session;

// The dependencies of one package, and why not all could be read (empty
// when all could).
struct FoundDependencies {
    std::vector<Dependency> dependencies;
    QString error;

    static FoundDependencies find(const Package &package, const JobControl &control);
};

// The slow facts of the session's packages: their native binaries (read and
// inflated) and their dependencies (every package.json and RECORD read).
// Each is found once per package, by a job on the runner, and kept while the
// package lives, so adding a layer reads only the layer and an undo reads
// nothing. Exclusions never change them.
class PackageFacts : public QObject
{
    Q_OBJECT
public:
    PackageFacts(Session *session, JobRunner *runner, QObject *parent = nullptr);

    // The facts of every session package, in session order; nullptr while
    // some are still being found (a job then finds them, and the ready
    // signal follows). With an inline runner they are found before it returns.
    const std::vector<ContentFacts> *contentFacts();
    const std::vector<std::vector<Dependency>> *dependencies();
    // The first package whose dependencies could not all be read (changed
    // on disk since it was opened), or empty.
    QString dependenciesError() const { return m_dependenciesError; }

Q_SIGNALS:
    void contentFactsReady();
    void dependenciesReady();

private:
    template<typename Facts>
    struct Cache {
        // Keyed by the package; the weak pointer tells a dead package from a
        // new one at the same address.
        std::unordered_map<const Package *, std::pair<std::weak_ptr<const Package>, Facts>> found;
        std::vector<Facts> now;  // of the session's packages, when all are found
        std::vector<PackagePtr> nowFor;
    };
    template<typename Facts>
    const std::vector<Facts> *lookUp(Cache<Facts> &cache, const QString &kind,
                                     Facts (*find)(const Package &, const JobControl &), void (PackageFacts::*ready)());

    Session *m_session;
    JobRunner *m_runner;
    Cache<ContentFacts> m_content;
    Cache<FoundDependencies> m_dependencies;
    std::vector<std::vector<Dependency>> m_dependencyLists;  // of m_dependencies.now
    QString m_dependenciesError;
};

} // namespace packscope
