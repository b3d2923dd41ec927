#!/usr/bin/env bash
# Builds the .deb and .tar.gz from a finished build, unpacks the .deb into a
# temporary root and runs the installed packscope-cli from there; validates
# the desktop entry and the AppStream metadata.
# Usage: check_packages.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cpack --config "$build/CPackConfig.cmake" -B "$work/out" -G "DEB;TGZ" > "$work/cpack.log" \
  || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/out/packscope_*.deb)
ls "$work"/out/packscope-*.tar.gz > /dev/null

# Dependencies on Debian's runtime packages, found from the binaries.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for library in libqt6core6 libqt6widgets6 libqt6charts6 libquazip1-qt6 libarchive13; do
  grep -q "$library" <<< "$depends" || { echo "missing dependency on $library"; exit 1; }
done

dpkg-deb -x "$deb" "$work/root"
for file in usr/bin/packscope usr/bin/packscope-cli \
            usr/share/applications/io.packscope.Packscope.desktop \
            usr/share/metainfo/io.packscope.Packscope.metainfo.xml \
            usr/share/icons/hicolor/scalable/apps/io.packscope.Packscope.svg \
            usr/share/mime/packages/io.packscope.Packscope.xml \
            usr/share/packscope/profiles/aws-lambda.json usr/share/packscope/rules/node.json; do
  [ -e "$work/root/$file" ] || { echo "not installed: $file"; exit 1; }
done

cli="$work/root/usr/bin/packscope-cli"
"$cli" --version | grep -q '^packscope-cli '
python3 -c "
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('index.js', 'exports.handler = async () => 42;')
" "$work/function.zip"
"$cli" audit "$work/function.zip" --format json | python3 -c "
import json, sys
report = json.load(sys.stdin)
assert report['schema'] == 'packscope.audit/1', report
assert report['packages'][0]['files'] == 1, report
"

desktop-file-validate "$work/root/usr/share/applications/io.packscope.Packscope.desktop"
appstreamcli validate --no-net --pedantic "$work/root/usr/share/metainfo/io.packscope.Packscope.metainfo.xml" \
  || appstreamcli validate --no-net "$work/root/usr/share/metainfo/io.packscope.Packscope.metainfo.xml"
echo "packages OK: $(basename "$deb")"
