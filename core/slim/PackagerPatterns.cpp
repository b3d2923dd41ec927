#include "slim/PackagerPatterns.h"
#include "session/Session.h"
#include "slim/SlimRules.h"
#include "whatif/GlobPattern.h"

#include <QHash>
#include <QSet>

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

// A glob of Packscope's syntax in the packagers' (minimatch): a base-name
// glob matches at any depth, a folder glob takes everything below it.
QString packagerGlob(const QString &glob)
{
    QString out = glob.startsWith(u'/') ? glob.mid(1) : glob;
    if (out.endsWith(u'/'))
        out += u"**"_s;
    const QString anchored = out.endsWith(u"/**"_s) ? out.chopped(3) : out;
    if (!anchored.contains(u'/'))
        out = u"**/"_s + out;
    return out;
}

// The same in Info-ZIP's -x syntax, where * crosses '/': "**/x/**" is "x/*"
// at the top and "*/x/*" below it.
QStringList zipGlobs(const QString &glob)
{
    QString g = packagerGlob(glob);
    g.replace(u"/**"_s, u"/*"_s);
    if (g.startsWith(u"**/"_s)) {
        const QString rest = g.mid(3).replace(u"**"_s, u"*"_s);
        // A leading * already reaches every depth.
        return rest.startsWith(u'*') ? QStringList{rest} : QStringList{rest, u"*/"_s + rest};
    }
    return {g.replace(u"**"_s, u"*"_s)};
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
    // Items a rule or a glob excluded: that rule's globs stand for them when
    // the globs match nothing kept (detector rules have no globs to give).
    QHash<QString, QStringList> globsOfRule;
    QString rulesError;
    for (const SlimRule &rule : SlimRules::builtin(&rulesError).rules) {
        if (rule.detector.isEmpty() && !rule.globTexts.isEmpty())
            globsOfRule.insert(rule.title, rule.globTexts);
    }
    QHash<QString, bool> faithful;  // per reason: its globs exclude just what is excluded
    auto reasonGlobs = [&](const QString &reason) {
        const QString glob = Session::globOfReason(reason);
        return glob.isEmpty() ? globsOfRule.value(reason) : QStringList{glob};
    };
    auto coversExactly = [&](const QStringList &texts) {
        std::vector<GlobPattern> globs;
        for (const QString &text : texts)
            globs.emplace_back(text);
        for (NodeId id = 1; id < tree.nodeCount(); ++id) {
            if (excluded[id])
                continue;
            const QByteArray path = tree.pathBytes(id);
            for (const GlobPattern &glob : globs) {
                if (glob.matches(path, tree.isFolder(id)))
                    return false;
            }
        }
        return true;
    };
    QSet<NodeId> covered;
    const auto folderGlobsFirst = [](const QString &a, const QString &b) {
        const bool folderA = a.endsWith(u'/') || a.endsWith(u"/**"_s);
        const bool folderB = b.endsWith(u'/') || b.endsWith(u"/**"_s);
        return folderA != folderB ? folderA : a < b;
    };
    for (NodeId id : exclusions.markedNodes()) {
        const QString reason = session.exclusionReason({0, id});
        const QStringList globs = reason.isEmpty() ? QStringList() : reasonGlobs(reason);
        if (globs.isEmpty())
            continue;
        auto known = faithful.find(reason);
        if (known == faithful.end())
            known = faithful.insert(reason, coversExactly(globs));
        if (!known.value())
            continue;
        covered.insert(id);
        for (const QString &glob : globs) {
            if (!m_reasonGlobs.contains(glob))
                m_reasonGlobs << glob;
        }
    }
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
        if (exclusions.isMarked(id) && !covered.contains(id))
            ++markedWith[ext];
    }
    for (auto it = markedWith.cbegin(); it != markedWith.cend(); ++it) {
        int excludedFiles = 0;
        for (NodeId id = 1; id < tree.nodeCount(); ++id)
            excludedFiles += (!tree.isFolder(id) && excluded[id] && extensionOf(tree.name(id)) == it.key()) ? 1 : 0;
        if (excludedFiles == filesWith.value(it.key()) && it.value() > 1)
            m_extensions << it.key();
    }
    std::sort(m_reasonGlobs.begin(), m_reasonGlobs.end(), folderGlobsFirst);
    m_extensions.sort();
    for (NodeId id = 1; id < tree.nodeCount(); ++id) {
        if (!exclusions.isMarked(id) || covered.contains(id)
            || (tree.node(id).parent != 0 && excluded[tree.node(id).parent]))
            continue;  // not excluded by the user, a rule's glob covers it, or inside an excluded folder already
        if (tree.isFolder(id))
            m_folders << tree.path(id);
        else if (!m_extensions.contains(extensionOf(tree.name(id))))
            m_files << tree.path(id);
    }
}

QStringList PackagerPatterns::globs() const
{
    QStringList out = m_reasonGlobs;
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
    for (const QString &glob : m_reasonGlobs)
        packagerGlobs << packagerGlob(glob);
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
        for (const QString &glob : m_reasonGlobs) {
            for (const QString &zipGlob : zipGlobs(glob))
                out += u' ' + shellQuoted(zipGlob);
        }
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
