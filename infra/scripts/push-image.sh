#!/usr/bin/env bash
# Pushes the image archive the Maven build makes (assembly/target/steadfast-image.tar, docker-archive format)
# to an ECR repository with skopeo — no Docker daemon:
#
#   infra/scripts/push-image.sh assembly/target/steadfast-image.tar 123456789012.dkr.ecr.us-east-1.amazonaws.com/steadfast-staging <tag>
#
# Needs AWS credentials (the workflow's OIDC role) and skopeo. The repository's tags are immutable: a tag that
# is already there (a re-run of the same commit) is left as it is.
set -euo pipefail

archive="${1:-}"
repository="${2:-}"
tag="${3:-}"
if [[ -z "$archive" || -z "$repository" || -z "$tag" ]]; then
  echo "usage: $0 <image archive> <repository url> <tag>" >&2
  exit 2
fi
if [[ ! -f "$archive" ]]; then
  echo "[image] no image archive at $archive (did the build run with busybox-static installed?)" >&2
  exit 1
fi

registry="${repository%%/*}"
region=$(cut -d. -f4 <<< "$registry")
aws ecr get-login-password --region "$region" | skopeo login --username AWS --password-stdin "$registry"

if skopeo inspect --no-tags "docker://$repository:$tag" > /dev/null 2>&1; then
  echo "[image] $repository:$tag is there already; not pushed again"
else
  skopeo copy --retry-times 3 "docker-archive:$archive" "docker://$repository:$tag"
fi
digest=$(skopeo inspect --no-tags --format '{{.Digest}}' "docker://$repository:$tag")
echo "[image] $repository:$tag is $digest"
