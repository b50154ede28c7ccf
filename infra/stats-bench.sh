#!/usr/bin/env bash
# GET /api/v1/habits/{id}/stats latency for a habit with one month and one with ten years of daily history.
# Starts a fresh copy of the distribution on PostgreSQL (a new schema in the database `test` on 127.0.0.1:5432),
# loads the histories with SQL, then measures:
#   - cached reads (the common case: nothing changed since the last read),
#   - reads right after a write (the write replays incrementally; the read misses the cache and computes),
#   - the very first read (no stored state yet: one full replay of the history).
# Usage: infra/stats-bench.sh [iterations]     (build first: mvn -B install -DskipTests)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-200}"
schema="bench_$RANDOM$RANDOM"
psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema"
dir=$(mktemp -d); cp -r "$root/assembly/target/assembly/." "$dir/"; rm -rf "$dir/data" "$dir/instances" "$dir/lock"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
STEADFAST_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema" STEADFAST_DB_USER=postgres \
  STEADFAST_HTTP_PORT=$port CHECK_ROOT_INSTANCE_RUNNING=false "$dir/bin/karaf" server > "$dir/console.log" 2>&1 &
cleanup() { pkill -f "karaf.base=$dir" || true; sleep 2; rm -rf "$dir"; psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA $schema CASCADE" 2> /dev/null; }
trap cleanup EXIT
base="http://127.0.0.1:$port/api/v1"
for _ in $(seq 1 300); do [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health")" = 200 ] && break; sleep 0.2; done
for _ in $(seq 1 100); do curl -s "$base/../openapi.json" | grep -q '/stats' && break; sleep 0.2; done
token=$(curl -sf -X POST "$base/auth/register" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.org","password":"correct horse battery staple"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
H="Authorization: Bearer $token"
today=$(curl -s "$base/today" -H "$H" | python3 -c 'import json,sys; print(json.load(sys.stdin)["date"])')
mk() { curl -sf -X POST "$base/habits" -H "$H" -H 'Content-Type: application/json' \
  -d "{\"name\":\"$1\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"},\"startDate\":\"$2\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
month=$(mk month "$(date -d "$today -30 days" +%F)")
decade=$(mk decade "$(date -d "$today -3652 days" +%F)")
# every day done except every 11th skipped and every 17th left empty (missed), up to yesterday
for h in "$month:30" "$decade:3652"; do id=${h%%:*}; days=${h##*:}
  psql -q -h 127.0.0.1 -U postgres -d test -c "SET search_path=$schema; INSERT INTO checkin (habit_id, check_date, amount, note, status, backfilled, created_at, updated_at)
    SELECT '$id', DATE '$today' - g, NULL, NULL, CASE WHEN g % 11 = 0 THEN 'skipped' ELSE 'done' END, true, now(), now()
    FROM generate_series(1, $days) g WHERE g % 17 <> 0"
done
# the history went in behind the application's back: drop the stored statistics so the first read replays it
psql -q -h 127.0.0.1 -U postgres -d test -c "SET search_path=$schema; DELETE FROM habit_stats"
stats() { python3 -c 'import sys,statistics as s; v=sorted(float(x)*1000 for x in sys.stdin.read().split()); n=len(v); print(f"median {s.median(v):.1f} ms, p95 {v[int(n*0.95)-1]:.1f} ms")'; }
get() { curl -s -o /dev/null -w '%{time_total}\n' "$base/habits/$1/stats" -H "$H"; }
for h in month decade; do id=${!h}
  first=$(get "$id")
  echo "$h: first read (full replay of the history) $(python3 -c "print(f'{$first*1000:.1f} ms')")"
done
for h in month decade; do id=${!h}
  for _ in $(seq 1 20); do get "$id" > /dev/null; done
  echo "$h: cached read:             $(for _ in $(seq 1 "$n"); do get "$id"; done | stats)"
  echo "$h: read after a write:      $(for i in $(seq 1 "$n"); do
      curl -s -o /dev/null -X PUT "$base/habits/$id/checkins/$today" -H "$H" -H 'Content-Type: application/json' -d "{\"note\":\"n$i\"}"
      get "$id"; done | stats)"
done
curl -s "$base/habits/$decade/stats" -H "$H" | head -c 300; echo
