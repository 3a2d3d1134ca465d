"""CI detector: workflows, triggers, secret names (never values) and deploy targets."""

from __future__ import annotations

import pytest

from mkdocs_integrations.model import CI_SECRET, FEATURE
from mkdocs_integrations.scan.detectors.base import BadInput, Source
from mkdocs_integrations.scan.detectors.ci import DETECTOR, ci_service


def feats(evs, prefix: str = "") -> list[tuple[int, str, str]]:
    return sorted((e.line, e.name, e.service) for e in evs if e.kind == FEATURE and e.name.startswith(prefix))


def secrets(evs) -> list[tuple[int, str]]:
    return sorted((e.line, e.name) for e in evs if e.kind == CI_SECRET)


GITHUB = """\
name: Deploy

on:
  push:
    branches: [main]
    tags: ["v*"]
  pull_request:
  schedule:
    - cron: "0 4 * * 1"
  workflow_dispatch:

env:
  NODE_ENV: production
  PUBLIC_URL: https://staging.example.com/app-planted-1

jobs:
  web:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@v4
      - run: npm ci && npm run build
        env:
          DATABASE_URL: postgres://app:hunter2-planted@db:5432/app
          STRIPE_SECRET_KEY: ${{ secrets.STRIPE_SECRET_KEY }}
      - uses: amondnet/vercel-action@v25
        with:
          vercel-token: ${{ secrets.VERCEL_TOKEN }}
          vercel-org-id: ${{ secrets['VERCEL_ORG_ID'] }}
          vercel-args: --prod
  worker:
    runs-on: ubuntu-latest
    steps:
      - uses: superfly/flyctl-actions/setup-flyctl@master
      - run: flyctl deploy --remote-only
        env:
          FLY_API_TOKEN: ${{ secrets.FLY_API_TOKEN }}
      # - run: npx netlify deploy --prod
      - uses: docker/build-push-action@v5
        with:
          push: true
          tags: ghcr.io/acme/worker:latest
      - run: |
          gcloud run deploy api --region us-central1
          kubectl apply -f k8s/
      - uses: actions/github-script@v7
        with:
          github-token: ${{ secrets.GITHUB_TOKEN }}
"""


def test_github_workflow(run_detector):
    evs, findings = run_detector(DETECTOR, ".github/workflows/deploy.yml", GITHUB)
    assert findings == []
    wf = ".github/workflows/deploy.yml"
    assert feats(evs, "workflow:") == [(1, f"workflow:{wf}", "github-actions")]
    assert feats(evs, "trigger:") == [
        (4, "trigger:push to main", "github-actions"),
        (4, "trigger:tag", "github-actions"),
        (7, "trigger:pull request", "github-actions"),
        (8, "trigger:schedule", "github-actions"),
        (10, "trigger:manual", "github-actions"),
    ]
    assert secrets(evs) == [
        (25, "STRIPE_SECRET_KEY"), (28, "VERCEL_TOKEN"), (29, "VERCEL_ORG_ID"),
        (37, "FLY_API_TOKEN"), (48, "GITHUB_TOKEN"),
    ]
    assert feats(evs, "deploy:") == [
        (26, "deploy:vercel", "vercel"),
        (35, "deploy:fly-io", "fly-io"),  # the setup-flyctl step (line 34) is not a deploy
        (39, "deploy:docker", "docker"),
        (42, "deploy:github-container-registry", "github-container-registry"),  # tags: ghcr.io/...
        (44, "deploy:google-cloud-run", "google-cloud-run"),
        (45, "deploy:kubernetes", "kubernetes"),
    ]  # the commented-out netlify deploy (line 38) is not one
    assert (35, f"deploy_from:{wf}", "fly-io") in feats(evs, "deploy_from:")
    assert len(feats(evs, "deploy_from:")) == 6  # one per deploy step above


def test_github_values_never_recorded(run_detector):
    evs, _ = run_detector(DETECTOR, ".github/workflows/deploy.yml", GITHUB)
    text = repr(evs)
    for planted in ("hunter2-planted", "app-planted-1", "staging.example.com", "production\"", "postgres://"):
        assert planted not in text


def test_github_on_as_list_and_string(run_detector):
    evs, _ = run_detector(DETECTOR, ".github/workflows/ci.yaml", "on: [push, pull_request]\njobs: {}\n")
    assert feats(evs, "trigger:") == [(1, "trigger:pull request", "github-actions"), (1, "trigger:push", "github-actions")]
    evs, _ = run_detector(DETECTOR, ".github/workflows/nightly.yml", "on: schedule\n")
    assert feats(evs, "trigger:") == [(1, "trigger:schedule", "github-actions")]


GITLAB = """\
include:
  - local: /ci/build.gitlab-ci.yml
  - project: acme/templates
    file: /deploy.yml
  - remote: https://example.com/ci.yml

variables:
  POSTGRES_PASSWORD: planted-gitlab-value
  APP_ENV: test

test:
  image: node:20
  script:
    - npm ci
    - npm test
  only:
    - merge_requests
    - main

deploy_production:
  stage: deploy
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
    - if: $CI_COMMIT_TAG
  secrets:
    DATABASE_PASSWORD:
      vault: production/db/password@ops
  script:
    - export LOCAL_TOKEN=abc
    - echo "$POSTGRES_PASSWORD $APP_ENV $LOCAL_TOKEN $CI_JOB_TOKEN"
    - heroku container:release web --app "$HEROKU_APP" --api-key "$HEROKU_API_KEY"
  when: manual

nightly:
  script: ./bin/report
  rules:
    - if: '$CI_PIPELINE_SOURCE == "schedule"'
"""


