output "url" {
  value = module.steadfast.url
}

output "ecr_repository_url" {
  value = module.steadfast.ecr_repository_url
}

output "ecr_repository_arn" {
  value = module.steadfast.ecr_repository_arn
}

output "web_bucket_name" {
  value = module.steadfast.web_bucket_name
}

output "distribution_id" {
  value = module.steadfast.distribution_id
}

output "deploy_role_arn" {
  description = "The GitHub environment's variable AWS_DEPLOY_ROLE_ARN"
  value       = module.steadfast.deploy_role_arn
}

output "alarm_topic_arn" {
  value = module.steadfast.alarm_topic_arn
}

output "dashboard_name" {
  value = module.steadfast.dashboard_name
}

output "nat_public_ips" {
  value = module.steadfast.nat_public_ips
}

output "secret_arns" {
  value = module.steadfast.secret_arns
}
