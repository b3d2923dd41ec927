#!/usr/bin/env python3
"""Writes one hostile or broken package per case into the folder given as
argv[1]: the inputs Packscope must survive with a sensible result or a clear
one-line error. Zips are assembled record by record, so each case breaks
exactly one thing. The test suite checks what Packscope says about each file;
the fuzzers start from the small ones.

Usage: make_hostile_packages.py OUT_DIR [--large]
  --large also writes the slow cases (a 1 GB file of zeros, 200,000 entries).
"""
import io
import os
import random
import struct
import sys
import tarfile
import zipfile
import zlib

OUT = sys.argv[1]
LARGE = '--large' in sys.argv[2:]
os.makedirs(OUT, exist_ok=True)


def write(name, data):
    with open(os.path.join(OUT, name), 'wb') as f:
        f.write(data)


class Entry:
    """One zip entry as it will be written; every field can be falsified."""

    def __init__(self, name, data=b'', method=0, flags=0, mode=0o100644, host=3):
        self.name = name if isinstance(name, bytes) else name.encode()
        self.data = data
        self.method = method
        self.flags = flags
        self.mode = mode
        self.host = host
        self.crc = zlib.crc32(data)
        self.usize = len(data)
        if method == 8:
            c = zlib.compressobj(6, zlib.DEFLATED, -15)
            self.payload = c.compress(data) + c.flush()
        else:
            self.payload = data
        self.csize = len(self.payload)
        self.local_name = self.name
        self.local_crc = None  # None: same as central
        self.local_signature = 0x04034b50
        self.central_extra = b''
        self.central_csize = None
        self.central_usize = None
        self.offset = None  # None: where the local record was written


def local_record(e):
    crc = e.crc if e.local_crc is None else e.local_crc
    return struct.pack('<IHHHHHIIIHH', e.local_signature, 20, e.flags, e.method, 0, 0x21,
                       crc, e.csize, e.usize, len(e.local_name), 0) + e.local_name + e.payload


def central_record(e):
    csize = e.csize if e.central_csize is None else e.central_csize
    usize = e.usize if e.central_usize is None else e.central_usize
    return struct.pack('<IBBHHHHHIIIHHHHHII', 0x02014b50, 20, e.host, 20, e.flags, e.method, 0, 0x21,
                       e.crc, csize, usize, len(e.name), len(e.central_extra), 0, 0, 0,
                       (e.mode << 16) & 0xFFFFFFFF, e.offset) + e.name + e.central_extra


def end_record(count, cd_size, cd_offset, disk=0, cd_disk=0, comment=b''):
    return struct.pack('<IHHHHIIH', 0x06054b50, disk, cd_disk, count, count, cd_size, cd_offset,
                       len(comment)) + comment


def assemble(entries, **end):
    """The zip bytes; `end` overrides end-record fields (count, cd_size, cd_offset, disk)."""
    out = io.BytesIO()
    for e in entries:
        if e.offset is None:
            e.offset = out.tell()
        out.write(local_record(e))
    cd_offset = out.tell()
    central = b''.join(central_record(e) for e in entries)
    out.write(central)
    fields = dict(count=len(entries), cd_size=len(central), cd_offset=cd_offset)
    fields.update(end)
    out.write(end_record(**fields))
    return out.getvalue()


def sample_entries():
    return [Entry('index.js', b'exports.handler = async () => 42;\n' * 40, method=8),
            Entry('lib/', mode=0o40755),
            Entry('lib/util.js', b'module.exports = {};\n' * 30, method=8),
            Entry('package.json', b'{"name": "fn", "version": "1.0.0"}\n')]


# --- not a zip at all -------------------------------------------------------
write('empty-file.zip', b'')
write('random-bytes.zip', random.Random(7).randbytes(4096))

buf = io.BytesIO()
zipfile.ZipFile(buf, 'w').close()
write('valid-empty.zip', buf.getvalue())

# --- a good zip, truncated everywhere -----------------------------------------
good = assemble(sample_entries())
write('good.zip', good)
cd_offset = struct.unpack('<I', good[-6:-2])[0]
cuts = {
    'in-data': cd_offset // 2,
    'at-central-directory': cd_offset,
    'in-central-directory': cd_offset + (len(good) - 22 - cd_offset) // 2,
    'in-end-record': len(good) - 10,
    'last-byte': len(good) - 1,
}
for where, at in cuts.items():
    write('truncated-%s.zip' % where, good[:at])

# --- a damaged central directory and lying end records ------------------------
second = cd_offset + 46 + len(sample_entries()[0].name)
corrupt = bytearray(good)
corrupt[second:second + 4] = b'XXXX'
write('corrupted-central-record.zip', bytes(corrupt))
write('end-offset-outside.zip', assemble(sample_entries(), cd_offset=0x7FFFFFF0))
write('end-size-outside.zip', assemble(sample_entries(), cd_size=0x7FFFFFF0))
write('end-count-lies.zip', assemble(sample_entries(), count=60000))
write('multi-disk.zip', assemble(sample_entries(), disk=1, cd_disk=1))

