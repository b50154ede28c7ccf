variable "name" {
  description = "Prefix of every name, e.g. steadfast-staging"
  type        = string
}

variable "cidr_block" {
  description = "The VPC's address range; each subnet is a /24 of it"
  type        = string
  default     = "10.40.0.0/16"
}

variable "az_count" {
  description = "Availability zones to spread over (the ALB and Multi-AZ RDS need two)"
  type        = number
  default     = 2
  validation {
    condition     = var.az_count >= 2
    error_message = "The load balancer and the Multi-AZ database need at least two availability zones."
  }
}

variable "nat_gateway_count" {
  description = "NAT gateways: 1 (cheaper; the app subnets lose the internet if its zone fails) or one per zone"
  type        = number
  default     = 1
  validation {
    condition     = var.nat_gateway_count >= 1
    error_message = "The tasks need a NAT gateway to reach ECR, Secrets Manager, CloudWatch Logs and webhooks."
  }
}

variable "app_port" {
  description = "The port Steadfast listens on in the task (STEADFAST_HTTP_PORT, 8181 by default)"
  type        = number
  default     = 8181
}
