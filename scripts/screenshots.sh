#!/usr/bin/env bash
# Takes the README's screenshots from the real app on a virtual display:
#   scripts/screenshots.sh [PACKAGE]   (default for the main shots: the built-in demo)
# Needs a build (build/release, build/ or build/test; or PACKSCOPE_APP=path)
# and xvfb, xdotool, imagemagick.
set -euo pipefail
cd "$(dirname "$0")/.."
app=${PACKSCOPE_APP:-}
for candidate in build/release/app/packscope build/app/packscope build/test/app/packscope; do
  [ -n "$app" ] && break
  if [ -x "$candidate" ]; then app=$PWD/$candidate; break; fi
done
[ -n "$app" ] || { echo "screenshots: build the app first (scripts/build.sh)" >&2; exit 1; }
out=docs/screenshots
mkdir -p "$out"
package_args=(--demo)
[ $# -ge 1 ] && package_args=("$1")

# shoot NAME SCREEN(WxH) DARK(true|false) WINDOW(window|screen) KEYS ARGS...
# KEYS: xdotool keys pressed once the window shows ("-" for none).
shoot() {
  local name=$1 screen=$2 dark=$3 what=$4 keys=$5 config
  shift 5
  config=$(mktemp -d)
  mkdir -p "$config/Packscope"
  printf '[view]\ndark=%s\n' "$dark" > "$config/Packscope/Packscope.conf"
  XDG_CONFIG_HOME=$config xvfb-run -a -s "-screen 0 ${screen}x24" bash -c "
    '$app' ${*@Q} &
    sleep 8
    id=\$(xdotool search --onlyvisible --name Packscope | head -1)
    if [ '$what' = screen ]; then
      xdotool windowsize \$id ${screen/x/ } windowmove \$id 0 0
      sleep 1
    fi
    if [ '$keys' != - ]; then
      eval \$(xdotool getwindowgeometry --shell \$id)
      xdotool mousemove \$((X + WIDTH / 2)) \$((Y + HEIGHT - 8)) click 1  # the status bar: gives focus
      xdotool key $keys
      sleep 2
    fi
    if [ '$what' = screen ]; then
      import -window root '$out/$name.png'
    else
      eval \$(xdotool getwindowgeometry --shell \$id)
      import -window root -crop \${WIDTH}x\${HEIGHT}+\${X}+\${Y} '$out/$name.png'
    fi
    kill %1"
  rm -rf "$config"
  echo "wrote $out/$name.png"
}
shoot main-light 1600x1000 false window - "${package_args[@]}"
shoot main-dark 1600x1000 true window - "${package_args[@]}"
# A newcomer's laptop: 1280×800.
shoot welcome-1280x800 1280x800 false screen -
shoot demo-1280x800 1280x800 false screen - --demo
shoot presentation-1280x800 1280x800 false screen - --demo --presentation
shoot help-limits-1280x800 1280x800 false screen F1 --demo
