#!/usr/bin/env bash
# `terraform apply` of one environment with a new image — what the delivery workflow runs for staging and
# production:
#
#   infra/scripts/terraform-deploy.sh staging <image tag>
#
# The backend's names come from the environment (TF_STATE_BUCKET, TF_LOCK_TABLE, AWS_REGION), the root's
# variables from TF_VAR_* (the GitHub environment's variables). The outputs are written as name=value lines to
# $GITHUB_OUTPUT when it is set (url, ecr_repository_url, web_bucket_name, distribution_id).
set -euo pipefail

env="${1:-}"
tag="${2:-}"
if [[ "$env" != "staging" && "$env" != "production" ]] || [[ -z "$tag" ]]; then
  echo "usage: $0 staging|production <image tag>" >&2
  exit 2
fi
: "${TF_STATE_BUCKET:?set TF_STATE_BUCKET (bootstrap output state_bucket)}"
: "${TF_LOCK_TABLE:?set TF_LOCK_TABLE (bootstrap output lock_table)}"
: "${AWS_REGION:?set AWS_REGION}"

cd "$(dirname "$0")/../terraform/envs/$env"
export TF_IN_AUTOMATION=1 TF_INPUT=0
export TF_VAR_state_bucket="$TF_STATE_BUCKET" TF_VAR_lock_table="$TF_LOCK_TABLE" TF_VAR_aws_region="$AWS_REGION"

terraform init -input=false \
  -backend-config="bucket=$TF_STATE_BUCKET" \
  -backend-config="dynamodb_table=$TF_LOCK_TABLE" \
  -backend-config="region=$AWS_REGION"
terraform apply -input=false -auto-approve -var "image_tag=$tag"

if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
  for name in url ecr_repository_url web_bucket_name distribution_id; do
    echo "$name=$(terraform output -raw "$name")" >> "$GITHUB_OUTPUT"
  done
fi
