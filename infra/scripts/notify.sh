#!/usr/bin/env bash
# Tells the team how a delivery ended — the workflow's last job, on success and on failure:
#
#   infra/scripts/notify.sh <result: success|failure|cancelled> <message>
#
# Posts to the Slack incoming webhook in SLACK_WEBHOOK_URL (a repository secret); without one it only prints
# the message. A failed notification is reported but does not fail the run (the deploy itself is what counts).
set -uo pipefail

result="${1:-}"
message="${2:-}"
if [[ -z "$result" || -z "$message" ]]; then
  echo "usage: $0 <result> <message>" >&2
  exit 2
fi
case "$result" in
  success) icon=":white_check_mark:" ;;
  failure) icon=":x:" ;;
  *) icon=":warning:" ;;
esac
text="$icon Steadfast delivery $result: $message"
echo "[notify] $text"
if [[ -z "${SLACK_WEBHOOK_URL:-}" ]]; then
  echo "[notify] no SLACK_WEBHOOK_URL: printed only"
  exit 0
fi
payload=$(jq -cn --arg text "$text" '{text: $text}')
if ! curl --silent --show-error --fail --max-time 15 --retry 2 \
    --header 'Content-Type: application/json' --data "$payload" "$SLACK_WEBHOOK_URL" > /dev/null; then
  echo "[notify] the webhook did not take the message" >&2
fi
exit 0