def test_gitlab_ci(run_detector):
    evs, _ = run_detector(DETECTOR, ".gitlab-ci.yml", GITLAB)
    assert feats(evs, "workflow:") == [
        (1, "workflow:.gitlab-ci.yml", "gitlab-ci"),
        (2, "workflow:ci/build.gitlab-ci.yml", "gitlab-ci"),  # local include only
    ]
    assert feats(evs, "trigger:") == [
        (17, "trigger:pull request", "gitlab-ci"),
        (18, "trigger:push to main", "gitlab-ci"),
        (23, "trigger:push to default branch", "gitlab-ci"),
        (24, "trigger:tag", "gitlab-ci"),
        (32, "trigger:manual", "gitlab-ci"),
        (37, "trigger:schedule", "gitlab-ci"),
    ]
    # `secrets:` keys, and undefined secret-shaped $VARs; defined and predefined ones are not.
    assert secrets(evs) == [(26, "DATABASE_PASSWORD"), (31, "HEROKU_API_KEY")]
    assert feats(evs, "deploy:") == [(31, "deploy:heroku", "heroku")]
    assert "planted-gitlab-value" not in repr(evs)


def test_gitlab_included_file_is_accepted(run_detector):
    evs, _ = run_detector(DETECTOR, ".gitlab/ci/deploy.yml", "deploy:\n  script: npx wrangler deploy\n")
    assert feats(evs, "deploy:") == [(2, "deploy:cloudflare-workers", "cloudflare-workers")]


def test_gitlab_reference_tags_parse(run_detector):
    text = ".setup:\n  script: [echo hi]\njob:\n  script:\n    - !reference [.setup, script]\n"
    evs, _ = run_detector(DETECTOR, ".gitlab-ci.yml", text)
    assert feats(evs, "workflow:") == [(1, "workflow:.gitlab-ci.yml", "gitlab-ci")]


JENKINS = """\
pipeline {
  agent any
  triggers { cron('H 2 * * *') }
  environment {
    AWS_CREDS = credentials('aws-prod-deploy')
  }
  stages {
    stage('Deploy') {
      when { branch 'main' }
      steps {
        withCredentials([string(credentialsId: 'sentry-auth-token', variable: 'SENTRY_AUTH_TOKEN')]) {
          sh 'serverless deploy --stage prod'
        }
        // sh 'firebase deploy'
      }
    }
  }
}
"""


def test_jenkinsfile(run_detector):
    evs, _ = run_detector(DETECTOR, "Jenkinsfile", JENKINS)
    assert feats(evs, "trigger:") == [(3, "trigger:schedule", "jenkins"), (9, "trigger:push to main", "jenkins")]
    assert secrets(evs) == [(5, "aws-prod-deploy"), (11, "sentry-auth-token")]
    assert feats(evs, "deploy:") == [(12, "deploy:aws-lambda", "aws-lambda")]


AZURE = """\
trigger:
  branches:
    include: [main]
pr:
  - main
variables:
  - group: prod-secrets
  - name: buildConfiguration
    value: Release
steps:
  - script: dotnet build --configuration $(buildConfiguration) -p:Key=$(Build.BuildId)
  - task: AzureWebApp@1
    inputs:
      azureSubscription: $(AZURE_SERVICE_CONNECTION)
  - script: echo deploy
    condition: eq(variables['Build.SourceBranch'], 'refs/heads/main')
  - uses: azure/webapps-deploy@v2
"""


def test_azure_pipelines(run_detector):
    evs, _ = run_detector(DETECTOR, "azure-pipelines.yml", AZURE)
    assert feats(evs, "trigger:") == [
        (3, "trigger:push to main", "azure-pipelines"),
        (4, "trigger:pull request", "azure-pipelines"),
        (16, "trigger:push to main", "azure-pipelines"),
    ]
    assert secrets(evs) == [(14, "AZURE_SERVICE_CONNECTION")]
    assert feats(evs, "deploy:") == [(17, "deploy:azure-app-service", "azure-app-service")]


def test_azure_pipeline_under_another_file_name_is_read_by_its_content(run_detector):
    """A pipeline definition can be any YAML file (a root `ci.yml` extending a template from
    another repository); other root YAML files (compose, mkdocs) are no pipeline."""
    pipeline = (
        "trigger:\n  branches:\n    include:\n      - main\n"
        "resources:\n  repositories:\n    - repository: templates\n      type: git\n      name: Org/Templates\n"
        "extends:\n  template: v1/Pipeline.yml@templates\n"
    )
    evs, _ = run_detector(DETECTOR, "ci.yml", pipeline)
    assert (1, "workflow:ci.yml", "azure-pipelines") in feats(evs, "workflow:")
    assert (4, "trigger:push to main", "azure-pipelines") in feats(evs, "trigger:")
    evs, _ = run_detector(DETECTOR, ".pipelines/build.yaml", "pool:\n  vmImage: ubuntu-latest\nsteps:\n  - script: make\n")
    assert feats(evs, "workflow:")
    evs, _ = run_detector(DETECTOR, "docker-compose.yml", "services:\n  db:\n    image: postgres:16\n")
    assert not evs
    evs, _ = run_detector(DETECTOR, "mkdocs.yml", "site_name: x\nnav:\n  - index.md\nsteps: []\n")
    assert not evs


