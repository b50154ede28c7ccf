#!/usr/bin/env python3
"""Formats the RESULT lines of the harness's wrk scripts (lua/lib.lua prints one per run).

  report.py brief LABEL "RESULT ..."   one human line for a run
  report.py table RESULTS_FILE         the Markdown table of every measured run (lines: label TAB connections TAB RESULT)
  report.py access LOG...              the server's access log: answers by status class, 5xx by request (ids elided;
                                       without GET /health/ready, which the harness polls while the server boots)

Ratios: a scenario's req/s over the mean req/s of the trivial authenticated endpoint's runs (habit-types, before and
after the others) at the same connection count, and over /health/live's run at the same connection count.
"""
import re
import sys


def parse(line):
    head, _, err = line.partition(" first_error=")
    f = dict(re.findall(r"(\w+)=(\S*)", head))
    return {
        "rps": float(f["rps"]),
        "p50": float(f["p50_ms"]),
        "p99": float(f["p99_ms"]),
        "non2xx": int(f["non2xx"]),
        "statuses": f["statuses"],
        "socket": sum(int(f[k]) for k in ("connect", "read", "write")),
        "timeout": int(f["timeout"]),
        "requests": int(f["requests"]),
        "err": err.strip(),
    }


def ms(v):
    return f"{v:.1f} ms" if v >= 10 else f"{v:.2f} ms"


def brief(label, line):
    r = parse(line)
    extra = ""
    if r["socket"] or r["timeout"]:
        extra += f"  socket errors {r['socket']}, timeouts {r['timeout']}"
    if r["err"]:
        extra += f"  first non-2xx: {r['err'][:160]}"
    print(f"  {label:<32} {r['rps']:>9,.1f} req/s  p50 {ms(r['p50']):>9}  p99 {ms(r['p99']):>9}"
          f"  non-2xx {r['non2xx']}{extra}")


def table(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            label, c, line = raw.rstrip("\n").split("\t", 2)
            rows.append(dict(parse(line), label=label, c=int(c)))

    def ref(prefix, c):
        v = [r["rps"] for r in rows if r["label"].startswith(prefix) and r["c"] == c]
        return sum(v) / len(v) if v else None

    print("| scenario | connections | req/s | p50 | p99 | × trivial | × /health/live | non-2xx | socket errors / timeouts |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        t, h = ref("habit-types", r["c"]), ref("health-live", r["c"])
        xt = f"{r['rps'] / t:.2f}" if t else "—"
        xh = f"{r['rps'] / h:.3f}" if h else "—"
        print(f"| {r['label']} | {r['c']} | {r['rps']:,.0f} | {ms(r['p50'])} | {ms(r['p99'])} | {xt} | {xh} | "
              f"{r['non2xx']} | {r['socket']} / {r['timeout']} |")
    notes = [f"- {r['label']} @ {r['c']}: {r['non2xx']} of {r['requests']} ({r['statuses']}); first: {r['err'][:200]}"
             for r in rows if r["non2xx"]]
    if notes:
        print()
        print("Non-2xx answers:")
        print("\n".join(notes))


ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def access(paths):
    import collections
    import json

    classes, failed = collections.Counter(), collections.Counter()
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            for raw in f:
                start = raw.find("{")
                try:
                    line = json.loads(raw[start:]) if start >= 0 else None
                except ValueError:
                    line = None
                if not line or "status" not in line or line.get("path") == "/health/ready":
                    continue  # the harness's own polling while the distribution boots
                classes[f"{line['status'] // 100}xx"] += 1
                if line["status"] >= 500:
                    where = DATE.sub("{date}", ID.sub("{id}", (line.get("path") or "").split("?")[0]))
                    failed[f"{line['status']} {line['method']} {where}"] += 1
    print("access log: " + (", ".join(f"{k} {v:,}" for k, v in sorted(classes.items())) or "empty"))
    for k, v in failed.most_common(8):
        print(f"- {v:,} × {k}")


if __name__ == "__main__":
    if sys.argv[1] == "brief":
        brief(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "access":
        access(sys.argv[2:])
    else:
        table(sys.argv[2])
