#!/usr/bin/env python3
"""Serves a built site the way GitHub Pages does and crawls all of it.

Usage: crawl.py OUTPUT_DIR BASE_PATH PUBLIC_BASE_URL

OUTPUT_DIR is mounted at BASE_PATH (e.g. /sub/) of a real HTTP server (Python's
http.server) on 127.0.0.1. Like Pages, a folder is served by its index.html and any
missing path gets the site's own 404.html with status 404. Starting from the home page,
robots.txt and the sitemap, the crawler follows every link of every HTML page (href,
src), every link of every Atom feed and every <loc> of the sitemaps. Absolute URLs under
PUBLIC_BASE_URL are mapped onto the local server; other hosts are not fetched.

It also asks for a missing page several folders deep and checks that the 404 page comes
back with status 404 and that its own links resolve from there.

Prints one JSON object: fetched URLs, broken ones (with the page that linked them), and
the result of the deep 404 check. Uses only the standard library.
"""

import functools
import http.server
import json
import os
import shutil
import sys
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, with the site's 404.html for anything missing."""

    not_found_page = None

    def log_message(self, *args):
        pass

    def list_directory(self, path):
        # Pages never lists a folder: one without index.html is missing.
        self.send_error(404)
        return None

    def send_error(self, code, message=None, explain=None):
        if code == 404 and self.not_found_page and os.path.isfile(self.not_found_page):
            with open(self.not_found_page, "rb") as f:
                body = f.read()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def main():
    output, base_path, public_base = sys.argv[1], sys.argv[2], sys.argv[3]
    root = tempfile.mkdtemp()
    mount = os.path.join(root, base_path.strip("/"))
    os.makedirs(os.path.dirname(mount), exist_ok=True)
    os.symlink(os.path.abspath(output), mount)
    handler = functools.partial(PagesHandler, directory=root)
    PagesHandler.not_found_page = os.path.join(mount, "404.html")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    local_base = f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    local_origin = f"http://127.0.0.1:{server.server_address[1]}"

    def localise(url):
        if url.startswith(public_base):
            return local_base + url[len(public_base):]
        return url

    queue = [(local_base, "(start)"), (local_base + "robots.txt", "(start)")]
    seen = set()
    fetched = []
    broken = []
    kinds = {"html": 0, "atom": 0, "sitemap": 0, "other": 0}
    while queue:
        url, referrer = queue.pop()
        url = url.split("#")[0]
        if url in seen or not url.startswith(local_origin):
            continue
        seen.add(url)
        status, content_type, body = fetch(url)
        fetched.append(url)
        if status != 200:
            broken.append({"url": url, "status": status, "from": referrer})
            continue
        found = []
        if "text/html" in content_type:
            kinds["html"] += 1
            parser = Links()
            parser.feed(body.decode("utf-8"))
            found = [urllib.parse.urljoin(url, link) for link in parser.links]
        elif url.endswith(".xml") and ET.fromstring(body).tag == ATOM + "feed":
            # atom.xml beside every list, and changes.xml, the feed of changes.
            kinds["atom"] += 1
            tree = ET.fromstring(body)
            found = [link.get("href") for link in tree.iter(ATOM + "link")]
        elif url.endswith(".xml"):
            kinds["sitemap"] += 1
            tree = ET.fromstring(body)
            found = [loc.text for loc in tree.iter(SITEMAP + "loc")]
        elif url.endswith("robots.txt"):
            kinds["other"] += 1
            found = [
                line.split(":", 1)[1].strip()
                for line in body.decode("utf-8").splitlines()
                if line.lower().startswith("sitemap:")
            ]
        else:
            kinds["other"] += 1
        for link in found:
            queue.append((localise(link), url))

    deep = local_base + "no/such/folder/deep/page/"
    status, _, body = fetch(deep)
    parser = Links()
    parser.feed(body.decode("utf-8", "replace"))
    deep_broken = []
    for link in parser.links:
        if link.startswith("#"):
            continue
        target = urllib.parse.urljoin(deep, link).split("#")[0]
        if target.startswith(local_origin) and fetch(target)[0] != 200:
            deep_broken.append(target)
    server.shutdown()
    shutil.rmtree(root)
    print(
        json.dumps(
            {
                "fetched": len(fetched),
                "kinds": kinds,
                "broken": broken,
                "deep_404_status": status,
                "deep_404_is_site_page": b"Page not found" in body,
                "deep_404_links": len(parser.links),
                "deep_404_broken": deep_broken,
            }
        )
    )


if __name__ == "__main__":
    main()
