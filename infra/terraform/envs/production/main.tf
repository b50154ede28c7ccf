# Production: highly available — two to four tasks of one vCPU over two zones, a NAT gateway per zone, a
# Multi-AZ db.t4g.medium, a Redis primary with a replica in the other zone. Only the workflow's `production`
# job (GitHub environment production, with required reviewers) can assume its deploy role.

module "steadfast" {
  source = "../../modules/steadfast"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name              = "steadfast-production"
  domain_name       = var.domain_name
  hosted_zone_name  = var.hosted_zone_name
  alarm_email       = var.alarm_email
  image_tag         = var.image_tag
  extra_environment = var.extra_environment
  extra_secrets     = var.extra_secrets

  github_repository      = var.github_repository
  github_subjects        = ["environment:production"]
  source_repository_arns = [var.staging_repository_arn]
  state_bucket           = var.state_bucket
  state_key              = "envs/production/terraform.tfstate"
  lock_table             = var.lock_table

  nat_gateway_count        = 2
  task_cpu                 = 1024
  task_memory              = 2048
  heap                     = "1024m"
  min_count                = 2
  max_count                = 4
  db_instance_class        = "db.t4g.medium"
  db_backup_retention_days = 14
  cache_node_type          = "cache.t4g.small"
  cache_nodes              = 2
  log_retention_days       = 90
  deletion_protection      = true
}