def test_concourse_tasks_and_pipelines_in_a_ci_folder_are_read_by_their_content(run_detector):
    """Concourse runs the task and pipeline files `fly` and a job's `task: file:` name, kept in a
    CI folder: a task (`platform`, `image_resource`, `run: path`) or a pipeline (`resources` and
    jobs with a `plan`) is Concourse; another YAML file there (a packaging spec) is not."""
    task = ("platform: linux\nimage_resource:\n  type: registry-image\n  source: {repository: goalert/build-env}\n"
            "inputs:\n  - name: goalert\nrun:\n  path: goalert/devtools/ci/tasks/scripts/build-all.sh\n")
    evs, _ = run_detector(DETECTOR, "devtools/ci/tasks/build-all.yml", task)
    assert (1, "workflow:devtools/ci/tasks/build-all.yml", "concourse") in feats(evs, "workflow:")
    pipeline = ("resources:\n  - name: repo\n    type: git\n    source: {uri: https://example.org/app.git}\n"
                "jobs:\n  - name: test\n    plan:\n      - get: repo\n        trigger: true\n      - task: unit\n        file: repo/ci/unit.yml\n")
    evs, _ = run_detector(DETECTOR, "ci/pipeline.yml", pipeline)
    assert feats(evs, "workflow:")
    evs, _ = run_detector(DETECTOR, "ci/nfpm.yaml", "name: app\nplatform: linux\ncontents:\n  - src: ./app\n    dst: /usr/bin/app\n")
    assert not evs

def test_drone_and_bitbucket(run_detector):
    drone = """\
    kind: pipeline
    name: default
    steps:
      - name: publish
        image: plugins/docker
        settings:
          password:
            from_secret: docker_password
    trigger:
      branch: [main]
      event: [push, tag, rollback]
    """
    evs, _ = run_detector(DETECTOR, ".drone.yml", drone)
    assert secrets(evs) == [(8, "docker_password")]
    assert feats(evs, "trigger:") == [
        (10, "trigger:push to main", "drone"), (11, "trigger:push", "drone"), (11, "trigger:tag", "drone"),
    ]
    bb = """\
    pipelines:
      default:
        - step: {script: [npm test]}
      branches:
        main:
          - step:
              trigger: manual
              script: [pipe deploy, "git push https://heroku:$HEROKU_API_KEY@git.heroku.com/app.git HEAD"]
      pull-requests:
        '**':
          - step: {script: [npm test]}
    """
    evs, _ = run_detector(DETECTOR, "bitbucket-pipelines.yml", bb)
    assert feats(evs, "trigger:") == [
        (2, "trigger:push", "bitbucket-pipelines"),
        (5, "trigger:push to main", "bitbucket-pipelines"),
        (7, "trigger:manual", "bitbucket-pipelines"),
        (9, "trigger:pull request", "bitbucket-pipelines"),
    ]
    assert secrets(evs) == [(8, "HEROKU_API_KEY")]
    assert feats(evs, "deploy:") == [(8, "deploy:heroku", "heroku")]


def test_woodpecker_workflows_read_like_drone(run_detector):
    """Woodpecker's workflow files (`.woodpecker/*.yaml`) use Drone's `from_secret` and
    `when: event/branch`; a registry login to Docker Hub or Quay there is a publish step."""
    wp = """\
    when:
      - event: [push, tag]
        branch: main
    steps:
      publish:
        image: woodpeckerci/plugin-docker-buildx
        settings:
          logins:
            - registry: https://index.docker.io/v1/
              password:
                from_secret: docker_password
            - registry: https://quay.io
              password:
                from_secret: QUAY_IO_TOKEN
    """
    evs, _ = run_detector(DETECTOR, ".woodpecker/docker.yaml", wp)
    assert secrets(evs) == [(11, "docker_password"), (14, "QUAY_IO_TOKEN")]
    assert ("trigger:tag", "woodpecker") in {(n, s) for _, n, s in feats(evs, "trigger:")}
    assert feats(evs, "deploy:") == [(9, "deploy:docker-hub", "docker-hub"), (12, "deploy:quay", "quay")]


def test_circleci_travis_buildkite(run_detector):
    circle = """\
    version: 2.1
    workflows:
      deploy:
        jobs:
          - hold: {type: approval}
          - ship:
              filters:
                branches:
                  only: main
      nightly:
        triggers:
          - schedule:
              cron: "0 0 * * *"
        jobs: [test]
    """
    evs, _ = run_detector(DETECTOR, ".circleci/config.yml", circle)
    assert feats(evs, "trigger:") == [
        (5, "trigger:manual", "circleci"), (9, "trigger:push to main", "circleci"), (12, "trigger:schedule", "circleci"),
    ]
    evs, _ = run_detector(DETECTOR, ".travis.yml", "branches:\n  only: [main]\nscript: npm run deploy -- $NETLIFY_AUTH_TOKEN\n")
    assert feats(evs, "trigger:") == [(2, "trigger:push to main", "travis-ci")]
    assert secrets(evs) == [(3, "NETLIFY_AUTH_TOKEN")]
    bk = 'steps:\n  - command: make\n  - block: ":rocket: Release"\n  - command: netlify deploy --prod\n    if: build.branch == "main"\n'
    evs, _ = run_detector(DETECTOR, ".buildkite/pipeline.yml", bk)
    assert feats(evs, "trigger:") == [(3, "trigger:manual", "buildkite"), (5, "trigger:push to main", "buildkite")]
    assert feats(evs, "deploy:") == [(4, "deploy:netlify", "netlify")]


def test_malformed_yaml_is_bad_input(ctx):
    bad = "on:\n  push:\n    branches: [main\njobs:\n  x: 1\n"
    with pytest.raises(BadInput) as err:
        list(DETECTOR.detect(Source(".github/workflows/ci.yml", bad), ctx))
    assert err.value.line == 4
    assert "invalid YAML" in err.value.message


