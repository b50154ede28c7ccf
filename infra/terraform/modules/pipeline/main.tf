# The role the delivery workflow assumes through GitHub's OIDC provider — no AWS keys in GitHub. It is limited to
# what a deploy does: push (or promote) the image, run `terraform apply` whose only change is the image tag (a
# new task definition and the service's update), publish the web app's files, invalidate CloudFront. Terraform
# reads every resource of the environment on each plan, hence the read-only Describe/Get/List actions.
# Changing the infrastructure itself (a new subnet, an IAM policy) is not a deploy: an administrator applies it
# with their own credentials (docs/deploy.md), and the workflow's apply fails with AccessDenied if it tries.

data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

locals {
  account = data.aws_caller_identity.current.account_id
  region  = data.aws_region.current.region
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = [for s in var.github_subjects : "repo:${var.github_repository}:${s}"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name                 = "${var.name}-deploy"
  description          = "GitHub Actions (${var.github_repository}) deploys ${var.name}"
  assume_role_policy   = data.aws_iam_policy_document.assume.json
  max_session_duration = 3600
}

data "aws_iam_policy_document" "deploy" {
  statement {
    sid       = "StateObject"
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["arn:aws:s3:::${var.state_bucket}/${var.state_key}"]
  }
  statement {
    sid       = "StateListing"
    actions   = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::${var.state_bucket}"]
    condition {
      test     = "StringEquals"
      variable = "s3:prefix"
      values   = [var.state_key]
    }
  }
  statement {
    sid       = "StateLock"
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"]
    resources = ["arn:aws:dynamodb:${local.region}:${local.account}:table/${var.lock_table}"]
  }
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }
  statement {
    sid = "PushTheImage"
    actions = [
      "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage",
      "ecr:DescribeImages", "ecr:DescribeImageScanFindings",
    ]
    resources = [var.ecr_repository_arn]
  }
  dynamic "statement" {
    for_each = length(var.source_repository_arns) > 0 ? [1] : []
    content {
      sid       = "PullToPromote"
      actions   = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:DescribeImages"]
      resources = var.source_repository_arns
    }
  }
  statement {
    sid = "TaskDefinitions"
    # these ECS actions have no resource-level permissions
    actions   = ["ecs:RegisterTaskDefinition", "ecs:DeregisterTaskDefinition", "ecs:DescribeTaskDefinition"]
    resources = ["*"]
  }
  statement {
    sid       = "TagTaskDefinitions"
    actions   = ["ecs:TagResource"]
    resources = ["arn:aws:ecs:${local.region}:${local.account}:task-definition/${var.task_definition_family}:*"]
  }
  statement {
    sid       = "UpdateTheService"
    actions   = ["ecs:UpdateService", "ecs:DescribeServices", "ecs:ListTagsForResource"]
    resources = [var.service_arn]
  }
  statement {
    sid       = "TheCluster"
    actions   = ["ecs:DescribeClusters", "ecs:ListTagsForResource"]
    resources = [var.cluster_arn]
  }
  statement {
    sid       = "PassTheTaskRoles"
    actions   = ["iam:PassRole"]
    resources = var.passable_role_arns
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
  statement {
    sid       = "RefreshTheSecrets"
    actions   = ["secretsmanager:DescribeSecret", "secretsmanager:GetResourcePolicy", "secretsmanager:GetSecretValue"]
    resources = var.secret_arns
  }
  statement {
    sid       = "PublishTheWebApp"
    actions   = ["s3:PutObject", "s3:GetObject"]
    resources = ["${var.web_bucket_arn}/*"]
  }
  statement {
    sid       = "ListTheWebApp"
    actions   = ["s3:ListBucket"]
    resources = [var.web_bucket_arn]
  }
  statement {
    sid       = "Invalidate"
    actions   = ["cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"]
    resources = [var.distribution_arn]
  }
  statement {
    sid = "RefreshReadOnly"
    # what `terraform plan` reads to compare the environment with the configuration: metadata, never data
    actions = [
      "ec2:Describe*",
      "elasticloadbalancing:Describe*",
      "ecs:ListTaskDefinitions",
      "ecr:DescribeRepositories", "ecr:GetLifecyclePolicy", "ecr:GetRepositoryPolicy", "ecr:ListTagsForResource",
      "rds:Describe*", "rds:ListTagsForResource",
      "elasticache:Describe*", "elasticache:ListTagsForResource",
      "s3:GetBucket*", "s3:GetAccelerateConfiguration", "s3:GetEncryptionConfiguration",
      "s3:GetLifecycleConfiguration", "s3:GetReplicationConfiguration",
      "cloudfront:GetDistribution", "cloudfront:GetDistributionConfig", "cloudfront:GetOriginAccessControl",
      "cloudfront:GetCachePolicy", "cloudfront:GetOriginRequestPolicy", "cloudfront:GetResponseHeadersPolicy",
      "cloudfront:ListCachePolicies", "cloudfront:ListOriginRequestPolicies", "cloudfront:DescribeFunction",
      "cloudfront:GetFunction", "cloudfront:ListTagsForResource",
      "wafv2:GetWebACL", "wafv2:ListTagsForResource",
      "acm:DescribeCertificate", "acm:ListTagsForCertificate",
      "route53:GetHostedZone", "route53:ListHostedZones", "route53:ListResourceRecordSets", "route53:GetChange",
      "route53:ListTagsForResource",
      "cloudwatch:DescribeAlarms", "cloudwatch:GetDashboard", "cloudwatch:ListTagsForResource",
      "logs:DescribeLogGroups", "logs:ListTagsForResource",
      "sns:GetTopicAttributes", "sns:GetSubscriptionAttributes", "sns:ListTagsForResource",
      "iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies",
      "iam:GetOpenIDConnectProvider",
      "application-autoscaling:DescribeScalableTargets", "application-autoscaling:DescribeScalingPolicies",
      "application-autoscaling:ListTagsForResource",
    ]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "deploy" {
  name   = "deploy"
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.deploy.json
}
