#!/usr/bin/env bash
# Installs what Packscope needs to build and test on Debian 12 (bookworm):
# the toolchain and libraries, plus the archive tools the tests use to make
# their fixtures (Info-ZIP, bsdtar, 7z, jar, Python).
# Usage: scripts/setup-debian.sh [--list]
#   --list prints the packages, one a line, and installs nothing
#   (scripts/check-setup.sh reads the list that way).
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev libquazip1-qt6-dev libarchive-dev zlib1g-dev
  # tests: fixture producers and oracles
  zip unzip libarchive-tools p7zip-full default-jdk-headless python3 zstd xz-utils bzip2
  # fuzzing: clang's libFuzzer and sanitizer runtimes
  clang libclang-rt-14-dev
  # packages: .deb dependencies from the binaries, desktop entry and AppStream checks
  dpkg-dev desktop-file-utils appstream
  # looking at the GUI under a virtual display
  xvfb xauth xdotool imagemagick
)

if [ "${1:-}" = "--list" ]; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all packages present"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
