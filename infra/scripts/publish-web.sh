#!/usr/bin/env bash
# Publishes the web app (web/dist, as the Maven build leaves it) to the environment's S3 bucket behind
# CloudFront, in the order that keeps every browser working during a deploy:
#   1. the hashed build files (assets/): cached for a year, immutable; old ones are never deleted, so a page
#      loaded before the deploy still finds its scripts;
#   2. the rest (index.html, sw.js, the manifest, icons): revalidated on every use (no-cache);
#   3. a CloudFront invalidation of everything (one wildcard path).
# The .gz and .br copies Steadfast's own servlet serves are left out: CloudFront compresses by itself.
#
#   infra/scripts/publish-web.sh web/dist <bucket> <distribution id>
set -euo pipefail

dist="${1:-}"
bucket="${2:-}"
distribution="${3:-}"
if [[ -z "$dist" || -z "$bucket" || -z "$distribution" ]]; then
  echo "usage: $0 <web dist folder> <bucket> <cloudfront distribution id>" >&2
  exit 2
fi
if [[ ! -f "$dist/index.html" ]]; then
  echo "[web] no $dist/index.html: build the web module first" >&2
  exit 1
fi

aws s3 sync "$dist/assets" "s3://$bucket/assets" --exclude '*.gz' --exclude '*.br' \
  --cache-control 'public, max-age=31536000, immutable' --only-show-errors
aws s3 sync "$dist" "s3://$bucket" --exclude 'assets/*' --exclude '*.gz' --exclude '*.br' \
  --cache-control 'no-cache' --only-show-errors
aws cloudfront create-invalidation --distribution-id "$distribution" --paths '/*' \
  --query 'Invalidation.Id' --output text
echo "[web] published $dist to s3://$bucket"
