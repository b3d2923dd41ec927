#!/usr/bin/env bash
# Checks that scripts/setup-debian.sh installs everything the build and the
# tests use. It installs with --no-install-recommends, so a package that is
# only recommended by one on the list (libqt6opengl6-dev by qt6-base-dev) is
# there on a developer's machine but missing on a fresh Debian 12, and the
# build breaks there only. This maps to its Debian package (dpkg -S) every
# file under /usr the configure and build read (the headers in the compiler's
# dependency files, the link inputs, the CMake package files, the compiler and
# build tools) and every program in tests/required-tools.txt, and fails naming
# each package that the setup list, with what it depends on but no
# recommends, does not install. Packages every Debian system has (Essential,
# or Priority: required) count as installed.
# Usage: scripts/check-setup.sh [BUILD_DIR]   (default build/test, configured and built)
#   PACKSCOPE_SETUP_SCRIPT=FILE checks the list of another setup script (one
#   that prints its packages with --list) instead of scripts/setup-debian.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build/test}" && pwd)
setup=${PACKSCOPE_SETUP_SCRIPT:-$root/scripts/setup-debian.sh}
setup_name=${PACKSCOPE_SETUP_SCRIPT:-scripts/setup-debian.sh}
tools_list=$root/tests/required-tools.txt
if [ ! -f "$build/CMakeCache.txt" ] || [ ! -f "$build/build.ninja" ]; then
  echo "check-setup: $build is not a configured Ninja build folder" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cache() { sed -n "s/^$1:[A-Z]*=//p" "$build/CMakeCache.txt" | head -n 1; }
cxx=$(cache CMAKE_CXX_COMPILER)
ninja=$(cache CMAKE_MAKE_PROGRAM)

# The setup list and what it installs without recommends (in the background,
# it is the slow part).
mapfile -t packages < <(bash "$setup" --list)
for p in "${packages[@]}"; do
  [[ $p =~ ^[a-z0-9][a-z0-9+.-]+$ ]] \
    || { echo "check-setup: $setup_name --list printed '$p', not a package name" >&2; exit 2; }
