#!/usr/bin/env bash
# Steadfast's load harness: one command from a built checkout to a table of throughput and latency per request.
#
# Starts a fresh copy of the built distribution on PostgreSQL (a new schema in the database `test` on 127.0.0.1:5432)
# and Redis (127.0.0.1:6379, database 9, a key prefix of its own), loads users × habits × days of history with SQL
# (generate.sh), reads every sampled habit's statistics once, warms every scenario up, then runs each scenario with
# wrk at each connection count — the trivial authenticated endpoint before and after the others — and prints a
# Markdown table with each scenario's throughput also as a ratio to the trivial endpoint and to /health/live of the
# same run, plus the boot-to-ready time and the resident memory of the Karaf process (idle after boot, peak under
# load). Stops Karaf, drops the schema and deletes its Redis keys on exit.
#
# Usage: infra/load/run.sh [--small] [--connections "16 64"] [--duration 20s] [--warmup 15s] [--threads 2]
#                          [--users N] [--habits N] [--days N] [--sample N] [--timeout 10s] [--out FILE]
#                          [--keep-logs DIR]  (copies Karaf's logs, the access log and wrk's output there)
#   defaults: 10,000 users × 6 habits × 365 days, 1,000 of the users sampled for the requests
#   --small:  200 users × 6 habits × 90 days, all sampled, 5 s warm-up (a quick check of the harness)
# Build first (the harness builds nothing): mvn -B install -DskipTests
# Needs wrk (Debian's package `wrk`; installed with apt-get when missing and running as root), curl, psql,
# python3 and redis-cli. See infra/load/README.md and docs/performance.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

users=10000 habits=6 days=365 sample=1000 warmup=15s
for a in "$@"; do [ "$a" = --small ] && { users=200 habits=6 days=90 sample=200 warmup=5s; }; done
conns="16 64" duration=20s threads=2 timeout=10s out="" keep_logs=""
while [ $# -gt 0 ]; do
  case "$1" in
    --small) shift ;;
    --connections) conns="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    --users) users="$2"; shift 2 ;;
    --habits) habits="$2"; shift 2 ;;
    --days) days="$2"; shift 2 ;;
    --sample) sample="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --keep-logs) keep_logs="$2"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
for c in $conns; do [[ "$c" =~ ^[1-9][0-9]*$ ]] || { echo "--connections takes whole numbers, got '$c'" >&2; exit 2; }; done
for d in "$duration" "$warmup" "$timeout"; do
  [[ "$d" =~ ^[1-9][0-9]*[smh]?$ ]] || { echo "durations look like 20s, 2m; got '$d'" >&2; exit 2; }
done
[ "$habits" -ge 6 ] 2> /dev/null || { echo "--habits must be at least 6 (every scenario needs boolean and count habits)" >&2; exit 2; }

db_host=127.0.0.1 db_port=5432 db_user=postgres db_name=test
redis_db="${LOAD_REDIS_DB:-9}"

# --- prerequisites ---------------------------------------------------------------------------------------------
if ! command -v wrk > /dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    echo "wrk is not installed: installing Debian's package (apt-get install -y wrk)"
    apt-get install -y wrk > /dev/null 2>&1 || { apt-get update > /dev/null && apt-get install -y wrk > /dev/null; }
  else
    echo "wrk is not installed: sudo apt-get install -y wrk (Debian's package)" >&2; exit 1
  fi
fi
for tool in curl psql python3 redis-cli; do
  command -v "$tool" > /dev/null || { echo "$tool is needed (Debian: curl, postgresql-client, python3, redis-tools)" >&2; exit 1; }
done
dist="$root/assembly/target/assembly"
[ -x "$dist/bin/karaf" ] || { echo "no distribution at $dist: build first, mvn -B install -DskipTests" >&2; exit 1; }
psql -X -q -h $db_host -p $db_port -U $db_user -d $db_name -c 'SELECT 1' > /dev/null \
  || { echo "PostgreSQL is not reachable at $db_host:$db_port (database $db_name, user $db_user)" >&2; exit 1; }
