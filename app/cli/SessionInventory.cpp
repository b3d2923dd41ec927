#include "SessionInventory.h"

#include "jobs/JobRunner.h"
#include "session/PackageFacts.h"
#include "session/Session.h"

namespace packscope {

std::optional<Inventory> inventoryOf(Session &session, QString *error)
{
    JobRunner jobs(JobRunner::Mode::Inline);
    PackageFacts facts(&session, &jobs);
    const std::vector<std::vector<Dependency>> *found = facts.dependencies();
    if (!found || !facts.dependenciesError().isEmpty()) {
        *error = facts.dependenciesError();
        return std::nullopt;
    }
    return Inventory::fromSession(session, *found);
}

} // namespace packscope
