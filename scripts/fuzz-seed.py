#!/usr/bin/env python3
"""Seeds the cargo-fuzz corpora from the test cases.

Every "text" of testdata/*.json, plus the hand-written hostile inputs in
fuzz/seeds/, becomes one file in fuzz/corpus/<target>/ for each target,
named by its content's hash (so running it again adds nothing twice).
The corpora grow while fuzzing and are not committed.

usage: python3 scripts/fuzz-seed.py [TARGET ...]
"""

import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGETS = sys.argv[1:] or ["tokenize", "analyze", "render_html"]


def texts():
    for path in sorted((ROOT / "testdata").glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            if isinstance(case, dict) and isinstance(case.get("text"), str):
                yield case["text"].encode("utf-8")
    for path in sorted((ROOT / "fuzz" / "seeds").glob("*")):
        if path.is_file():
            yield path.read_bytes()


def main():
    seeds = list(texts())
    for target in TARGETS:
        out = ROOT / "fuzz" / "corpus" / target
        out.mkdir(parents=True, exist_ok=True)
        for data in seeds:
            (out / hashlib.sha1(data).hexdigest()).write_bytes(data)
        print(f"fuzz/corpus/{target}: {len(seeds)} seeds")


if __name__ == "__main__":
    main()
