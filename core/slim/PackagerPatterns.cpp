#include "slim/PackagerPatterns.h"
#include "session/Session.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

QString extensionOf(const QString &name)
{
    const qsizetype dot = name.lastIndexOf(u'.');
    return dot > 0 && dot + 1 < name.size() ? name.mid(dot + 1) : QString();
}

// Glob characters in a path: a literal *, ? or [ needs a backslash, in
// Packscope's globs as in Info-ZIP's and the packagers' (minimatch).
QString escaped(QString path)
{
    for (const QChar c : {u'\\', u'*', u'?', u'['})
        path.replace(c, u'\\' + QString(c));
    return path;
}

QString shellQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

QString yamlQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', u"''"_s);
    return u'\'' + quoted + u'\'';
}

QString jsQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    return u'\'' + quoted + u'\'';
}

} // namespace

QStringList PackagerPatterns::formatNames()
{
    return {u"globs"_s, u"serverless"_s, u"slim-patterns"_s, u"cdk"_s, u"zip"_s};
}

bool PackagerPatterns::formatFromName(const QString &name, Format *format)
{
    const QStringList names = formatNames();
    const qsizetype index = names.indexOf(name);
    if (index < 0)
        return false;
    *format = std::array{Format::Globs, Format::Serverless, Format::PythonRequirements, Format::Cdk,
                         Format::ZipCommand}[std::size_t(index)];
    return true;
}

PackagerPatterns::PackagerPatterns(const Session &session)
{
    if (!session.hasFunction())
        return;
    const PackageTree &tree = session.package(0)->tree;
    const ExclusionSet &exclusions = session.exclusions(0);
    const std::vector<std::uint8_t> excluded = exclusions.excludedMask();
    if (excluded.empty())
        return;
    // Extensions whose files are all excluded, and each of them marked on its
    // own (not inside an excluded folder): one glob covers them.
    QHash<QString, int> filesWith, markedWith;
    for (NodeId id = 1; id < tree.nodeCount(); ++id) {
        if (tree.isFolder(id))
            continue;
        const QString ext = extensionOf(tree.name(id));
        if (ext.isEmpty())
            continue;
        ++filesWith[ext];
        if (exclusions.isMarked(id))
            ++markedWith[ext];
    }
    for (auto it = markedWith.cbegin(); it != markedWith.cend(); ++it) {
        int excludedFiles = 0;
        for (NodeId id = 1; id < tree.nodeCount(); ++id)
            excludedFiles += (!tree.isFolder(id) && excluded[id] && extensionOf(tree.name(id)) == it.key()) ? 1 : 0;
        if (excludedFiles == filesWith.value(it.key()) && it.value() > 1)
            m_extensions << it.key();
    }
    m_extensions.sort();
    for (NodeId id = 1; id < tree.nodeCount(); ++id) {
        if (!exclusions.isMarked(id) || (tree.node(id).parent != 0 && excluded[tree.node(id).parent]))
            continue;  // not excluded by the user, or inside an excluded folder already
        if (tree.isFolder(id))
            m_folders << tree.path(id);
        else if (!m_extensions.contains(extensionOf(tree.name(id))))
            m_files << tree.path(id);
    }
}

QStringList PackagerPatterns::globs() const
{
    QStringList out;
    for (const QString &folder : m_folders)
        out << escaped(folder) + u'/';
    for (const QString &ext : m_extensions)
        out << u"*."_s + escaped(ext);
    for (const QString &file : m_files)
        out << escaped(file);
    return out;
}

QString PackagerPatterns::text(Format format, const QString &zipName) const
{
    // Folder and file globs in the gitignore-like style the packagers share.
    QStringList packagerGlobs;
    for (const QString &folder : m_folders)
        packagerGlobs << escaped(folder) + u"/**"_s;
    for (const QString &ext : m_extensions)
        packagerGlobs << u"**/*."_s + escaped(ext);
    for (const QString &file : m_files)
        packagerGlobs << escaped(file);

    QString out;
    switch (format) {
    case Format::Globs:
        return globs().join(u'\n') + (isEmpty() ? QString() : u"\n"_s);
    case Format::Serverless:
        out = u"package:\n  patterns:\n"_s;
        for (const QString &glob : packagerGlobs)
            out += u"    - "_s + yamlQuoted(u'!' + glob) + u'\n';
        return out;
    case Format::PythonRequirements:
        out = u"custom:\n  pythonRequirements:\n    slimPatterns:\n"_s;
        for (const QString &glob : packagerGlobs)
            out += u"      - "_s + yamlQuoted(glob) + u'\n';
        return out;
    case Format::Cdk: {
        QStringList quoted;
        for (const QString &glob : packagerGlobs)
            quoted << jsQuoted(glob);
        return u"lambda.Code.fromAsset('path/to/package', {\n  exclude: [%1],\n})\n"_s.arg(quoted.join(u", "_s));
    }
    case Format::ZipCommand: {
        // Info-ZIP's * also crosses '/', so "dir/*" takes a whole folder.
        out = u"zip -r "_s + shellQuoted(zipName) + u" ."_s;
        if (!isEmpty())
            out += u" -x"_s;
        for (const QString &folder : m_folders)
            out += u' ' + shellQuoted(escaped(folder) + u"/*"_s);
        for (const QString &ext : m_extensions)
            out += u' ' + shellQuoted(u"*."_s + escaped(ext));
        for (const QString &file : m_files)
            out += u' ' + shellQuoted(escaped(file));
        return out + u'\n';
    }
    }
    return {};
}

} // namespace packscope
