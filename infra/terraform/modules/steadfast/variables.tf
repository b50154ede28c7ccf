# One Steadfast installation: what envs/staging and envs/production both instantiate, each with its own sizes.

variable "name" {
  description = "Prefix of every name: steadfast-<environment>"
  type        = string
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,27}$", var.name))
    error_message = "Lower-case letters, digits and dashes, at most 28 characters (load balancer and target group names are limited to 32)."
  }
}

variable "domain_name" {
  description = "What users open, e.g. habits.example.org; the load balancer gets origin.<domain_name>"
  type        = string
}

variable "hosted_zone_name" {
  description = "The Route 53 public zone the domain is in, e.g. example.org"
  type        = string
}

variable "alarm_email" {
  type = string
}

variable "image_tag" {
  type = string
}

# --- the pipeline's role ---

variable "github_repository" {
  type = string
}

variable "github_subjects" {
  type = list(string)
}

variable "oidc_provider_url" {
  description = "The account's GitHub OIDC provider, made once by bootstrap/"
  type        = string
  default     = "token.actions.githubusercontent.com"
}

variable "source_repository_arns" {
  type    = list(string)
  default = []
}

variable "state_bucket" {
  type = string
}

variable "state_key" {
  type = string
}

variable "lock_table" {
  type = string
}

# --- sizes (docs/deploy.md: tiers and costs) ---

variable "nat_gateway_count" {
  type = number
}

variable "task_cpu" {
  type = number
}

variable "task_memory" {
  type = number
}

variable "heap" {
  type = string
}

variable "min_count" {
  type = number
}

variable "max_count" {
  type = number
}

variable "db_instance_class" {
  type = string
}

variable "db_multi_az" {
  type    = bool
  default = true
}

variable "db_backup_retention_days" {
  type = number
}

variable "cache_node_type" {
  type = string
}

variable "cache_nodes" {
  type = number
}

variable "log_retention_days" {
  type = number
}

variable "extra_environment" {
  type    = map(string)
  default = {}
}

variable "extra_secrets" {
  type    = map(string)
  default = {}
}

variable "deletion_protection" {
  type    = bool
  default = true
}
