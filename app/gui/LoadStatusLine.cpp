#include "LoadStatusLine.h"

#include "PackageLoader.h"

#include "report/SizeFormat.h"
#include "session/Session.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>

namespace packscope {

LoadStatusLine::LoadStatusLine(PackageLoader *loader, QWidget *parent)
    : QWidget(parent), m_loader(loader), m_text(new QLabel(this)), m_bar(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_poll(new QTimer(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    m_bar->setRange(0, 0);
    m_bar->setMaximumWidth(200);
    m_bar->setTextVisible(false);  // the text says it in words
    m_bar->hide();
    m_cancel->hide();
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, &LoadStatusLine::showProgress);
    connect(m_cancel, &QPushButton::clicked, m_loader, &PackageLoader::cancel);
}

void LoadStatusLine::showLoading(const QString &what)
{
    m_text->setText(tr("Reading %1…").arg(what));
    m_bar->setRange(0, 0);
    m_bar->show();
    m_cancel->show();
    m_poll->start();
}

void LoadStatusLine::stopLoading()
{
    m_poll->stop();
    m_bar->hide();
    m_cancel->hide();
}

void LoadStatusLine::showText(const QString &text)
{
    m_text->setText(text);
}

void LoadStatusLine::showProgress()
{
    const PackageLoader::Progress now = m_loader->progress();
    if (now.file < 0 || (now.read.entries == 0 && now.read.bytesRead == 0))
        return;
    const LoadProgress &read = now.read;
    const QString files = read.entries == 1 ? tr("1 entry") : tr("%1 entries").arg(formatBytes(read.entries));
    if (read.bytesTotal > 0) {
        // An archive: how much of the file is read is exact; the number of
        // entries in all is extrapolated from it, and says so.
        const int permille = read.permille();
        m_bar->setRange(0, 1000);
        m_bar->setValue(permille);
        m_text->setText(tr("Reading %1… %2 % (%3 of %4), %5 of about %6")
                            .arg(now.name, QString::number(permille / 10), formatMiB(read.bytesRead),
                                 formatMiB(read.bytesTotal), files, formatBytes(read.estimatedEntries())));
    } else {
        m_text->setText(tr("Reading %1… %2, %3 read").arg(now.name, files, formatMiB(read.bytesRead)));
    }
}

void LoadStatusLine::showSession(const Session &session, int warnings)
{
    if (m_loader->isBusy())
        return;
    if (!session.hasFunction()) {
        m_text->setText(tr("Open a package (File → Open, or drop it here), or try one of the demos."));
        return;
    }
    const Package &package = *session.package(0);
    const SizeTotals totals = package.tree.node(0).totals;
    QString status = (totals.files == 1 ? tr("%1 · %2 · 1 file") : tr("%1 · %2 · %n files", nullptr, int(totals.files)))
                         .arg(package.path, formatName(package.format));
    if (package.zippedEstimated)
        status += tr(" · zipped sizes are estimates (deflate level 6)");
    if (session.layerCount() > 0)
        status += session.layerCount() == 1 ? tr(" · 1 layer") : tr(" · %n layers", nullptr, session.layerCount());
    if (warnings > 0)
        status += warnings == 1 ? tr(" · 1 warning, listed under Warnings")
                                : tr(" · %1 warnings, listed under Warnings").arg(warnings);
    m_text->setText(status);
}

} // namespace packscope
