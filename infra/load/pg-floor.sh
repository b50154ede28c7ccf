#!/usr/bin/env bash
# What PostgreSQL alone can do on this machine: the statements of a check-in, run by pgbench (a C client with
# prepared statements, no Java, no HTTP) against a table shaped like Steadfast's. It is the floor under the load
# harness's figures: no server does a check-in with fewer statements than the database takes to run them.
#
# Usage: infra/load/pg-floor.sh [--habits 60000] [--days 120] [--clients 64] [--duration 15]
#   env: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGDATABASE (test)
# Creates the schema pgfloor_<pid>, prints a Markdown table, drops the schema.
set -euo pipefail
cd "$(dirname "$0")"
habits=60000 days=120 clients=64 duration=15
while [ $# -gt 0 ]; do
  case "$1" in
    --habits) habits="$2"; shift 2 ;;
    --days) days="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGDATABASE="${PGDATABASE:-test}"
command -v pgbench > /dev/null || { echo "pgbench is missing (Debian: apt-get install -y postgresql-client)" >&2; exit 1; }
schema="pgfloor_$$"
trap 'psql -q -c "DROP SCHEMA IF EXISTS $schema CASCADE" > /dev/null 2>&1 || true' EXIT
start=$(date +%s)
sed "s/@SCHEMA@/$schema/g; s/@HABITS@/$habits/g; s/@DAYS@/$days/g" pgbench/setup.sql.in | psql -q -v ON_ERROR_STOP=1 > /dev/null
echo "$habits habits × $days days ($((habits * days)) check-ins) loaded in $(( $(date +%s) - start )) s; pgbench $clients clients, 2 threads, ${duration} s per script; $(nproc) cores"
echo
echo "| script | what one transaction is | transactions/s | check-ins/s | latency avg |"
echo "|---|---|---|---|---|"
run() {  # script, description, check-ins per transaction, clients
  local out tps lat
  out=$(PGOPTIONS="-c search_path=$schema" pgbench -n -M prepared -c "$4" -j 2 -T "$duration" -D habits="$habits" -f "pgbench/$1" 2>&1) \
    || { echo "pgbench failed on $1:" >&2; echo "$out" >&2; exit 1; }
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<< "$out")
  lat=$(sed -n 's/^latency average = \(.*\)$/\1/p' <<< "$out")
  if [ "$3" = 0 ]; then per="—"; else per=$(printf '%.0f' "$(echo "$tps * $3" | bc -l)"); fi
  printf '| %s | %s | %.0f | %s | %s |\n' "$1" "$2" "$tps" "$per" "$lat"
}
run habit-read.sql "one habit row by its key (autocommit)" 0 "$clients"
run checkin-write.sql "a check-in's write: revision, outbox row, upsert of the day, commit" 1 "$clients"
run checkin-statements.sql "a check-in's statements as the server runs them: 2 reads, the write, 1 read" 1 "$clients"
run checkin-write-batch8.sql "8 check-ins' writes in one transaction, pipelined (8 clients)" 8 8
