"""GoReleaser configs publish through sections, not commands: the registries their image
names and `npms:` name are where the release goes."""

from mkdocs_integrations.scan.detectors.goreleaser import DETECTOR

SERVICE = """\
version: 2
builds:
  - id: service
    main: ./cmd/api
dockers_v2:
  - ids: [service]
    dockerfile: Dockerfile.release
    images:
      - "ghcr.io/acme/{{ .ProjectName }}"
    tags: ["v{{ .Version }}"]
"""

CLI = """\
version: 2
# npms: commented out is no publisher
npms:
  - name: "acme"
    ids: [acme]
    tag: "{{ if .Prerelease }}next{{ else }}latest{{ end }}"
dockers:
  - image_templates:
      - &amd64_image "acme/cli:{{ .Tag }}-amd64"
docker_manifests:
  - name_template: "{{ .Env.REGISTRY }}/cli:{{ .Tag }}"
    image_templates: [*amd64_image]
"""


def _deploys(ev):
    return [(e.service, e.line) for e in ev if e.name.startswith("deploy:")]


def test_image_names_of_a_dockers_section_name_their_registry(run_detector):
    ev, _ = run_detector(DETECTOR, ".goreleaser.service.yaml", SERVICE)
    assert _deploys(ev) == [("github-container-registry", 9)]
    assert [e.name for e in ev if e.name.startswith("deploy_from:")] == ["deploy_from:.goreleaser.service.yaml"]


def test_npms_publish_to_npm_and_an_image_without_a_host_goes_to_docker_hub(run_detector):
    ev, _ = run_detector(DETECTOR, ".goreleaser.yml", CLI)
    assert _deploys(ev) == [("npm-registry", 3), ("docker-hub", 9)]


def test_only_goreleaser_configs_are_read_and_builds_alone_publish_nothing(run_detector):
    assert DETECTOR.accepts(".goreleaser-nightly.yml", ".goreleaser-nightly.yml", None)
    assert not DETECTOR.accepts("docker-compose.yml", "docker-compose.yml", None)
    ev, _ = run_detector(DETECTOR, ".goreleaser.yaml", "version: 2\nbuilds:\n  - main: .\narchives:\n  - formats: [zip]\n")
    assert ev == []


CHANNELS = """\
version: 2
scoops:
  - name: app-agent
    repository: {owner: acme, name: app-scoops}
brews:
  - name: app-agent
    repository: {owner: acme, name: homebrew-app}
homebrew_casks:
  - name: app
winget:
  - name: app-agent
    package_identifier: acme.app-agent
aurs:
  - name: app-bin
    skip_upload: true
nfpms:
  - formats: [deb, rpm]
"""


def test_package_manager_sections_publish_to_their_channel(run_detector):
    """`brews`/`homebrew_casks`, `scoops`, `winget` push manifests to a tap, bucket or
    winget-pkgs; an entry with `skip_upload: true` only writes the file, and `nfpms` builds
    local packages (no channel)."""
    ev, _ = run_detector(DETECTOR, ".goreleaser.yml", CHANNELS)
    assert _deploys(ev) == [("scoop", 2), ("homebrew", 5), ("winget", 10)]
    ev, _ = run_detector(DETECTOR, ".goreleaser.yml", "aurs:\n  - name: a-bin\n    skip_upload: auto\n")
    assert _deploys(ev) == [("aur", 1)]  # `auto`: uploaded unless a prerelease


RELEASE = """\
version: 2
builds:
  - main: ./cmd
archives:
  - formats: [tar.gz]
release:
  github:
    owner: acme
    name: app
  prerelease: auto
  draft: true
"""


def test_an_explicit_release_github_section_publishes_to_github_releases(run_detector):
    ev, _ = run_detector(DETECTOR, ".goreleaser.yaml", RELEASE)
    assert _deploys(ev) == [("github", 7)]


def test_a_release_without_a_forge_or_disabled_names_no_github(run_detector):
    # the forge of a bare `release:` is the git remote's, which the config does not say
    bare = "version: 2\nrelease:\n  draft: true\n  prerelease: auto\n"
    assert _deploys(run_detector(DETECTOR, ".goreleaser.yml", bare)[0]) == []
    disabled = RELEASE.replace("  prerelease: auto\n", "  disable: true\n")
    assert _deploys(run_detector(DETECTOR, ".goreleaser.yml", disabled)[0]) == []
    gitea = RELEASE.replace("  github:\n", "  gitea:\n")
    assert _deploys(run_detector(DETECTOR, ".goreleaser.yml", gitea)[0]) == []