[ "$(redis-cli -n "$redis_db" ping 2> /dev/null)" = PONG ] || { echo "Redis is not reachable at 127.0.0.1:6379" >&2; exit 1; }
if pgrep -f plexus-classworlds > /dev/null; then
  echo "warning: a Maven build is running on this machine; its CPU use makes these figures noisy" >&2
fi

# --- a fresh distribution --------------------------------------------------------------------------------------
id="load_$(date +%s)_$RANDOM"
schema="$id"
prefix="steadfast-$id:"
work=$(mktemp -d /tmp/steadfast-load.XXXXXX)
dir="$work/dist" data="$work/data"
mkdir -p "$dir" "$data"
launcher="" sampler="" karaf=""
karaf_pid() { pgrep -f "karaf.base=$dir" | head -1; }
cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  [ -n "$sampler" ] && kill "$sampler" 2> /dev/null
  local pid; pid=$(karaf_pid || true)
  if [ -n "$pid" ]; then
    kill "$pid" 2> /dev/null || true
    for _ in $(seq 1 150); do kill -0 "$pid" 2> /dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2> /dev/null || true
  fi
  [ -n "$launcher" ] && wait "$launcher" 2> /dev/null
  psql -X -q -h $db_host -p $db_port -U $db_user -d $db_name -c "DROP SCHEMA IF EXISTS $schema CASCADE" 2> /dev/null || true
  redis-cli -n "$redis_db" --scan --pattern "$prefix*" 2> /dev/null | xargs -r -n 500 redis-cli -n "$redis_db" del > /dev/null 2>&1 || true
  local keep="$keep_logs"
  [ "$rc" -ne 0 ] && [ -z "$keep" ] && keep="/tmp/$id-logs"
  if [ -n "$keep" ]; then
    mkdir -p "$keep"
    cp "$work"/console.log "$work"/wrk-*.txt "$work"/rss.log "$keep/" 2> /dev/null
    cp "$dir"/data/log/*.log "$keep/" 2> /dev/null
    [ "$rc" -ne 0 ] && echo "load run failed (exit $rc); logs kept in $keep" >&2
  fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

psql -X -q -h $db_host -p $db_port -U $db_user -d $db_name -c "CREATE SCHEMA $schema"
cp -r "$dist"/. "$dir"/
rm -rf "$dir/data" "$dir/instances" "$dir/lock"
sed -i "s/^keyPrefix *=.*/keyPrefix = $prefix/" "$dir/etc/io.steadfast.redis.cfg"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "starting a fresh distribution on PostgreSQL (schema $schema) + Redis (db $redis_db) at $base"
boot_start=$(date +%s%N)
STEADFAST_DB_URL="jdbc:postgresql://$db_host:$db_port/$db_name?currentSchema=$schema" STEADFAST_DB_USER=$db_user \
  STEADFAST_REDIS_URL="redis://127.0.0.1:6379/$redis_db" STEADFAST_HTTP_PORT=$port CHECK_ROOT_INSTANCE_RUNNING=false \
  STEADFAST_RATE_LIMIT_PER_USER="${STEADFAST_RATE_LIMIT_PER_USER:-10000000/1000000}" \
  STEADFAST_RATE_LIMIT_PER_ADDRESS="${STEADFAST_RATE_LIMIT_PER_ADDRESS:-10000000/1000000}" \
  "$dir/bin/karaf" server > "$work/console.log" 2>&1 &
launcher=$!
ready=""
for _ in $(seq 1 1800); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready" || true)" = 200 ] && { ready=yes; break; }
  kill -0 "$launcher" 2> /dev/null || break
  sleep 0.1
done
[ -n "$ready" ] || { echo "the distribution did not become ready (GET /health/ready) within 180 s" >&2; exit 1; }
boot_ms=$(( ($(date +%s%N) - boot_start) / 1000000 ))
karaf=$(karaf_pid)
rss() { awk -v k="$1:" '$1 == k { printf "%d", $2 / 1024 }' "/proc/$karaf/status"; }
sleep 3
rss_idle=$(rss VmRSS)
echo "ready (GET /health/ready 200) $boot_ms ms after start; Karaf pid $karaf, RSS idle $rss_idle MB"

