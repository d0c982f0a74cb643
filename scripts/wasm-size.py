#!/usr/bin/env python3
"""What a wasm module is made of, for `make size`.

    python3 scripts/wasm-size.py MODULE.wasm [GLUE.js...]

Prints the module's bytes and gzip -9 bytes, then each section's (the code
and the data are nearly all of it: the code is what the browser compiles
on the first call, the data is mostly word lists and Unicode tables), and
with GLUE.js the glue's (each file, e.g. quotelens.js and the snippets it
imports) and the sum: what a page that calls analyze()
downloads besides its own HTML. gzip -9 through Python's zlib at level 9,
which gives within 0.3 % of the gzip tool's count. Standard library only.
"""

import gzip
import sys

SECTIONS = {0: "custom", 1: "type", 2: "import", 3: "function", 4: "table",
            5: "memory", 6: "global", 7: "export", 8: "start", 9: "element",
            10: "code", 11: "data", 12: "datacount"}


def leb128(buf, i):
    """An unsigned LEB128 number at buf[i:], and the index after it."""
    value = shift = 0
    while True:
        byte = buf[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def gz(data):
    return len(gzip.compress(data, 9))


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    wasm = open(argv[1], "rb").read()
    if wasm[:4] != b"\0asm":
        sys.exit(f"{argv[1]}: not a wasm module")
    print(f"{argv[1]}: {len(wasm):,} bytes, {gz(wasm):,} gzipped")
    i = 8
    while i < len(wasm):
        sid = wasm[i]
        size, i = leb128(wasm, i + 1)
        body = wasm[i:i + size]
        name = SECTIONS.get(sid, str(sid))
        if sid == 0:
            n, j = leb128(body, 0)
            name += " " + body[j:j + n].decode("utf-8", "replace")
        if size >= 1024:
            print(f"  {name:<20} {size:>9,} bytes {gz(body):>9,} gzipped")
        i += size
    raw, gzipped = len(wasm), gz(wasm)
    for path in argv[2:]:
        glue = open(path, "rb").read()
        raw, gzipped = raw + len(glue), gzipped + gz(glue)
        print(f"{path}: {len(glue):,} bytes, {gz(glue):,} gzipped; "
              f"with the module and the files before {raw:,} bytes, "
              f"{gzipped:,} gzipped")


if __name__ == "__main__":
    main(sys.argv)
