variable "name" {
  description = "Prefix of every name, e.g. steadfast-staging"
  type        = string
}

variable "vpc_id" {
  type = string
}

variable "data_subnet_ids" {
  description = "The private data subnets (no route out of the VPC), one per availability zone"
  type        = list(string)
}

variable "app_security_group_id" {
  description = "The tasks' security group: the only one the database and the cache accept"
  type        = string
}

# --- PostgreSQL ---

variable "db_instance_class" {
  description = "RDS instance class (db.t4g.micro: personal; db.t4g.medium: production HA; docs/deploy.md)"
  type        = string
  default     = "db.t4g.micro"
}

variable "db_multi_az" {
  description = "A synchronous standby in the second zone with automatic failover. Only a personal installation that accepts an outage of its zone sets false"
  type        = bool
  default     = true
}

variable "db_engine_version" {
  description = "PostgreSQL major version (every migration is tested on 15 and 16)"
  type        = string
  default     = "16"
}

variable "db_allocated_storage_gb" {
  type    = number
  default = 20
}

variable "db_max_allocated_storage_gb" {
  description = "Storage autoscaling ceiling"
  type        = number
  default     = 100
}

variable "db_backup_retention_days" {
  description = "Automated backups and point-in-time recovery window (docs/operations.md, Amazon RDS)"
  type        = number
  default     = 14
  validation {
    condition     = var.db_backup_retention_days >= 7 && var.db_backup_retention_days <= 35
    error_message = "Keep automated backups (and so point-in-time recovery) for 7 to 35 days."
  }
}

variable "db_password_version" {
  description = "Raise by one to give the database a new random password (written to RDS and Secrets Manager in the same apply; restart the service afterwards)"
  type        = number
  default     = 1
}

# --- Redis ---

variable "cache_node_type" {
  description = "ElastiCache node type (cache.t4g.micro for both tiers of docs/deploy.md)"
  type        = string
  default     = "cache.t4g.micro"
}

variable "cache_nodes" {
  description = "Primary plus replicas; 2 or more turns on automatic failover across the zones"
  type        = number
  default     = 2
}

variable "cache_engine_version" {
  type    = string
  default = "7.1"
}

# --- secrets and media ---

variable "secret_recovery_days" {
  description = "How long a deleted secret can still be restored"
  type        = number
  default     = 30
}

variable "metrics_token_version" {
  description = "Raise by one to make a new metrics token"
  type        = number
  default     = 1
}

variable "media_noncurrent_days" {
  description = "Days an overwritten or deleted media object is kept before it is gone"
  type        = number
  default     = 90
}