@pytest.mark.parametrize(
    ("rel", "service"),
    [
        (".github/workflows/ci.yml", "github-actions"),
        ("apps/web/.github/workflows/a.yaml", "github-actions"),
        (".github/dependabot.yml", None),
        (".github/actions/docker-build/action.yml", "github-actions"),  # a composite action's steps
        (".github/actions/action.yml", None),
        (".gitlab-ci.yml", "gitlab-ci"),
        ("ci/deploy.gitlab-ci.yml", "gitlab-ci"),
        (".circleci/config.yml", "circleci"),
        ("Jenkinsfile", "jenkins"),
        ("ci/release.jenkinsfile", "jenkins"),
        ("azure-pipelines.yml", "azure-pipelines"),
        ("bitbucket-pipelines.yml", "bitbucket-pipelines"),
        (".travis.yml", "travis-ci"),
        # Read at the repository's root only: a generated client's copy in a subfolder runs nothing.
        ("pkg/client-go/.travis.yml", None),
        ("sub/bitbucket-pipelines.yml", None),
        (".buildkite/pipeline.yml", "buildkite"),
        (".drone.yml", "drone"),
        (".woodpecker.yml", "woodpecker"),
        (".woodpecker/docker.yaml", "woodpecker"),
        (".woodpecker/nested/x.yaml", None),
        # Google Cloud Build configs: by name, or any YAML in a `cloudbuild/` folder
        ("cloudbuild.yaml", "google-cloud-build"),
        ("deploy/cloudbuild-prod.yml", "google-cloud-build"),
        ("app.cloudbuild.yaml", "google-cloud-build"),
        ("cloudbuild/prod/build-image.yaml", "google-cloud-build"),
        ("cloudbuild/startup.sh", None),
        # any other root YAML file is an Azure pipeline candidate (its content decides in `detect`)
        ("config.yml", "azure-pipelines"),
        ("eng/pipelines/ci.yml", "azure-pipelines"),
        ("sub/config.yml", None),
    ],
)
def test_ci_service_by_path(rel, service):
    assert ci_service(rel, rel.rsplit("/", 1)[-1]) == service


def test_a_new_host_deploy_step_is_a_catalog_edit():
    from mkdocs_integrations.catalog import parse_catalog
    from mkdocs_integrations.catalog.index import CatalogIndex
    from mkdocs_integrations.scan.detectors.base import Context, Source
    from mkdocs_integrations.scan.detectors.ci import DETECTOR

    catalog = parse_catalog({"hosting.yaml": """
services:
  - id: acme-cloud
    name: Acme Cloud
    category: hosting
    deploy_steps: ['\\bacme\\s+ship\\b']
"""})
    ctx = Context(catalog=catalog, index=CatalogIndex(catalog))
    workflow = "on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: acme ship --prod\n"
    records = list(DETECTOR.detect(Source(rel=".github/workflows/deploy.yml", text=workflow), ctx))
    assert [(r.name, r.line, r.service) for r in records if r.name.startswith("deploy:")] == [
        ("deploy:acme-cloud", 6, "acme-cloud")]


def test_semgrep_ci_with_local_rules_is_no_platform(run_detector):
    """`semgrep ci --config ./rules` runs local rules without the Semgrep platform; a bare
    `semgrep ci` (the platform's policies, SEMGREP_APP_TOKEN) still deploys to it."""
    wf = "on: push\njobs:\n  l:\n    runs-on: ubuntu-latest\n    steps:\n      - run: semgrep ci --config ./rules --config r/python.lang.correctness\n"
    evs, _ = run_detector(DETECTOR, ".github/workflows/lint.yml", wf)
    assert not [e for e in evs if e.name == "deploy:semgrep"]
    evs, _ = run_detector(DETECTOR, ".github/workflows/lint.yml", wf.replace(" --config ./rules --config r/python.lang.correctness", ""))
    assert [e.line for e in evs if e.name == "deploy:semgrep"] == [6]


SERVICE_CONTAINERS = """\
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    services:
      postgres:
        image: postgres:16
        env:
          POSTGRES_PASSWORD: hunter2
    steps:
      - run: composer test
"""


def test_github_service_containers_are_images_of_the_test_environment(run_detector):
    from mkdocs_integrations.model import IMAGE

    ev, _ = run_detector(DETECTOR, ".github/workflows/test.yml", SERVICE_CONTAINERS)
    images = [e for e in ev if e.kind == IMAGE]
    assert [(e.name, e.line, e.get("environment")) for e in images] == [("postgres:16", 7, "test")]
    assert "hunter2" not in repr(ev)


DOCKER_RUN_STEPS = """\
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - name: Start Hydra
        run: |
          docker run -d \\
            --name hydra \\
            --network host \\
            -e DSN=memory \\
            --health-cmd="wget -q localhost:4444" \\
            oryd/hydra:v2.2.0 serve all --dev
      - run: docker run --rm -it -v /tmp:/data $TOOL_IMAGE lint
      - run: docker compose run web pytest
      # - run: docker run -d redis:7
"""


def test_a_docker_run_step_starts_a_container_like_a_service_container(run_detector):
    """`docker run` in a job's step (continued over lines) records its image as a service
    container's; an image in a variable, `docker compose run` and a commented-out step do not."""
    from mkdocs_integrations.model import IMAGE

    ev, _ = run_detector(DETECTOR, ".github/workflows/test.yml", DOCKER_RUN_STEPS)
    images = [(e.name, e.line, e.get("environment"), e.get("ci")) for e in ev if e.kind == IMAGE]
    assert images == [("oryd/hydra:v2.2.0", 8, "test", "github-actions")]


DOCKER_LOGINS = """\
on:
  push:
    tags: ['v*']
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          username: ${{ secrets.DOCKER_USER }}
          password: ${{ secrets.DOCKER_PASS }}
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: ${{ github.actor }}
          password: ${{ secrets.GITHUB_TOKEN }}
      - run: make DOCKER_BUILD_PUSH=true build-docker
"""


