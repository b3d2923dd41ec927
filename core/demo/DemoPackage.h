#pragma once

#include <QString>

namespace packscope {

// The built-in demo: the story Packscope was made for. A TensorFlow
// Inception-v3 image classifier (classify_image.py, a ~95 MB frozen graph, a
// ~30 MB bundle of other models, the label files) zipped into a ~125 MB
// package: past the 50 MiB direct-upload limit, under 250 MiB unzipped. The
// model files are generated (pseudo-random, as incompressible as real
// weights), so the demo is the same on every machine and needs no download.
class DemoPackage
{
public:
    // Writes the demo zip into `folder` (reusing it when an earlier run left a
    // complete one) and returns its path; on failure returns an empty string
    // and sets `error`.
    static QString ensure(const QString &folder, QString *error);

    // Where the app keeps it: the user's cache folder.
    static QString defaultFolder();

    static constexpr qint64 kGraphBytes = 95'673'916;
    static constexpr qint64 kBundleBytes = 30'412'846;
};

} // namespace packscope
