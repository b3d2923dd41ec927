#include "whatif/NodeFilter.h"

namespace packscope {

NodeFilter::NodeFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    m_empty = trimmed.isEmpty();
    if (m_empty)
        return;
    static const QString globChars = QStringLiteral("*?[/");
    for (QChar c : trimmed) {
        if (globChars.contains(c)) {
            m_glob.emplace(trimmed);
            return;
        }
    }
    m_needle = trimmed.toLower().toUtf8();
}

bool NodeFilter::matches(QByteArrayView name, QByteArrayView path, bool folder) const
{
    if (m_empty)
        return true;
    if (m_glob)
        return m_glob->isValid() && m_glob->matches(path, folder);
    if (name.size() < m_needle.size())
        return false;
    // ASCII case folding is enough for file names typed into a filter box.
    for (qsizetype start = 0; start + m_needle.size() <= name.size(); ++start) {
        qsizetype i = 0;
        for (; i < m_needle.size(); ++i) {
            char c = name[start + i];
            if (c >= 'A' && c <= 'Z')
                c = char(c - 'A' + 'a');
            if (c != m_needle[i])
                break;
        }
        if (i == m_needle.size())
            return true;
    }
    return false;
}

} // namespace packscope
