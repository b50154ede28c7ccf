output "distribution_id" {
  value = aws_cloudfront_distribution.this.id
}

output "distribution_arn" {
  value = aws_cloudfront_distribution.this.arn
}

output "web_bucket_name" {
  value = module.web_bucket.name
}

output "web_bucket_arn" {
  value = module.web_bucket.arn
}

output "web_acl_arn" {
  value = aws_wafv2_web_acl.this.arn
}

output "url" {
  value = "https://${var.domain_name}"
}
