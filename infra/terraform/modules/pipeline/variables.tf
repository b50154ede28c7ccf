variable "name" {
  description = "Prefix of every name, e.g. steadfast-staging"
  type        = string
}

variable "github_repository" {
  description = "owner/name of the repository whose workflow deploys (.github/workflows/delivery.yml)"
  type        = string
}

variable "github_subjects" {
  description = "The OIDC subjects (after repo:owner/name:) that may assume the role, e.g. environment:production, ref:refs/heads/main"
  type        = list(string)
}

variable "oidc_provider_arn" {
  description = "The account's GitHub OIDC provider (bootstrap/)"
  type        = string
}

variable "state_bucket" {
  type = string
}

variable "state_key" {
  description = "This environment's state object"
  type        = string
}

variable "lock_table" {
  type = string
}

variable "ecr_repository_arn" {
  description = "The repository the role pushes to"
  type        = string
}

variable "source_repository_arns" {
  description = "Repositories the role may pull from to promote an image (production: staging's)"
  type        = list(string)
  default     = []
}

variable "cluster_arn" {
  type = string
}

variable "service_arn" {
  type = string
}

variable "task_definition_family" {
  type = string
}

variable "passable_role_arns" {
  description = "The task's execution and task roles, which a new task definition names"
  type        = list(string)
}

variable "secret_arns" {
  description = "The environment's secrets (refreshing their versions reads them; the Redis token is in the state anyway)"
  type        = list(string)
}

variable "web_bucket_arn" {
  type = string
}

variable "distribution_arn" {
  type = string
}
