#include "report/DiffReportWriters.h"
#include "report/SizeFormat.h"

using namespace Qt::StringLiterals;

namespace packscope::diffwords {

QString headroomPhrase(const PackageDiff::LimitDelta &limit)
{
    const std::int64_t delta = limit.delta();
    const std::int64_t baseHeadroom = limit.base.headroom;
    const bool count = limit.head.rule.isCount();
    auto amount = [count](std::int64_t v) {
        return count ? QString::number(v) : formatMiB(std::uint64_t(v < 0 ? -v : v));
    };
    if (delta == 0)
        return u"unchanged"_s;
    if (delta < 0)
        return u"frees %1"_s.arg(amount(delta));
    if (baseHeadroom <= 0)
        return u"%1 further past the limit"_s.arg(amount(delta));
    const QString share = QString::number(100.0 * limit.headroomUsed(), 'f', 1);
    if (delta < baseHeadroom)
        return u"uses %1 of the %2 left (%3 %)"_s.arg(amount(delta), amount(baseHeadroom), share);
    return u"uses all %1 left and %2 more"_s.arg(amount(baseHeadroom), amount(delta - baseHeadroom));
}

} // namespace packscope::diffwords
