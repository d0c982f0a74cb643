#!/usr/bin/env python3
"""Serves the quotelens page for local use and the end-to-end tests.

    python3 scripts/serve.py [PORT]      (default 8080; 0 picks a free port)

Serves www/ at / and the wasm-pack output pkg/ at /pkg/, on 127.0.0.1 only,
with the strict Content-Security-Policy the page must work under. Prints
"serving http://127.0.0.1:PORT/" once it listens. Standard library only.
"""

import http.server
import os
import sys
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WWW = os.path.join(ROOT, "www")
PKG = os.path.join(ROOT, "pkg")

CSP = (
    "default-src 'self'; "
    "worker-src 'self'; "
    "script-src 'self' 'wasm-unsafe-eval'; "
    "style-src 'self'"
)

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".ts": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def translate_path(self, path):
        """Maps /pkg/... to pkg/ and everything else to www/."""
        path = urllib.parse.urlsplit(path).path
        path = urllib.parse.unquote(path)
        if path == "/pkg" or path.startswith("/pkg/"):
            base, rest = PKG, path[len("/pkg") :]
        else:
            base, rest = WWW, path
        parts = [p for p in rest.split("/") if p not in ("", ".", "..")]
        return os.path.join(base, *parts)

    def list_directory(self, path):
        self.send_error(404, "Not found")
        return None

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format, *args):
        if os.environ.get("QUOTELENS_SERVE_QUIET") != "1":
            super().log_message(format, *args)


def main(argv):
    port = 8080
    if len(argv) > 1:
        try:
            port = int(argv[1])
        except ValueError:
            print(f"usage: {argv[0]} [PORT]", file=sys.stderr)
            return 2
    if not os.path.isfile(os.path.join(PKG, "quotelens.js")):
        print("serve: pkg/ is not built yet; run `make build` first", file=sys.stderr)
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    except OSError as e:
        print(f"serve: cannot listen on 127.0.0.1:{port}: {e.strerror}", file=sys.stderr)
        print("serve: pick another port, e.g. `make demo PORT=8081`", file=sys.stderr)
        return 1
    host, real_port = server.server_address[:2]
    print(f"serving http://{host}:{real_port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
