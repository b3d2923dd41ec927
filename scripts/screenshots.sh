#!/usr/bin/env bash
# Takes the README's screenshots from the real app on a virtual display:
#   scripts/screenshots.sh [PACKAGE]   (default: the built-in demo)
# Needs a build in build/release or build/ and xvfb, xdotool, imagemagick.
set -euo pipefail
cd "$(dirname "$0")/.."
app=""
for candidate in build/release/app/packscope build/app/packscope; do
  if [ -x "$candidate" ]; then app=$PWD/$candidate; break; fi
done
[ -n "$app" ] || { echo "screenshots: build the app first (scripts/build.sh)" >&2; exit 1; }
out=docs/screenshots
mkdir -p "$out"
package_args=(--demo)
[ $# -ge 1 ] && package_args=("$1")

shoot() {  # shoot NAME DARK(true|false)
  local name=$1 dark=$2 config
  config=$(mktemp -d)
  mkdir -p "$config/Packscope"
  printf '[view]\ndark=%s\n' "$dark" > "$config/Packscope/Packscope.conf"
  XDG_CONFIG_HOME=$config xvfb-run -a -s '-screen 0 1600x1000x24' bash -c "
    '$app' ${package_args[*]@Q} &
    sleep 8
    id=\$(xdotool search --onlyvisible --name Packscope | head -1)
    eval \$(xdotool getwindowgeometry --shell \$id)
    import -window root -crop \${WIDTH}x\${HEIGHT}+\${X}+\${Y} '$out/$name.png'
    kill %1"
  rm -rf "$config"
  echo "wrote $out/$name.png"
}
shoot main-light false
shoot main-dark true
