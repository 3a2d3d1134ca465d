"""Terraform (`*.tf`): providers and resource types, which the catalog maps to services.

Infrastructure code is where production services are declared even when the app only
reads a URL from the environment, so a `resource "aws_s3_bucket"` is strong evidence of
S3. We do not parse HCL: headers are found by regex on comment-stripped text and blocks
are delimited by brace matching, which is all these facts need. Module sources are
ignored (they are code, not services). Only literal bucket names are kept; interpolated
ones (`"${var.env}-uploads"`) are not names we can show.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import BUCKET, TERRAFORM, Evidence
from ..lexing import PHP, strip_comments
from .base import BadInput, Context, Detector, Record, Source

_HEADER = re.compile(r'^[ \t]*(provider|resource|data)[ \t]+"([A-Za-z0-9_-]+)"(?:[ \t]+"[^"\n]*")?[ \t]*\{', re.M)
_REQUIRED = re.compile(r"^[ \t]*required_providers[ \t]*\{", re.M)
_ENTRY = re.compile(r'^[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*(\{|"[^"\n]*")', re.M)
_ATTR = r'(?<![\w.]){}[ \t]*=[ \t]*"([^"\n$]+)"'

# Bucket resource type → (attribute holding the bucket name, fallback service id).
BUCKETS = {
    "aws_s3_bucket": ("bucket", "aws-s3"),
    "google_storage_bucket": ("name", "google-cloud-storage"),
    "cloudflare_r2_bucket": ("name", "cloudflare-r2"),
    "digitalocean_spaces_bucket": ("name", "digitalocean-spaces"),
    "minio_s3_bucket": ("bucket", "minio"),
    "b2_bucket": ("bucket_name", "backblaze-b2"),
}


# Data sources that read a vendor's public values, no resource of the project's: every EC2 or
# ECS deployment looks the current AMI up in AWS's public SSM parameters
# (`data "aws_ssm_parameter" "ami" { name = "/aws/service/ecs/optimized-ami/..." }`).
_PUBLIC_LOOKUPS = {"aws_ssm_parameter": '"/aws/service/'}


# A `terraform { cloud { ... } }` block, or the older `backend "remote" { ... }`: the root module's
# state and runs live in HCP Terraform (Terraform Cloud, or a Terraform Enterprise host), the
# service the hashicorp/tfe provider manages, so it is reported as that provider's.
_REMOTE_RUNS = re.compile(r'^[ \t]*(?:cloud|backend[ \t]+"remote")[ \t]*\{', re.M)
_TERRAFORM_BLOCK = re.compile(r"^[ \t]*terraform[ \t]*\{", re.M)
_REMOTE_RUNS_PROVIDER = "tfe"

# A Fastly service's log streaming endpoints (`logging_datadog { token = ... }` inside a
# `fastly_service_vcl`): the CDN ships its request logs to that vendor. Read as the pseudo type
# `fastly_logging_<endpoint>`, which the receiving vendor's catalog `terraform` names
# (`fastly_logging_datadog` under Datadog); an endpoint that is a protocol (https, syslog, sftp)
# names no vendor and stays Fastly's own.
_FASTLY_SERVICE = re.compile(r"fastly_service_(?:vcl|compute|v1)$")
_FASTLY_LOGGING = re.compile(r"^[ \t]*logging_([a-z0-9]+)[ \t]*\{", re.M)


def _remote_runs(src: Source, text: str) -> Iterator[Record]:
    """The HCP Terraform evidence of `terraform { cloud {...} }` / `backend "remote"` blocks."""
    for t in _TERRAFORM_BLOCK.finditer(text):
        ln = src.line_of(t.start())
        end = _block_end(text, t.end() - 1, src.rel, ln)
        r = _REMOTE_RUNS.search(text, t.end(), end)
        if r:
            yield Evidence(path=src.rel, line=src.line_of(r.start()), kind=TERRAFORM,
                           name=_REMOTE_RUNS_PROVIDER, detail=(("block", r.group(0).strip(" \t{")),))


def _fastly_log_endpoints(
    src: Source, ctx: Context, type_: str, text: str, start: int, end: int,
) -> Iterator[Record]:
    """The vendors a Fastly service block's `logging_<endpoint>` blocks stream logs to."""
    fastly = ctx.index.terraform(type_)
    for m in _FASTLY_LOGGING.finditer(text, start, end):
        name = f"fastly_logging_{m.group(1)}"
        sid = ctx.index.terraform(name)
        if sid and sid != fastly:
            yield Evidence(path=src.rel, line=src.line_of(m.start(1)), kind=TERRAFORM,
                           name=name, service=sid, detail=(("via", "fastly"),))


