#include "TreemapLegend.h"

#include "FileKindPalette.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>

namespace packscope {

TreemapLegend::TreemapLegend(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 0, 2, 0);
    layout->setSpacing(4);
    for (int k = 0; k < kFileKindCount; ++k) {
        const auto kind = FileKind(k);
        auto *swatch = new QLabel(this);
        const int side = fontMetrics().height() - 4;
        QPixmap pixmap(side, side);
        pixmap.fill(fileKindColor(kind));
        swatch->setPixmap(pixmap);
        layout->addWidget(swatch);
        // Short names keep the legend from setting the map's minimum width.
        static const char *const shortNames[kFileKindCount] = {
            QT_TRANSLATE_NOOP("TreemapLegend", "Native"), QT_TRANSLATE_NOOP("TreemapLegend", "Python"),
            QT_TRANSLATE_NOOP("TreemapLegend", "JS/TS"),  QT_TRANSLATE_NOOP("TreemapLegend", "Data, models"),
            QT_TRANSLATE_NOOP("TreemapLegend", "Docs, tests"), QT_TRANSLATE_NOOP("TreemapLegend", "Other")};
        auto *name = new QLabel(tr(shortNames[k]), this);
        name->setToolTip(fileKindName(kind));
        swatch->setToolTip(fileKindName(kind));
        layout->addWidget(name);
        layout->addSpacing(8);
    }
    layout->addStretch(1);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
}

} // namespace packscope
