#include "report/JsonWriter.h"

namespace packscope {

namespace {

constexpr int kIndent = 4;  // spaces per level, as QJsonDocument::Indented

void appendEscaped(QByteArray &out, const QString &text)
{
    // UTF-8 continuation bytes are all >= 0x80, so escaping bytes is safe.
    static constexpr char kHex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && c != '"' && c != '\\') {
            out += c;
            continue;
        }
        out += '\\';
        switch (c) {
        case '"':
        case '\\':
            out += c;
            break;
        case '\b':
            out += 'b';
            break;
        case '\f':
            out += 'f';
            break;
        case '\n':
            out += 'n';
            break;
        case '\r':
            out += 'r';
            break;
        case '\t':
            out += 't';
            break;
        default:
            out += "u00";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
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
