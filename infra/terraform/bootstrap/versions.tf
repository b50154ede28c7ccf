terraform {
  required_version = ">= 1.11, < 2.0"

  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }

  # This root makes the state bucket, so its own state starts local (bootstrap/terraform.tfstate, ignored by
  # git). Afterwards move it into the bucket it made: add
  #   backend "s3" { bucket = "<state_bucket>", key = "bootstrap/terraform.tfstate", region = "...",
  #                  dynamodb_table = "<lock_table>", encrypt = true }
  # here and run `terraform init -migrate-state` (docs/deploy.md).
}
