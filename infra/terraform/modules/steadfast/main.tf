data "aws_route53_zone" "this" {
  name         = var.hosted_zone_name
  private_zone = false
}

data "aws_iam_openid_connect_provider" "github" {
  url = "https://${var.oidc_provider_url}"
}

locals {
  origin_domain_name = "origin.${var.domain_name}"
}

module "network" {
  source            = "../network"
  name              = var.name
  nat_gateway_count = var.nat_gateway_count
}

module "data" {
  source                   = "../data"
  name                     = var.name
  vpc_id                   = module.network.vpc_id
  data_subnet_ids          = module.network.data_subnet_ids
  app_security_group_id    = module.network.app_security_group_id
  db_instance_class        = var.db_instance_class
  db_multi_az              = var.db_multi_az
  db_backup_retention_days = var.db_backup_retention_days
  cache_node_type          = var.cache_node_type
  cache_nodes              = var.cache_nodes
}

module "observability" {
  source                  = "../observability"
  name                    = var.name
  alarm_email             = var.alarm_email
  log_retention_days      = var.log_retention_days
  alb_arn_suffix          = module.compute.alb_arn_suffix
  target_group_arn_suffix = module.compute.target_group_arn_suffix
  cluster_name            = module.compute.cluster_name
  service_name            = module.compute.service_name
  db_instance_identifier  = module.data.db_instance_identifier
  cache_member_clusters   = module.data.cache_member_clusters
}

module "compute" {
  source                   = "../compute"
  name                     = var.name
  vpc_id                   = module.network.vpc_id
  public_subnet_ids        = module.network.public_subnet_ids
  app_subnet_ids           = module.network.app_subnet_ids
  alb_security_group_id    = module.network.alb_security_group_id
  app_security_group_id    = module.network.app_security_group_id
  hosted_zone_id           = data.aws_route53_zone.this.zone_id
  origin_domain_name       = local.origin_domain_name
  public_url               = "https://${var.domain_name}"
  image_tag                = var.image_tag
  task_cpu                 = var.task_cpu
  task_memory              = var.task_memory
  heap                     = var.heap
  desired_count            = var.min_count
  min_count                = var.min_count
  max_count                = var.max_count
  # about 100 requests a second per vCPU of the heaviest mix (docs/deploy.md, "Sizing")
  requests_per_target_per_minute = floor(6000 * var.task_cpu / 1024)
  extra_environment        = var.extra_environment
  extra_secrets            = var.extra_secrets
  db_address               = module.data.db_address
  db_port                  = module.data.db_port
  db_name                  = module.data.db_name
  db_username              = module.data.db_username
  db_password_secret_arn   = module.data.db_password_secret_arn
  redis_secret_arn         = module.data.redis_secret_arn
  metrics_token_secret_arn = module.data.metrics_token_secret_arn
  media_bucket_arn         = module.data.media_bucket_arn
  media_bucket_name        = module.data.media_bucket_name
  log_group_name           = module.observability.log_group_name
  log_group_arn            = module.observability.log_group_arn
  deletion_protection      = var.deletion_protection
}

module "edge" {
  source = "../edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  name               = var.name
  domain_name        = var.domain_name
  hosted_zone_id     = data.aws_route53_zone.this.zone_id
  origin_domain_name = module.compute.origin_domain_name
}

module "pipeline" {
  source                 = "../pipeline"
  name                   = var.name
  github_repository      = var.github_repository
  github_subjects        = var.github_subjects
  oidc_provider_arn      = data.aws_iam_openid_connect_provider.github.arn
  state_bucket           = var.state_bucket
  state_key              = var.state_key
  lock_table             = var.lock_table
  ecr_repository_arn     = module.compute.ecr_repository_arn
  source_repository_arns = var.source_repository_arns
  cluster_arn            = module.compute.cluster_arn
  service_arn            = module.compute.service_arn
  task_definition_family = module.compute.task_definition_family
  passable_role_arns     = [module.compute.execution_role_arn, module.compute.task_role_arn]
  secret_arns            = [module.data.db_password_secret_arn, module.data.redis_secret_arn, module.data.metrics_token_secret_arn]
  web_bucket_arn         = module.edge.web_bucket_arn
  distribution_arn       = module.edge.distribution_arn
}
