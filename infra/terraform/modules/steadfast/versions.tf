terraform {
  required_version = ">= 1.11, < 2.0"
  required_providers {
    aws = {
      source                = "hashicorp/aws"
      version               = ">= 6.0, < 7.0"
      configuration_aliases = [aws.us_east_1]
    }
    random = { source = "hashicorp/random", version = ">= 3.7, < 4.0" }
  }
}
