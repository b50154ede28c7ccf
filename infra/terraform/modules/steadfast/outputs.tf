output "url" {
  description = "Where users go; <url>/health/ready is what the pipeline checks"
  value       = module.edge.url
}

output "ecr_repository_url" {
  value = module.compute.ecr_repository_url
}

output "ecr_repository_arn" {
  value = module.compute.ecr_repository_arn
}

output "web_bucket_name" {
  value = module.edge.web_bucket_name
}

output "distribution_id" {
  value = module.edge.distribution_id
}

output "deploy_role_arn" {
  value = module.pipeline.role_arn
}

output "alarm_topic_arn" {
  value = module.observability.alarm_topic_arn
}

output "dashboard_name" {
  value = module.observability.dashboard_name
}

output "nat_public_ips" {
  value = module.network.nat_public_ips
}

output "db_address" {
  value = module.data.db_address
}

output "media_bucket_name" {
  value = module.data.media_bucket_name
}

output "secret_arns" {
  value = {
    db_password   = module.data.db_password_secret_arn
    redis         = module.data.redis_secret_arn
    metrics_token = module.data.metrics_token_secret_arn
  }
}
