#pragma once

#include <QString>

namespace packscope {

// The built-in demos: the two stories of Lambda's size limits.
//
// ModelBundle: a TensorFlow Inception-v3 image classifier (classify_image.py,
// a ~95 MB frozen graph, a ~30 MB bundle of other models, the label files)
// zipped into a ~125 MB package: past the 50 MiB direct-upload limit, yet
// under 250 MiB unzipped, so it deploys through S3.
//
// Zeros: one 350,000,000-byte file of zeros that zips to a few hundred KB:
// far under 50 MiB zipped, yet over the 250 MiB that counts unzipped.
//
// The files are generated (models as pseudo-random, as incompressible as real
// weights), so the demos are the same on every machine and need no download.
class DemoPackage
{
public:
    enum class Demo { ModelBundle, Zeros };

    // Writes the demo zip into `folder` (reusing it when an earlier run left a
    // complete one) and returns its path; on failure returns an empty string
    // and sets `error`.
    static QString ensure(const QString &folder, QString *error, Demo demo = Demo::ModelBundle);

    // Where the app keeps it: the user's cache folder.
    static QString defaultFolder();

    static constexpr qint64 kGraphBytes = 95'673'916;
    static constexpr qint64 kBundleBytes = 30'412'846;
    static constexpr qint64 kZeroBytes = 350'000'000;
};

} // namespace packscope
