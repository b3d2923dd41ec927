#pragma once

class QApplication;

namespace packscope {

// Light or dark look for the whole app (Fusion style with a matching palette),
// so the app looks the same on every desktop and can be shown dark.
void applyAppPalette(QApplication &app, bool dark);

} // namespace packscope
