output "state_bucket" {
  description = "backend.hcl's bucket and the environments' state_bucket"
  value       = aws_s3_bucket.state.id
}

output "lock_table" {
  description = "backend.hcl's dynamodb_table and the environments' lock_table"
  value       = aws_dynamodb_table.lock.name
}

output "region" {
  value = var.aws_region
}

output "github_oidc_provider_arn" {
  value = one(aws_iam_openid_connect_provider.github[*].arn)
}
