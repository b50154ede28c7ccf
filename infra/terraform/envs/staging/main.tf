# Staging: the production topology (Multi-AZ database, the same edge) at the smallest sizes — one task of a
# quarter vCPU, one NAT gateway, one Redis node. The workflow's `image` job (main branch) and `staging` job
# (both in the GitHub environment staging, which only the main branch may use) deploy it.

module "steadfast" {
  source = "../../modules/steadfast"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name              = "steadfast-staging"
  domain_name       = var.domain_name
  hosted_zone_name  = var.hosted_zone_name
  alarm_email       = var.alarm_email
  image_tag         = var.image_tag
  extra_environment = var.extra_environment
  extra_secrets     = var.extra_secrets

  github_repository = var.github_repository
  github_subjects   = ["environment:staging"]
  state_bucket      = var.state_bucket
  state_key         = "envs/staging/terraform.tfstate"
  lock_table        = var.lock_table

  nat_gateway_count        = 1
  task_cpu                 = 256
  task_memory              = 1024
  heap                     = "384m"
  min_count                = 1
  max_count                = 2
  db_instance_class        = "db.t4g.micro"
  db_backup_retention_days = 7
  cache_node_type          = "cache.t4g.micro"
  cache_nodes              = 1
  log_retention_days       = 14
  deletion_protection      = true
}
