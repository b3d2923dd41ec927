#!/usr/bin/env bash
# Regenerates the seed corpus under tests/fuzz/corpus: small packages from
# every producer the readers meet, and the small hostile packages. Seeds are
# committed (with every crash a fuzzer ever found, as a regression input);
# run this only to refresh them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
zips="$here/corpus/fuzz_zipreader"
archives="$here/corpus/fuzz_archivereader"
mkdir -p "$zips" "$archives"

tree="$work/tree"
mkdir -p "$tree/lib/sub" "$tree/empty"
printf 'exports.handler = async () => 42;\n' > "$tree/index.js"
printf '{"name":"fn"}\n' > "$tree/package.json"
head -c 300 /dev/urandom > "$tree/lib/sub/blob.bin"
printf 'module.exports = {};\n%.0s' {1..20} > "$tree/lib/util.js"
ln -s ../index.js "$tree/lib/link.js"
export SOURCE_DATE_EPOCH=315532800

(cd "$tree" && zip -qry "$zips/infozip.zip" .)
(cd "$tree" && zip -qry -fz "$zips/infozip-zip64.zip" .)
(cd "$tree" && bsdtar --format zip -cf "$zips/bsdtar.zip" .)
(cd "$tree" && jar cf "$zips/jar-data-descriptors.jar" .)
(cd "$tree" && 7z a -tzip -bd -bso0 "$zips/7z.zip" . >/dev/null)
python3 - "$tree" "$zips" <<'PY'
import io, os, sys, zipfile
tree, out = sys.argv[1], sys.argv[2]
def add_all(z):
    for root, dirs, files in sorted(os.walk(tree)):
        for name in sorted(files):
            full = os.path.join(root, name)
            if not os.path.islink(full):
                z.write(full, os.path.relpath(full, tree))
with zipfile.ZipFile(os.path.join(out, 'python.zip'), 'w', zipfile.ZIP_DEFLATED) as z:
    add_all(z)
# Written to an unseekable stream, zipfile uses data descriptors.
class Stream(io.RawIOBase):
    def __init__(self): self.data = bytearray()
    def writable(self): return True
    def write(self, b): self.data += b; return len(b)
s = Stream()
with zipfile.ZipFile(s, 'w', zipfile.ZIP_DEFLATED) as z:
    add_all(z)
open(os.path.join(out, 'python-streamed.zip'), 'wb').write(bytes(s.data))
# A self-extracting stub before the first record.
data = open(os.path.join(out, 'python.zip'), 'rb').read()
open(os.path.join(out, 'prefix-data.zip'), 'wb').write(b'#!/bin/sh\nexit 0\n' + data)
PY

python3 "$here/../hostile/make_hostile_packages.py" "$work/hostile"
for f in "$work"/hostile/*; do
  case "$f" in
    *.tar.gz) cp "$f" "$archives/" ;;
    *) cp "$f" "$zips/" ;;
  esac
done

(cd "$tree" && tar -cf "$archives/plain.tar" .)
(cd "$tree" && tar -czf "$archives/gzip.tar.gz" .)
(cd "$tree" && tar -cJf "$archives/xz.tar.xz" .)
(cd "$tree" && tar -cjf "$archives/bzip2.tar.bz2" .)
(cd "$tree" && tar --zstd -cf "$archives/zstd.tar.zst" .)
(cd "$tree" && bsdtar --format pax -cf "$archives/pax.tar" .)
(cd "$tree" && bsdtar --format cpio -cf "$archives/newc.cpio" .)
(cd "$tree" && 7z a -t7z -bd -bso0 "$archives/sevenzip.7z" . >/dev/null)
# ELF files for the strip model: small libraries with and without debug
# information, 64 and (when the compiler can) 32 bit.
elves="$here/corpus/fuzz_debugstrip"
mkdir -p "$elves"
printf 'int api(int a) { return a * 2; }\nstatic int s; int *g(void) { return &s; }\n' > "$work/lib.c"
gcc -g -O2 -shared -fPIC -o "$elves/debug.so" "$work/lib.c"
gcc -O2 -shared -fPIC -o "$elves/plain.so" "$work/lib.c"
gcc -g -gz -shared -fPIC -o "$elves/compressed-debug.so" "$work/lib.c"
cp "$elves/debug.so" "$work/stripped.so" && strip --strip-debug "$work/stripped.so" && cp "$work/stripped.so" "$elves/"
gcc -m32 -g -shared -fPIC -o "$elves/debug32.so" "$work/lib.c" 2>/dev/null || true
echo "seeds: $(ls "$zips" | wc -l) zip, $(ls "$archives" | wc -l) archive, $(ls "$elves" | wc -l) ELF"
