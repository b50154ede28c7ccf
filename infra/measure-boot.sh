#!/usr/bin/env bash
# Cold boot of a fresh copy of the distribution to the first healthy GET /health, N times.
# Usage: infra/measure-boot.sh [runs] [extra env assignments...]   (build first: mvn -B install -DskipTests)
# Example: infra/measure-boot.sh 3 STEADFAST_DB_URL=jdbc:postgresql://127.0.0.1:5432/test STEADFAST_DB_USER=postgres
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"; shift || true
src="$root/assembly/target/assembly"
[ -x "$src/bin/karaf" ] || { echo "build the distribution first: mvn -B install -DskipTests" >&2; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  cp -r "$src"/. "$dir"/ && rm -rf "$dir/data" "$dir/instances" "$dir/lock"
  start=$(date +%s%N)
  env "$@" STEADFAST_HTTP_PORT="$port" CHECK_ROOT_INSTANCE_RUNNING=false "$dir/bin/karaf" server > "$dir/console.log" 2>&1 &
  pid=$!
  code=000
  for _ in $(seq 1 600); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)
    [ "$code" = 200 ] && break
    sleep 0.05
  done
  end=$(date +%s%N)
  rss=$(ps -o rss= -p "$(pgrep -f "karaf.base=$dir" | head -1)" 2>/dev/null || echo 0)
  echo "run $i: /health $code after $(( (end-start)/1000000 )) ms (cold boot, fresh data/), RSS $((rss/1024)) MB"
  pkill -f "karaf.base=$dir" 2>/dev/null || true
  for _ in $(seq 1 100); do pgrep -f "karaf.base=$dir" > /dev/null || break; sleep 0.1; done
  wait "$pid" 2>/dev/null || true
  rm -rf "$dir" 2>/dev/null || true
done
