#pragma once

#include <QString>

#include <utility>
#include <vector>

namespace packscope {

// One oddity found while reading a package. `code` is stable (CLI.md lists the
// codes); `path` is the entry's path inside the package, empty for the package
// as a whole; `message` is for people.
struct PackageWarning {
    QString code;
    QString path;
    QString message;
};

// The warnings of one package. Every warning is counted, but only the first
// kListedPerCode of each code are kept: a package with 200,000 unreadable files
// must not cost 200,000 messages. Iterating yields the kept warnings in order.
class PackageWarnings
{
public:
    static constexpr int kListedPerCode = 100;

    void push_back(PackageWarning warning)
    {
        if (admit(warning.code))
            m_items.push_back(std::move(warning));
    }
    // Counts a warning and, when it will be kept, builds its path and message
    // with `make()` (returning {path, message}); hot loops pay only the count.
    template<typename Make>
    void add(const QString &code, Make &&make)
    {
        if (admit(code)) {
            auto [path, message] = make();
            m_items.push_back({code, std::move(path), std::move(message)});
        }
    }
    // Appends all of `other`, counts included.
    void append(const PackageWarnings &other);

    auto begin() const { return m_items.begin(); }
    auto end() const { return m_items.end(); }
    bool empty() const { return m_items.empty(); }
    std::size_t size() const { return m_items.size(); }
    const PackageWarning &front() const { return m_items.front(); }

    // Total number of warnings of `code`, listed or not.
    int count(const QString &code) const;
    // Codes with more warnings than were listed, and how many were left out.
    std::vector<std::pair<QString, int>> omitted() const;

private:
    bool admit(const QString &code);

    std::vector<PackageWarning> m_items;
    std::vector<std::pair<QString, int>> m_counts;  // few codes: a vector beats a hash
};

} // namespace packscope
