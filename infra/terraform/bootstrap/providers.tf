provider "aws" {
  region = var.aws_region
  default_tags {
    tags = { Application = "steadfast", Environment = "shared", ManagedBy = "terraform" }
  }
}