# --- absurd declared sizes ------------------------------------------------------
e = Entry('claims-4gib.bin', b'tiny')
e.central_usize = 0xFFFFFFFF  # without the zip64 extra field that should follow
write('size-ffffffff-without-zip64.zip', assemble([e]))

huge = []
for i in range(3):
    e = Entry('huge%d.bin' % i, b'x')
    e.central_usize = 0xFFFFFFFF
    e.central_extra = struct.pack('<HHQ', 1, 8, 1 << 62)  # zip64: 2^62 bytes each
    huge.append(e)
write('sizes-past-2-63.zip', assemble(huge))

e = Entry('compressed-near-2-64.bin', b'x')
e.central_csize = 0xFFFFFFFF
e.central_extra = struct.pack('<HHQ', 1, 8, (1 << 64) - 16)  # zip64: data "ends" past 2^64
write('compressed-near-2-64.zip', assemble([e]))

# --- overlapping records ---------------------------------------------------------
a = Entry('a.txt', b'A' * 100)
b = Entry('b.txt', b'B' * 100)
b.offset = 0  # both central records point at a's local header
write('shared-local-header.zip', assemble([a, b]))

# The "non-recursive zip bomb" shape: the first entry's data runs over the
# second entry's local record.
kernel = b'K' * 200
inner = Entry('inner.txt', kernel)
inner_record = local_record(inner)
outer = Entry('outer.txt', b'')
outer.payload = b''
entries = [outer, inner]
outer.offset = 0
inner.offset = 30 + len(outer.name)
outer.csize = outer.usize = len(inner_record)
outer.crc = zlib.crc32(inner_record)
blob = struct.pack('<IHHHHHIIIHH', 0x04034b50, 20, 0, 0, 0, 0x21, outer.crc, outer.csize, outer.usize,
                   len(outer.name), 0) + outer.name + inner_record
central = central_record(outer) + central_record(inner)
write('overlapping-local-records.zip', blob + central + end_record(2, len(central), len(blob)))

# --- local headers that disagree with the central directory -----------------------
e = Entry('crc-differs.txt', b'hello\n')
e.local_crc = 0xDEADBEEF
write('local-crc-differs.zip', assemble([e]))
e = Entry('central-name.txt', b'hello\n')
e.local_name = b'local-name.txt'
write('local-name-differs.zip', assemble([e]))
e = Entry('no-local-header.txt', b'hello\n')
e.local_signature = 0x12345678
write('local-signature-missing.zip', assemble([e]))

# --- encryption ------------------------------------------------------------------
e = Entry('secret.txt', b'\x00' * 12 + b'ciphertext', flags=1)
write('encrypted.zip', assemble([e, Entry('readme.txt', b'plain\n')]))

# --- names --------------------------------------------------------------------------
write('dotdot-path.zip', assemble([Entry('../../etc/cron.d/evil', b'* * * * * root sh\n'),
                                   Entry('ok.txt', b'ok\n')]))
write('absolute-path.zip', assemble([Entry('/etc/passwd', b'root:x:0:0\n')]))
write('drive-letter.zip', assemble([Entry('C:/Windows/evil.dll', b'MZ')]))
write('backslash-path.zip', assemble([Entry('lib\\util.js', b'x\n')]))
write('nul-in-name.zip', assemble([Entry(b'evil\x00.txt', b'x\n')]))
write('invalid-utf8-name.zip', assemble([Entry(b'caf\xe9\xff.txt', b'x\n', flags=0x800)]))
write('duplicate-names.zip', assemble([Entry('index.js', b'one\n'), Entry('index.js', b'two, longer\n')]))
write('symlink-outside.zip', assemble([Entry('passwd', b'../../../etc/passwd', mode=0o120777),
                                       Entry('lib/inside', b'../index.js', mode=0o120777),
                                       Entry('index.js', b'x\n')]))

# --- a zip inside the package ---------------------------------------------------------
write('nested-zip.zip', assemble([Entry('inner.zip', good), Entry('index.js', b'x\n')]))

# --- tar with hostile names -------------------------------------------------------
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode='w:gz') as tar:
    for name, data in (('../evil.sh', b'#!/bin/sh\n'), ('/abs.txt', b'x'), ('ok.txt', b'ok\n')):
        info = tarfile.TarInfo(name)
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    link = tarfile.TarInfo('shadow')
    link.type = tarfile.SYMTYPE
    link.linkname = '/etc/shadow'
    tar.addfile(link)
write('hostile.tar.gz', buf.getvalue())
write('truncated.tar.gz', buf.getvalue()[:len(buf.getvalue()) // 2])

if LARGE:
    # 1,000,000,000 bytes of zeros that zip to about 1 MB: counted, never inflated.
    with zipfile.ZipFile(os.path.join(OUT, 'zeros-1gb.zip'), 'w', zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open('zeros.bin', 'w', force_zip64=True) as f:
            chunk = bytes(1 << 20)
            left = 1000000000
            while left:
                f.write(chunk[:min(left, len(chunk))])
                left -= min(left, len(chunk))
    with zipfile.ZipFile(os.path.join(OUT, 'entries-200k.zip'), 'w') as z:
        for i in range(200000):
            z.writestr('d%03d/f%06d' % (i % 500, i), b'')