# --- the dataset -----------------------------------------------------------------------------------------------
api="$base/api/v1"
admin_pw="load harness $id"
token=$(curl -sf -X POST "$api/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"load-admin@example.org\",\"password\":\"$admin_pw\",\"timezone\":\"UTC\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])') \
  || { echo "POST /api/v1/auth/register failed" >&2; exit 1; }
today=$(curl -sf "$api/today" -H "Authorization: Bearer $token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["date"])') \
  || { echo "GET /api/v1/today failed" >&2; exit 1; }
pwhash=$(psql -X -At -h $db_host -p $db_port -U $db_user -d $db_name \
  -c "SELECT password_hash FROM $schema.app_user WHERE email_normalized = 'load-admin@example.org'")
echo "server's today: $today; loading $users users × $habits habits × $days days"
LOAD_DB_HOST=$db_host LOAD_DB_PORT=$db_port LOAD_DB_USER=$db_user LOAD_DB_NAME=$db_name \
  "$here/generate.sh" --schema "$schema" --users "$users" --habits "$habits" --days "$days" --sample "$sample" \
  --today "$today" --password-hash "$pwhash" --out "$data"
# shellcheck disable=SC1091
. "$data/dataset.env"
probe=$(head -1 "$data/users.txt" | cut -d'|' -f1)
code=$(curl -s -o /dev/null -w '%{http_code}' "$api/habit-types" -H "Authorization: Bearer $probe")
[ "$code" = 200 ] || { echo "a generated user's token is refused: GET /habit-types answered $code" >&2; exit 1; }
python3 "$here/prime.py" "$base" "$data" 4

# --- wrk -------------------------------------------------------------------------------------------------------
# scenario label : script
scenarios=("health-live:health-live" "habit-types (before):habit-types" "today:today" "stats:stats"
  "calendar:calendar" "feed:feed" "checkin PUT:checkin" "increment POST:increment" "habit-types (after):habit-types")
results="$work/results.txt"
: > "$results"
run_wrk() { # label script connections duration -> the RESULT line
  local label="$1" script="$2" c="$3" d="$4" t="$threads" path=/api/v1/habit-types
  [ "$c" -lt "$t" ] && t="$c"
  [ "$script" = health-live ] && path=/health/live
  local file="$work/wrk-${script}-$c-$(date +%s%N).txt"
  LOAD_DATA_DIR="$data" LOAD_LUA_DIR="$here/lua" \
    wrk -t"$t" -c"$c" -d"$d" --timeout "$timeout" --latency -s "$here/lua/$script.lua" "$base$path" > "$file" 2>&1 || true
  local line; line=$(grep '^RESULT ' "$file" | tail -1 || true)
  [ -n "$line" ] || { echo "wrk gave no result for $label at $c connections:" >&2; cat "$file" >&2; exit 1; }
  echo "$line"
}
brief() { python3 "$here/report.py" brief "$1" "$2"; }
# the changes a write run left in the outbox (delivered after the commit, off the request thread): how many were
# still waiting when the run ended, and how long their delivery took; waits (up to 5 minutes) so that the delivery
# does not run into the next scenario
outbox_count() { psql -X -At -h $db_host -p $db_port -U $db_user -d $db_name -c "SELECT count(*) FROM $schema.habit_outbox"; }
drain() { # label
  local n0 t0 left
  n0=$(outbox_count); t0=$(date +%s%N); left=$n0
  while [ "$left" -gt 0 ] && [ $(( ($(date +%s%N) - t0) / 1000000000 )) -lt 300 ]; do sleep 0.25; left=$(outbox_count); done
  local line="outbox after $1: $n0 changes waiting when the run ended, delivered in $(( ($(date +%s%N) - t0) / 1000000 )) ms ($left left)"
  echo "  $line"; echo "$line" >> "$work/outbox.txt"
}
: > "$work/outbox.txt"

( while kill -0 "$karaf" 2> /dev/null; do rss VmRSS; echo; sleep 0.5; done > "$work/rss.log" ) &
sampler=$!
max_c=0; for c in $conns; do [ "$c" -gt "$max_c" ] && max_c=$c; done
echo "warm-up: every scenario for $warmup at $max_c connections"
seen=" "
for s in "${scenarios[@]}"; do
  script="${s##*:}"
  case "$seen" in *" $script "*) continue ;; esac
  seen="$seen$script "
  brief "$script" "$(run_wrk "$script" "$script" "$max_c" "$warmup")"
  case "$script" in checkin|increment) drain "$script warm-up" ;; esac
