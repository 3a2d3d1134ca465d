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


FASTFILE = """\
default_platform(:android)

platform :android do
  desc "Submit a new beta build to Google Play"
  lane :beta do
    sh "flutter build appbundle -v"
    # upload_to_app_store  (not this platform)
    upload_to_play_store(track: 'beta', json_key_data: ENV['PLAY_STORE_CONFIG_JSON'])
  end
end
"""


def test_a_fastlane_fastfile_lane_publishes_to_google_play(run_detector):
    ev, _ = run_detector(DETECTOR, "app/android/fastlane/Fastfile", FASTFILE)
    assert [(e.service, e.line) for e in ev if e.name.startswith("deploy:")] == [("google-play-console", 8)]


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
        ("app/android/fastlane/Fastfile", True),  # fastlane lanes: a mobile app's release recipe
        ("Taskfile.yml", True),
        ("scripts/release.sh", True),
        ("bin/deploy", True),
        ("docker/scripts/publish-ghcr.sh", True),
        ("scripts/docker/push.sh", True),
        ("scripts/docker-push.sh", True),
        (".github/workflows/release.yml", False),  # a workflow: the CI detector's
        ("config/deploy.rb", False),
        ("src/Client/PushNuget.ps1", True),  # PowerShell release scripts of .NET projects
        ("build/Publish-Package.ps1", True),
        ("tools/Setup.ps1", False),
        ("integration-tests/Makefile", False),  # a test's Makefile deploys a fixture
        # a folder of upload scripts, each named for the store it publishes to
        ("scripts/upload/app-store-connect.sh", True),
        ("scripts/upload/play-store.sh", True),
        ("scripts/upload/README.md", False),
        ("scripts/setup/install-deps.sh", False),
    ],
)
def test_recipe_files(rel, accepted, ctx):
    assert DETECTOR.accepts(rel, rel.rsplit("/", 1)[-1], ctx) is accepted


def test_a_powershell_push_script_publishes_to_nuget(run_detector):
    script = (
        "dotnet pack --configuration Release\n"
        "$package=(ls .\\bin\\Release\\*.nupkg).FullName\n"
        "dotnet nuget push $package --source \"https://api.nuget.org/v3/index.json\"\n"
    )
    ev, _ = run_detector(DETECTOR, "Client/PushNuget.ps1", script)
    assert [(e.name, e.line) for e in ev if e.name.startswith("deploy:")] == [("deploy:nuget-gallery", 3)]


BUILD_SCRIPT = """\
#!/bin/bash
build_image() {
    local app=$1
    local image_name="acme/app-$app"
    local tag="$image_name:$VERSION"
    docker buildx build \\
        --platform linux/amd64,linux/arm64 \\
        -t "$tag" \\
        -f Dockerfile \\
        --push \\
        .
    docker buildx build \\
        -t "$REGISTRY_IMAGE" \\
        --load .
}
"""


def test_an_image_build_script_with_continued_lines_and_variables_pushes_to_docker_hub(run_detector):
    # `sh/docker-build`: a build script by its name; the tag is a variable set in the script,
    # the command spans continued lines, and the evidence sits on the `--push` line.
    ev, _ = run_detector(DETECTOR, "sh/docker-build", BUILD_SCRIPT)
    assert [(e.line, e.service) for e in ev if e.name.startswith("deploy:")] == [(10, "docker-hub")]


def test_a_variable_set_twice_is_not_expanded_and_a_local_build_publishes_nothing(run_detector):
    script = 'IMAGE="acme/app"\nIMAGE="ghcr.io/acme/app"\ndocker buildx build -t "$IMAGE" --push .\n'
    ev, _ = run_detector(DETECTOR, "build.sh", script)
    assert [e.service for e in ev if e.name.startswith("deploy:")] == []
    ev, _ = run_detector(DETECTOR, "build.sh", "#!/bin/sh\nIMAGE=acme/app\ndocker build -t $IMAGE .\n")
    assert ev == []


MAKEFILE = """\
DOCKERCMD=docker
IMAGE_NAME=acme/app
REGISTRY_IMAGE := ghcr.io/acme/app
GITREV=`git describe | cut -c 2-`

build-docker :
\t$(DOCKERCMD) build -t $(IMAGE_NAME):latest .

release-docker :
\t$(DOCKERCMD) push $(IMAGE_NAME)
\tdocker push $(REGISTRY_IMAGE):$(GITREV)
"""


