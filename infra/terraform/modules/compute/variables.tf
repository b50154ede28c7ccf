variable "name" {
  description = "Prefix of every name, e.g. steadfast-staging"
  type        = string
}

variable "vpc_id" {
  type = string
}

variable "public_subnet_ids" {
  description = "Where the load balancer is"
  type        = list(string)
}

variable "app_subnet_ids" {
  description = "Where the tasks run (private, out through NAT)"
  type        = list(string)
}

variable "alb_security_group_id" {
  type = string
}

variable "app_security_group_id" {
  type = string
}

variable "hosted_zone_id" {
  description = "The Route 53 zone of the domain (the origin name and its certificate's validation go there)"
  type        = string
}

variable "origin_domain_name" {
  description = "The load balancer's own name, CloudFront's origin for /api/* (e.g. origin.habits.example.org)"
  type        = string
}

variable "public_url" {
  description = "STEADFAST_PUBLIC_URL: what users see, e.g. https://habits.example.org"
  type        = string
}

variable "image_tag" {
  description = "The image to run: a tag in this environment's ECR repository (the pipeline passes the commit)"
  type        = string
}

variable "task_cpu" {
  description = "Fargate CPU units (256 = 0.25 vCPU)"
  type        = number
  default     = 256
}

variable "task_memory" {
  description = "Fargate memory (MiB). A node's RSS is 330-400 MB idle and up to 540 MB under load (docs/performance.md)"
  type        = number
  default     = 1024
}

variable "heap" {
  description = "STEADFAST_HEAP, the JVM's -Xmx (bin/setenv; 384m by default, for a 1 GB container)"
  type        = string
  default     = "384m"
}

variable "desired_count" {
  description = "Tasks at the first apply; autoscaling moves it between min_count and max_count afterwards"
  type        = number
  default     = 1
}

variable "min_count" {
  type    = number
  default = 1
}

variable "max_count" {
  type    = number
  default = 2
}

variable "cpu_target_percent" {
  description = "Target tracking on the service's average CPU"
  type        = number
  default     = 60
}

variable "requests_per_target_per_minute" {
  description = "Target tracking on ALBRequestCountPerTarget (requests per task per minute; docs/deploy.md says where the default comes from)"
  type        = number
  default     = 6000
}

variable "shutdown_drain_seconds" {
  description = "STEADFAST_SHUTDOWN_DRAIN_SECONDS: how long a node keeps serving after SIGTERM with /health/ready at 503"
  type        = number
  default     = 5
}

variable "shutdown_timeout_seconds" {
  description = "STEADFAST_SHUTDOWN_TIMEOUT_SECONDS: how long it then waits for the requests in flight"
  type        = number
  default     = 20
}

variable "deregistration_delay_seconds" {
  description = "How long the target group lets a leaving task finish its requests before it closes what is left (event streams reconnect with Last-Event-ID)"
  type        = number
  default     = 30
}

variable "rate_limit_per_address" {
  description = "STEADFAST_RATE_LIMIT_PER_ADDRESS (burst/perSecond). Behind the ALB every request comes from one of a few load balancer addresses, so the per-address limit is raised and the WAF's rate rule limits each client (docs/deploy.md)"
  type        = string
  default     = "3000/300"
}

variable "extra_environment" {
  description = "More STEADFAST_* variables, e.g. STEADFAST_SMTP_HOST, STEADFAST_SMTP_FROM, STEADFAST_CORS_ORIGINS (no secrets here: they belong in Secrets Manager)"
  type        = map(string)
  default     = {}
  validation {
    condition     = alltrue([for k in keys(var.extra_environment) : startswith(k, "STEADFAST_")])
    error_message = "Steadfast reads only STEADFAST_* variables."
  }
}

variable "extra_secrets" {
  description = "More STEADFAST_* variables read from Secrets Manager when a task starts: name => secret ARN (e.g. STEADFAST_SMTP_PASSWORD => a secret you made)"
  type        = map(string)
  default     = {}
  validation {
    condition     = alltrue([for k in keys(var.extra_secrets) : startswith(k, "STEADFAST_")])
    error_message = "Steadfast reads only STEADFAST_* variables."
  }
}

variable "db_address" {
  type = string
}

variable "db_port" {
  type = number
}

variable "db_name" {
  type = string
}

variable "db_username" {
  type = string
}

variable "db_password_secret_arn" {
  type = string
}

variable "redis_secret_arn" {
  description = "The secret whose JSON key url is STEADFAST_REDIS_URL"
  type        = string
}

variable "metrics_token_secret_arn" {
  type = string
}

variable "media_bucket_arn" {
  type = string
}

variable "media_bucket_name" {
  description = "The media bucket's name, for STEADFAST_MEDIA_S3_BUCKET (the bucket of media_bucket_arn)"
  type        = string
}

variable "log_group_name" {
  type = string
}

variable "log_group_arn" {
  type = string
}

variable "container_insights" {
  description = "ECS Container Insights (per-task CPU and memory in CloudWatch; billed as custom metrics)"
  type        = bool
  default     = false
}

variable "deletion_protection" {
  description = "Protect the load balancer from deletion"
  type        = bool
  default     = true
}