done
[ ${#packages[@]} -gt 0 ] || { echo "check-setup: $setup_name --list printed no packages" >&2; exit 2; }
apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
  --no-enhances "${packages[@]}" > "$work/depends" 2> "$work/depends.err" &
closure_job=$!

# Files the configure and build used.
{
  # Every header each object included.
  "$ninja" -C "$build" -t deps | sed -n 's/^    //p'
  # Link inputs, the CMake files the configure read (inputs of build.ninja
  # itself), programs of the build commands.
  grep -ohE '(^|[ ="])/[^ "$:;|,]+' "$build/build.ninja" "$build/CMakeFiles/rules.ninja" | sed 's/^[ ="]//' || true
  # moc, rcc and uic as CMake's automatic code generation runs them.
  find "$build" -name 'Auto*Info.json' -path '*_autogen*' -print0 \
    | xargs -0 -r sed -n 's/.*_EXECUTABLE" *: *"\(\/[^"]*\)".*/\1/p'
  # The CMake package config folders found (Qt6_DIR, Qt6OpenGL_DIR, QuaZip-Qt6_DIR...).
  sed -n 's/^[A-Za-z0-9_.+-]*_DIR:PATH=\(\/.*\)$/\1/p' "$build/CMakeCache.txt" | while read -r dir; do
    if compgen -G "$dir/*[Cc]onfig.cmake" > /dev/null; then
      find "$dir" -maxdepth 1 \( -type f -o -type l \)
    fi
  done
  # The compiler, the build tools and what the compiler driver runs and links implicitly.
  for var in CMAKE_CXX_COMPILER CMAKE_MAKE_PROGRAM CMAKE_COMMAND CMAKE_CPACK_COMMAND CMAKE_CTEST_COMMAND \
             CMAKE_LINKER CMAKE_AR CMAKE_RANLIB CMAKE_STRIP; do
    cache "$var"
  done
  for prog in cc1plus collect2 as ld; do
    p=$("$cxx" -print-prog-name="$prog")
    if [[ $p != /* ]]; then p=$(command -v "$p" || true); fi
    echo "$p"
  done
  implicit=$(sed -n 's/^set(CMAKE_CXX_IMPLICIT_LINK_LIBRARIES "\(.*\)")$/\1/p' "$build"/CMakeFiles/*/CMakeCXXCompiler.cmake)
  for lib in ${implicit//;/ }; do
    for ext in so a; do
      p=$("$cxx" -print-file-name="lib$lib.$ext")
      if [[ $p == /* ]]; then echo "$p"; break; fi
    done
  done
  for object in Scrt1.o crti.o crtn.o crtbeginS.o crtendS.o; do "$cxx" -print-file-name="$object"; done
  # The runtimes the driver links for -fsanitize=..., which no build file names
  # (GCC's libtsan.so, from libgcc-12-dev, leads to libtsan2's library).
  for sanitizer in $(grep -ohE -- '-fsanitize=[a-z,]+' "$build/build.ninja" | cut -d= -f2 | tr , '\n' | sort -u); do
    case $sanitizer in
      address) runtime=asan ;;
      thread) runtime=tsan ;;
      undefined) runtime=ubsan ;;
      *) continue ;;
    esac
    "$cxx" -print-file-name="lib$runtime.so"
  done
} | sort -u > "$work/candidates"

# Absolute paths of existing files outside the source and build folders:
# "file<TAB>path as used<TAB>path with every symlink resolved".
while IFS= read -r path; do
  if [[ $path == /* && -f $path && $path != "$root"/* && $path != "$build"/* ]]; then echo "$path"; fi
done < "$work/candidates" | sort -u > "$work/used"
paste <(xargs -r -d '\n' realpath -s -m -- < "$work/used") <(xargs -r -d '\n' realpath -m -- < "$work/used") \
  | sed 's/^/file\t/' | sort -u > "$work/items"

# Programs the tests run, every match on PATH in order: "tool<TAB>name<TAB>
# path<TAB>resolved path". The first from a Debian package counts, so that a
# pyenv shim or /usr/local first on PATH does not hide the one a fresh Debian has.
tool_errors=()
tools=0
while read -r tool _; do
  [ -n "$tool" ] || continue
  tools=$((tools + 1))
  mapfile -t found < <(type -aP "$tool" || true)
  if [ ${#found[@]} -eq 0 ]; then
    tool_errors+=("check-setup: the tests run $tool, which is not on PATH: install the package that has it and add that to $setup_name")
    continue
  fi
  for path in "${found[@]}"; do
    printf 'tool\t%s\t%s\t%s\n' "$tool" "$path" "$(realpath -m -- "$path")"
  done >> "$work/items"
done < <(sed 's/#.*//' "$tools_list")

# Each path as packaged: as used, resolved, and (/usr is merged in Debian 12)
# with /lib, /bin and /sbin for /usr/lib, /usr/bin and /usr/sbin, and back.
awk -F'\t' '
  function both(path) {
    print path
    if (path ~ /^\/usr\/(lib|lib64|bin|sbin)\//) print substr(path, 5)
    else if (path ~ /^\/(lib|lib64|bin|sbin)\//) print "/usr" path
  }
  $1 == "tool" { both($3); both($4); next }
  { both($2); both($3) }' "$work/items" | sort -u > "$work/query"
# "path<TAB>package", without architecture qualifiers; diversions left out.
xargs -r -d '\n' dpkg-query -S -- < "$work/query" 2> /dev/null | awk '
  /^(diversion by|local diversion)/ { next }
  {
    i = index($0, ": ")
    if (!i) next
    path = substr($0, i + 2)
    n = split(substr($0, 1, i - 1), owners, ", ")
    for (k = 1; k <= n; ++k) { sub(/:.*/, "", owners[k]); print path "\t" owners[k] }
  }' | sort -u > "$work/owners" || true

# Every Debian system has these.
dpkg-query -W -f='${Package}\t${Essential}\t${Priority}\n' | awk -F'\t' '$2 == "yes" || $3 == "required" { print $1 }' \
  > "$work/base"

wait "$closure_job" || { cat "$work/depends.err" >&2; echo "check-setup: apt-cache depends failed" >&2; exit 2; }
sed -n 's/^<\{0,1\}\([^ <>]*\)>\{0,1\}$/\1/p' "$work/depends" | sed 's/:.*//' | sort -u > "$work/closure"
for p in "${packages[@]}"; do
  grep -qxF "$p" "$work/closure" \
    || tool_errors+=("check-setup: $p, on the list of $setup_name, is not a package apt knows (apt-get update?)")
done

printf '%s\n' "${tool_errors[@]}" > "$work/errors"
awk -F'\t' -v setup="$setup_name" -v tools="$tools" -v errors="$work/errors" '
  FILENAME == ARGV[1] { closure[$1] = 1; next }
  FILENAME == ARGV[2] { base[$1] = 1; next }
  FILENAME == ARGV[3] { owners[$1] = owners[$1] "\t" $2; next }
  function owned_by(path,   other) {
    if (path ~ /^\/usr\/(lib|lib64|bin|sbin)\//) other = substr(path, 5)
    else if (path ~ /^\/(lib|lib64|bin|sbin)\//) other = "/usr" path
    return owners[path] (other == "" ? "" : owners[other])
  }
  function config_of_its_folder(path,   n, parts) {
    n = split(path, parts, "/")
    return parts[n] == parts[n - 1] "Config.cmake" || parts[n] == parts[n - 1] "-config.cmake"
  }
  function packaged(path) { return path ~ /^\/usr\/(include|lib)\// || path ~ /^\/usr\/share\/cmake/ }
  # Notes the packages of one file or tool that the setup list lacks.
  function check(kind, name, used, resolved,   list, n, k, p, rank, pkgs) {
    list = owned_by(used) owned_by(resolved)
    if (list == "") {
      if (kind == "tool")
        failures[++nf] = "check-setup: the tests run " name " (" resolved "), which no Debian package installed: install it from a package and add that to " setup
      else if (packaged(used) || packaged(resolved))
        failures[++nf] = "check-setup: the build uses " used ", which no Debian package installed: install it from a package and add that to " setup
      else
        warnings[++nw] = "the build uses " used ", from no Debian package"
      return
    }
    if (kind == "file") ++files
    n = split(substr(list, 2), pkgs, "\t")
    for (k = 1; k <= n; ++k) {
      p = pkgs[k]
      if (kind == "file") used_pkgs[p] = 1
      if (p in closure || p in base) continue
      # One example a package: a build file before a tool, the package
      # config file of a CMake package (Qt6OpenGL/Qt6OpenGLConfig.cmake) first.
      rank = kind == "tool" ? 3 : (used ~ /[Cc]onfig\.cmake$/ ? (config_of_its_folder(used) ? 0 : 1) : 2)
      if (!(p in missing) || rank < missing_rank[p]) {
        missing[p] = kind == "tool" ? "the tests run " name " (" resolved "), from " p ", which" \
                                    : p " is used by the build (" used ") but"
        missing_rank[p] = rank
      }
    }
  }
  $1 == "file" { check("file", "", $2, $3); next }
  $1 == "tool" {
    if (!($2 in matches)) order[++ntools] = $2
    ++matches[$2]
    tool_path[$2, matches[$2]] = $3
    tool_resolved[$2, matches[$2]] = $4
  }
  END {
    for (t = 1; t <= ntools; ++t) {
      name = order[t]
      pick = 1
      for (m = 1; m <= matches[name]; ++m) {
        if (owned_by(tool_path[name, m]) owned_by(tool_resolved[name, m]) != "") { pick = m; break }
      }
      if (pick > 1)
        warnings[++nw] = name " on PATH is " tool_path[name, 1] ", from no Debian package; checked " tool_path[name, pick] " instead"
      check("tool", name, tool_path[name, pick], tool_resolved[name, pick])
    }
    for (i = 1; i <= nw; ++i) print "check-setup: warning: " warnings[i] > "/dev/stderr"
    bad = nf
    for (i = 1; i <= nf; ++i) print failures[i]
    while ((getline line < errors) > 0) if (line != "") { print line; ++bad }
    for (p in missing) {
      print "check-setup: " missing[p] " is not installed by " setup " (nor pulled in without recommends): add it to the list" | "sort"
      ++bad
    }
    close("sort")
    if (bad) exit 1
    npkgs = 0
    for (p in used_pkgs) ++npkgs
    printf "check-setup: %d files from %d packages and %d test tools, all installed by %s\n", files, npkgs, tools, setup
  }' "$work/closure" "$work/base" "$work/owners" "$work/items"
