// packscope: the desktop app. Opens a package (and its layers) given on the
// command line, the demo with --demo, or nothing.
#include "AppPalette.h"
#include "MainWindow.h"

#include "demo/DemoPackage.h"
#include "limits/LimitProfile.h"
#include "session/Session.h"

#include "TreemapWidget.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <utility>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Packscope"_s);
    QApplication::setApplicationName(u"Packscope"_s);
    QApplication::setApplicationVersion(QString::fromLatin1(PACKSCOPE_VERSION));
    QApplication::setDesktopFileName(u"packscope"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"See what makes an AWS Lambda deployment package too big."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"package"_s, u"The function's package: zip, jar, whl, tar.*, 7z or a folder."_s,
                                 u"[package]"_s);
    const QCommandLineOption layerOption(u"layer"_s, u"A layer attached to the function (up to 5; repeatable)."_s,
                                         u"file"_s);
    const QCommandLineOption demoOption(u"demo"_s, u"Open the built-in demo: a model bundle too big to upload."_s);
    const QCommandLineOption zerosOption(u"demo-zeros"_s,
                                         u"Open the other demo: 350 MB of zeros that zip to almost nothing."_s);
    const QCommandLineOption profileOption(u"profile"_s, u"Limit profile: a built-in id or a JSON file."_s,
                                           u"profile"_s, u"aws-lambda"_s);
    const QCommandLineOption presentationOption(u"presentation"_s,
                                                u"Start in presentation mode: full screen, large gauges and fonts."_s);
    // For the benchmark: the time from process start until the first treemap
    // of the package is on screen, printed on stderr, then quit.
    QCommandLineOption firstPaintOption(u"quit-after-first-paint"_s, u"Print open-to-first-paint time and quit."_s);
    firstPaintOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({layerOption, demoOption, zerosOption, profileOption, presentationOption, firstPaintOption});
    parser.process(app);

    QString profileError;
    const packscope::LimitProfile profile = packscope::LimitProfile::load(parser.value(profileOption), &profileError);
    if (!profile.isValid()) {
        std::fprintf(stderr, "packscope: error: %s\n", qPrintable(profileError));
        return 2;
    }

    packscope::applyAppPalette(app, QSettings().value(u"view/dark"_s, false).toBool());
    packscope::MainWindow::Opening opening;
    if (!parser.isSet(demoOption) && !parser.isSet(zerosOption) && !parser.positionalArguments().isEmpty())
        opening = {parser.positionalArguments().constFirst(), parser.values(layerOption)};
    packscope::MainWindow window(opening);
    window.session()->setProfile(profile);
    window.show();
    if (parser.isSet(firstPaintOption)) {
        QObject::connect(window.treemap(), &packscope::TreemapWidget::frameShown, &app, [&] {
            static bool reported = false;
            if (!window.session()->hasFunction() || std::exchange(reported, true))
                return;
            // frameShown() may come from inside a paint: paint again after it,
            // so that the time includes a whole paint of the new picture.
            QTimer::singleShot(0, &app, [&] {
                window.treemap()->repaint();
                std::fprintf(stderr, "first paint %lld ms\n", sinceStart.elapsed());
                QApplication::quit();
            });
        });
    }
    if (parser.isSet(presentationOption))
        window.setPresentationMode(true);
    if (parser.isSet(demoOption))
        window.openDemo(int(packscope::DemoPackage::Demo::ModelBundle));
    else if (parser.isSet(zerosOption))
        window.openDemo(int(packscope::DemoPackage::Demo::Zeros));
    return app.exec();
}