done
# the write scenarios' warm-up changed some habits: read their statistics again so the stats scenario reads cached
python3 "$here/prime.py" "$base" "$data" 4
echo "measuring: every scenario for $duration at connections: $conns"
for s in "${scenarios[@]}"; do
  label="${s%%:*}" script="${s##*:}"
  for c in $conns; do
    line=$(run_wrk "$label" "$script" "$c" "$duration")
    printf '%s\t%s\t%s\n' "$label" "$c" "$line" >> "$results"
    brief "$label @ $c" "$line"
    case "$script" in checkin|increment) drain "$label @ $c" ;; esac
  done
done
kill "$sampler" 2> /dev/null || true; sampler=""
rss_peak=$(sort -n "$work/rss.log" | tail -1)
rss_hwm=$(rss VmHWM)
access_summary=$(python3 "$here/report.py" access "$dir"/data/log/access*.log 2> /dev/null || echo "access log: none")
log="$dir/data/log/karaf.log"
logged_errors=$(grep -c '| ERROR |' "$log" 2> /dev/null || true)
logged_warnings=$(grep -c '| WARN  |' "$log" 2> /dev/null || true)
# a request still running when a wrk run ends loses its client: Jetty's EofException on writing the answer
gone=$(grep -A1 'Unhandled error in request' "$log" 2> /dev/null | grep -c '^org.eclipse.jetty.io.EofException' || true)
# the distinct messages (without time, thread and bundle), most frequent first
logged=$(grep -E '\| (ERROR|WARN ) \|' "$log" 2> /dev/null | awk -F' [|] ' '{ print $2 " " $4 ": " substr($6, 1, 160) }' \
  | sed -E 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/{id}/g' | sort | uniq -c | sort -rn | head -6 || true)

# --- the report ------------------------------------------------------------------------------------------------
report=$(python3 "$here/report.py" table "$results")
summary="$users users × $habits habits × $days days ($checkins check-ins, $size; loaded in ${load_seconds} s + vacuum ${vacuum_seconds} s), $sample users sampled; wrk $threads threads, $duration per run, $warmup warm-up; $(nproc) cores"
memory="Boot to ready (GET /health/ready 200, fresh data/, PostgreSQL + Redis): $boot_ms ms. Karaf RSS: idle after boot $rss_idle MB, peak under load $rss_peak MB (sampled every 0.5 s; VmHWM $rss_hwm MB). karaf.log: $logged_errors ERROR, $logged_warnings WARN lines; $gone unhandled errors are Jetty's EofException (the client closed the connection: requests in flight when a wrk run ended)."
echo
echo "$summary"
echo
echo "$report"
echo
echo "$memory"
echo "Server side (the whole run, warm-up and priming included), $access_summary"
cat "$work/outbox.txt"
if [ -n "$logged" ]; then echo "Most frequent ERROR/WARN messages in karaf.log:"; echo "$logged"; fi
echo "× trivial: req/s over the mean of the two habit-types runs at the same connections; × /health/live: over health-live's."
if [ -n "$out" ]; then
  { echo "$summary"; echo; echo "$report"; echo; echo "$memory"; echo
    echo "Server side (the whole run, warm-up and priming included), $access_summary"
    echo; echo "Delivery after the commit (the outbox):"; echo; sed 's/^/- /' "$work/outbox.txt"
    if [ -n "$logged" ]; then
      echo; echo "Most frequent ERROR/WARN messages in karaf.log:"; echo '```'; echo "$logged"; echo '```'
    fi
  } > "$out"
  echo "report written to $out"
fi