def test_docker_login_action_without_a_registry_logs_in_to_docker_hub(run_detector):
    ev, _ = run_detector(DETECTOR, ".github/workflows/build.yml", DOCKER_LOGINS)
    deploys = sorted((e.name, e.line) for e in ev if e.name.startswith("deploy:"))
    assert deploys == [("deploy:docker-hub", 8), ("deploy:github-container-registry", 14)]


AZURE_LOGINS = """\
on:
  release:
    types: [published]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: azure/docker-login@v1
        with:
          username: ${{ secrets.REGISTRY_USER }}
          password: ${{ secrets.REGISTRY_PASS }}
      - uses: azure/docker-login@v1
        with:
          login-server: acme.azurecr.io
      - name: Push
        if: github.event_name\t== 'release'
        run: docker push $IMAGE:latest
"""


def test_azure_docker_login_without_a_login_server_logs_in_to_docker_hub(run_detector):
    """azure/docker-login's `login-server` defaults to Docker Hub (index.docker.io): without one
    the login is the Hub's, with an `*.azurecr.io` one it is Azure's registry. The tab inside
    the `if:` value (GitHub's parser takes it, PyYAML's scanner refuses it) loses nothing."""
    ev, _ = run_detector(DETECTOR, ".github/workflows/dockerimage.yml", AZURE_LOGINS)
    deploys = sorted((e.name, e.line) for e in ev if e.name.startswith("deploy:"))
    assert deploys == [("deploy:azure-container-registry", 14), ("deploy:docker", 17), ("deploy:docker-hub", 8)]


REUSABLE_PUBLISH = """\
on:
  push:
    tags: ['v*']
jobs:
  build-image:
    uses: acme/github-actions/.github/workflows/docker-publish-image.yml@main
    secrets: inherit
    with:
      image-name: acme/shortener
      platforms: linux/amd64
  publish-ghcr:
    uses: acme/github-actions/.github/workflows/docker-publish-image.yml@main
    with:
      image-name: ghcr.io/acme/shortener
  local:
    uses: ./.github/workflows/docker-publish.yml
    with:
      image: acme/shortener
  labels:
    uses: acme/github-actions/.github/workflows/labels.yml@main
    with:
      image: acme/shortener
"""


def test_an_image_published_through_a_remote_reusable_workflow_goes_to_docker_hub(run_detector):
    """An organisation's shared publish workflow, called with an `<account>/<name>` image and
    no registry host, pushes to Docker Hub (the called file is not in the repository). A
    registry host names another registry; a local workflow is scanned itself; a workflow
    not named for publishing an image publishes nothing."""
    ev, _ = run_detector(DETECTOR, ".github/workflows/publish-docker-image.yml", REUSABLE_PUBLISH)
    deploys = sorted((e.name, e.line) for e in ev if e.name.startswith("deploy:"))
    assert deploys == [("deploy:docker-hub", 9)]


TOKEN_REUSABLE_PUBLISH = """\
name: Deploy
on:
  release:
    types: [released]
jobs:
  build-and-publish-image:
    name: Build and publish image
    uses: acme/infrastructure/.github/workflows/build-push-arm-image.yml@main
    with:
      gitRef: ${{ github.event.release.tag_name }}
    permissions:
      id-token: write
      contents: read
      packages: write
  publish-with-secrets:
    uses: acme/infrastructure/.github/workflows/build-push-image.yml@main
    permissions:
      packages: write
    secrets: inherit
  publish-read-only:
    uses: acme/infrastructure/.github/workflows/build-push-image.yml@main
    permissions:
      contents: read
  trigger-deploy:
    needs: build-and-publish-image
    uses: acme/infrastructure/.github/workflows/deploy.yml@main
    permissions:
      packages: write
"""


def test_an_image_published_by_a_remote_workflow_with_the_packages_permission_goes_to_ghcr(run_detector):
    """A job calling another repository's image-publishing workflow with `packages: write` and no
    secret of its own pushes with the GitHub token: GitHub's registry. Not with secrets handed on
    (`inherit`), not without the permission, not a workflow that publishes no image."""
    ev, _ = run_detector(DETECTOR, ".github/workflows/deploy.yml", TOKEN_REUSABLE_PUBLISH)
    deploys = sorted((e.name, e.line) for e in ev if e.name.startswith("deploy:"))
    assert deploys == [("deploy:github-container-registry", 8)]


COMPOSITE_ACTION = """\
name: Registry login
runs:
  using: composite
  steps:
    - uses: docker/login-action@v3
      with:
        registry: quay.io
        username: ${{ inputs.user }}
"""


def test_a_composite_actions_login_names_its_registry(run_detector):
    ev, _ = run_detector(DETECTOR, ".github/actions/login/action.yml", COMPOSITE_ACTION)
    assert sorted(e.name for e in ev if e.name.startswith("deploy:")) == ["deploy:quay"]


WOODPECKER_PUSH = """\
steps:
  publish:
    image: woodpeckerci/plugin-docker-buildx
    settings:
      repo: acme/app
      username:
        from_secret: docker_username
      password:
        from_secret: docker_password
  publish_quay:
    image: docker.io/woodpeckerci/plugin-docker-buildx:6
    settings:
      repo: quay.io/acme/app
      password:
        from_secret: quay_token
  build_only:
    image: woodpeckerci/plugin-docker-buildx
    settings:
      repo: acme/app
      dry_run: true
  publish_crate:
    image: rust:1
    commands:
      - cargo publish --dry-run
      - cargo publish --token "$CARGO_API_TOKEN"
"""


