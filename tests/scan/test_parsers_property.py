"""Property tests: every parsing detector takes any text without falling over.

For arbitrary text, and for JSON/TOML/YAML/XML-shaped fragments built around the keys the
parsers look for, a detector either yields records or raises `BadInput` (which the runner
turns into a "file:line" warning). Nothing else escapes, and no evidence name carries a
NUL or more than 200 characters into the inventory.
"""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_integrations.catalog import load_catalog
from mkdocs_integrations.catalog.index import default_index
from mkdocs_integrations.model import MAX_NAME, Evidence, Finding
from mkdocs_integrations.scan.detectors import DETECTORS, BadInput
from mkdocs_integrations.scan.detectors.base import Context, Source

CTX = Context(catalog=load_catalog(), index=default_index())
BY_NAME = {d.name: d for d in DETECTORS}

# Paths each parsing detector reads (checked against accepts() below), by detector name:
# the manifest_*.py, env_files, compose, ci, hosting, terraform, data_storage, webhooks and
# code modules, plus code-facts, which reads the same source files as code.
PATHS = {
    "npm": ["package.json", "web/package-lock.json"],
    "python-manifests": ["pyproject.toml", "requirements.txt", "requirements/dev.txt", "Pipfile", "setup.cfg",
                        "poetry.lock", "uv.lock"],
    "php-composer": ["composer.json", "composer.lock"],
    "jvm": ["pom.xml", "build.gradle", "app/build.gradle.kts", "gradle/libs.versions.toml"],
    "go-modules": ["go.mod"],
    "ruby-gems": ["Gemfile", "Gemfile.lock"],
    "rust-crates": ["Cargo.toml", "Cargo.lock"],
    "dotnet": ["src/App.csproj", "packages.config", "Directory.Packages.props"],
    "env-files": [".env", ".env.example", "config/.env.production"],
    "compose": ["docker-compose.yml", "compose.prod.yaml"],
    "ci": [".github/workflows/ci.yml", ".gitlab-ci.yml", "Jenkinsfile", "bitbucket-pipelines.yml",
           "azure-pipelines.yml", ".circleci/config.yml", ".travis.yml"],
    "hosting": ["vercel.json", "netlify.toml", "fly.toml", "render.yaml", "app.yaml", "Procfile", "app.json",
                "wrangler.toml", "wrangler.json", "wrangler.jsonc", "firebase.json", "serverless.yml", "template.yaml", "Chart.yaml",
                "Dockerfile", "k8s/deployment.yaml", "charts/web/values.yaml"],
    "terraform": ["infra/main.tf"],
    "data-storage": ["prisma/schema.prisma", "config/database.yml", "drizzle.config.ts",
                     "src/main/resources/application.properties", "shop/settings.py"],
    "webhooks": ["server/index.js", "app/api/webhooks/stripe/route.ts", "hooks.py", "routes/web.php", "hooks.go"],
    "code-facts": ["src/app.ts", "src/app.py", "main.go", "app.rb"],
    "code": ["src/app.ts", "src/app.py", "main.go", "app.rb", "App.java", "Main.kt", "index.php", "Program.cs",
             "src/main.rs", "src/App.vue"],
}


def _detector(name: str):
    for key in (name, name.replace("-", "_")):
        if key in BY_NAME:
            return BY_NAME[key]
    raise KeyError(name)


def test_every_parsing_detector_is_covered():
    for name, paths in PATHS.items():
        det = _detector(name)
        for rel in paths:
            assert det.accepts(rel, rel.rsplit("/", 1)[-1], CTX), (name, rel)


# --- text strategies -------------------------------------------------------------------------

