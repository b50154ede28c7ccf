variable "domain_name" {
  description = "The name the certificate is for"
  type        = string
}

variable "hosted_zone_id" {
  description = "The Route 53 zone its validation records go in"
  type        = string
}
