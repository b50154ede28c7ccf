#!/usr/bin/env bash
# Waits until a Steadfast URL answers 200 — the delivery workflow's check after each deploy:
#
#   infra/scripts/check-health.sh https://staging.habits.example.org/health/ready [attempts] [seconds between]
#
# Each attempt is one GET with a 10 s limit; anything but 200 (503 while a node starts or drains, a refused
# connection while the load balancer has no healthy target, a timeout) is retried. Exits 0 at the first 200,
# 1 when every attempt failed (with the last status and body), 2 on wrong arguments.
set -euo pipefail

url="${1:-}"
attempts="${2:-30}"
interval="${3:-10}"
if [[ -z "$url" || ! "$attempts" =~ ^[1-9][0-9]*$ || ! "$interval" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 <url> [attempts (default 30)] [seconds between (default 10)]" >&2
  exit 2
fi

body=$(mktemp)
trap 'rm -f "$body"' EXIT
status="none"
for i in $(seq 1 "$attempts"); do
  status=$(curl --silent --show-error --output "$body" --write-out '%{http_code}' --max-time 10 \
    --header 'Accept: application/json' "$url" 2> /dev/null) || status="${status:-000}"
  if [[ "$status" == "200" ]]; then
    echo "[health] $url: 200 after $i attempt(s): $(head -c 300 "$body")"
    exit 0
  fi
  echo "[health] $url: attempt $i of $attempts answered ${status:-000}; again in ${interval}s"
  if (( i < attempts )); then sleep "$interval"; fi
done
echo "[health] $url never answered 200 (last: ${status:-000} $(head -c 300 "$body"))" >&2
exit 1
