"""Release recipes outside CI publish too: the catalog's deploy steps decide, comments never count."""

import pytest

from mkdocs_integrations.scan.detectors.release_scripts import DETECTOR

JUSTFILE = """\
# Publish a release. This will publish to PyPI:
#   twine upload dist/*   (old way, kept for reference)
release:
    python -m build
    uvx twine upload dist/pretalx-*
"""


def test_a_justfile_release_recipe_publishes_to_pypi(run_detector):
    ev, _ = run_detector(DETECTOR, "justfile", JUSTFILE)
    assert [(e.name, e.line) for e in ev] == [("deploy:pypi", 5), ("deploy_from:justfile", 5)]


def test_a_deploy_script_deploys_and_a_makefile_without_publish_commands_does_not(run_detector):
    ev, _ = run_detector(DETECTOR, "scripts/deploy.sh", "#!/bin/sh\nset -e\nflyctl deploy --remote-only\n")
    assert [e.service for e in ev if e.name.startswith("deploy:")] == ["fly-io"]
    ev, _ = run_detector(DETECTOR, "Makefile", "test:\n\tpytest -q\nbuild:\n\tdocker build -t app .\n")
    assert ev == []


def test_an_image_pushed_without_a_registry_host_goes_to_docker_hub(run_detector):
    script = (
        "#!/bin/bash\n"
        "docker push photoprism/$1:preview\n"
        "docker buildx build --platform linux/amd64,linux/arm64 \\\n"
        "    -t bbilly1/tubearchivist:unstable --push .\n"
        "docker push ghcr.io/acme/app:latest\n"
        "docker push localhost:5000/app\n"
        "docker push \"$IMAGE\"\n"
    )
    ev, _ = run_detector(DETECTOR, "scripts/docker/push.sh", script)
    deploys = [(e.line, e.service) for e in ev if e.name.startswith("deploy:")]
    assert [line for line, sid in deploys if sid == "docker-hub"] == [2, 4]
    assert (5, "github-container-registry") in deploys


@pytest.mark.parametrize(
    ("rel", "accepted"),
    [
        ("Makefile", True),
        ("justfile", True),
        ("Taskfile.yml", True),
        ("scripts/release.sh", True),
        ("bin/deploy", True),
        ("docker/scripts/publish-ghcr.sh", True),
        ("scripts/docker/push.sh", True),
        ("scripts/docker-push.sh", True),
        (".github/workflows/release.yml", False),  # a workflow: the CI detector's
        ("config/deploy.rb", False),
        ("integration-tests/Makefile", False),  # a test's Makefile deploys a fixture
    ],
)
def test_recipe_files(rel, accepted, ctx):
    assert DETECTOR.accepts(rel, rel.rsplit("/", 1)[-1], ctx) is accepted