KEYS = [
    "dependencies", "devDependencies", "peerDependencies", "optionalDependencies", "require", "require-dev",
    "packages", "project", "tool", "poetry", "workspace", "name", "version", "services", "environment", "image",
    "env", "jobs", "on", "steps", "run", "uses", "with", "secrets", "stages", "script", "variables", "pipeline",
    "trigger", "kind", "apiVersion", "spec", "containers", "value", "valueFrom", "r2_buckets", "kv_namespaces",
    "bucket_name", "binding", "vars", "build", "functions", "provider", "resources", "default", "source",
    "plugins", "libraries", "versions", "package", "git", "path", "features", "lockfileVersion", "node_modules",
]
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30), st.sampled_from(["^1.2.3", "*", "", "latest", "workspace:*", "git+https://x/y.git",
                                           "\x00", "a" * 300, "${{ secrets.X }}", "<script>", "{{ 7*7 }}"]),
)
KEY = st.one_of(st.sampled_from(KEYS), st.text(max_size=20))
JSONISH = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(KEY, children, max_size=5)),
    max_leaves=25,
)
DOCS = st.dictionaries(KEY, JSONISH, max_size=6)


def _yaml(d) -> str:
    try:
        return yaml.safe_dump(d, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:
        return json.dumps(d)


def _toml(d: dict) -> str:
    """TOML-ish: tables of key = value lines, often invalid, which is the point."""
    out = []
    for k, v in d.items():
        if isinstance(v, dict):
            out.append(f"[{k}]")
            out.extend(f"{kk} = {json.dumps(vv)}" for kk, vv in v.items())
        else:
            out.append(f"{k} = {json.dumps(v)}")
    return "\n".join(out) + "\n"


def _xml(d: dict) -> str:
    def node(k, v):
        tag = "".join(ch for ch in str(k) if ch.isalnum()) or "x"
        if isinstance(v, dict):
            return f"<{tag}>" + "".join(node(kk, vv) for kk, vv in v.items()) + f"</{tag}>"
        if isinstance(v, list):
            return "".join(node(k, i) for i in v)
        return f"<{tag}>{v}</{tag}>"

    return "<project>" + "".join(node(k, v) for k, v in d.items()) + "</project>"


TOKENS = [
    "\n", " ", "=", '"', "'", "`", "[", "]", "{", "}", "(", ")", ":", ",", "#", "//", "/*", "*/", "<", ">", "\x00",
    "\t", "\r\n", "\\", "$", "${", "}}", "{{", "require (", "module x\n", "gem ", "source ", "<dependency>",
    "<PackageReference Include=", 'resource "aws_s3_bucket" "b" {', 'provider "aws" {', "import ", "from ",
    "require(", "process.env.", "os.environ[", "os.getenv(", "ENV[", "getenv(", "app.post(", "/webhooks/",
    "@app.route(", "stripe", "boto3", "S3", "STRIPE_SECRET_KEY", "export ", "FROM node:20", "image: ",
    "services:", "environment:", "- ", "  ", "on:", "jobs:", "secrets.", "datasource db {", "provider = ",
    "url = env(", "ENGINE", "postgres://", "jdbc:mysql://", "[dependencies]", "[package]", "version = ",
    "implementation(", "\u202e", "é", "𝕏", "\ufeff", "a" * 250,
]
TOKEN_SOUP = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)), max_size=60).map("".join)

TEXTS = st.one_of(
    st.text(max_size=400),
    TOKEN_SOUP,
    DOCS.map(lambda d: json.dumps(d, ensure_ascii=False)),
    DOCS.map(_yaml),
    DOCS.map(_toml),
    DOCS.map(_xml),
    st.tuples(DOCS.map(json.dumps), st.integers(0, 400)).map(lambda t: t[0][: t[1]]),  # truncated JSON
)


def _check(det, rel: str, text: str) -> None:
    try:
        records = list(det.detect(Source(rel=rel, text=text), CTX))
    except BadInput as exc:
        assert isinstance(exc.message, str) and exc.line >= 0
        return
    for r in records:
        assert isinstance(r, (Evidence, Finding))
        if isinstance(r, Evidence):
            for value in (r.name, r.version):
                assert "\x00" not in value, r
                assert len(value) <= MAX_NAME, r
            assert r.line >= 0


@pytest.mark.parametrize("name", sorted(PATHS))
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_parser_takes_any_text(name, data):
    det = _detector(name)
    rel = data.draw(st.sampled_from(PATHS[name]), label="path")
    text = data.draw(TEXTS, label="text")
    _check(det, rel, text)
