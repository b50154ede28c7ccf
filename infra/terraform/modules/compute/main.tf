# Steadfast on ECS Fargate: the image in ECR, one task definition, a service behind an Application Load Balancer
# (HTTPS from CloudFront only), health-checked on /health/ready, scaled on CPU and on requests per task.

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

locals {
  port = 8181

  # ECS first takes a leaving task out of the target group (the deregistration delay), then sends SIGTERM: the
  # node answers 503 on /health/ready, serves for the drain, waits for its requests in flight, stops its bundles.
  # ECS kills it stopTimeout seconds after SIGTERM (Fargate's maximum is 120): drain + timeout + 15 s for Karaf.
  stop_timeout = min(120, var.shutdown_drain_seconds + var.shutdown_timeout_seconds + 15)

  # Only variables Steadfast reads (the bundles' System.getenv, etc/*.cfg's $[env:...], bin/setenv); the test in
  # infra/checks-terraform compares these names with the sources.
  environment = [
    { name = "STEADFAST_DB_URL", value = "jdbc:postgresql://${var.db_address}:${var.db_port}/${var.db_name}?sslmode=require" },
    { name = "STEADFAST_DB_USER", value = var.db_username },
    { name = "STEADFAST_PUBLIC_URL", value = var.public_url },
    { name = "STEADFAST_LOG_FORMAT", value = "json" },
    { name = "STEADFAST_HEAP", value = var.heap },
    { name = "STEADFAST_SHUTDOWN_DRAIN_SECONDS", value = tostring(var.shutdown_drain_seconds) },
    { name = "STEADFAST_SHUTDOWN_TIMEOUT_SECONDS", value = tostring(var.shutdown_timeout_seconds) },
    { name = "STEADFAST_RATE_LIMIT_PER_ADDRESS", value = var.rate_limit_per_address },
    # photos and files in the media bucket (the task role below may use it); credentials come from that role
    { name = "STEADFAST_MEDIA_S3_BUCKET", value = var.media_bucket_name },
    { name = "STEADFAST_MEDIA_S3_REGION", value = data.aws_region.current.region },
  ]
  extra_environment = [for k in sort(keys(var.extra_environment)) : { name = k, value = var.extra_environment[k] }]

  # ECS reads these from Secrets Manager when it starts a task; they are never in the task definition
  secrets = [
    { name = "STEADFAST_DB_PASSWORD", valueFrom = var.db_password_secret_arn },
    { name = "STEADFAST_REDIS_URL", valueFrom = "${var.redis_secret_arn}:url::" },
    { name = "STEADFAST_METRICS_TOKEN", valueFrom = var.metrics_token_secret_arn },
  ]
  extra_secrets = [for k in sort(keys(var.extra_secrets)) : { name = k, valueFrom = var.extra_secrets[k] }]
  secret_arns = distinct(concat(
    [var.db_password_secret_arn, var.redis_secret_arn, var.metrics_token_secret_arn],
    # an ARN with a JSON key (arn:…:secret:name-AbCdEf:key::) is read as the secret itself
    [for arn in values(var.extra_secrets) : join(":", slice(split(":", arn), 0, 7))]
  ))

  container = {
    name                   = "steadfast"
    image                  = "${aws_ecr_repository.this.repository_url}:${var.image_tag}"
    essential              = true
    user                   = "10001:10001"
    readonlyRootFilesystem = true
    portMappings           = [{ containerPort = local.port, protocol = "tcp" }]
    # the image's VOLUME: ECS copies the image's /data (owned by 10001) into the task's ephemeral storage
    mountPoints = [{ sourceVolume = "data", containerPath = "/data", readOnly = false }]
    environment = concat(local.environment, local.extra_environment)
    secrets     = concat(local.secrets, local.extra_secrets)
    stopTimeout = local.stop_timeout
    healthCheck = {
      command     = ["CMD-SHELL", "wget -q -O /dev/null http://127.0.0.1:${local.port}/health/ready || exit 1"]
      interval    = 10
      timeout     = 5
      retries     = 3
      startPeriod = 120
    }
    ulimits = [{ name = "nofile", softLimit = 65536, hardLimit = 65536 }]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = var.log_group_name
        "awslogs-region"        = data.aws_region.current.region
        "awslogs-stream-prefix" = "steadfast"
        "mode"                  = "non-blocking"
        "max-buffer-size"       = "4m"
      }
    }
  }
}

# --- the image ---

resource "aws_ecr_repository" "this" {
  name                 = var.name
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
  encryption_configuration {
    encryption_type = "AES256"
  }
}

resource "aws_ecr_lifecycle_policy" "this" {
  repository = aws_ecr_repository.this.name
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "Keep the last 50 images (the pipeline tags each with its commit)"
      selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = 50 }
      action       = { type = "expire" }
    }]
  })
}

