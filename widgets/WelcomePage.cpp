#include "WelcomePage.h"

#include "demo/DemoPackage.h"

#include <QCommandLinkButton>
#include <QFileInfo>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace packscope {

WelcomePage::WelcomePage(QWidget *parent) : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *column = new QWidget(this);
    column->setMaximumWidth(760);
    auto *layout = new QVBoxLayout(column);
    auto *title = new QLabel(tr("Packscope"), column);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setBold(true);
    title->setFont(big);
    layout->addWidget(title);
    auto *intro = new QLabel(tr("Packscope shows what is in an AWS Lambda deployment package, how close it is to "
                                "Lambda's 50 MiB and 250 MiB limits, and which files push it over. Drag files out "
                                "to see the package without them, then export the slim zip."),
                             column);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addSpacing(12);

    auto addButton = [&](const QString &text, const QString &description) {
        auto *button = new QCommandLinkButton(text, description, column);
        layout->addWidget(button);
        return button;
    };
    connect(addButton(tr("Open a Package…"), tr("A .zip, .jar or .whl, a tar archive, a .7z or a folder (Ctrl+O). "
                                                  "Or drop it on this window.")),
            &QAbstractButton::clicked, this, &WelcomePage::openRequested);
    connect(addButton(tr("Demo: a Model Bundle Too Big to Upload"),
                      tr("An image classifier with a 95 MB model: over 50 MiB zipped, so a direct upload fails, "
                         "but under 250 MiB unzipped, so it deploys through S3.")),
            &QAbstractButton::clicked, this, [this] { Q_EMIT demoRequested(int(DemoPackage::Demo::ModelBundle)); });
    connect(addButton(tr("Demo: 350 MB of Zeros"),
                      tr("One file that zips to almost nothing, yet fails the 250 MiB limit: Lambda counts "
                         "the unzipped size too.")),
            &QAbstractButton::clicked, this, [this] { Q_EMIT demoRequested(int(DemoPackage::Demo::Zeros)); });

    layout->addSpacing(12);
    auto *recentTitle = new QLabel(u"<b>%1</b>"_s.arg(tr("Recent packages")), column);
    layout->addWidget(recentTitle);
    auto *recentBox = new QWidget(column);
    m_recent = new QVBoxLayout(recentBox);
    m_recent->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(recentBox);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 4);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);
    setRecentFiles({});
}

void WelcomePage::setRecentFiles(const QStringList &paths)
{
    while (QLayoutItem *item = m_recent->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (paths.isEmpty()) {
        auto *none = new QLabel(tr("None yet."), this);
        none->setForegroundRole(QPalette::PlaceholderText);
        m_recent->addWidget(none);
        return;
    }
    for (const QString &path : paths) {
        auto *button = new QCommandLinkButton(QFileInfo(path).fileName(), path, this);
        connect(button, &QAbstractButton::clicked, this, [this, path] { Q_EMIT recentRequested(path); });
        m_recent->addWidget(button);
    }
}

} // namespace packscope