def _block_end(text: str, open_brace: int, rel: str, line: int) -> int:
    """Offset just past the `}` closing the brace at `open_brace` (strings skipped)."""
    depth = 0
    i = open_brace
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == '"':
            i += 1
            while i < n and text[i] != '"' and text[i] != "\n":
                i += 2 if text[i] == "\\" else 1
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise BadInput("unterminated block", line)


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    text = strip_comments(src.text, PHP)  # HCL comments: #, // and /* */
    for m in _HEADER.finditer(text):
        block, type_ = m.group(1), m.group(2)
        ln = src.line_of(m.start(1))
        detail = (("data", "1"),) if block == "data" else ()
        if block == "data" and type_ in _PUBLIC_LOOKUPS:
            end = _block_end(text, m.end() - 1, src.rel, ln)
            if _PUBLIC_LOOKUPS[type_] in text[m.end():end]:
                continue  # AWS's own public parameters (the ECS-optimized AMI's id): no store of the app's
        yield Evidence(path=src.rel, line=ln, kind=TERRAFORM, name=type_, detail=detail)
        if block == "resource" and _FASTLY_SERVICE.match(type_):
            yield from _fastly_log_endpoints(src, ctx, type_, text, m.end(), _block_end(text, m.end() - 1, src.rel, ln))
        if block == "resource" and type_ in BUCKETS:
            end = _block_end(text, m.end() - 1, src.rel, ln)
            attr, fallback = BUCKETS[type_]
            body_start = m.end()
            b = re.compile(_ATTR.format(attr)).search(text, body_start, end)
            if b:
                service = ctx.index.terraform(type_) or fallback
                yield Evidence(
                    path=src.rel, line=src.line_of(b.start(1)), kind=BUCKET, name=b.group(1), service=service
                )
    yield from _remote_runs(src, text)
    for r in _REQUIRED.finditer(text):
        ln = src.line_of(r.start())
        end = _block_end(text, r.end() - 1, src.rel, ln)
        pos = r.end()
        while (e := _ENTRY.search(text, pos, end)) is not None:
            if e.group(2) != "{":  # legacy `aws = "~> 2.0"`: the key is the provider
                pos = e.end()
                yield Evidence(
                    path=src.rel, line=src.line_of(e.start(1)), kind=TERRAFORM, name=e.group(1).lower(),
                    version=e.group(2).strip('"'),
                )
                continue
            e_end = _block_end(text, e.end() - 1, src.rel, src.line_of(e.start()))
            pos = e_end
            source = re.search(_ATTR.format("source"), text[e.end():e_end])
            version = re.search(_ATTR.format("version"), text[e.end():e_end])
            name = source.group(1).rsplit("/", 1)[-1].lower() if source else e.group(1).lower()
            at = e.end() + source.start(1) if source else e.start(1)
            yield Evidence(
                path=src.rel, line=src.line_of(at), kind=TERRAFORM, name=name,
                version=version.group(1) if version else "",
                detail=(("source", source.group(1)),) if source else (),
            )


DETECTOR = Detector(
    name="terraform",
    accepts=lambda rel, name, ctx: name.endswith(".tf"),
    detect=detect,
)
