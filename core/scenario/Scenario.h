#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace packscope {

class Session;

// A saved what-if (`*.packscope.json`, schema packscope.scenario/1): which
// package and layers (paths and SHA-256), the profile, the excluded paths
// and the rules applied, so a team can commit its slimming decisions and
// check them in CI (`packscope-cli audit --scenario FILE`). Paths of packages
// are stored relative to the scenario file when they sit beside or below it.
struct Scenario {
    struct PackageFile {
        QString path;    // as stored: relative to the scenario file, or absolute
        QString sha256;  // hex; empty for folders
    };
    struct Item {
        int package = 0;  // 0 = the function, 1.. = layers
        QString path;     // inside the package, '/'-separated
        bool folder = false;
        QString reason;   // why it was excluded (a rule, a glob, a package); may be empty
    };
    PackageFile function;
    std::vector<PackageFile> layers;
    QString profile = QStringLiteral("aws-lambda");
    std::vector<Item> excluded;
    QStringList rules;  // ids of suggestion rules applied

    // What the session holds now; `scenarioPath` is where it will be saved.
    static Scenario capture(const Session &session, const QString &scenarioPath, const QStringList &appliedRules = {});
    QByteArray toJson() const;
    static std::optional<Scenario> fromJson(const QByteArray &json, QString *error);
    // Reads a scenario file; errors name the file.
    static std::optional<Scenario> load(const QString &scenarioPath, QString *error);
    // Writes it atomically.
    bool save(const QString &scenarioPath, QString *error) const;

    // Package paths resolved against the scenario file's folder.
    QString functionPath(const QString &scenarioPath) const;
    QStringList layerPaths(const QString &scenarioPath) const;

    // What applying found.
    struct Outcome {
        int applied = 0;            // items excluded
        QStringList missing;        // items not in the package any more
        QStringList changed;        // packages whose SHA-256 differs from the saved one
        QStringList unknownRules;   // rule ids not among the built-in rules
        // Empty, or why the saved rules could not read every content they
        // needed (a package changed on disk since it was opened): what they
        // matched is then incomplete.
        QString error;
    };
    // Excludes, as one undoable edit, every saved item that still matches and
    // everything the saved rules match; says what did not match.
    Outcome applyTo(Session &session) const;
};

// Hex SHA-256 of a file's contents; empty for folders or unreadable files.
QString fileSha256(const QString &path);

} // namespace packscope
