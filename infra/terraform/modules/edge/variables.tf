variable "name" {
  description = "Prefix of every name, e.g. steadfast-staging"
  type        = string
}

variable "domain_name" {
  description = "What users open, e.g. habits.example.org"
  type        = string
}

variable "hosted_zone_id" {
  type = string
}

variable "origin_domain_name" {
  description = "The load balancer's name with its certificate (compute module), CloudFront's origin for /api/* and /health*"
  type        = string
}

variable "price_class" {
  description = "CloudFront edge locations: PriceClass_100 (North America, Europe) is the cheapest"
  type        = string
  default     = "PriceClass_100"
}

variable "rate_limit_per_ip" {
  description = "Requests one client address may make in 5 minutes before the WAF blocks it for a while"
  type        = number
  default     = 3000
}

variable "auth_rate_limit_per_ip" {
  description = "Requests to /api/v1/auth/ (sign-in, registration, password reset) one address may make in 5 minutes"
  type        = number
  default     = 100
}

variable "content_security_policy" {
  description = "The web app's policy, the same as the one Steadfast's own web servlet sends (web: WebRules.CSP; the test compares them)"
  type        = string
  default     = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
}
