// packscope-cli: the headless face of Packscope for CI jobs and offline audits.
#include "AuditCommand.h"
#include "CliOutput.h"
#include "DiffCommand.h"
#include "PatternsCommand.h"
#include "SlimCommand.h"
#include "SuggestCommand.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

const char kUsage[] =
    "Usage:\n"
    "  packscope-cli audit PACKAGE [--layer LAYER]... [--exclude GLOB]... [--profile ID|FILE]\n"
    "                      [--format text|json|csv] [--with-files] [--top N] [-o FILE]\n"
    "  packscope-cli diff BASE HEAD [--layer LAYER]... [--base-layer LAYER]... [--exclude GLOB]...\n"
    "                     [--profile ID|FILE] [--format text|json|csv|markdown] [--top N] [-o FILE]\n"
    "                     [--fail-on-growth BYTES|PERCENT] [--fail-on-new-failure]\n"
    "  packscope-cli slim PACKAGE -o OUT.zip [--exclude GLOB]... [--rules safe|caution]\n"
    "  packscope-cli suggest PACKAGE [--layer LAYER]... [--exclude GLOB]... [--format text|json]\n"
    "  packscope-cli patterns PACKAGE [--exclude GLOB]... [--rules safe|caution]\n"
    "                         [--format globs|serverless|slim-patterns|cdk|zip]\n"
    "  packscope-cli --version | --help\n"
    "\n"
    "PACKAGE and LAYER: .zip (.jar, .whl), .tar[.gz|.xz|.bz2|.zst], .7z or a directory.\n"
    "BASE (or HEAD) may also be a report of 'audit --format json --with-files'.\n"
    "Exit codes: 0 every limit holds, 1 a limit is exceeded, 2 usage error or unreadable package.\n"
    "Run 'packscope-cli COMMAND --help' for the options.\n";

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"packscope-cli"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(PACKSCOPE_VERSION));
    const QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.value(1);
    if (command == u"--version" || command == u"-v") {
        std::printf("packscope-cli %s\n", PACKSCOPE_VERSION);
        return packscope::cli::kExitOk;
    }
    if (command == u"--help" || command == u"-h" || command == u"help") {
        std::fputs(kUsage, stdout);
        return packscope::cli::kExitOk;
    }
    if (command == u"audit")
        return packscope::AuditCommand::run(arguments);
    if (command == u"diff")
        return packscope::DiffCommand::run(arguments);
    if (command == u"slim")
        return packscope::SlimCommand::run(arguments);
    if (command == u"patterns")
        return packscope::PatternsCommand::run(arguments);
    if (command == u"suggest")
        return packscope::SuggestCommand::run(arguments);
    packscope::cli::fail(command.isEmpty() ? u"no command given"_s : u"unknown command '%1'"_s.arg(command));
    std::fputs(kUsage, stderr);
    return packscope::cli::kExitError;
}
