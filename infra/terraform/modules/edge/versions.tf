terraform {
  required_version = ">= 1.11, < 2.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0, < 7.0"
      # CloudFront's certificate and web ACL must be in us-east-1, whatever the region of the rest
      configuration_aliases = [aws.us_east_1]
    }
  }
}