def test_a_makefile_push_of_a_make_variable_is_read_with_its_value(run_detector):
    # Make's `$(IMAGE_NAME)` (set as `IMAGE_NAME=...` or `IMAGE := ...`) is the pushed image:
    # `docker push acme/app` goes to Docker Hub, the ghcr.io image to GitHub's registry.
    ev, _ = run_detector(DETECTOR, "Makefile", MAKEFILE)
    deploys = [(e.line, e.service) for e in ev if e.name.startswith("deploy:")]
    assert (10, "docker-hub") in deploys
    assert all(sid != "docker-hub" or line == 10 for line, sid in deploys)
    # a shell script's `$(cmd)` is a command substitution, not a Make variable
    ev, _ = run_detector(DETECTOR, "release.sh", "#!/bin/sh\nIMAGE = acme/app\ndocker push $(IMAGE)\n")
    assert "docker-hub" not in [e.service for e in ev]


def test_an_included_makefile_part_pushes_through_a_conditional_flag(run_detector):
    """A `*.mk` part of the Makefile (`Makefile.binaries.mk`) is a recipe too; its push flag set
    inside `ifeq ($(PUSH),1)` and its explicit `docker.io/` repository are read: Docker Hub."""
    mk = ("IMAGE_REPO=docker.io/acme\nIMAGE_TAG=$(GIT_VERSION)\n\nPUSH_ARG=\nifeq ($(PUSH),1)\n\tPUSH_ARG=--push\nendif\n\n"
          "container-app: bin/app.tgz\n\tdocker buildx build --platform linux/amd64,linux/arm64 -t $(IMAGE_REPO)/app:$(IMAGE_TAG) $(PUSH_ARG) .\n")
    ev, _ = run_detector(DETECTOR, "Makefile.binaries.mk", mk)
    assert [(e.line, e.service) for e in ev if e.name.startswith("deploy:")] == [(10, "docker-hub")]
    assert not DETECTOR.accepts("build/notes.txt", "notes.txt", None)

BUILD_PY = """\
#!/usr/bin/env python
\"\"\"Builds a Docker image.\"\"\"
import subprocess

IMAGE_NAME = 'acme/app'


if __name__ == '__main__':
    tags = ['%s:%s' % (IMAGE_NAME, version)]
    # docker push acme/old (a comment is no evidence)
    cmd = [
        'docker', 'buildx', 'build',
        '--platform', ','.join(platforms),
    ]

    if options.upload:
        cmd.append('--push')

    for tag in tags:
        cmd += ['-t', tag]

    subprocess.check_call(cmd)
"""


def test_a_python_image_build_script_pushing_an_owner_name_image_publishes_to_docker_hub(run_detector):
    """`contrib/docker/build.py`: an argument list with `'--push'` and the image in a constant."""
    ev, _ = run_detector(DETECTOR, "contrib/docker/build.py", BUILD_PY)
    assert {(e.service, e.line) for e in ev if e.name.startswith("deploy:")} == {("docker", 17), ("docker-hub", 17)}
    assert ("deploy_from:contrib/docker/build.py", 17) in {(e.name, e.line) for e in ev}


def test_a_python_push_to_a_registry_host_goes_to_that_registry(run_detector):
    script = "REPO = 'ghcr.io/acme/app'\nsubprocess.run(['docker', 'push', f'{REPO}:{version}'])\n"
    ev, _ = run_detector(DETECTOR, "scripts/release.py", script)
    assert {e.service for e in ev} == {"docker", "github-container-registry"}  # `docker push`: the Docker tooling too
    script = "IMAGE = 'quay.io/acme/app'\nos.system(f'docker push {IMAGE}:latest')\n"
    ev, _ = run_detector(DETECTOR, "tools/release/images.py", script)
    assert {e.service for e in ev} == {"docker", "quay"}


