"""Terraform detector: providers, resource types, literal bucket names."""

from __future__ import annotations

import pytest

from mkdocs_integrations.model import BUCKET, TERRAFORM
from mkdocs_integrations.scan.detectors.base import BadInput, Source
from mkdocs_integrations.scan.detectors.terraform import DETECTOR

MAIN_TF = """\
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
    cloudflare = { source = "cloudflare/cloudflare", version = "4.20.0" }
    vercel = {
      source = "vercel/vercel"
    }
  }
  backend "s3" {
    bucket = "acme-terraform-state"
  }
}

provider "aws" {
  region = "us-east-1"
}

# resource "google_storage_bucket" "legacy" {}

resource "aws_s3_bucket" "uploads" {
  bucket = "coursely-uploads"
  tags = {
    Name = "uploads"
  }
}

resource "aws_s3_bucket" "per_env" {
  bucket = "${var.env}-exports"
}

resource "cloudflare_r2_bucket" "assets" {
  account_id = var.cf_account
  name       = "coursely-assets"
}

module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
}

data "aws_secretsmanager_secret" "db" {
  name = "prod/db"
}
"""


def test_terraform_providers_resources_buckets(run_detector):
    evs, _ = run_detector(DETECTOR, "infra/main.tf", MAIN_TF)
    tf = sorted((e.line, e.name, e.version) for e in evs if e.kind == TERRAFORM)
    assert tf == [
        (4, "aws", "~> 5.0"),
        (7, "cloudflare", "4.20.0"),
        (9, "vercel", ""),
        (17, "aws", ""),
        (23, "aws_s3_bucket", ""),
        (30, "aws_s3_bucket", ""),
        (34, "cloudflare_r2_bucket", ""),
        (43, "aws_secretsmanager_secret", ""),
    ]  # the commented-out resource, the backend and the module are not evidence
    data = [e for e in evs if e.kind == TERRAFORM and e.get("data") == "1"]
    assert [e.name for e in data] == ["aws_secretsmanager_secret"]
    buckets = sorted((e.line, e.name, bool(e.service)) for e in evs if e.kind == BUCKET)
    assert buckets == [(24, "coursely-uploads", True), (36, "coursely-assets", True)]  # not "${var.env}-exports"


def test_bucket_service_from_catalog_or_fallback(run_detector, ctx):
    evs, _ = run_detector(DETECTOR, "main.tf", 'resource "aws_s3_bucket" "b" {\n  bucket = "acme-media"\n}\n')
    (bucket,) = [e for e in evs if e.kind == BUCKET]
    assert bucket.service == (ctx.index.terraform("aws_s3_bucket") or "aws-s3")


def test_legacy_required_providers(run_detector):
    evs, _ = run_detector(DETECTOR, "versions.tf", 'terraform {\n  required_providers {\n    google = "~> 3.0"\n  }\n}\n')
    assert [(e.line, e.name, e.version) for e in evs] == [(3, "google", "~> 3.0")]


def test_unterminated_block_is_bad_input(ctx):
    with pytest.raises(BadInput) as err:
        list(DETECTOR.detect(Source("main.tf", 'provider "aws" {}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n'), ctx))
    assert err.value.line == 3


def test_accepts_only_tf(ctx):
    assert DETECTOR.accepts("infra/main.tf", "main.tf", ctx)
    assert not DETECTOR.accepts("infra/terraform.tfvars", "terraform.tfvars", ctx)


def test_a_lookup_of_awss_public_parameters_is_no_parameter_store(run_detector):
    """`data "aws_ssm_parameter"` reading `/aws/service/...` (the ECS-optimized AMI's id, as every
    EC2 or ECS deployment does) uses no parameter store of the project's; one of its own does."""
    tf = (
        'data "aws_ssm_parameter" "ami" {\n'
        '  name = var.arch == "x86_64" ? "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id" : "x"\n'
        '}\n\n'
        'data "aws_ssm_parameter" "db_password" {\n  name = "/myapp/prod/db_password"\n}\n'
    )
    ev, _ = run_detector(DETECTOR, "infra/variables.tf", tf)
    assert [(e.name, e.line) for e in ev if e.kind == "terraform"] == [("aws_ssm_parameter", 5)]


def test_cloud_block_is_hcp_terraform(run_detector):
    """`terraform { cloud { ... } }` (or `backend "remote"`) keeps state and runs in HCP Terraform,
    the service the hashicorp/tfe provider manages; another backend (s3) is not it."""
    tf = ('# Connect us to TF Cloud for remote deploys\nterraform {\n  cloud {\n    organization = "psf"\n'
          '    workspaces {\n      name = "site-infra"\n    }\n  }\n}\n')
    ev, _ = run_detector(DETECTOR, "infra/config.tf", tf)
    assert [(e.name, e.line) for e in ev if e.kind == TERRAFORM] == [("tfe", 3)]
    remote = 'terraform {\n  backend "remote" {\n    organization = "acme"\n  }\n}\n'
    ev, _ = run_detector(DETECTOR, "main.tf", remote)
    assert [(e.name, e.line) for e in ev if e.kind == TERRAFORM] == [("tfe", 2)]
    s3 = 'terraform {\n  backend "s3" {\n    bucket = "state"\n  }\n}\n'
    ev, _ = run_detector(DETECTOR, "main.tf", s3)
    assert [e.name for e in ev if e.kind == TERRAFORM] == []


def test_fastly_logging_blocks_name_log_destinations(run_detector):
    """A Fastly service's `logging_datadog` block streams the CDN's logs to Datadog; a protocol
    endpoint (`logging_https`) names no vendor, and a `logging_*` outside a Fastly service is not read."""
    tf = ('resource "fastly_service_vcl" "site" {\n  name = "www"\n'
          '  logging_datadog {\n    name  = "dd"\n    token = var.datadog_key\n  }\n'
          '  logging_https {\n    name = "h"\n    url  = var.url\n  }\n}\n'
          'resource "other_thing" "x" {\n  logging_splunk {\n    url = "u"\n  }\n}\n')
    ev, _ = run_detector(DETECTOR, "infra/cdn/main.tf", tf)
    assert [(e.name, e.service, e.line) for e in ev if e.service] == [("fastly_logging_datadog", "datadog", 3)]
