#include "model/PackageWarning.h"

namespace packscope {

bool PackageWarnings::admit(const QString &code)
{
    // A code usually comes from the same literal each time: its data pointer
    // answers before a comparison of characters has to.
    for (auto &[known, count] : m_counts) {
        if (known.constData() == code.constData() || known == code)
            return ++count <= kListedPerCode;
    }
    m_counts.emplace_back(code, 1);
    return true;
}

void PackageWarnings::append(const PackageWarnings &other)
{
    for (const PackageWarning &w : other.m_items)
        push_back(w);
    // Carry over what `other` counted but did not list.
    for (const auto &[code, left] : other.omitted()) {
        for (auto &[known, count] : m_counts) {
            if (known == code)
                count += left;
        }
    }
}

int PackageWarnings::count(const QString &code) const
{
    for (const auto &[known, count] : m_counts) {
        if (known == code)
            return count;
    }
    return 0;
}

std::vector<std::pair<QString, int>> PackageWarnings::omitted() const
{
    std::vector<std::pair<QString, int>> result;
    for (const auto &[code, count] : m_counts) {
        if (count > kListedPerCode)
            result.emplace_back(code, count - kListedPerCode);
    }
    return result;
}

} // namespace packscope
