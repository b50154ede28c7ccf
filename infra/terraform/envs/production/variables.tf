variable "aws_region" {
  description = "Where everything but CloudFront's certificate and web ACL lives"
  type        = string
  default     = "us-east-1"
}

variable "domain_name" {
  description = "The production address, e.g. habits.example.org"
  type        = string
}

variable "hosted_zone_name" {
  description = "The Route 53 zone it is in, e.g. example.org"
  type        = string
}

variable "alarm_email" {
  description = "Where the alarms go (confirm the subscription from the e-mail AWS sends)"
  type        = string
}

variable "github_repository" {
  description = "owner/name of the repository that deploys"
  type        = string
}

variable "image_tag" {
  description = "The image to run: the tag that passed staging (the pipeline copies it from staging's repository)"
  type        = string
}

variable "staging_repository_arn" {
  description = "Staging's ECR repository (its output ecr_repository_arn): production promotes images from it"
  type        = string
}

variable "state_bucket" {
  description = "bootstrap's state_bucket (also in backend.hcl)"
  type        = string
}

variable "lock_table" {
  description = "bootstrap's lock_table (also in backend.hcl)"
  type        = string
}

variable "extra_secrets" {
  description = "More STEADFAST_* variables from Secrets Manager: name => ARN of a secret you made (e.g. STEADFAST_SMTP_PASSWORD)"
  type        = map(string)
  default     = {}
}

variable "extra_environment" {
  description = "More STEADFAST_* variables (no secrets)"
  type        = map(string)
  default     = {}
}
