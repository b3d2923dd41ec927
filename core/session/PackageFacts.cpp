#include "session/PackageFacts.h"

#include "jobs/JobRunner.h"
#include "session/Session.h"

using namespace Qt::StringLiterals;

namespace packscope {

FoundDependencies FoundDependencies::find(const Package &package, const JobControl &control)
{
    FoundDependencies found;
    found.dependencies = findDependencies(package, &found.error, &control);
    return found;
}

PackageFacts::PackageFacts(Session *session, JobRunner *runner, QObject *parent)
    : QObject(parent), m_session(session), m_runner(runner)
{
    // Let closed packages go: only the cache's weak pointers remain.
    connect(session, &Session::packagesChanged, this, [this] {
        m_content.now.clear();
        m_content.nowFor.clear();
        m_dependencies.now.clear();
        m_dependencies.nowFor.clear();
        m_dependencyLists.clear();
    });
}

template<typename Facts>
const std::vector<Facts> *PackageFacts::lookUp(Cache<Facts> &cache, const QString &kind,
                                               Facts (*find)(const Package &, const JobControl &),
                                               void (PackageFacts::*ready)())
{
    std::vector<PackagePtr> packages;
    for (int p = 0; p < m_session->packageCount(); ++p)
        packages.push_back(m_session->package(p));
    if (packages == cache.nowFor)
        return &cache.now;
    // Forget the packages that are gone, then see what is missing.
    std::erase_if(cache.found, [](const auto &entry) { return entry.second.first.expired(); });
    std::vector<PackagePtr> missing;
    for (const PackagePtr &package : packages) {
        if (package && !cache.found.contains(package.get()) && std::find(missing.begin(), missing.end(), package) == missing.end())
            missing.push_back(package);
    }
    auto assemble = [&cache, &packages] {
        cache.now.clear();
        for (const PackagePtr &package : packages)
            cache.now.push_back(package ? cache.found.at(package.get()).second : Facts{});
        cache.nowFor = std::move(packages);
        return &cache.now;
    };
    if (missing.empty())
        return assemble();
    // One job finds what is missing; a newer request for other packages
    // cancels it, and a later lookUp finds the packages it did finish...
    // only once delivered, so a cancelled job's work is lost, never wrong.
    using Found = std::vector<std::pair<PackagePtr, Facts>>;
    m_runner->run<Found>(
        kind, this,
        [missing, find](const JobControl &control) {
            Found found;
            for (const PackagePtr &package : missing) {
                if (control.isCancelled())
                    break;
                found.emplace_back(package, find(*package, control));
            }
            return found;
        },
        [this, &cache, ready](Found found) {
            for (auto &[package, facts] : found)
                cache.found[package.get()] = {package, std::move(facts)};
            Q_EMIT(this->*ready)();
        });
    // An inline runner (the CLI's) has found them already.
    const bool found = std::all_of(missing.begin(), missing.end(),
                                   [&cache](const PackagePtr &package) { return cache.found.contains(package.get()); });
    return found ? assemble() : nullptr;
}

const std::vector<ContentFacts> *PackageFacts::contentFacts()
{
    return lookUp<ContentFacts>(m_content, u"content facts"_s, &ContentFacts::gather, &PackageFacts::contentFactsReady);
}

const std::vector<std::vector<Dependency>> *PackageFacts::dependencies()
{
    const std::vector<PackagePtr> before = m_dependencies.nowFor;
    const std::vector<FoundDependencies> *found =
        lookUp<FoundDependencies>(m_dependencies, u"dependencies"_s, &FoundDependencies::find,
                                  &PackageFacts::dependenciesReady);
    if (!found)
        return nullptr;
    if (m_dependencies.nowFor != before || m_dependencyLists.size() != found->size()) {
        m_dependencyLists.clear();
        m_dependenciesError.clear();
        for (const FoundDependencies &one : *found) {
            m_dependencyLists.push_back(one.dependencies);
            if (m_dependenciesError.isEmpty())
                m_dependenciesError = one.error;
        }
    }
    return &m_dependencyLists;
}

} // namespace packscope