def test_a_python_build_without_push_a_pull_or_a_variable_image_publishes_nothing(run_detector):
    no_push = BUILD_PY.replace("cmd.append('--push')", "cmd.append('--load')")
    assert run_detector(DETECTOR, "contrib/docker/build.py", no_push)[0] == []
    pull = "IMAGE = 'acme/app'\nsubprocess.run(['docker', 'pull', IMAGE])\nsubprocess.run(['docker', 'build', '-t', IMAGE, '.'])\n"
    assert run_detector(DETECTOR, "scripts/build.py", pull)[0] == []
    user_registry = "def deploy(image):\n    subprocess.run(['docker', 'push', image])\n"
    assert run_detector(DETECTOR, "app/deploy.py", user_registry)[0] == []


@pytest.mark.parametrize(
    ("rel", "accepted"),
    [
        ("contrib/docker/build.py", True),
        ("scripts/release.py", True),
        ("scripts/push_images.py", True),
        ("tools/release/images.py", True),
        ("scripts/seed.py", False),
        ("app/models.py", False),
        ("tests/docker/build.py", False),  # a test's build script
    ],
)
def test_python_release_script_files(rel, accepted, ctx):
    assert DETECTOR.accepts(rel, rel.rsplit("/", 1)[-1], ctx) is accepted


def test_a_justfile_reads_its_interpolations_before_the_deploy_steps(run_detector):
    """A justfile writes its commands with `{{ name }}`: a string variable reads as its value,
    the container runtime found by a backtick command (`docker := \\`which docker || which
    podman\\``) as its name, so `{{ docker }} push {{ image }}:latest` pushes to GHCR."""
    src = (
        "docker := `which docker || which podman`\n"
        'image := "ghcr.io/acme/app"\n'
        "\n"
        "publish-latest:\n"
        "    {{ docker }} tag {{ image }}:$TAG {{ image }}:latest\n"
        "    {{ docker }} push {{ image }}:latest\n"
    )
    ev, _ = run_detector(DETECTOR, "justfile", src)
    assert ("deploy:github-container-registry", 6) in [(e.name, e.line) for e in ev]
def test_an_upload_folder_script_publishes_to_its_store(run_detector):
    """`scripts/upload/<store>.sh`: named for the destination, a recipe by its folder; the
    catalog's deploy steps read `xcrun altool --upload-app` and the Play Developer API's edits."""
    ev, _ = run_detector(DETECTOR, "scripts/upload/app-store-connect.sh",
                         '#!/usr/bin/env bash\nset -e\nxcrun altool \\\n    --upload-app \\\n    -f "$ARTIFACT_PATH"\n')
    assert [e.service for e in ev if e.name.startswith("deploy:")] == ["app-store-connect"]
    ev, _ = run_detector(DETECTOR, "scripts/upload/play-store.sh",
                         '#!/usr/bin/env bash\nset -e\nAPI="https://androidpublisher.googleapis.com/androidpublisher/v3/applications/$PACKAGE_NAME"\n'
                         'EDIT_ID=$(curl --fail --request POST "$API/edits" -H "Authorization: Bearer $ACCESS_TOKEN")\n')
    assert "google-play-console" in {e.service for e in ev if e.name.startswith("deploy:")}


INSTALL_SH = """\
#!/bin/bash
# -e <email>  Email for Let's Encrypt certbot (Required)
need_pkg certbot
if certbot --email "$EMAIL" --agree-tos --rsa-key-size 4096 -w $ASSETS_DEST \\
      -d "$HOST" --deploy-hook "systemctl reload nginx" certonly; then
  say "issued"
fi
certbot --force-renewal -w /var/www -d "$HOST" --server https://acme.zerossl.com/v2/DV90 certonly
"""


def test_an_install_script_running_certbot_asks_lets_encrypt(run_detector):
    """A self-hosting install script deploys the app onto a server: its certbot run, options
    first and the subcommand on a continued line, asks Let's Encrypt for the host's certificate.
    The help text naming certbot and a run against another CA (`--server`) do not count, nor does
    a bare `install` file (debian/install lists packaged paths)."""
    ev, _ = run_detector(DETECTOR, "gl-install.sh", INSTALL_SH)
    assert [(e.name, e.line) for e in ev if e.name.startswith("deploy:")] == [("deploy:letsencrypt", 5)]
    ev, _ = run_detector(DETECTOR, "scripts/provision.sh", "sudo certbot --nginx -d example.org\n")
    assert [e.service for e in ev if e.name.startswith("deploy:")] == ["letsencrypt"]
    assert not DETECTOR.accepts("debian/install", "install", None)
