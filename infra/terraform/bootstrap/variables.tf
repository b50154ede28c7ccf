variable "aws_region" {
  type    = string
  default = "us-east-1"
}

variable "state_bucket_prefix" {
  description = "The state bucket is <prefix>-<account id> (bucket names are global)"
  type        = string
  default     = "steadfast-tfstate"
}

variable "lock_table" {
  type    = string
  default = "steadfast-tfstate-lock"
}

variable "create_github_oidc_provider" {
  description = "One per account: false if the account has token.actions.githubusercontent.com already"
  type        = bool
  default     = true
}

variable "state_version_days" {
  description = "Days an overwritten state version is kept (to go back after a bad apply)"
  type        = number
  default     = 90
}
