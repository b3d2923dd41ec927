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
        auto *name = new QLabel(fileKindName(kind), this);
        layout->addWidget(name);
        layout->addSpacing(8);
    }
    layout->addStretch(1);
}

} // namespace packscope
