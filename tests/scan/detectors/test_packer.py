"""Packer templates: the cloud a machine image is built on, by the catalog's builder types."""

from __future__ import annotations

from mkdocs_integrations.scan.detectors.packer import DETECTOR

JSON_TEMPLATE = """\
{
  "variables": {"do_token": "{{env `DIGITALOCEAN_TOKEN`}}"},
  "builders": [
    {
      "type": "digitalocean",
      "api_token": "{{user `do_token`}}",
      "region": "fra1"
    },
    {"type": "amazon-ebs", "region": "eu-west-1"},
    {"type": "qemu"}
  ],
  "provisioners": [{"type": "shell", "inline": ["apt-get update"]}]
}
"""

HCL_TEMPLATE = """\
# source "vultr" "old" {  (a comment)
source "hcloud" "app" {
  image = "ubuntu-22.04"
}
build {
  sources = ["source.hcloud.app"]
}
"""


def test_json_template_builders_name_their_clouds(run_detector):
    ev, _ = run_detector(DETECTOR, "setup/cloud/digitalocean.json", JSON_TEMPLATE)
    assert [(e.name, e.line, e.service) for e in ev] == [
        ("packer:digitalocean", 5, "digitalocean"), ("packer:amazon-ebs", 9, "aws-ec2"),
    ]


def test_hcl_template_sources_name_their_clouds(run_detector):
    ev, _ = run_detector(DETECTOR, "packer/app.pkr.hcl", HCL_TEMPLATE)
    assert [(e.name, e.line, e.service) for e in ev] == [("packer:hcloud", 2, "hetzner")]


def test_other_json_with_a_type_is_no_template(run_detector):
    # a `type` list under another key (an app's own config), and a builders list in a test fixture
    ev, _ = run_detector(DETECTOR, "config/storage.json", '{"backends": [{"type": "digitalocean"}]}')
    assert ev == []
    assert not DETECTOR.accepts("tests/fixtures/packer.json", "packer.json", None)
    assert not DETECTOR.accepts("package.json", "package.json", None)
