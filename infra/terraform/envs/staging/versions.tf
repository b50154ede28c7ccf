terraform {
  required_version = ">= 1.11, < 2.0"

  required_providers {
    aws    = { source = "hashicorp/aws", version = "~> 6.0" }
    random = { source = "hashicorp/random", version = "~> 3.7" }
  }

  # The state bucket and lock table are made by bootstrap/; their names come from backend.hcl
  # (terraform init -backend-config=backend.hcl; backend.hcl.example shows it).
  backend "s3" {
    key     = "envs/staging/terraform.tfstate"
    encrypt = true
  }
}
