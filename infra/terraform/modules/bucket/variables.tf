variable "name_prefix" {
  description = "The bucket is <name_prefix><random suffix> (bucket names are global)"
  type        = string
}

variable "noncurrent_days" {
  description = "Days an overwritten or deleted object's old version is kept"
  type        = number
}

variable "policy_json" {
  description = "More statements for the bucket policy (an aws_iam_policy_document's json), e.g. CloudFront's read; the module adds the refusal of plain HTTP"
  type        = string
  default     = null
}