def test_woodpecker_push_plugin_without_a_registry_pushes_to_docker_hub(run_detector):
    """A buildx plugin step with credentials and a bare `repo:` pushes to Docker Hub; one whose
    repo names another registry, or without credentials (a build), does not."""
    ev, _ = run_detector(DETECTOR, ".woodpecker.yml", WOODPECKER_PUSH)
    deploys = sorted((e.name, e.line) for e in ev if e.name.startswith("deploy:"))
    assert deploys == [("deploy:crates-io", 25), ("deploy:docker-hub", 3)]


def test_a_ci_request_to_a_catalog_host_names_it(run_detector):
    """`curl ... ntfy.sh/topic` in a CI step notifies through that service; a host in a
    command that sends no request (a clone, an echo) does not."""
    text = (
        "steps:\n"
        "  notify:\n"
        "    image: alpine:3\n"
        "    commands:\n"
        "      - \"curl -H'Title: done' -d'${CI_PIPELINE_URL}' ntfy.sh/acme_ci\"\n"
        "      - echo see api.stripe.com/v1\n"
    )
    ev, _ = run_detector(DETECTOR, ".woodpecker.yml", text)
    assert [(e.name, e.service, e.line) for e in ev if e.kind == "host"] == [("ntfy.sh", "ntfy", 5)]


def test_a_ci_request_to_a_vendors_webhook_secret_notifies_that_vendor(run_detector):
    """osu-web: `curl -d "$BODY" "${{ secrets.DISCORD_INFRA_WEBHOOK_URL }}"` continued over lines
    posts to Discord's incoming webhook, whose URL the secret's name says is Discord's; booklore's
    one-line `curl ... "$SLACK_RELEASE_WEBHOOK_URL"` likewise Slack. A webhook variable naming no
    webhook vendor (`$DEPLOY_WEBHOOK`), one only exported (no request) and a GitHub webhook
    secret (GitHub takes no incoming webhooks) are none."""
    text = (
        "on: push\n"
        "jobs:\n"
        "  notify:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - run: |\n"
        "          BODY=\"$(jq --null-input '{embeds: [{title: env.TITLE}]}')\"\n"
        "          curl \\\n"
        "            -H \"Content-Type: application/json\" \\\n"
        "            -d \"$BODY\" \\\n"
        "            \"${{ secrets.DISCORD_INFRA_WEBHOOK_URL }}\"\n"
        "      - run: |\n"
        "          curl -H 'Content-Type: application/json' -d \"$payload\" \"$SLACK_RELEASE_WEBHOOK_URL\"\n"
        "          curl -X POST \"$DEPLOY_WEBHOOK\"\n"
        "          echo \"${{ secrets.TEAMS_WEBHOOK_URL }}\" > url.txt\n"
        "          curl -H \"X-Secret: ${{ secrets.GITHUB_WEBHOOK_SECRET }}\" https://example.org/hook\n"
    )
    ev, _ = run_detector(DETECTOR, ".github/workflows/pack.yml", text)
    assert feats(ev, "deploy:") == [(11, "deploy:discord", "discord"), (13, "deploy:slack", "slack")]


def test_an_ssh_copy_to_a_hosting_providers_server_is_a_deploy_there(run_detector):
    """`rsync ... user@host.uberspace.de:~` copies the build onto a hosting provider's server:
    a deploy to it. An SSH key check against GitHub (no hosting service), a target host in an
    echo (no SSH command) and a commented-out rsync are none."""
    text = (
        "on: push\n"
        "jobs:\n"
        "  deploy:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - run: |\n"
        "          rsync -e \"ssh -o StrictHostKeyChecking=no -i .key\" -a --delete wheel staghios@despina.uberspace.de:~\n"
        "          ssh -T git@github.com || true\n"
        "          echo deploy to staghios@despina.uberspace.de\n"
        "          # rsync -a dist other@lupus.uberspace.de:~\n"
    )
    ev, _ = run_detector(DETECTOR, ".github/workflows/staging.yml", text)
    assert feats(ev, "deploy:") == [(7, "deploy:uberspace", "uberspace")]
    assert [(e.name, e.line) for e in ev if e.kind == "host"] == [("despina.uberspace.de", 7)]


def test_a_jobs_endpoint_setting_names_its_catalog_host(run_detector):
    """A step's `AWS_S3_ENDPOINT: 'https://s3.us-east-005.backblazeb2.com'` sends the job's
    uploads to Backblaze B2 (an S3 client pointed at another store); a URL under a key that
    is no endpoint (a docs link) names nothing."""
    text = (
        "on: push\n"
        "jobs:\n"
        "  site:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - run: ./publish-site.sh\n"
        "        env:\n"
        "          AWS_S3_BUCKET: ${{ secrets.B2_BUCKET }}\n"
        "          AWS_S3_ENDPOINT: 'https://s3.us-east-005.backblazeb2.com'\n"
        "          DOCS_URL: https://api.stripe.com/docs\n"
    )
    ev, _ = run_detector(DETECTOR, ".github/workflows/site.yml", text)
    assert [(e.name, e.service, e.line) for e in ev if e.kind == "host"] == [
        ("s3.us-east-005.backblazeb2.com", "backblaze-b2", 9)
    ]


BUF_ACTION = """\
on:
  push:
    tags: ['v*']
jobs:
  proto:
    runs-on: ubuntu-latest
    steps:
      - uses: bufbuild/buf-action@v1
        with:
          input: rpc
          lint: true
      - uses: bufbuild/buf-action@v1
        with:
          input: rpc
          push: true
          token: ${{ secrets.BUF_TOKEN }}
      - uses: acme/other-action@v1
        with:
          push: true
"""


