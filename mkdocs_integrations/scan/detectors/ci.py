"""CI/CD pipeline files: which CI runs, on what trigger, which secrets it needs, where it deploys.

This fills the template's "CI/CD & Deployment" part: "CI Pipeline: GitHub Actions,
workflows: ci.yml; secrets: in repo secrets" and "Hosting: Fly.io, deployed by
deploy.yml". Records per file:

- FEATURE on the CI service: "workflow:<path>" (line 1) and "trigger:<push to main|
  pull request|schedule|manual|tag|release|push>" where the file states it.
- CI_SECRET (name only) for explicit secret references: `${{ secrets.NAME }}`,
  Jenkins `credentials('ID')`, Drone `from_secret`, GitLab `secrets:`, Azure `$(NAME)`
  not defined in the file; elsewhere `$NAME` only when undefined in the file and
  secret-shaped (…_TOKEN, …_KEY, a catalog env var). Values are never read.
- FEATURE "deploy:<hosting id>" and "deploy_from:<path>" on the hosting service, on the
  line of each recognised deploy step (action or CLI command).

Structure comes from YAML nodes (they carry lines); commands and references are found by
text on comment-stripped lines, so a commented-out deploy is not a deploy.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator

import yaml

from ...model import CI_SECRET, FEATURE, HOST, IMAGE, Evidence
from ..lexing import C_STYLE, HASH, strip_comments
from . import _infra as y
from .base import Context, Detector, Record, Source

_WORKFLOW_DIR = re.compile(r"(?:^|/)\.github/(?:workflows/[^/]+|actions/.+/action)\.ya?ml$")
# A composite action (`.github/actions/<name>/action.yml`) holds steps the workflows run:
# logins and pushes often live there rather than in the workflow that calls it.
_GITLAB_INCLUDED = re.compile(r"(?:^|/)(?:\.gitlab/ci/.+|\.?gitlab-ci/[^/]+|[^/]+\.gitlab-ci)\.ya?ml$")
_BUILDKITE = re.compile(r"(?:^|/)\.buildkite/[^/]+\.ya?ml$")
# Woodpecker: `.woodpecker.yml` or one workflow a file in `.woodpecker/` (Drone's syntax: `from_secret`).
_WOODPECKER = re.compile(r"(?:^|/)(?:\.woodpecker\.ya?ml|\.woodpecker/[^/]+\.ya?ml)$")
# Google Cloud Build: `cloudbuild.yaml`, `cloudbuild-prod.yaml`, `deploy.cloudbuild.yaml`, or any
# build config kept in a `cloudbuild/` folder (`cloudbuild/prod/build-image.yaml`, submitted with
# `gcloud builds submit --config=...`). Only a file whose top level has `steps:` (the schema's one
# required key) is read as one, so another YAML file in such a folder records nothing.
_CLOUD_BUILD = re.compile(
    r"(?:^|/)(?:cloudbuild(?:[-_.][\w.-]*)?|[\w.-]+[-_.]cloudbuild)\.(?:ya?ml|json)$"
    r"|(?:^|/)\.?cloudbuild/(?:[^/]+/)*[^/]+\.ya?ml$"
)

# AWS CodeBuild: `buildspec.yml` at the root, or any build spec a project points at
# (`deploy/build/buildspec-tag-amd64.yml`). Only a file whose top level has CodeBuild's two
# required keys (`version:` and `phases:`) is read as one: its `commands` are shell lines that
# log in, push and deploy as a workflow's `run:` steps do.
_CODEBUILD = re.compile(r"(?:^|/)buildspec(?:[-_.][\w.-]*)?\.ya?ml$", re.I)


def _codebuild_markers(root: yaml.Node) -> bool:
    return y.get(root, "version") is not None and y.get(root, "phases") is not None


def ci_service(rel: str, name: str) -> str | None:
    """The CI service a file configures, from its path alone."""
    yaml = name.endswith((".yml", ".yaml"))  # the path regexes below are all about YAML files
    if yaml and _WORKFLOW_DIR.search(rel):
        return "github-actions"
    if name == ".gitlab-ci.yml" or (yaml and "gitlab" in rel and _GITLAB_INCLUDED.search(rel)):
        return "gitlab-ci"
    if rel == ".circleci/config.yml" or rel.endswith("/.circleci/config.yml"):
        return "circleci"
    if name == "Jenkinsfile" or name.startswith("Jenkinsfile.") or name.endswith(".jenkinsfile"):
        return "jenkins"
    if name in ("azure-pipelines.yml", "azure-pipelines.yaml"):
        return "azure-pipelines"
    # Travis CI and Bitbucket Pipelines read their file at the repository's root only: one in a
    # subfolder (a generated API client's `pkg/client-go/.travis.yml`) runs nothing.
    if rel == "bitbucket-pipelines.yml":
        return "bitbucket-pipelines"
    if rel == ".travis.yml":
        return "travis-ci"
    if yaml and _BUILDKITE.search(rel):
        return "buildkite"
    if name == ".drone.yml":
        return "drone"
    if yaml and _WOODPECKER.search(rel):
        return "woodpecker"
    if "cloudbuild" in rel and _CLOUD_BUILD.search(rel):
        return "google-cloud-build"
    if yaml and _CODEBUILD.search(rel):
        return "aws-codebuild"  # `detect` keeps it when its top level is a build spec's
    if yaml and _AZURE_CANDIDATE.search(rel):
        return "azure-pipelines"  # a candidate only: `detect` keeps it when its content is a pipeline's
    if yaml and _CONCOURSE_CANDIDATE.search(rel):
        return "concourse"  # a candidate only: `detect` keeps it when its content is a task's or a pipeline's
    return None


# Azure Pipelines reads any YAML file the pipeline's definition points at: besides
# `azure-pipelines.yml`, a root `ci.yml` / `build.yml` or a file in a pipelines folder
# (`.azure-pipelines/`, `.pipelines/`, `eng/pipelines/`, `.azuredevops/`). Such a file counts
# only when it holds what no other tool's YAML does (`_azure_markers`).
_AZURE_NAMES = ("azure-pipelines.yml", "azure-pipelines.yaml")
_AZURE_CANDIDATE = re.compile(r"^(?:[^/]+|(?:\.azure-pipelines|\.azuredevops|\.pipelines|eng/pipelines)/.+)\.ya?ml$")
# a step running a task by name and major version (`- task: DotNetCoreCLI@2`)
_AZURE_TASK = re.compile(r"^[ \t]*-?[ \t]*task[ \t]*:[ \t]*['\"]?[A-Za-z][\w.-]*@\d+['\"]?[ \t]*$", re.M)
_AZURE_TOP = ("trigger", "pr", "stages", "jobs", "steps", "extends", "resources", "pool", "variables", "schedules")


# Concourse reads the files `fly set-pipeline -c` and a job's `task: ... file:` name, kept in a CI
# folder (`ci/pipeline.yml`, `devtools/ci/tasks/build-all.yml`, `concourse/`). Such a file counts
# only when its content is Concourse's own (`_concourse_markers`).
_CONCOURSE_CANDIDATE = re.compile(r"(?:^|/)(?:\.?ci|\.?concourse|pipelines)/(?:[^/]+/)*[^/]+\.ya?ml$")


def _concourse_markers(root: yaml.Node) -> bool:
    """Whether a YAML document is a Concourse task (`platform:`, `image_resource:` and `run:
    path:` at its top) or pipeline (`jobs:` whose entries have a `plan:`, beside `resources:`)."""
    if not isinstance(root, yaml.MappingNode):
        return False
    if y.get(root, "platform") is not None and y.get(root, "image_resource") is not None and y.get(root, "run", "path") is not None:
        return True
    jobs = y.get(root, "jobs")
    return (y.get(root, "resources") is not None and isinstance(jobs, yaml.SequenceNode)
            and any(y.get(j, "plan") is not None for j in jobs.value))


def _azure_markers(root: yaml.Node, text: str) -> bool:
    """Whether a YAML document is an Azure Pipelines definition: pipeline keys at its top and a
    construct of Azure's own: a template from another repository (`extends: template:
    v1/x.yml@templates`), a repository resource (`resources: repositories: - repository:`),
    a hosted agent image (`pool: vmImage:`) or a versioned task step (`- task: Npm@1`)."""
    if not isinstance(root, yaml.MappingNode) or not any(y.get(root, k) is not None for k in _AZURE_TOP):
        return False
    template = y.scalar(y.get(root, "extends", "template"))
    if template and "@" in template:
        return True
    repos = y.get(root, "resources", "repositories")
    if isinstance(repos, yaml.SequenceNode) and any(y.get(r, "repository") is not None for r in repos.value):
        return True
    if y.get(root, "pool", "vmImage") is not None:
        return True
    return _AZURE_TASK.search(text) is not None


_GH_EXPR = re.compile(r"\$\{\{(.*?)\}\}", re.S)
_GH_SECRET = re.compile(r"""\bsecrets(?:\.([A-Za-z_][A-Za-z0-9_-]*)|\[\s*['"]([^'"]+)['"]\s*\])""")
_JENKINS_SECRET = re.compile(r"""\b(?:credentials\(\s*|credentialsId\s*:\s*)['"]([^'"$]+)['"]""")
_DRONE_SECRET = re.compile(r"\bfrom_secret\s*:\s*['\"]?([\w.-]+)")
_AZURE_MACRO = re.compile(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")
_SHELL_VAR = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)")
_SECRETISH = re.compile(r"TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|_KEY(?:_|$)|CREDENTIAL|_DSN$|_AUTH(?:_|$)", re.I)
_PREDEFINED = re.compile(r"^(?:CI|GITLAB|BITBUCKET|CIRCLE|CIRCLECI|TRAVIS|BUILDKITE|DRONE|GITHUB|RUNNER)(?:_|$)")
_DEFINED = re.compile(r"^\s*(?:-\s+)?(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=", re.M)

# `only:` words in GitLab, and event names in Drone, mapped to triggers.
_WORDS = {
    "tags": "tag", "tag": "tag", "merge_requests": "pull request", "pull_request": "pull request",
    "schedules": "schedule", "cron": "schedule", "web": "manual", "promote": "manual",
    "custom": "manual", "branches": "push", "pushes": "push", "push": "push",
}
_EXPR_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.I), t)
    for p, t in (
        (r"merge_request_event|build\.pull_request|type\s*=\s*pull_request|PullRequest", "pull request"),
        (r"""['"]schedule['"]|type\s*=\s*cron|['"]Schedule['"]""", "schedule"),
        (r"""\$CI_COMMIT_TAG\b(?!\s*==\s*(?:null|""))|build\.tag\b|tag\s+IS\s+present|refs/tags""", "tag"),
        (r"""CI_PIPELINE_SOURCE\s*==\s*['"](?:web|api)['"]|build\.source\s*==\s*['"]ui['"]|['"]Manual['"]""", "manual"),
    )
)
_EXPR_BRANCH = re.compile(
    r"""(?:CI_COMMIT_BRANCH|CI_COMMIT_REF_NAME|build\.branch|\bbranch|SourceBranch(?:Name)?'\])"""
    r"""\s*(?:==|=|,)\s*['"]?(?:refs/heads/)?(\$CI_DEFAULT_BRANCH|[\w./-]+)""",
    re.I,
)


def _branch_trigger(branch: str) -> str:
    return "push to default branch" if branch == "$CI_DEFAULT_BRANCH" else f"push to {branch}"


def _expr_triggers(expr: str, ln: int) -> Iterator[tuple[str, int]]:
    for m in _EXPR_BRANCH.finditer(expr):
        yield _branch_trigger(m.group(1)), ln
    for rx, trigger in _EXPR_RULES:
        if rx.search(expr):
            yield trigger, ln


def _words(node: yaml.Node | None, branches: bool = True) -> Iterator[tuple[str, int]]:
    """`only: [main, tags]`, `branch: [main]`, `event: {include: [tag]}` → triggers.

    Words that are not keywords are branch names when `branches` (not for Drone events).
    """
    if isinstance(node, yaml.MappingNode):
        for key in ("refs", "include", "only"):
            yield from _words(y.get(node, key), branches)
        return
    for word, ln in y.strings(node):
        if word in _WORDS:
            yield _WORDS[word], ln
        elif branches and word and not word.startswith("/") and "*" not in word:
            yield f"push to {word}", ln


def _github_triggers(root: yaml.Node) -> Iterator[tuple[str, int]]:
    on = y.get(root, "on")
    if isinstance(on, yaml.MappingNode):
        events = y.pairs(on)
    else:
        scalars = [on] if isinstance(on, yaml.ScalarNode) else y.items(on)
        events = [(n.value, n, None) for n in scalars if isinstance(n, yaml.ScalarNode)]
    for event, kn, cfg in events:
        ln = y.line(kn)
        if event == "push":
            branches = y.strings(y.get(cfg, "branches"))
            for b, _ in branches:
                yield f"push to {b}", ln
            if y.get(cfg, "tags") is not None:
                yield "tag", ln
            if not branches and y.get(cfg, "tags") is None:
                yield "push", ln
        elif event in ("pull_request", "pull_request_target"):
            yield "pull request", ln
        elif event == "schedule":
            yield "schedule", ln
        elif event == "workflow_dispatch":
            yield "manual", ln
        elif event == "release":
            yield "release", ln


def _azure_triggers(root: yaml.Node) -> Iterator[tuple[str, int]]:
    trig = y.get(root, "trigger")
    if trig is not None and y.scalar(trig) != "none":
        if isinstance(trig, yaml.MappingNode):
            yield from ((f"push to {b}", ln) for b, ln in y.strings(y.get(trig, "branches", "include")))
            if y.get(trig, "tags") is not None:
                yield "tag", y.line(y.key_node(trig, "tags"))  # type: ignore[arg-type]
        else:
            yield from ((f"push to {b}", ln) for b, ln in y.strings(trig) if "*" not in b)
    pr = y.get(root, "pr")
    if pr is not None and y.scalar(pr) != "none":
        yield "pull request", y.line(y.key_node(root, "pr"))  # type: ignore[arg-type]
    if y.get(root, "schedules") is not None:
        yield "schedule", y.line(y.key_node(root, "schedules"))  # type: ignore[arg-type]


def _bitbucket_triggers(root: yaml.Node) -> Iterator[tuple[str, int]]:
    for key, kn, v in y.pairs(y.get(root, "pipelines")):
        if key == "default":
            yield "push", y.line(kn)
        elif key == "branches":
            for branch, bkn, _ in y.pairs(v):
                if "*" not in branch:
                    yield f"push to {branch}", y.line(bkn)
        elif key == "pull-requests":
            yield "pull request", y.line(kn)
        elif key == "tags":
            yield "tag", y.line(kn)
        elif key == "custom":
            yield "manual", y.line(kn)


def _generic_triggers(service: str, root: yaml.Node) -> Iterator[tuple[str, int]]:
    """Rules shared by GitLab, CircleCI, Travis, Buildkite, Drone (and Azure conditions)."""
    for node in y.walk(root):
        for key, kn, v in y.pairs(node):
            text = y.scalar(v)
            if key in ("if", "condition") and text:
                yield from _expr_triggers(text, y.line(v))
            elif key == "when" and text == "manual" or key == "trigger" and text == "manual":
                yield "manual", y.line(v)
            elif key == "type" and text == "approval" or key in ("block", "input") and service == "buildkite":
                yield "manual", y.line(kn)
            elif key == "only" and service in ("gitlab-ci", "circleci", "travis-ci"):
                yield from _words(v)
            elif key in ("branch", "branches") and service == "buildkite" and text:
                yield from ((f"push to {b}", y.line(v)) for b in text.split() if "*" not in b and b[0] != "!")
            elif key == "branch" and service in ("drone", "woodpecker", "travis-ci"):
                yield from _words(v)
            elif key == "event" and service in ("drone", "woodpecker"):
                yield from _words(v, branches=False)
            elif key == "filters" and service == "circleci" and y.get(v, "tags") is not None:
                yield "tag", y.line(kn)
            elif key == "schedule" and service == "circleci" and isinstance(node, yaml.MappingNode):
                yield "schedule", y.line(kn)
            elif key == "on" and service == "travis-ci" and isinstance(v, yaml.MappingNode):
                if y.scalar(y.get(v, "tags")) == "true":
                    yield "tag", y.line(kn)


_JENKINS_TRIGGERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:cron|parameterizedCron)\s*\("), "schedule"),
    (re.compile(r"\bbuildingTag\s*\(\s*\)|^\s*tag\s+['\"]", re.M), "tag"),
    (re.compile(r"\bchangeRequest\s*\("), "pull request"),
    (re.compile(r"\binput\s*(?:\{|\(|message\b)"), "manual"),
    (re.compile(r"\b(?:pollSCM|githubPush)\s*\("), "push"),
)
_JENKINS_BRANCH = re.compile(r"""(?:^|[{;])\s*branch\s+['"]([\w./-]+)['"]""", re.M)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    return enumerate(text.splitlines(), start=1)


def _secret_names(service: str, text: str, root: yaml.Node | None, ctx: Context) -> Iterator[tuple[str, int]]:
    if service == "github-actions":
        # up to the last `}}`: a `${{` after it matches nothing, but each one scanned to the end
        # (quadratic on a file of `${{`); before it, every scan stops at its own first `}}`.
        for m in _GH_EXPR.finditer(text, 0, text.rfind("}}") + 2):
            ln = text.count("\n", 0, m.start()) + 1
            for s in _GH_SECRET.finditer(m.group(1)):
                yield s.group(1) or s.group(2), ln
        return
    if service == "jenkins":
        for ln, raw in _lines(text):
            for m in _JENKINS_SECRET.finditer(raw):
                yield m.group(1), ln
        return
    if service == "google-cloud-build":
        yield from _cloud_build_secrets(root)
        return
    if service in ("drone", "woodpecker"):
        for ln, raw in _lines(text):
            for m in _DRONE_SECRET.finditer(raw):
                yield m.group(1), ln
        return
    defined = _defined_names(root, text)
    if service == "azure-pipelines":
        for ln, raw in _lines(text):
            for m in _AZURE_MACRO.finditer(raw):
                if m.group(1) not in defined:
                    yield m.group(1), ln
        return
    if service == "gitlab-ci":
        for node in y.walk(root):
            for name, kn, _ in y.pairs(y.get(node, "secrets")):
                yield name, y.line(kn)
    for ln, raw in _lines(text):
        for m in _SHELL_VAR.finditer(raw):
            name = m.group(1)
            if name in defined or _PREDEFINED.match(name):
                continue
            if _SECRETISH.search(name) or ctx.index.env(name):
                yield name, ln


def _defined_names(root: yaml.Node | None, text: str) -> set[str]:
    """Variables the file itself sets (`variables:`, `env:`, `environment:`, `X=` in scripts)."""
    names = {m.group(1) for m in _DEFINED.finditer(text)}
    for node in y.walk(root):
        for key, _, v in y.pairs(node):
            if key in ("variables", "env", "environment", "parameters"):
                names.update(n for n, _ in y.env_names(v))
                for item in y.items(v):  # Azure: - name: X / value: ...
                    n = y.scalar(y.get(item, "name"))
                    if n:
                        names.add(n)
    return names


def _gitlab_includes(root: yaml.Node) -> Iterator[tuple[str, int]]:
    inc = y.get(root, "include")
    nodes = y.items(inc) if isinstance(inc, yaml.SequenceNode) else [inc] if inc is not None else []
    for node in nodes:
        path = y.scalar(node) if isinstance(node, yaml.ScalarNode) else y.scalar(y.get(node, "local"))
        if path and "://" not in path and "$" not in path:
            yield path.lstrip("/"), y.line(node)


# GitHub's package registry. A workflow publishes there with its own token only when a
# `permissions:` block grants `packages: write` (or `write-all`); a workflow that declares
# its permissions without that, and passes no secret of its own, can log in there only to pull.
_GITHUB_PACKAGES = "ghcr.io"
_PERMISSIONS = re.compile(r"^\s*permissions\s*:", re.M)
_PACKAGES_WRITE = re.compile(r"\bpackages\s*:\s*['\"]?write\b|\bpermissions\s*:\s*['\"]?write-all\b")
_OWN_SECRET = re.compile(r"\bsecrets\.(?!GITHUB_TOKEN\b)\w+")


# docker/login-action logs in to Docker Hub unless its `with:` names a `registry:`, and
# azure/docker-login unless it names a `login-server:` (its default is index.docker.io); the
# implied line lets the catalog's registry rules (`registry: docker.io`) see that login.
_LOGIN_ACTIONS = (("docker/login-action", "registry"), ("azure/docker-login", "login-server"))
_DEFAULT_REGISTRY = "registry: docker.io"


# A job that calls another repository's reusable workflow named for publishing an image
# (`acme/github-actions/.github/workflows/docker-publish-image.yml@main`, an organisation's
# shared release workflow) with an image name of `<account>/<name>` and no registry host
# (`image-name: acme/app`) pushes to Docker Hub, as `docker push acme/app` does. The called file
# is not in the repository; a local one (`./.github/workflows/...`) is scanned on its own.
_WORKFLOW_WORDS = re.compile(r"(?i)docker|image|container")
_PUBLISH_WORDS = re.compile(r"(?i)publish|push|release|deploy")
_HUB_IMAGE = re.compile(r"^[a-z0-9][a-z0-9_-]*/[a-z0-9][a-z0-9._-]*(?::[\w.-]+)?$")


def _hub_image_inputs(job: yaml.Node) -> Iterator[int]:
    """Lines of a job's image-name inputs to a remote image-publishing reusable workflow."""
    ref = y.scalar(y.get(job, "uses")) or ""
    if ref.startswith("./") or "/.github/workflows/" not in ref:
        return
    called = ref.split("/.github/workflows/", 1)[1].split("@", 1)[0]
    if not (_WORKFLOW_WORDS.search(called) and _PUBLISH_WORDS.search(called)):
        return
    for key, _, value in y.pairs(y.get(job, "with")):
        if "image" in key.lower():
            for txt, ln in y.strings(value):
                if _HUB_IMAGE.match(txt.strip()):
                    yield ln


# A third-party image-publishing action (`jemand771/push-docker-artifact`, an action named for
# pushing a docker image) whose only credential is the workflow's own GitHub token, and whose
# inputs name no image, tag or registry, pushes where that token can log in: GitHub's registry.
# docker/build-push-action's `github-token` input (for a Git build context) comes with `tags:`.
_TOKEN_VALUE = re.compile(r"\$\{\{\s*(?:github\.token|secrets\.GITHUB_TOKEN)\s*\}\}")
_DESTINATION_INPUT = re.compile(r"(?i)tag|image|registry|repo")
_GITHUB_REGISTRY = "registry: ghcr.io"


def _token_only_push(step: yaml.Node) -> bool:
    ref = (y.scalar(y.get(step, "uses")) or "").split("@", 1)[0]
    if ref.startswith(("./", "docker://")) or "/" not in ref:
        return False
    action = ref.split("/", 1)[1]
    if not (_WORKFLOW_WORDS.search(action) and _PUBLISH_WORDS.search(action)):
        return False
    token = False
    for key, _, value in y.pairs(y.get(step, "with")):
        if _DESTINATION_INPUT.search(key):
            return False
        for txt, _ in y.strings(value):
            if _OWN_SECRET.search(txt):
                return False
            token = token or bool(_TOKEN_VALUE.search(txt))
    return token


def _workflow_jobs(root: yaml.Node | None) -> Iterator[yaml.Node]:
    """Each job of a workflow file (a composite action's `runs` when it has no jobs), in every
    YAML document of the file."""
    if root is None:
        return
    for doc in y.items(root) if isinstance(root, yaml.SequenceNode) else [root]:
        yield from [job for _, _, job in y.pairs(y.get(doc, "jobs"))] or [y.get(doc, "runs")]


# A job that calls another repository's image-publishing reusable workflow (GOV.UK's
# `alphagov/govuk-infrastructure/.github/workflows/build-push-arm-image.yml@main`), grants it
# `packages: write` and hands it no secret of its own: the called file is not in the repository,
# but the only registry its GitHub token can push to is GitHub's (the packages permission is
# useless elsewhere). An image name without a host (`acme/app`) or a `registry` input says where
# instead (Docker Hub, `_hub_image_inputs`; the registry line the catalog reads).
def _token_only_reusable_publish(job: yaml.Node, inherited: yaml.Node | None) -> int | None:
    """The line of a job's `uses:` when it publishes an image to GitHub's registry as above."""
    uses = y.get(job, "uses")
    ref = y.scalar(uses) or ""
    if ref.startswith("./") or "/.github/workflows/" not in ref:
        return None
    called = ref.split("/.github/workflows/", 1)[1].split("@", 1)[0]
    if not (_WORKFLOW_WORDS.search(called) and _PUBLISH_WORDS.search(called)):
        return None
    perms = y.get(job, "permissions")
    perms = inherited if perms is None else perms
    if perms is None or not _PACKAGES_WRITE.search(_permissions_text(perms)):
        return None
    secrets = y.get(job, "secrets")  # `secrets: inherit`, or a mapping of names to `${{ secrets.X }}`
    if (y.scalar(secrets) or "").strip() == "inherit" or any(
            _OWN_SECRET.search(y.scalar(value) or "") for _, _, value in y.pairs(secrets)):
        return None
    if any("registry" in key.lower() for key, _, _ in y.pairs(y.get(job, "with"))):
        return None
    if next(_hub_image_inputs(job), None) is not None:
        return None
    return y.line(uses)


def _permissions_text(node: yaml.Node) -> str:
    """A `permissions:` value as the `_PACKAGES_WRITE` test reads it (`packages: write`, or
    `permissions: write-all` for the scalar form)."""
    if isinstance(node, yaml.ScalarNode):
        return f"permissions: {node.value}"
    return "\n".join(f"{key}: {y.scalar(value) or ''}" for key, _, value in y.pairs(node))


def _implied_logins(root: yaml.Node | None) -> Iterator[tuple[int, str]]:
    """(line, implied text) for each docker/login-action step that names no registry, each
    image published to Docker Hub through another repository's reusable workflow, and each
    image-pushing action or reusable workflow whose only credential is the GitHub token
    (GitHub's registry)."""
    for doc in (y.items(root) if isinstance(root, yaml.SequenceNode) else [root]) if root is not None else ():
        inherited = y.get(doc, "permissions")
        for _, _, job in y.pairs(y.get(doc, "jobs")):
            ln = _token_only_reusable_publish(job, inherited)
            if ln is not None:
                yield ln, _GITHUB_REGISTRY
    for job in _workflow_jobs(root):
        for ln in _hub_image_inputs(job):
            yield ln, _DEFAULT_REGISTRY
        for step in y.items(y.get(job, "steps")):
            uses = y.get(step, "uses")
            ref = y.scalar(uses) or ""
            if any(ref.startswith(action) and y.get(y.get(step, "with"), key) is None for action, key in _LOGIN_ACTIONS):
                yield y.line(uses), _DEFAULT_REGISTRY
            elif _token_only_push(step):
                yield y.line(uses), _GITHUB_REGISTRY


# Actions whose publishing is an input, not a command line: (action, input, the command it runs,
# whether the input is a flag that must be true rather than a command that must be set).
# bufbuild/buf-action lints, checks breaking changes and, with `push: true`, runs `buf push` to
# the Buf Schema Registry; the step's `uses:` line alone says nothing about publishing.
# changesets/action opens the "Version Packages" PR and, given a `publish:` command (`yarn
# release`, `pnpm ci:publish`: a package.json script that ends in `changeset publish`), publishes
# the workspace's packages to npm once that PR is merged; without the input it only versions.
_PUBLISH_INPUTS = (
    ("bufbuild/buf-action", "push", "buf push", True),
    ("changesets/action", "publish", "changeset publish", False),
)


def _implied_publish_inputs(root: yaml.Node | None) -> Iterator[tuple[int, str]]:
    """(line, implied command) for each step of an action in _PUBLISH_INPUTS whose publishing
    input is true (or, for a command input, set): the command the deploy rules read as that
    step's line."""
    for job in _workflow_jobs(root):
        for step in y.items(y.get(job, "steps")):
            ref = (y.scalar(y.get(step, "uses")) or "").split("@", 1)[0]
            for action, key, command, flag in _PUBLISH_INPUTS:
                value = y.get(y.get(step, "with"), key)
                given = (y.scalar(value) or "").strip()
                if ref == action and (given.lower() == "true" if flag else bool(given)):
                    yield y.line(value), command


# Woodpecker/Drone image-publishing plugins push to Docker Hub unless their `settings:` name a
# `registry:` (or a `logins:` list, whose registries the catalog's rules read), like
# docker/login-action: the implied line lets `registry: docker.io` match there too.
_PUSH_PLUGINS = frozenset({
    "woodpeckerci/plugin-docker-buildx", "plugins/docker", "plugins/docker-buildx",
    "thegeeklab/drone-docker-buildx", "plugins/kaniko",
})


# A Cloud Build step runs a builder image (`gcr.io/cloud-builders/gcloud`, `.../docker`) with
# `args:` as a YAML list, one word a line: the command is the builder's tool (or the step's
# `entrypoint`) followed by its args, so `- compute` / `- instance-groups` / `- rolling-action`
# reads as the `gcloud compute instance-groups ... rolling-action` the deploy rules know.
# The top-level `images:` list is what Cloud Build pushes when the build succeeds; its items
# sit on the lines below the key, so each is read as `images: <item>` on its own line.
def _cloud_build_commands(root: yaml.Node | None) -> Iterator[tuple[int, str]]:
    """(line, implied command) for each step of a Cloud Build config and each pushed image."""
    for step in y.items(y.get(root, "steps")):
        name = y.get(step, "name")
        tool = y.scalar(y.get(step, "entrypoint")) or (y.scalar(name) or "").split("@")[0].split(":")[0].rsplit("/", 1)[-1]
        args = y.get(step, "args")
        words = [w for w, _ in y.strings(args)] if isinstance(args, yaml.SequenceNode) else [y.scalar(args) or ""]
        if tool and any(words):
            yield y.line(args if args is not None else step), " ".join([tool, *words])
    for image, ln in y.strings(y.get(root, "images")):
        yield ln, f"images: {image}"


def _cloud_build_secrets(root: yaml.Node | None) -> Iterator[tuple[str, int]]:
    """Secret names a Cloud Build config asks for: `secretEnv:` of a step or of `secrets:`
    (KMS), and `availableSecrets.secretManager[].env` (Secret Manager)."""
    for node in y.walk(root):
        for key, _, v in y.pairs(node):
            if key == "secretEnv" and isinstance(v, yaml.SequenceNode):
                yield from y.strings(v)
    for item in y.items(y.get(root, "availableSecrets", "secretManager")):
        env = y.get(item, "env")
        if y.scalar(env):
            yield y.scalar(env), y.line(env)


def _plugin_image(ref: str) -> str:
    """`docker.io/woodpeckerci/plugin-docker-buildx:6.1.1` → woodpeckerci/plugin-docker-buildx."""
    name = y.image_ref(ref).removeprefix("docker.io/").removeprefix("index.docker.io/")
    last = name.rsplit("/", 1)
    last[-1] = last[-1].split(":", 1)[0]
    return "/".join(last)


def _implied_plugin_logins(root: yaml.Node | None) -> Iterator[tuple[int, str]]:
    """(line, implied text) for each push plugin step with credentials that names no registry
    and whose image repository has no registry host (`repo: acme/app`, not `quay.io/acme/app`)."""
    if root is None:
        return
    roots = y.items(root) if isinstance(root, yaml.SequenceNode) else [root]
    for doc in roots:
        for key in ("steps", "pipeline"):
            node = y.get(doc, key)
            steps = y.items(node) or [step for _, _, step in y.pairs(node)]
            for step in steps:
                image = y.get(step, "image")
                settings = y.get(step, "settings")
                if _plugin_image(y.scalar(image) or "") not in _PUSH_PLUGINS:
                    continue
                if y.get(settings, "registry") is not None or y.get(settings, "logins") is not None:
                    continue
                if y.get(settings, "username") is None and y.get(settings, "password") is None:
                    continue  # no credentials: a build (or a dry run), no push
                repos = [txt for txt, _ in y.strings(y.get(settings, "repo"))]
                if repos and all("." not in r.split("/", 1)[0] for r in repos if "/" in r):
                    yield y.line(image), _DEFAULT_REGISTRY


# A CI command that sends a request (`curl -d "$MSG" ntfy.sh/topic`, `wget https://hooks.slack.com/...`):
# the host it names, with or without a scheme, when it is a catalog service's. Not a host given
# as a parameter's value (`"$ACTIONS_ID_TOKEN_REQUEST_URL&audience=sts.amazonaws.com"`: the
# token is for AWS, the request goes to GitHub).
_REQUEST_COMMAND = re.compile(r"\b(?:curl|wget)\b")
_COMMAND_HOST = re.compile(r"(?<![\w.@/=-])(?:https?://)?([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+)(?=/|[\s'\"]|$)", re.I)


# ...unless the URL is an archive or package file (`curl -o allure.tgz -L https://repo.maven.apache.org/
# .../allure-commandline-2.32.0.tgz`): that fetches a tool for the job, a build-time download and no
# use of the host's service.
_DOWNLOAD_PATH = re.compile(r"/[^\s'\"]*\.(?:tgz|tar\.(?:gz|xz|bz2|zst)|zip|jar|deb|rpm|apk|whl|gem|exe|msi|dmg|AppImage)(?=[\s'\"?#]|$)")


def _request_hosts(rel: str, ln: int, raw: str, ctx: Context, command: str | None = None) -> Iterator[Record]:
    """Catalogued hosts on a line of a curl/wget command; `command` is the whole shell command
    the line belongs to when it is continued over several lines (see `_continued_commands`)."""
    if not _REQUEST_COMMAND.search(raw if command is None else command):
        return
    for m in _COMMAND_HOST.finditer(raw):
        if _DOWNLOAD_PATH.match(raw, m.end()):
            continue
        host = m.group(1).lower()
        sid = ctx.index.host(host)
        if sid:
            yield Evidence(path=rel, line=ln, kind=HOST, name=host, service=sid)


# A CI command that posts to a vendor's incoming webhook kept in a secret or variable (osu-web's
# `curl -d "$BODY" "${{ secrets.DISCORD_INFRA_WEBHOOK_URL }}"`, `curl ... "$SLACK_WEBHOOK_URL"`):
# the URL is hidden, but the variable's name says whose webhook it is. The name must say WEBHOOK
# and another of its words name a catalog service that takes incoming webhooks (one whose env
# names include a `*_WEBHOOK_URL`): the pipeline notifies that vendor, as its notify actions do.
_WEBHOOK_VARIABLE = re.compile(r"(?:\$\{\{\s*(?:secrets|vars|env)\.|\$\{?)([A-Za-z][A-Za-z0-9_]*WEBHOOK[A-Za-z0-9_]*)")


def _webhook_vendor(name: str, ctx: Context) -> str | None:
    """The catalog service a webhook variable's name names (DISCORD_INFRA_WEBHOOK_URL -> discord)."""
    words = [w for w in name.upper().split("_") if w and w not in ("WEBHOOK", "WEBHOOKS", "URL", "URI")]
    for size in range(len(words), 0, -1):  # longest runs first: GOOGLE_CHAT before CHAT
        for start in range(len(words) - size + 1):
            sid = ctx.index.service_named("".join(words[start:start + size]))
            if sid and any(e.endswith("_WEBHOOK_URL") for e in ctx.catalog.services[sid].env):
                return sid
    return None


def _webhook_requests(rel: str, ln: int, raw: str, ctx: Context, command: str | None = None) -> Iterator[Record]:
    """`deploy:<vendor>` for a curl/wget line posting to a vendor's webhook variable."""
    if "WEBHOOK" not in raw.upper() or not _REQUEST_COMMAND.search(raw if command is None else command):
        return
    for m in _WEBHOOK_VARIABLE.finditer(raw):
        sid = _webhook_vendor(m.group(1), ctx)
        if sid:
            yield Evidence(path=rel, line=ln, kind=FEATURE, name=f"deploy:{sid}", service=sid)
            yield Evidence(path=rel, line=ln, kind=FEATURE, name=f"deploy_from:{rel}", service=sid)
            return


# A shell command continued with a trailing backslash is one command over several lines:
# `response=$(curl -L \` / `-H "Accept: application/vnd.github+json" \` / `"https://api.github.com/..."`
# puts the URL two lines below the `curl`.
def _continued_commands(text: str) -> dict[int, str]:
    """Line number -> the whole command, for each line of a backslash-continued command."""
    out: dict[int, str] = {}
    group: list[tuple[int, str]] = []
    for ln, raw in _lines(text):
        group.append((ln, raw))
        if raw.rstrip().endswith("\\"):
            continue
        if len(group) > 1:
            command = " ".join(r.rstrip().rstrip("\\") for _, r in group)
            out.update((n, command) for n, _ in group)
        group = []
    return out


# A CI command that copies onto or logs into a server over SSH (`rsync -a dist user@host.uberspace.de:~`,
# `scp app.tgz deploy@ssh.example-host.com:`, `ssh user@host 'systemctl restart app'`): when the
# `user@host` target is a catalogued hosting provider's host, the job deploys there. Only hosting
# services count: `ssh -T git@github.com` tests a key, it deploys nothing.
_SSH_COMMAND = re.compile(r"(?<![\w-])(?:rsync|scp|sftp|ssh)(?![\w-])")
_SSH_TARGET = re.compile(r"(?<![\w.@/-])[\w.-]+@([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+)(?=[:\s'\"]|$)", re.I)


def _ssh_deploys(rel: str, ln: int, raw: str, ctx: Context) -> Iterator[Record]:
    if "@" not in raw or not _SSH_COMMAND.search(raw):
        return
    for m in _SSH_TARGET.finditer(raw):
        host = m.group(1).lower()
        sid = ctx.index.host(host)
        if sid and ctx.catalog.services[sid].category == "hosting":
            yield Evidence(path=rel, line=ln, kind=HOST, name=host, service=sid)
            yield Evidence(path=rel, line=ln, kind=FEATURE, name=f"deploy:{sid}", service=sid)
            yield Evidence(path=rel, line=ln, kind=FEATURE, name=f"deploy_from:{rel}", service=sid)


# A job's endpoint setting (`AWS_S3_ENDPOINT: 'https://s3.us-east-005.backblazeb2.com'` in a step's
# env, an action's `endpoint:` input): the S3-compatible store, queue or API the job's tool talks
# to, named by its catalogued host. The key must say endpoint: an arbitrary URL value (a docs link,
# a registry mirror to install from) is no request of the job's.
_ENDPOINT_SETTING = re.compile(
    r"""(?im)^[ \t]*-?[ \t]*[\w-]*endpoint(?:[_-]?url)?['"]?[ \t]*[:=][ \t]*['"]?https?://"""
    r"""([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+)"""
)


def _endpoint_hosts(rel: str, src: Source, text: str, ctx: Context) -> Iterator[Record]:
    for m in _ENDPOINT_SETTING.finditer(text) if "endpoint" in text.lower() else ():
        host = m.group(1).lower()
        sid = ctx.index.host(host)
        if sid:
            yield Evidence(path=rel, line=src.line_of(m.start(1)), kind=HOST, name=host, service=sid)


def _packages_read_only(text: str) -> bool:
    return bool(_PERMISSIONS.search(text)) and not _PACKAGES_WRITE.search(text) and not _OWN_SECRET.search(text)


# GitLab CI predefines CI_REGISTRY / CI_REGISTRY_IMAGE as the project's GitLab registry. A
# workflow of another CI service (scripts ported from GitLab) that uses them sets them itself
# (`env: CI_REGISTRY_IMAGE: ghcr.io/acme/app`): there the name is that value, not GitLab's.
_GITLAB_REGISTRY_VAR = re.compile(r"""^[ \t-]*(CI_REGISTRY(?:_IMAGE)?)[ \t]*[:=][ \t]*["']?([^\s"'#]+)""", re.M)


def _own_registry_vars(service: str, text: str) -> list[tuple[re.Pattern[str], str]]:
    """(`$NAME` pattern, value) of each GitLab registry variable a non-GitLab CI file defines."""
    if service == "gitlab-ci" or "CI_REGISTRY" not in text:
        return []
    return [
        (re.compile(r"\$\{?" + m.group(1) + r"\}?(?!\w)"), m.group(2).replace("\\", "\\\\"))
        for m in _GITLAB_REGISTRY_VAR.finditer(text)
    ]


# A coding agent's tool-permission rule (Claude Code's `--allowedTools "Bash(git *)"`,
# `--disallowedTools "Bash(cargo publish *),Bash(npm publish *)"`): it names commands the agent
# may or may not run, not commands the step runs.
_TOOL_RULE = re.compile(r"\bBash\([^()\n]*\)")


# A CI step that starts a container itself (`docker run -d --name hydra -e DSN=memory oryd/hydra:v2.2.0
# serve all --dev`, continued over several lines): the same as declaring it as the job's service
# container, a server the tests or the build run against, so its image is recorded as one is.
# The image is the first argument that is no option: an option takes the next word as its value
# unless it is a flag (`-d`, `--rm`) or is spelled `--name=value`. An image held in a variable
# (`$IMAGE`, `${{ env.IMAGE }}`) names nothing.
_DOCKER_RUN = re.compile(r"(?<![\w-])docker\s+(?:container\s+)?run(?=\s)")
_RUN_FLAGS = frozenset({
    "--rm", "--detach", "--interactive", "--tty", "--privileged", "--init", "--read-only",
    "--publish-all", "--quiet", "--no-healthcheck", "--oom-kill-disable", "--sig-proxy",
})
_SHORT_FLAGS = re.compile(r"^-[dirtPq]+$")  # `-d`, `-it`, `-dit`: bundled one-letter flags
_IMAGE_ARG = re.compile(r"^[a-z0-9][a-z0-9._/-]*(?::[\w.-]+)?(?:@sha256:[0-9a-f]+)?$")


def _shell_words(text: str) -> list[str]:
    """The shell words of a command's text (`--health-cmd="wget -q host"` is one), or its
    blank-separated parts when its quotes do not balance."""
    try:
        return shlex.split(text)
    except ValueError:
        return text.split()


def _docker_run_images(rel: str, ln: int, raw: str, service: str, command: str | None = None) -> Iterator[Record]:
    """The image of a `docker run` command starting on this line; `command` is the whole
    command when it is continued over several lines (see `_continued_commands`)."""
    m = _DOCKER_RUN.search(raw)
    if not m:
        return
    whole = command if command is not None else raw
    start = _DOCKER_RUN.search(whole)
    words = _shell_words(whole[start.end():]) if start else []
    i = 0
    while i < len(words):
        word = words[i]
        if word.startswith("-"):
            i += 1 if (word in _RUN_FLAGS or _SHORT_FLAGS.match(word) or "=" in word) else 2
            continue
        if _IMAGE_ARG.match(word):
            yield Evidence(path=rel, line=ln, kind=IMAGE, name=y.image_ref(word),
                           detail=(("ci", service), ("environment", "test"), ("local", "1")))
        return


def deploy_steps(rel: str, ln: int, raw: str, ctx: Context) -> Iterator[Record]:
    """A command line that publishes or deploys: "deploy:<host>" and "deploy_from:<path>" on
    each host whose catalog `deploy_steps` match (CI files and release recipes alike)."""
    if "Bash(" in raw:
        raw = _TOOL_RULE.sub("", raw)
    for target, rx in ctx.index.deploy_steps:
        if rx.search(raw):
            yield Evidence(path=rel, line=ln, kind=FEATURE, name=f"deploy:{target}", service=target)
            yield Evidence(path=rel, line=ln, kind=FEATURE, name=f"deploy_from:{rel}", service=target)


# a matrix key the expression yields (`matrix.service`), not one it only tests (`matrix.driver == 'mysql'`)
_MATRIX_KEY = re.compile(r"\bmatrix\.([A-Za-z_][\w-]*)\b(?![\w-]|\s*[!=]=)")


def _matrix_images(job: yaml.Node, expression: str) -> list[tuple[str, int]]:
    """The images a service container's `${{ matrix.service }}` (or `${{ matrix.driver == 'mysql'
    && matrix.service || '' }}`) takes: the job's matrix values of that key, listed under the key
    or in `include` entries (`- service: mariadb`), each with its line. A test matrix over
    databases names each database it runs the suite against."""
    matrix = y.get(job, "strategy", "matrix")
    out: list[tuple[str, int]] = []
    for key in dict.fromkeys(m.group(1) for m in _MATRIX_KEY.finditer(expression)):
        values = y.items(y.get(matrix, key)) + [y.get(entry, key) for entry in y.items(y.get(matrix, "include"))]
        for node in values:
            txt = y.scalar(node)
            if txt and "${{" not in txt:
                out.append((txt, y.line(node)))
    return out


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    service = ci_service(src.rel, src.name)
    if service is None:
        return
    rel = src.rel
    if service == "google-cloud-build" and not any(y.get(d, "steps") is not None for d in y.yaml_docs(src)):
        return  # a YAML file in a `cloudbuild/` folder that is no build config
    if service == "aws-codebuild" and not any(_codebuild_markers(d) for d in y.yaml_docs(src)):
        return  # a YAML file named like a build spec that is none
    if service == "concourse" and not any(_concourse_markers(d) for d in y.yaml_docs(src)):
        return  # a YAML file in a CI folder that is no Concourse task or pipeline
    if (service == "azure-pipelines" and src.name not in _AZURE_NAMES
            and not any(_azure_markers(d, src.text) for d in y.yaml_docs(src))):
        return  # a root or pipelines-folder YAML file that is no Azure pipeline
    yield Evidence(path=rel, line=1, kind=FEATURE, name=f"workflow:{rel}", service=service)
    root: yaml.Node | None = None
    triggers: list[tuple[str, int]] = []
    if service == "jenkins":
        text = strip_comments(src.text, C_STYLE)
        for rx, trigger in _JENKINS_TRIGGERS:
            triggers += [(trigger, src.line_of(m.start())) for m in rx.finditer(text)]
        triggers += [(f"push to {m.group(1)}", src.line_of(m.start(1))) for m in _JENKINS_BRANCH.finditer(text)]
    else:
        docs = y.yaml_docs(src)
        text = strip_comments(src.text, HASH)
        for root in docs:
            if service == "github-actions":
                triggers += _github_triggers(root)
                for _job, _, job in y.pairs(y.get(root, "jobs")):  # service containers: the test databases
                    for _name, _, svc in y.pairs(y.get(job, "services")):
                        image = y.get(svc, "image")
                        txt = y.scalar(image)
                        refs = _matrix_images(job, txt) if txt and "matrix." in txt else [(txt, y.line(image))]
                        for ref, ln in refs:
                            if ref:
                                yield Evidence(path=rel, line=ln, kind=IMAGE, name=y.image_ref(ref),
                                               detail=(("ci", service), ("environment", "test"), ("local", "1")))
            elif service == "azure-pipelines":
                triggers += _azure_triggers(root)
                triggers += _generic_triggers(service, root)
            elif service == "bitbucket-pipelines":
                triggers += _bitbucket_triggers(root)
                triggers += _generic_triggers(service, root)
            else:
                triggers += _generic_triggers(service, root)
            if service == "gitlab-ci":
                for path, ln in _gitlab_includes(root):
                    yield Evidence(path=rel, line=ln, kind=FEATURE, name=f"workflow:{path}", service=service)
        root = docs[0] if len(docs) == 1 else yaml.SequenceNode("tag:yaml.org,2002:seq", docs)
    seen: set[tuple[str, int]] = set()
    for trigger, ln in triggers:
        if (trigger, ln) not in seen:
            seen.add((trigger, ln))
            yield Evidence(path=rel, line=ln, kind=FEATURE, name=f"trigger:{trigger}", service=service)
    secrets: set[tuple[str, int]] = set()
    for name, ln in _secret_names(service, text, root, ctx):
        if (name, ln) not in secrets:
            secrets.add((name, ln))
            yield Evidence(path=rel, line=ln, kind=CI_SECRET, name=name, detail=(("ci", service),))
    read_only = service == "github-actions" and _packages_read_only(text)
    implied = [*_implied_logins(root), *_implied_publish_inputs(root)] if service == "github-actions" else []
    if service in ("woodpecker", "drone") and "settings" in text:
        implied += _implied_plugin_logins(root)
    if service == "google-cloud-build":
        implied += _cloud_build_commands(root)
    own_vars = _own_registry_vars(service, text)
    lines = list(_lines(text))
    continued = _continued_commands(text) if "\\\n" in text or "\\\r\n" in text else {}
    for i, (ln, raw) in enumerate([*lines, *implied]):
        if read_only and _GITHUB_PACKAGES in raw:
            continue  # a login to pull (a `docker://ghcr.io/...` action's image), not a publish
        for var, value in own_vars:
            raw = var.sub(value, raw)
        yield from deploy_steps(rel, ln, raw, ctx)
        yield from _request_hosts(rel, ln, raw, ctx, continued.get(ln) if i < len(lines) else None)
        yield from _webhook_requests(rel, ln, raw, ctx, continued.get(ln) if i < len(lines) else None)
        yield from _ssh_deploys(rel, ln, raw, ctx)
        if i < len(lines):
            yield from _docker_run_images(rel, ln, raw, service, continued.get(ln))
    yield from _endpoint_hosts(rel, src, text, ctx)


DETECTOR = Detector(
    name="ci",
    accepts=lambda rel, name, ctx: ci_service(rel, name) is not None,
    detect=detect,
)