# --- IAM: the execution role (ECS's, to start the task) and the task role (the application's) ---

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "execution" {
  name               = "${var.name}-task-execution"
  description        = "ECS starts Steadfast tasks with it: pulls this repository's image, reads these secrets, writes this log group"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "execution" {
  statement {
    sid = "EcrLogin"
    # GetAuthorizationToken has no resource-level permissions: it only yields a login, the pull is limited below
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }
  statement {
    sid       = "PullThisImage"
    actions   = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    resources = [aws_ecr_repository.this.arn]
  }
  statement {
    sid       = "WriteThisLogGroup"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${var.log_group_arn}:log-stream:*"]
  }
  statement {
    sid       = "ReadTheseSecrets"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = local.secret_arns
  }
}

resource "aws_iam_role_policy" "execution" {
  name   = "pull-secrets-logs"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

resource "aws_iam_role" "task" {
  name               = "${var.name}-task"
  description        = "The Steadfast application: the media bucket and nothing else"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "task" {
  statement {
    sid       = "MediaObjects"
    # AbortMultipartUpload: an upload above 8 MiB that fails is aborted at once (the lifecycle rule would remove
    # its parts after 7 days)
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]
    resources = ["${var.media_bucket_arn}/*"]
  }
  statement {
    sid       = "MediaListing"
    actions   = ["s3:ListBucket"]
    resources = [var.media_bucket_arn]
  }
}

resource "aws_iam_role_policy" "task" {
  name   = "media-bucket"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.task.json
}

# --- the cluster, the task, the service ---

resource "aws_ecs_cluster" "this" {
  name = var.name
  setting {
    name  = "containerInsights"
    value = var.container_insights ? "enabled" : "disabled"
  }
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = tostring(var.task_cpu)
  memory                   = tostring(var.task_memory)
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  # the image is built for the build machine's architecture (infra/image: glibc from ldd, a jlink'ed runtime)
  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  # KARAF_DATA: bundle cache, logs, tmp (the database is RDS: nothing here outlives the task)
  volume {
    name = "data"
  }

  container_definitions = jsonencode([local.container])
}

resource "aws_ecs_service" "this" {
  name                               = var.name
  cluster                            = aws_ecs_cluster.this.id
  task_definition                    = aws_ecs_task_definition.this.arn
  desired_count                      = var.desired_count
  launch_type                        = "FARGATE"
  platform_version                   = "LATEST"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  # a node is ready in about 10 s on 2 cores (docs/performance.md); on a quarter of a vCPU it takes longer
  health_check_grace_period_seconds = 180
  enable_execute_command            = false
  propagate_tags                    = "SERVICE"
  wait_for_steady_state             = true

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.app_subnet_ids
    security_groups  = [var.app_security_group_id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.this.arn
    container_name   = "steadfast"
    container_port   = local.port
  }

  lifecycle {
    # autoscaling owns the count after the first apply
    ignore_changes = [desired_count]
  }

  depends_on = [aws_lb_listener.https]
}

# --- the load balancer ---

resource "aws_lb" "this" {
  name                       = var.name
  load_balancer_type         = "application"
  internal                   = false
  subnets                    = var.public_subnet_ids
  security_groups            = [var.alb_security_group_id]
  drop_invalid_header_fields = true
  enable_deletion_protection = var.deletion_protection
  # the event stream (GET /api/v1/events) sends a heartbeat every 25 s; an idle connection may stay 120 s
  idle_timeout = 120
}

resource "aws_lb_target_group" "this" {
  name                 = var.name
  port                 = local.port
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = var.vpc_id
  deregistration_delay = var.deregistration_delay_seconds

  health_check {
    path                = "/health/ready"
    matcher             = "200"
    interval            = 10
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 2
  }
}

module "origin_certificate" {
  source         = "../certificate"
  domain_name    = var.origin_domain_name
  hosted_zone_id = var.hosted_zone_id
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = module.origin_certificate.arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this.arn
  }
}

resource "aws_route53_record" "origin" {
  zone_id = var.hosted_zone_id
  name    = var.origin_domain_name
  type    = "A"
  alias {
    name                   = aws_lb.this.dns_name
    zone_id                = aws_lb.this.zone_id
    evaluate_target_health = true
  }
}

# --- autoscaling ---

resource "aws_appautoscaling_target" "this" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.this.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.min_count
  max_capacity       = var.max_count
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = "${var.name}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.cpu_target_percent
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "requests" {
  name               = "${var.name}-requests"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.requests_per_target_per_minute
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ALBRequestCountPerTarget"
      resource_label         = "${aws_lb.this.arn_suffix}/${aws_lb_target_group.this.arn_suffix}"
    }
  }
}