def test_an_actions_publish_input_is_its_publish_command(run_detector):
    """bufbuild/buf-action pushes to the Buf Schema Registry only when its `push` input is
    true: that step reads as `buf push`; its lint-only step and another action's `push`
    input publish nothing to the registry."""
    ev, _ = run_detector(DETECTOR, ".github/workflows/proto.yml", BUF_ACTION)
    deploys = sorted((e.name, e.line) for e in ev if e.name.startswith("deploy:"))
    assert deploys == [("deploy:buf-schema-registry", 15)]


CHANGESETS_ACTION = """\
on:
  push:
    branches: [main]
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: yarn install
      - name: Create Release Pull Request or Publish to npm
        uses: changesets/action@v1
        with:
          version: yarn run version
          publish: yarn release
        env:
          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}
"""


def test_the_changesets_actions_publish_command_publishes_to_npm(run_detector):
    """changesets/action given a `publish:` command publishes the packages to npm (the command
    is a package.json script ending in `changeset publish`); without it the action only opens
    the versioning PR."""
    ev, _ = run_detector(DETECTOR, ".github/workflows/release.yml", CHANGESETS_ACTION)
    deploys = sorted((e.name, e.line) for e in ev if e.name.startswith("deploy:"))
    assert deploys == [("deploy:npm-registry", 14)]
    version_only = CHANGESETS_ACTION.replace("          publish: yarn release\n", "")
    ev, _ = run_detector(DETECTOR, ".github/workflows/release.yml", version_only)
    assert [e.name for e in ev if e.name.startswith("deploy:")] == []


def test_a_ci_download_of_an_archive_names_no_service(run_detector):
    """`curl -o tool.tgz -L https://repo.maven.apache.org/.../tool.tgz` fetches a tool for the job
    (a build-time download); a request to the same kind of host that is no archive still counts."""
    text = (
        "steps:\n"
        "  report:\n"
        "    image: alpine:3\n"
        "    commands:\n"
        "      - curl -o allure.tgz -L https://repo.maven.apache.org/maven2/io/qameta/allure/allure-commandline/2.32.0/allure-commandline-2.32.0.tgz\n"
        "      - \"curl -d'${CI_PIPELINE_URL}' ntfy.sh/acme_ci\"\n"
    )
    ev, _ = run_detector(DETECTOR, ".woodpecker.yml", text)
    assert [(e.name, e.line) for e in ev if e.kind == "host"] == [("ntfy.sh", 6)]


TOKEN_ONLY_PUSH = """\
on: push
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: push docker images
        uses: acme/push-docker-artifact@main
        with:
          GITHUB_TOKEN: ${{ github.token }}
      - uses: docker/build-push-action@v6
        with:
          github-token: ${{ secrets.GITHUB_TOKEN }}
          tags: acme/app:latest
      - uses: acme/publish-docker-image@v1
        with:
          token: ${{ github.token }}
          password: ${{ secrets.QUAY_PASSWORD }}
      - uses: acme/docker-build-action@v1
        with:
          GITHUB_TOKEN: ${{ github.token }}
"""


def test_an_image_push_action_with_only_the_github_token_pushes_to_ghcr(run_detector):
    """An action named for pushing an image, given only the workflow's GitHub token and no
    image, tag or registry, pushes to GitHub's registry (the one place that token logs in).
    A step naming its tags, one with another secret, or a build-only action, says nothing."""
    ev, _ = run_detector(DETECTOR, ".github/workflows/build.yml", TOKEN_ONLY_PUSH)
    deploys = sorted((e.name, e.line) for e in ev if e.name == "deploy:github-container-registry")
    assert deploys == [("deploy:github-container-registry", 8)]


CLOUD_BUILD = """\
steps:
  - name: gcr.io/cloud-builders/docker
    args: ["build", "-t", "gcr.io/$PROJECT_ID/app:${_TAG}", "."]
  - name: gcr.io/cloud-builders/gcloud
    args:
      - beta
      - compute
      - instance-groups
      - managed
      - rolling-action
      - start-update
      - ${_GROUP}
    secretEnv: [DEPLOY_TOKEN]
substitutions:
  _TAG: $SHORT_SHA
images:
  - "gcr.io/${PROJECT_ID}/app:${_TAG}"
  - us-docker.pkg.dev/$PROJECT_ID/app/web
"""


def test_cloud_build_steps_and_images_read_as_commands(run_detector):
    """A Cloud Build step's `args:` list is one command of its builder's tool (gcloud compute
    ... rolling-action deploys to Compute Engine); the `images:` list items are what Cloud Build
    pushes, each on its own line below the key; pulling the builder images is no publish."""
    evs, _ = run_detector(DETECTOR, "cloudbuild/prod/deploy.yaml", CLOUD_BUILD)
    assert feats(evs, "deploy:") == [
        (6, "deploy:google-compute-engine", "google-compute-engine"),  # the args list
        (17, "deploy:google-artifact-registry", "google-artifact-registry"),
        (18, "deploy:google-artifact-registry", "google-artifact-registry"),
    ]
    assert (1, "workflow:cloudbuild/prod/deploy.yaml", "google-cloud-build") in feats(evs, "workflow:")
    assert secrets(evs) == [(13, "DEPLOY_TOKEN")]


def test_yaml_in_a_cloudbuild_folder_without_steps_is_no_build(run_detector):
    evs, _ = run_detector(DETECTOR, "cloudbuild/values.yaml", "images:\n  - gcr.io/p/app\n")
    assert evs == []


GH_PORTED_FROM_GITLAB = """\
name: nonprod
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    env:
       CI_REGISTRY_IMAGE: ghcr.io/acme/app
    steps:
      - run: |
          docker build --tag $CI_REGISTRY_IMAGE:$GITHUB_SHA .
          docker push $CI_REGISTRY_IMAGE:$GITHUB_SHA
"""

GITLAB_PUSH = """\
build:
  script:
    - docker build -t $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA .
    - docker push $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA
"""


