#!/usr/bin/env python3
"""Reads the statistics of every sampled habit once, so that the stats scenario measures the common, cached read.

The generator writes the history behind the application's back, so no habit has stored statistics state; the first
read of a habit replays its whole history (a cost the product pays once per habit, not per request). A handful of
keep-alive connections walk through every habit of users.txt.

Usage: prime.py BASE_URL DATA_DIR [connections]
"""
import collections
import http.client
import sys
import threading
import time
import urllib.parse


def main():
    base, data_dir = sys.argv[1], sys.argv[2]
    connections = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    url = urllib.parse.urlsplit(base)
    work = []
    with open(f"{data_dir}/users.txt", encoding="utf-8") as f:
        for line in f:
            token, bools, counts = line.rstrip("\n").split("|")
            for habit in [h for h in (bools + "," + counts).split(",") if h]:
                work.append((token, habit))
    statuses = collections.Counter()
    lock = threading.Lock()
    first_error = []

    def worker(part):
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
        for token, habit in part:
            conn.request("GET", f"/api/v1/habits/{habit}/stats", headers={"Authorization": f"Bearer {token}"})
            resp = conn.getresponse()
            body = resp.read()
            with lock:
                statuses[resp.status] += 1
                if resp.status != 200 and not first_error:
                    first_error.append(f"{resp.status} {body[:300].decode('utf-8', 'replace')}")
        conn.close()

    start = time.monotonic()
    threads = [threading.Thread(target=worker, args=(work[i::connections],)) for i in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.monotonic() - start
    summary = ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items()))
    print(f"primed the statistics of {len(work)} habits in {took:.1f} s "
          f"({len(work) / took:.0f}/s with {connections} connections; {summary})")
    if first_error:
        print(f"  first non-200: {first_error[0]}")


if __name__ == "__main__":
    main()
