output "role_arn" {
  description = "Set it as the GitHub environment's variable AWS_DEPLOY_ROLE_ARN"
  value       = aws_iam_role.deploy.arn
}
