#!/usr/bin/env python3
"""Save-to-reload latency of `incidex serve`: how long from writing one report to the
reload event reaching an open page, on a generated corpus.

Usage: python3 bench/live_reload.py [--n 10000] [--edits 20]

Two kinds of save are timed, --edits of each: a sentence added to a report's body (what
shows on its own page only), and a changed title (which every list, map and feed showing
the report must follow).

Needs ../shared/bench/gen_corpus.py (or an existing corpus given with --corpus) and a
release build (`cargo build --release`). Prints the median and worst latency.
"""

import argparse
import os
import pathlib
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parent.parent
GENERATOR = REPO.parent / "shared" / "bench" / "gen_corpus.py"


def corpus(n, given):
    if given:
        return pathlib.Path(given)
    if not GENERATOR.exists():
        sys.exit(f"no corpus: pass --corpus DIR, or put gen_corpus.py at {GENERATOR}")
    base = pathlib.Path("/dev/shm") if pathlib.Path("/dev/shm").is_dir() else pathlib.Path(tempfile.gettempdir())
    out = base / "incidex-bench" / f"live-{n}"
    if not (out / "site.yaml").exists():
        subprocess.run([sys.executable, str(GENERATOR), "--n", str(n), "--flavor", "native", "--out", str(out)], check=True)
    return out


def open_events(address):
    host, port = address.split(":")
    s = socket.create_connection((host, int(port)))
    s.sendall(f"GET /__incidex/events HTTP/1.1\r\nHost: {address}\r\n\r\n".encode())
    s.settimeout(10)
    return s


def wait_event(sock, buffer):
    """Reads until an event block ends; returns (name, rest of the buffer)."""
    while True:
        while b"\n\n" in buffer:
            block, buffer = buffer.split(b"\n\n", 1)
            for line in block.split(b"\n"):
                if line.startswith(b"event: "):
                    return line[7:].decode().strip(), buffer
        chunk = sock.recv(65536)
        if not chunk:
            raise RuntimeError("event stream closed")
        buffer += chunk.replace(b"\r\n", b"\n")


def edited(text, kind, k):
    """The report with one sentence added to its body, or with its title changed."""
    if kind == "body":
        marker = text.rfind("\n---\n")
        return text[: marker + 5] + f"Edited in run {k}.\n" + text[marker + 5:]
    start = text.index("\ntitle: ") + len("\ntitle: ")
    end = text.index("\n", start)
    return text[:start] + f'"Revised title {k}"' + text[end:]


def drain(sock, buffer):
    """Drops events already sent (a save the watcher saw as two changes sends two reloads),
    so that none is taken for the answer to the next save."""
    sock.settimeout(0.05)
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            buffer += chunk
    except socket.timeout:
        pass
    finally:
        sock.settimeout(10)
    return buffer.replace(b"\r\n", b"\n").rsplit(b"\n\n", 1)[-1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--corpus")
    parser.add_argument("--binary", help="measure this incidex binary (an older build, to "
                        "compare) instead of this checkout's release build")
    args = parser.parse_args()

    site = corpus(args.n, args.corpus)
    if args.binary:
        binary = pathlib.Path(args.binary).resolve()
    else:
        binary = REPO / "target" / "release" / "incidex"
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    work = pathlib.Path(tempfile.mkdtemp(prefix="incidex-live-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
    shutil.copytree(site, work / "site")
    server = subprocess.Popen([str(binary), "serve", "--port", "5111", "--root", str(work / "site")],
                              stdout=subprocess.PIPE, stderr=(open(os.environ["LIVE_STDERR"], "w") if os.environ.get("LIVE_STDERR") else subprocess.DEVNULL), text=True)
    try:
        address = None
        for line in server.stdout:
            if line.startswith("Serving the site at http://"):
                address = line.split("http://")[1].split("/")[0]
                break
        sock = open_events(address)
        buffer = b""
        reports = sorted((work / "site" / "content" / "incidents").rglob("*.md"))
        time.sleep(0.5)
        results = {}
        for kind in ("body", "title"):
            latencies = []
            for k in range(args.edits):
                # An editor saves at human pace: leave the server the time to write what
                # it defers past the reload (feeds, exports, search index) before the next.
                time.sleep(1.5)
                report = reports[(k * 7919 + (0 if kind == "body" else 3571)) % len(reports)]
                text = report.read_text(encoding="utf-8")
                buffer = drain(sock, buffer)
                started = time.perf_counter()
                report.write_text(edited(text, kind, k), encoding="utf-8")
                name, buffer = wait_event(sock, buffer)
                latencies.append((time.perf_counter() - started) * 1000)
                if name != "reload":
                    sys.exit(f"the edit of {report.name} did not rebuild: {name}")
            results[kind] = latencies
        print(f"reports: {len(reports)}, edits: {args.edits} of each kind")
        for kind, latencies in results.items():
            print(f"save to reload event, {kind} edit: median {statistics.median(latencies):.1f} ms, "
                  f"worst {max(latencies):.1f} ms (with the watcher's wait, up to 40 ms, for a save to settle)")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
