variable "name" {
  description = "Prefix of every name, e.g. steadfast-staging"
  type        = string
}

variable "log_retention_days" {
  description = "How long CloudWatch keeps the tasks' logs"
  type        = number
  default     = 30
}

variable "alarm_email" {
  description = "Where alarms go (the subscription must be confirmed from the e-mail AWS sends)"
  type        = string
}

variable "alb_arn_suffix" {
  type = string
}

variable "target_group_arn_suffix" {
  type = string
}

variable "cluster_name" {
  type = string
}

variable "service_name" {
  type = string
}

variable "db_instance_identifier" {
  type = string
}

variable "cache_member_clusters" {
  description = "The ElastiCache nodes (their CacheHitRate is on the dashboard)"
  type        = list(string)
}

variable "error_rate_percent" {
  description = "Alarm when 5xx answers are more than this share of all requests, every minute for 5 minutes"
  type        = number
  default     = 5
}

variable "latency_p99_seconds" {
  description = "Alarm when the targets' p99 response time is above this for 5 minutes (docs/operations.md: p99 above 1 s)"
  type        = number
  default     = 1
}

variable "cpu_percent" {
  description = "Alarm when the service's average CPU is above this for 10 minutes (autoscaling aims at less)"
  type        = number
  default     = 85
}
