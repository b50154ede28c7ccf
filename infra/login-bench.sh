#!/usr/bin/env bash
# Login latency (Argon2id) and what a burst of logins does to other users' requests.
# Usage: infra/login-bench.sh [base-url]   (a running Steadfast, e.g. the README's run command)
set -euo pipefail
base="${1:-http://127.0.0.1:8181}"
email="bench-$RANDOM$RANDOM@example.org"; pw="correct horse battery staple"
token=$(curl -sf -X POST "$base/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$pw\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
stats() { python3 -c 'import sys,statistics as s; v=sorted(float(x)*1000 for x in sys.stdin.read().split()); n=len(v); print(f"n={n} median={s.median(v):.1f} ms p95={v[int(n*0.95)-1]:.1f} ms max={v[-1]:.1f} ms")'; }
login() { curl -s -o /dev/null -w '%{time_total}\n' -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$pw\"}"; }
me() { curl -s -o /dev/null -w '%{time_total}\n' "$base/api/v1/me" -H "Authorization: Bearer $token"; }
for _ in $(seq 1 5); do login > /dev/null; me > /dev/null; done   # warm-up
echo "login, one at a time:            $(for _ in $(seq 1 40); do login; done | stats)"
echo "GET /me (token cached), idle:    $(for _ in $(seq 1 200); do me; done | stats)"
( for _ in $(seq 1 4); do ( for _ in $(seq 1 15); do login > /dev/null; done ) & done; wait ) &
burst=$!
sleep 0.3
echo "GET /me during 4 parallel login loops: $(for _ in $(seq 1 200); do me; done | stats)"
wait $burst
