# What holds state: PostgreSQL (everything a user made), Redis (nothing that is not also in the database:
# caches, throttling counters, rate-limit buckets, publish/subscribe between the nodes), S3 for media, and the
# credentials in Secrets Manager, from where the ECS task definition injects them as environment variables.

# --- security groups: open only to the app's ---

resource "aws_security_group" "db" {
  name        = "${var.name}-db"
  description = "PostgreSQL: port 5432 from the Steadfast tasks only"
  vpc_id      = var.vpc_id
  tags        = { Name = "${var.name}-db" }
}

resource "aws_vpc_security_group_ingress_rule" "db_from_app" {
  security_group_id            = aws_security_group.db.id
  description                  = "PostgreSQL from the tasks"
  referenced_security_group_id = var.app_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_security_group" "cache" {
  name        = "${var.name}-cache"
  description = "Redis: port 6379 from the Steadfast tasks only"
  vpc_id      = var.vpc_id
  tags        = { Name = "${var.name}-cache" }
}

resource "aws_vpc_security_group_ingress_rule" "cache_from_app" {
  security_group_id            = aws_security_group.cache.id
  description                  = "Redis (TLS) from the tasks"
  referenced_security_group_id = var.app_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
}

# --- PostgreSQL (RDS) ---

# The master password never enters the Terraform state or plan: an ephemeral random value written, in the same
# apply, to RDS (password_wo) and to Secrets Manager (secret_string_wo); only when db_password_version changes.
ephemeral "random_password" "db" {
  length  = 40
  special = false
}

resource "aws_db_subnet_group" "this" {
  name       = "${var.name}-db"
  subnet_ids = var.data_subnet_ids
  tags       = { Name = "${var.name}-db" }
}

resource "aws_db_parameter_group" "this" {
  name   = "${var.name}-postgres${var.db_engine_version}"
  family = "postgres${var.db_engine_version}"

  # TLS only (STEADFAST_DB_URL asks for sslmode=require)
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  # statements slower than a second are logged (CloudWatch Logs, below)
  parameter {
    name  = "log_min_duration_statement"
    value = "1000"
  }
}

resource "aws_db_instance" "this" {
  identifier     = var.name
  engine         = "postgres"
  engine_version = var.db_engine_version
  instance_class = var.db_instance_class

  db_name             = "steadfast"
  username            = "steadfast"
  password_wo         = ephemeral.random_password.db.result
  password_wo_version = var.db_password_version

  allocated_storage     = var.db_allocated_storage_gb
  max_allocated_storage = var.db_max_allocated_storage_gb
  storage_type          = "gp3"
  storage_encrypted     = true

  multi_az               = var.db_multi_az
  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [aws_security_group.db.id]
  publicly_accessible    = false
  parameter_group_name   = aws_db_parameter_group.this.name
  ca_cert_identifier     = "rds-ca-rsa2048-g1"

  # automated backups: a daily snapshot and the write-ahead log every 5 minutes, which is what point-in-time
  # recovery restores from (any second within the retention period; docs/operations.md, "Amazon RDS")
  backup_retention_period  = var.db_backup_retention_days
  backup_window            = "03:00-03:30"
  maintenance_window       = "sun:04:00-sun:05:00"
  copy_tags_to_snapshot    = true
  delete_automated_backups = false

  deletion_protection       = true
  skip_final_snapshot       = false
  final_snapshot_identifier = "${var.name}-final"

  auto_minor_version_upgrade      = true
  allow_major_version_upgrade     = false
  apply_immediately               = false
  enabled_cloudwatch_logs_exports = ["postgresql"]

  tags = { Name = var.name }
}

# --- Redis (ElastiCache) ---

# ElastiCache has no write-only auth token argument (yet): this token is in the Terraform state, which is why
# the state bucket is encrypted, versioned and readable only by the deploy roles (bootstrap/). Letters and
# digits only: it goes into STEADFAST_REDIS_URL as the URL's password.
resource "random_password" "redis" {
  length  = 64
  special = false
}

resource "aws_elasticache_subnet_group" "this" {
  name       = "${var.name}-cache"
  subnet_ids = var.data_subnet_ids
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id = var.name
  description          = "Steadfast ${var.name}: caches, throttling, rate limits, publish/subscribe"
  engine               = "redis"
  engine_version       = var.cache_engine_version
  node_type            = var.cache_node_type
  port                 = 6379

  num_cache_clusters         = var.cache_nodes
  automatic_failover_enabled = var.cache_nodes > 1
  multi_az_enabled           = var.cache_nodes > 1
  subnet_group_name          = aws_elasticache_subnet_group.this.name
  security_group_ids         = [aws_security_group.cache.id]

  transit_encryption_enabled = true
  at_rest_encryption_enabled = true
  auth_token                 = random_password.redis.result
  auth_token_update_strategy = "ROTATE"

  # Redis holds nothing that is not also in the database (docs/operations.md, "If Redis is lost"): no snapshots
  snapshot_retention_limit   = 0
  maintenance_window         = "sun:05:00-sun:06:00"
  auto_minor_version_upgrade = true
  apply_immediately          = false

  tags = { Name = var.name }
}

# --- secrets ---

resource "aws_secretsmanager_secret" "db_password" {
  name                    = "${var.name}/db-password"
  description             = "STEADFAST_DB_PASSWORD: the password of the RDS user steadfast"
  recovery_window_in_days = var.secret_recovery_days
}

resource "aws_secretsmanager_secret_version" "db_password" {
  secret_id                = aws_secretsmanager_secret.db_password.id
  secret_string_wo         = ephemeral.random_password.db.result
  secret_string_wo_version = var.db_password_version
}

resource "aws_secretsmanager_secret" "redis" {
  name                    = "${var.name}/redis"
  description             = "The ElastiCache auth token and STEADFAST_REDIS_URL (rediss://, the token as its password)"
  recovery_window_in_days = var.secret_recovery_days
}

resource "aws_secretsmanager_secret_version" "redis" {
  secret_id = aws_secretsmanager_secret.redis.id
  secret_string = jsonencode({
    auth_token = random_password.redis.result
    url        = "rediss://:${random_password.redis.result}@${aws_elasticache_replication_group.this.primary_endpoint_address}:6379/0"
  })
}

ephemeral "random_password" "metrics_token" {
  length  = 48
  special = false
}

resource "aws_secretsmanager_secret" "metrics_token" {
  name                    = "${var.name}/metrics-token"
  description             = "STEADFAST_METRICS_TOKEN: the bearer token a Prometheus scraper sends to /metrics"
  recovery_window_in_days = var.secret_recovery_days
}

resource "aws_secretsmanager_secret_version" "metrics_token" {
  secret_id                = aws_secretsmanager_secret.metrics_token.id
  secret_string_wo         = ephemeral.random_password.metrics_token.result
  secret_string_wo_version = var.metrics_token_version
}

# --- media (S3) ---

module "media" {
  source          = "../bucket"
  name_prefix     = "${var.name}-media-"
  noncurrent_days = var.media_noncurrent_days
}
