output "db_address" {
  value = aws_db_instance.this.address
}

output "db_port" {
  value = aws_db_instance.this.port
}

output "db_name" {
  value = aws_db_instance.this.db_name
}

output "db_username" {
  value = aws_db_instance.this.username
}

output "db_instance_identifier" {
  value = aws_db_instance.this.identifier
}

output "db_password_secret_arn" {
  value = aws_secretsmanager_secret.db_password.arn
}

output "redis_secret_arn" {
  value = aws_secretsmanager_secret.redis.arn
}

output "metrics_token_secret_arn" {
  value = aws_secretsmanager_secret.metrics_token.arn
}

output "cache_replication_group_id" {
  value = aws_elasticache_replication_group.this.id
}

output "cache_member_clusters" {
  description = "The nodes (CacheClusterId dimension of the ElastiCache metrics)"
  value       = sort(tolist(aws_elasticache_replication_group.this.member_clusters))
}

output "media_bucket_name" {
  value = module.media.name
}

output "media_bucket_arn" {
  value = module.media.arn
}