def test_gitlab_registry_variable_set_by_another_ci_is_its_value(run_detector):
    """GitLab CI predefines $CI_REGISTRY_IMAGE as the GitLab registry; a GitHub workflow ported
    from GitLab sets it itself (`CI_REGISTRY_IMAGE: ghcr.io/...`), so its push is to that value."""
    evs, _ = run_detector(DETECTOR, ".github/workflows/nonprod.yml", GH_PORTED_FROM_GITLAB)
    deploys = {e.service for e in evs if e.kind == FEATURE and e.name.startswith("deploy:")}
    assert "gitlab-container-registry" not in deploys and "github-container-registry" in deploys
    evs, _ = run_detector(DETECTOR, ".gitlab-ci.yml", GITLAB_PUSH)
    deploys = {e.service for e in evs if e.kind == FEATURE and e.name.startswith("deploy:")}
    assert "gitlab-container-registry" in deploys


def test_a_request_continued_over_lines_names_its_host(run_detector):
    """`curl -L \\` with its headers and URL on the next lines is one command: the GitHub API it
    calls two lines below the `curl` counts. A URL after the command ended (an echo) does not."""
    text = (
        "on: push\n"
        "jobs:\n"
        "  check:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - run: |\n"
        "          response=$(curl -L \\\n"
        "          -H \"Accept: application/vnd.github+json\" \\\n"
        "          \"https://api.github.com/repos/${{ github.repository }}/commits/$SHA/check-runs\")\n"
        "          echo \\\n"
        "            see https://api.stripe.com/v1\n"
        # (a host as a parameter's value: the token is for AWS, the request goes to GitHub)
        "          token=$(curl --fail \\\n"
        "            \"$ACTIONS_ID_TOKEN_REQUEST_URL&audience=sts.amazonaws.com\")\n"
    )
    ev, _ = run_detector(DETECTOR, ".github/workflows/deploy.yml", text)
    assert [(e.name, e.service, e.line) for e in ev if e.kind == "host"] == [("api.github.com", "github", 9)]


def test_a_coding_agents_tool_permission_rule_is_no_publish_step(run_detector):
    """claude-code-action's `--disallowedTools "Bash(cargo publish *)"` forbids the agent a
    command; the step publishes nothing. A real `cargo publish` in the same file still counts."""
    text = (
        "on: workflow_dispatch\n"
        "jobs:\n"
        "  remediate:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - uses: anthropics/claude-code-action@v1\n"
        "        with:\n"
        "          claude_args: |\n"
        "            --allowedTools \"Read,Edit,Bash(git *),Bash(cargo *)\"\n"
        "            --disallowedTools \"Bash(git push *--force*),Bash(npm publish *),Bash(cargo publish *)\"\n"
    )
    ev, _ = run_detector(DETECTOR, ".github/workflows/remediate.yml", text)
    assert [e.name for e in ev if e.name.startswith("deploy:")] == []
    publish = text + "  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cargo publish --locked\n"
    ev, _ = run_detector(DETECTOR, ".github/workflows/remediate.yml", publish)
    assert [(e.name, e.line) for e in ev if e.name.startswith("deploy:")] == [("deploy:crates-io", 14)]


def test_a_service_container_from_the_test_matrix_is_each_matrix_image(run_detector):
    """`image: ${{ matrix.driver == 'mysql' && matrix.service || '' }}`: the suite runs against
    each database the job's matrix lists (under the key or in `include` entries)."""
    from mkdocs_integrations.model import IMAGE

    workflow = """\
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        php: ['8.2', '8.3']
        service: ['mysql:8.0.30']
        include:
          - service: mariadb
            driver: mysql
          - service: 'postgres:10'
            driver: pgsql
    services:
      mysql:
        image: ${{ matrix.driver == 'mysql' && matrix.service || '' }}
"""
    ev, _ = run_detector(DETECTOR, ".github/workflows/backend.yml", workflow)
    images = [(e.name, e.line) for e in ev if e.kind == IMAGE]
    assert images == [("mysql:8.0.30", 8), ("mariadb", 10), ("postgres:10", 12)]
CODEBUILD = """\
version: 0.2

phases:
  pre_build:
    commands:
      - aws ecr-public get-login-password --region us-east-1 | docker login --username AWS --password-stdin public.ecr.aws/acme
      - docker login --username $DOCKER_HUB_ACCESS_USER --password $DOCKER_HUB_ACCESS_TOKEN
  build:
    commands:
      - docker build -t app:latest-amd64 .
      - docker tag app:latest-amd64 acme/app:$GIT_TAG-amd64
      - docker push acme/app:$GIT_TAG-amd64
"""


def test_codebuild_build_specs_are_read_as_ci_commands(run_detector):
    """An AWS CodeBuild build spec anywhere (`deploy/build/buildspec-tag-amd64.yml`) runs shell
    commands as a workflow does: its Docker Hub login and push publish there."""
    assert ci_service("deploy/build/buildspec-tag-amd64.yml", "buildspec-tag-amd64.yml") == "aws-codebuild"
    evs, _ = run_detector(DETECTOR, "deploy/build/buildspec-tag-amd64.yml", CODEBUILD)
    assert (1, "workflow:deploy/build/buildspec-tag-amd64.yml", "aws-codebuild") in feats(evs)
    assert {s for _, _, s in feats(evs, "deploy:")} >= {"docker-hub"}
    assert (7, "DOCKER_HUB_ACCESS_TOKEN") in secrets(evs)
    # a YAML file named like a build spec without CodeBuild's `version:` and `phases:` is none
    evs, _ = run_detector(DETECTOR, "config/buildspec.yml", "steps:\n  - run: docker push acme/app\n")
    assert evs == []
