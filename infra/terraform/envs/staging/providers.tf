provider "aws" {
  region = var.aws_region
  default_tags {
    tags = { Application = "steadfast", Environment = "staging", ManagedBy = "terraform" }
  }
}

# CloudFront's certificate and web ACL live in us-east-1
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"
  default_tags {
    tags = { Application = "steadfast", Environment = "staging", ManagedBy = "terraform" }
  }
}
