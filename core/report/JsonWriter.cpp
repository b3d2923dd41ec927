#include "report/JsonWriter.h"

namespace packscope {

namespace {

constexpr int kIndent = 4;  // spaces per level, as QJsonDocument::Indented

constexpr char kHex[] = "0123456789abcdef";

void appendUnicodeEscape(QByteArray &out, char16_t unit)
{
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4)
        out += kHex[(unit >> shift) & 0xF];
}

// As Qt escapes strings: '"', '\\' and control characters escaped (the usual
// short forms where JSON has them), a surrogate that is not half of a pair as
// \\uXXXX, everything else as UTF-8.
void appendEscaped(QByteArray &out, const QString &text)
{
    out += '"';
    const char16_t *units = reinterpret_cast<const char16_t *>(text.utf16());
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t u = units[i];
        if (u >= 0x80) {
            const bool pair = QChar::isHighSurrogate(u) && i + 1 < size && QChar::isLowSurrogate(units[i + 1]);
            if (pair) {
                out += QStringView(units + i, 2).toUtf8();
                ++i;
            } else if (QChar::isSurrogate(u)) {
                appendUnicodeEscape(out, u);
            } else {
                out += QStringView(units + i, 1).toUtf8();
            }
            continue;
        }
        const char c = char(u);
        if (u >= 0x20 && c != '"' && c != '\\') {
            out += c;
            continue;
        }
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            appendUnicodeEscape(out, u);
        }
    }
    out += '"';
}

} // namespace

JsonWriter::JsonWriter()
{
    m_out.reserve(64 * 1024);
}

void JsonWriter::open()
{
    if (m_levels.empty())
        return;  // the document itself
    Level &level = m_levels.back();
    if (level.values++ > 0)
        m_out += ",\n";
    m_out.append(qsizetype(kIndent * m_levels.size()), ' ');
    if (level.object) {
        Q_ASSERT_X(level.values == 1 || level.lastKey < m_key, "JsonWriter", "keys must come sorted");
        level.lastKey = m_key;
        m_out += '"';
        m_out += m_key;
        m_out += "\": ";
    }
}

JsonWriter &JsonWriter::key(QLatin1StringView name)
{
    m_key = name;
    return *this;
}

void JsonWriter::beginObject()
{
    open();
    m_out += "{\n";
    m_levels.push_back({true, 0, {}});
}

void JsonWriter::beginArray()
{
    open();
    m_out += "[\n";
    m_levels.push_back({false, 0, {}});
}

void JsonWriter::endObject()
{
    close('}');
}

void JsonWriter::endArray()
{
    close(']');
}

void JsonWriter::close(char bracket)
{
    if (m_levels.back().values > 0)
        m_out += '\n';
    m_levels.pop_back();
    m_out.append(qsizetype(kIndent * m_levels.size()), ' ');
    m_out += bracket;
}

void JsonWriter::string(const QString &text)
{
    open();
    appendEscaped(m_out, text);
}

void JsonWriter::number(std::int64_t value)
{
    open();
    m_out += QByteArray::number(qint64(value));
}

void JsonWriter::boolean(bool value)
{
    open();
    m_out += value ? "true" : "false";
}

QByteArray JsonWriter::finish()
{
    Q_ASSERT(m_levels.empty());
    m_out += '\n';
    return std::move(m_out);
}

} // namespace packscope
