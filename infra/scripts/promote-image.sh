#!/usr/bin/env bash
# Copies the image that passed staging into production's repository, byte for byte (same digest), so that
# production runs exactly what staging checked:
#
#   infra/scripts/promote-image.sh <staging repository url> <production repository url> <tag>
#
# Needs AWS credentials that may pull from the first and push to the second (production's deploy role).
set -euo pipefail

from="${1:-}"
to="${2:-}"
tag="${3:-}"
if [[ -z "$from" || -z "$to" || -z "$tag" ]]; then
  echo "usage: $0 <source repository url> <target repository url> <tag>" >&2
  exit 2
fi

for registry in "${from%%/*}" "${to%%/*}"; do
  region=$(cut -d. -f4 <<< "$registry")
  aws ecr get-login-password --region "$region" | skopeo login --username AWS --password-stdin "$registry"
done

source_digest=$(skopeo inspect --no-tags --format '{{.Digest}}' "docker://$from:$tag")
if skopeo inspect --no-tags "docker://$to:$tag" > /dev/null 2>&1; then
  echo "[image] $to:$tag is there already"
else
  skopeo copy --retry-times 3 --preserve-digests "docker://$from:$tag" "docker://$to:$tag"
fi
target_digest=$(skopeo inspect --no-tags --format '{{.Digest}}' "docker://$to:$tag")
if [[ "$source_digest" != "$target_digest" ]]; then
  echo "[image] $to:$tag is $target_digest, not staging's $source_digest: not promoted" >&2
  exit 1
fi
echo "[image] promoted $tag ($target_digest)"
