"""Hosting detector: platform configs → features, env var NAMES, provisioned services."""

from __future__ import annotations

import pytest

from mkdocs_integrations.model import BUCKET, CONFIG, DB_TYPE, ENV_DECL, FEATURE, HOST, IMAGE, TERRAFORM
from mkdocs_integrations.scan.detectors.base import BadInput, Source
from mkdocs_integrations.scan.detectors.hosting import DETECTOR, cfn_to_terraform, handler_for


def feats(evs) -> list[tuple[int, str, str]]:
    return sorted((e.line, e.name, e.service) for e in evs if e.kind == FEATURE)


def envs(evs) -> list[tuple[int, str, str]]:
    return sorted((e.line, e.name, e.get("environment")) for e in evs if e.kind == ENV_DECL)


def of(evs, kind: str) -> list[tuple[int, str, str]]:
    return sorted((e.line, e.name, e.service) for e in evs if e.kind == kind)


FLY = """\
# Fly.io config for the Celery worker
app = "coursely-worker"
primary_region = "iad"

[build]
  dockerfile = "Dockerfile"

[env]
  AWS_REGION = "us-east-1"
  S3_BUCKET = "planted-fly-bucket"

[processes]
  worker = "celery -A worker.tasks worker"
  beat = "celery -A worker.tasks beat"
"""


def test_fly_toml(run_detector):
    evs, _ = run_detector(DETECTOR, "worker/fly.toml", FLY)
    assert feats(evs) == [
        (3, "region:iad", "fly-io"), (13, "process:worker", "fly-io"), (14, "process:beat", "fly-io"),
    ]
    assert envs(evs) == [(9, "AWS_REGION", "production"), (10, "S3_BUCKET", "production")]
    assert all(e.get("file") == "platform" for e in evs if e.kind == ENV_DECL)
    text = repr(evs)
    assert "planted-fly-bucket" not in text and "us-east-1" not in text and "coursely-worker" not in text


VERCEL = """\
{
  "$schema": "https://openapi.vercel.sh/vercel.json",
  "framework": "nextjs",
  "regions": ["iad1", "fra1"],
  "git": {
    "deploymentEnabled": { "main": true }
  },
  "crons": [
    {
      "path": "/api/cron/course-exports",
      "schedule": "0 3 * * *"
    }
  ],
  "env": { "NEXT_PUBLIC_SITE": "planted-vercel-value" }
}
"""


def test_vercel_json(run_detector):
    evs, _ = run_detector(DETECTOR, "vercel.json", VERCEL)
    assert feats(evs) == [
        (3, "framework:nextjs", "vercel"),
        (4, "region:fra1", "vercel"),
        (4, "region:iad1", "vercel"),
        (5, "deploy:git push", "vercel"),
        (10, "cron:/api/cron/course-exports (0 3 * * *)", "vercel"),
    ]
    assert envs(evs) == [(14, "NEXT_PUBLIC_SITE", "production")]
    assert "planted-vercel-value" not in repr(evs)


def test_procfile(run_detector):
    evs, _ = run_detector(DETECTOR, "Procfile", "web: gunicorn app:app\n# note\nworker: celery -A tasks worker\nrelease: ./migrate\n")
    assert feats(evs) == [(1, "process:web", "heroku"), (3, "process:worker", "heroku"), (4, "process:release", "heroku")]


def test_procfile_without_a_web_process_is_a_dev_process_list(run_detector):
    """Heroku routes HTTP only to `web`: `rails:`/`webpack:`/`sidekiq:` is Foreman's list on a dev machine."""
    text = "# Foreman Procfile\nrails: bundle exec rails s -p 3000\nwebpack: ./bin/shakapacker-dev-server\nsidekiq: bundle exec sidekiq\n"
    evs, _ = run_detector(DETECTOR, "Procfile", text)
    assert feats(evs) == []


@pytest.mark.parametrize("text", [
    # djangoproject.com's: `make run` is `manage runserver`, beside an asset watcher
    "web: make run\nscss: make watch-scss\n",
    "web: python manage.py runserver 0.0.0.0:8000\nworker: celery -A proj worker\n",
    "web: bin/rails server -p 3000\ncss: bin/rails tailwindcss:watch\n",
])
def test_procfile_with_a_dev_server_or_watcher_is_a_dev_process_list(run_detector, text):
    """Django's runserver (not for production, its docs say) or a `watch` task that rebuilds assets
    as files change: Foreman's or honcho's list for a developer's machine, no Heroku deployment."""
    evs, _ = run_detector(DETECTOR, "Procfile", text)
    assert feats(evs) == []


def test_procfile_with_a_watch_named_worker_is_heroku(run_detector):
    evs, _ = run_detector(DETECTOR, "Procfile", "web: gunicorn app.wsgi\nworker: python watch_queue.py\n")
    assert [f[1] for f in feats(evs)] == ["process:web", "process:worker"]


APP_JSON = """\
{
  "name": "Coursely",
  "stack": "heroku-22",
  "env": {
    "SECRET_KEY_BASE": { "generator": "secret" },
    "SENTRY_DSN": { "required": false },
    "WEB_CONCURRENCY": { "value": "planted-heroku-value" }
  },
  "addons": [
    "heroku-postgresql:essential-0",
    { "plan": "heroku-redis:mini", "as": "REDIS" },
    "papertrail"
  ],
  "buildpacks": [{ "url": "heroku/nodejs" }],
  "formation": { "web": { "quantity": 1 } }
}
"""


def test_heroku_app_json(run_detector):
    evs, _ = run_detector(DETECTOR, "app.json", APP_JSON)
    assert envs(evs) == [(5, "SECRET_KEY_BASE", "production"), (6, "SENTRY_DSN", "production"),
                         (7, "WEB_CONCURRENCY", "production")]
    assert [e.get("optional") for e in sorted(evs) if e.kind == ENV_DECL] == ["", "1", ""]
    assert feats(evs) == [
        (3, "stack:heroku-22", "heroku"),
        (10, "addon:heroku-postgresql", "heroku"),
        (11, "addon:heroku-redis", "heroku"),
        (12, "addon:papertrail", "heroku"),
        (14, "buildpack:heroku/nodejs", "heroku"),
        (15, "process:web", "heroku"),
    ]
    assert of(evs, DB_TYPE) == [(10, "postgresql", "postgresql"), (11, "redis", "redis")]
    assert of(evs, CONFIG) == [(12, "app.json", "papertrail")]
    assert "planted-heroku-value" not in repr(evs)


def test_expo_app_json_is_not_heroku(run_detector):
    evs, _ = run_detector(DETECTOR, "mobile/app.json", '{"expo": {"name": "x", "env": {}}}')
    assert evs == []


def test_netlify_toml(run_detector):
    text = """\
    [build]
      command = "NODE_OPTIONS=planted-netlify npm run build"
      publish = "dist"
      functions = "netlify/functions"

    [build.environment]
      NODE_VERSION = "20"

    [context.deploy-preview.environment]
      API_URL = "https://planted.example.com"

    [[plugins]]
      package = "@netlify/plugin-lighthouse"
    """
    evs, _ = run_detector(DETECTOR, "netlify.toml", text)
    assert feats(evs) == [
        (2, "build:npm run build", "netlify"),
        (3, "publish:dist", "netlify"),
        (4, "functions:netlify/functions", "netlify"),
        (13, "plugin:@netlify/plugin-lighthouse", "netlify"),
    ]
    assert envs(evs) == [(7, "NODE_VERSION", "production"), (10, "API_URL", "staging")]
    assert "planted" not in repr(evs)


def test_render_yaml(run_detector):
    text = """\
    services:
      - type: web
        name: api
        runtime: node
        region: frankfurt
        envVars:
          - key: DATABASE_URL
            fromDatabase: {name: db, property: connectionString}
          - key: STRIPE_SECRET_KEY
            sync: false
          - key: LOG_LEVEL
            value: planted-render-value
      - type: redis
        name: cache
        ipAllowList: []
    databases:
      - name: db
    """
    evs, _ = run_detector(DETECTOR, "render.yaml", text)
    assert feats(evs) == [
        (2, "service:web", "render"), (4, "runtime:node", "render"), (5, "region:frankfurt", "render"),
        (13, "service:redis", "render"), (17, "database:postgresql", "render"),
    ]
    assert envs(evs) == [(7, "DATABASE_URL", "production"), (9, "STRIPE_SECRET_KEY", "production"),
                         (11, "LOG_LEVEL", "production")]
    assert of(evs, DB_TYPE) == [(13, "redis", "redis"), (17, "postgresql", "postgresql")]
    assert "planted-render-value" not in repr(evs)


def test_wrangler_toml(run_detector):
    text = """\
    name = "edge-api"
    main = "src/index.ts"

    [vars]
    PUBLIC_API = "planted-wrangler-value"

    [[kv_namespaces]]
    binding = "SESSIONS"
    id = "0f2ac74b498b48028cb68387c421e279"

    [[r2_buckets]]
    binding = "UPLOADS"
    bucket_name = "coursely-uploads"

    [[d1_databases]]
    binding = "DB"
    database_name = "prod-db"

    [triggers]
    crons = ["*/5 * * * *"]
    """
    evs, _ = run_detector(DETECTOR, "wrangler.toml", text)
    # A KV namespace or D1 database binding is also that Cloudflare product's own evidence.
    assert feats(evs) == [
        (8, "binding:SESSIONS", "cloudflare-kv"),
        (8, "kv:SESSIONS", "cloudflare-workers"),
        (12, "r2:UPLOADS", "cloudflare-workers"),
        (16, "binding:DB", "cloudflare-d1"),
        (16, "d1:DB", "cloudflare-workers"),
        (20, "cron:*/5 * * * *", "cloudflare-workers"),
    ]
    assert of(evs, BUCKET) == [(13, "coursely-uploads", "cloudflare-r2")]
    assert envs(evs) == [(5, "PUBLIC_API", "production")]
    assert "planted-wrangler-value" not in repr(evs) and "0f2ac74b" not in repr(evs)


def test_wrangler_jsonc_with_comments_trailing_commas_hyperdrive_and_queues(run_detector):
    """wrangler.jsonc (the format `wrangler init` writes now) is JSON with comments and
    trailing commas; its Hyperdrive binding is Cloudflare Hyperdrive, a queue producer or
    consumer is Cloudflare Queues. A comma or `//` inside a string stays as it is."""
    text = """\
{
  "name": "zero-server", // the Worker
  "main": "src/main.ts",
  /* bindings */
  "hyperdrive": [
    { "binding": "HYPERDRIVE", "id": "57834ddb", "localConnectionString": "postgresql://u:p@localhost:5432/db,}" },
  ],
  "queues": { "consumers": [ { "queue": "thread-sync", }, ], },
  "vars": { "APP_URL": "https://planted.example//x", },
}
"""
    evs, warnings = run_detector(DETECTOR, "wrangler.jsonc", text)
    assert warnings == []
    assert feats(evs) == [
        (6, "binding:HYPERDRIVE", "cloudflare-hyperdrive"),
        (6, "hyperdrive:HYPERDRIVE", "cloudflare-workers"),
        (8, "queue:thread-sync", "cloudflare-queues"),
        (8, "queue:thread-sync", "cloudflare-workers"),
    ]
    assert envs(evs) == [(9, "APP_URL", "production")]


def test_wrangler_product_bindings(run_detector):
    """Workers AI, Vectorize, Images, Email Sending and Containers bindings are the Cloudflare
    products the Worker calls: one binding (an object) or a list of them, in TOML or JSONC."""
    text = """\
{
  "name": "search",
  "ai": { "binding": "AI" },
  "vectorize": [ { "binding": "SEARCH_INDEX", "index_name": "semantic-v1" }, ],
  "images": { "binding": "IMAGES" },
  "send_email": [ { "name": "MAILER" } ],
  "containers": [ { "class_name": "Sandbox", "image": "./sandbox.dockerfile" } ],
}
"""
    evs, warnings = run_detector(DETECTOR, "wrangler.jsonc", text)
    assert warnings == []
    assert feats(evs) == [
        (3, "ai:AI", "cloudflare-workers"),
        (3, "binding:AI", "cloudflare-workers-ai"),
        (4, "binding:SEARCH_INDEX", "cloudflare-vectorize"),
        (4, "vectorize:SEARCH_INDEX", "cloudflare-workers"),
        (5, "binding:IMAGES", "cloudflare-images"),
        (5, "images:IMAGES", "cloudflare-workers"),
        (6, "binding:MAILER", "cloudflare-email-sending"),
        (6, "send_email:MAILER", "cloudflare-workers"),
        (7, "binding:Sandbox", "cloudflare-containers"),
        (7, "containers:Sandbox", "cloudflare-workers"),
    ]
    toml = '[ai]\nbinding = "AI"\n\n[[vectorize]]\nbinding = "VEC"\nindex_name = "docs"\n'
    evs, _ = run_detector(DETECTOR, "wrangler.toml", toml)
    assert [f for f in feats(evs) if f[1].startswith("binding:")] == [
        (2, "binding:AI", "cloudflare-workers-ai"), (5, "binding:VEC", "cloudflare-vectorize")]


@pytest.mark.parametrize("name, text", [
    # Found by the parser property test: tables where the schema wants lists, and back.
    ("wrangler.json", '{"env": 3, "kv_namespaces": true, "durable_objects": [1], "triggers": {"crons": 5}}'),
    ("wrangler.toml", 'queues = 3\n[env.staging]\nr2_buckets = "x"\n'),
    ("app.json", '{"addons": 7, "buildpacks": false, "formation": ["web"], "env": -1}'),
])
def test_configs_of_the_wrong_shape_give_nothing(run_detector, name, text):
    evs, warnings = run_detector(DETECTOR, name, text)
    assert feats(evs) == [] and of(evs, BUCKET) == []


def test_firebase_json(run_detector):
    text = '{\n  "hosting": {"public": "build"},\n  "firestore": {"rules": "firestore.rules"},\n  "emulators": {\n    "auth": {"port": 9099},\n    "firestore": {"port": 8080}\n  }\n}\n'
    evs, _ = run_detector(DETECTOR, "firebase.json", text)
    assert of(evs, CONFIG) == [(2, "firebase.json", "firebase-hosting"), (3, "firebase.json", "firebase-firestore")]
    assert feats(evs) == [
        (2, "public:build", "firebase-hosting"),
        (5, "emulator:auth", "firebase-auth"),
        (6, "emulator:firestore", "firebase-firestore"),
    ]


def test_serverless_yml(run_detector):
    text = """\
    service: api
    provider:
      name: aws
      runtime: nodejs20.x
      region: eu-west-1
      environment:
        TABLE_NAME: planted-table-value
    functions:
      hello:
        handler: handler.hello
        events:
          - httpApi: {path: /hello, method: get}
          - sqs: {arn: !GetAtt Jobs.Arn}
    resources:
      Resources:
        Uploads:
          Type: AWS::S3::Bucket
          Properties:
            BucketName: acme-uploads
        Jobs:
          Type: AWS::SQS::Queue
        Table:
          Type: AWS::DynamoDB::Table
    """
    evs, _ = run_detector(DETECTOR, "serverless.yml", text)
    assert feats(evs) == [
        (4, "runtime:nodejs20.x", "aws-lambda"), (5, "region:eu-west-1", "aws-lambda"),
        (9, "function:hello", "aws-lambda"), (12, "trigger:http", "aws-lambda"), (13, "trigger:sqs", "aws-lambda"),
    ]
    assert envs(evs) == [(7, "TABLE_NAME", "production")]
    assert [(ln, n) for ln, n, _ in of(evs, TERRAFORM)] == [
        (17, "aws_s3_bucket"), (21, "aws_sqs_queue"), (23, "aws_dynamodb_table"),
    ]
    assert [(ln, n) for ln, n, _ in of(evs, BUCKET)] == [(19, "acme-uploads")]
    assert "planted-table-value" not in repr(evs)


def test_sam_template_only_with_serverless_transform(run_detector):
    sam = """\
    Transform: AWS::Serverless-2016-10-31
    Resources:
      Api:
        Type: AWS::Serverless::Function
        Properties:
          Runtime: python3.12
          Environment:
            Variables:
              QUEUE_URL: !Ref Jobs
          Events:
            Nightly: {Type: Schedule, Properties: {Schedule: rate(1 day)}}
      Jobs:
        Type: AWS::SQS::Queue
    """
    evs, _ = run_detector(DETECTOR, "template.yaml", sam)
    assert feats(evs) == [
        (4, "function:Api", "aws-lambda"), (6, "runtime:python3.12", "aws-lambda"), (11, "trigger:schedule", "aws-lambda"),
    ]
    assert [(ln, n) for ln, n, _ in of(evs, TERRAFORM)] == [(4, "aws_lambda_function"), (13, "aws_sqs_queue")]
    assert envs(evs) == [(9, "QUEUE_URL", "production")]
    evs, _ = run_detector(DETECTOR, "template.yaml", "title: a page template\n")
    assert evs == []


def test_app_engine_only_with_runtime(run_detector):
    evs, _ = run_detector(DETECTOR, "app.yaml", "runtime: python312\nenv_variables:\n  BUCKET: planted-gae\n")
    assert feats(evs) == [(1, "runtime:python312", "google-app-engine")]
    assert envs(evs) == [(3, "BUCKET", "production")]
    evs, _ = run_detector(DETECTOR, ".do/app.yaml", "name: x\nservices:\n  - name: web\n")
    assert evs == []


K8S = """\
apiVersion: v1
kind: Service
metadata: {name: web}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: ghcr.io/acme/web:1.4.2
      containers:
        - name: web
          image: ghcr.io/acme/web:1.4.2
          env:
            - name: DATABASE_URL
              valueFrom: {secretKeyRef: {name: db, key: url}}
            - name: LOG_LEVEL
              value: planted-k8s-value
        - name: cache
          image: redis:7-alpine
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: report
              image: python:3.12-slim
"""


def test_kubernetes_manifests(run_detector):
    evs, _ = run_detector(DETECTOR, "k8s/staging/web.yaml", K8S)
    assert feats(evs) == [(6, "manifest:k8s/staging/web.yaml", "kubernetes")]
    assert [(e.line, e.name) for e in sorted(evs) if e.kind == IMAGE] == [
        (14, "ghcr.io/acme/web:1.4.2"), (17, "ghcr.io/acme/web:1.4.2"), (24, "redis:7-alpine"), (36, "python:3.12-slim"),
    ]
    assert envs(evs) == [(19, "DATABASE_URL", "staging"), (21, "LOG_LEVEL", "staging")]
    assert "planted-k8s-value" not in repr(evs)


def test_helm_template_falls_back_to_text(run_detector):
    text = "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: x\n          image: {{ .Values.image.repository }}\n        - name: y\n          image: nginx:1.25\n{{- if .Values.z }}\n"
    evs, _ = run_detector(DETECTOR, "charts/web/templates/deployment.yaml", text)
    assert [(e.line, e.name) for e in evs if e.kind == IMAGE] == [(10, "nginx:1.25")]


def test_cert_manager_issuer_names_its_acme_ca(run_detector):
    """A cert-manager (Cluster)Issuer's `acme.server` is the CA the cluster asks for
    certificates: a catalog host there is that CA, templated chart or plain manifest."""
    text = ("{{- if .Values.tls }}\napiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata:\n  name: le\n"
            "spec:\n  acme:\n    server: https://acme-v02.api.letsencrypt.org/directory\n{{- end }}\n")
    evs, _ = run_detector(DETECTOR, "charts/web/templates/issuer.yaml", text)
    assert [(e.line, e.name, e.service) for e in evs if e.kind == HOST] == [(8, "acme-v02.api.letsencrypt.org", "letsencrypt")]
    other = text.replace("kind: ClusterIssuer", "kind: ConfigMap")  # no issuer: a `server:` is anything
    evs, _ = run_detector(DETECTOR, "charts/web/templates/issuer.yaml", other)
    assert not [e for e in evs if e.kind == HOST]


def test_helm_chart_and_values(run_detector):
    chart = "apiVersion: v2\nname: coursely\nversion: 0.1.0\ndependencies:\n  - name: postgresql\n    version: 15.x\n    repository: oci://registry-1.docker.io/bitnamicharts\n"
    evs, _ = run_detector(DETECTOR, "charts/coursely/Chart.yaml", chart)
    assert feats(evs) == [(2, "helm:coursely", "kubernetes")]
    assert [(e.line, e.name, e.get("helm_dependency")) for e in evs if e.kind == IMAGE] == [(5, "postgresql", "1")]
    values = "image:\n  registry: ghcr.io\n  repository: acme/web\n  tag: 1.0\nredis:\n  image:\n    repository: bitnami/redis\nworker:\n  image: \"acme/worker:2\"\n"
    evs, _ = run_detector(DETECTOR, "charts/coursely/values.yaml", values)
    assert [(e.line, e.name) for e in sorted(evs) if e.kind == IMAGE] == [
        (3, "ghcr.io/acme/web"), (7, "bitnami/redis"), (9, "acme/worker:2"),
    ]


def test_dockerfile(run_detector):
    text = "ARG NODE=20\nFROM node:${NODE}-alpine AS deps\nFROM --platform=linux/amd64 node:20-alpine AS build\nCOPY --from=deps /x /x\nFROM build AS test\nFROM gcr.io/distroless/nodejs20\nFROM scratch\n"
    evs, _ = run_detector(DETECTOR, "web/Dockerfile", text)
    # An ARG in the tag keeps the image (its name is known); stage names and scratch are not images.
    assert [(e.line, e.name) for e in evs if e.kind == IMAGE] == [
        (2, "node:${NODE}-alpine"), (3, "node:20-alpine"), (6, "gcr.io/distroless/nodejs20"),
    ]
    assert feats(evs)[1:] == [(3, "image:node:20-alpine", "docker"), (6, "image:gcr.io/distroless/nodejs20", "docker")]


@pytest.mark.parametrize(
    ("rel", "text", "line"),
    [
        ("fly.toml", 'app = "x"\nprimary_region = \n', 2),
        ("vercel.json", '{\n  "framework": "nextjs",\n}\n', 3),
        ("render.yaml", "services:\n  - type: web\n   name: x\n", 3),
        ("app.json", '{\n  "env": {\n    "A": 1\n  \n', 5),
    ],
)
def test_malformed_is_bad_input(ctx, rel, text, line):
    with pytest.raises(BadInput) as err:
        list(DETECTOR.detect(Source(rel, text), ctx))
    assert err.value.line == line


def test_cfn_to_terraform():
    assert cfn_to_terraform("AWS::S3::Bucket") == "aws_s3_bucket"
    assert cfn_to_terraform("AWS::Cognito::UserPool") == "aws_cognito_user_pool"
    assert cfn_to_terraform("AWS::RDS::DBInstance") == "aws_db_instance"
    assert cfn_to_terraform("Custom::Thing") is None


@pytest.mark.parametrize(
    ("rel", "handled"),
    [
        ("k8s/web.yaml", True), ("deploy/api-deployment.yml", True), ("docs/mkdocs.yml", False),
        ("config/locales/en.yml", False), ("docker-compose.yml", False), (".github/workflows/k8s.yml", False),
        ("docker/Dockerfile.prod", True), ("api.Dockerfile", True), ("Procfile", True),
    ],
)
def test_handler_for(rel, handled):
    assert (handler_for(rel, rel.rsplit("/", 1)[-1]) is not None) is handled


def test_templated_non_workload_is_ignored(run_detector):
    text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include \"x.fullname\" . }}\n"
    evs, _ = run_detector(DETECTOR, "charts/web/templates/service.yaml", text)
    assert evs == []


def test_netlify_multiline_command(run_detector):
    text = '[build]\ncommand = """\npip install mkdocs &&\nmkdocs build\n"""\n'
    evs, _ = run_detector(DETECTOR, "netlify.toml", text)
    assert feats(evs) == [(2, "build:pip install mkdocs && mkdocs build", "netlify")]


def test_dockerfile_bundling_a_database_server_names_it(run_detector):
    """`apt-get install mariadb-server`: the image bundles and runs that database; other
    `-server` packages (openssh) and comments name nothing."""
    text = (
        "FROM ubuntu:24.04\n"
        "# we used to install postgresql-server here\n"
        'RUN apt-get update && if [ "$DB" = "mariadb" ]; then \\\n'
        "        apt-get install -y mariadb-server mariadb-client; \\\n"
        "    else apt-get install -y mysql-server openssh-server; fi\n"
    )
    evs, _ = run_detector(DETECTOR, "docker/production/Dockerfile", text)
    assert of(evs, DB_TYPE) == [(4, "mariadb", "mariadb"), (5, "mysql", "mysql")]


ECS_TASK = """\
{
  "family": "api",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "acme/api:latest",
      "environment": [
        {"name": "CACHE_URL", "value": "rediss://cache-abc.serverless.euw2.cache.amazonaws.com:6379"},
        {"name": "INTERNAL_URL", "value": "http://collector.metrics.local:4318"},
        {"name": "LOG_LEVEL", "value": "INFO"}
      ],
      "secrets": [
        {"name": "DATABASE_URL", "valueFrom": "arn:aws:secretsmanager:eu-west-2:123456789012:secret:api-Ab12:DATABASE_URL::"}
      ],
      "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "api"}}
    }
  ]
}
"""


def test_ecs_task_definition(run_detector):
    evs, _ = run_detector(DETECTOR, "infrastructure/aws/production/ecs-task-definition-api.json", ECS_TASK)
    assert [e.service for e in evs if e.kind == FEATURE] == ["aws-ecs"]
    assert [e.name for e in evs if e.kind == IMAGE] == ["acme/api:latest"]
    assert envs(evs) == [(8, "CACHE_URL", "production"), (9, "INTERNAL_URL", "production"),
                         (10, "LOG_LEVEL", "production"), (13, "DATABASE_URL", "production")]
    # only a catalog host leaves a value, and only its host name; never a secret's ARN or a value
    assert of(evs, "host") == [(8, "cache-abc.serverless.euw2.cache.amazonaws.com", "aws-elasticache")]
    assert sorted(e.name for e in evs if e.kind == TERRAFORM) == ["aws_cloudwatch_log_group", "aws_secretsmanager_secret"]
    assert "123456789012" not in repr(evs) and "INFO" not in repr(evs)
    assert handler_for("deploy/taskdef.json", "taskdef.json") is not None
    assert handler_for("web/specs.json", "specs.json") is None


def test_ecs_task_definition_with_a_malformed_environment_keeps_the_rest(run_detector):
    text = ('{"containerDefinitions": [{"image": "acme/api:1", "environment": {"LOG_LEVEL": "INFO"},\n'
            ' "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-2:1:parameter/db"}]}]}\n')
    evs, _ = run_detector(DETECTOR, "deploy/taskdef.json", text)
    assert [e.name for e in evs if e.kind == ENV_DECL] == ["DB_PASSWORD"]
    assert [e.name for e in evs if e.kind == TERRAFORM] == ["aws_ssm_parameter"]


DO_APP_SPEC = """\
name: acme
region: fra
databases:
  - name: db
    engine: PG
    version: "16"
  - name: cache
    engine: REDIS
envs:
  - key: APP_CDN_URL
    scope: RUN_AND_BUILD_TIME
    value: https://d111111abcdef8.cloudfront.net
services:
  - name: api
    envs:
      - key: MAIL_HOST
        value: smtp-relay.brevo.com
      - key: MAIL_PASSWORD
        type: SECRET
        value: EV[1:abc:def]
      - key: INTERNAL_URL
        value: https://internal.acme.example
      - key: REDIS_URL
        value: ${cache.REDIS_URL}
    log_destinations:
      - name: logs
        logtail:
          token: XXX
workers:
  - name: worker
    envs:
      - key: MAIL_HOST
        value: smtp-relay.brevo.com
"""


def test_digitalocean_app_spec(run_detector):
    """A DigitalOcean app spec (`.do/app.yaml`): env NAMES, catalog hosts in their values (a
    bare host or a URL's), managed databases by engine and log destinations; no other value."""
    evs, _ = run_detector(DETECTOR, ".do/app.yaml", DO_APP_SPEC)
    assert [e.name for e in evs if e.kind == ENV_DECL] == ["APP_CDN_URL", "MAIL_HOST", "MAIL_PASSWORD", "INTERNAL_URL", "REDIS_URL"]
    assert of(evs, "host") == [(12, "d111111abcdef8.cloudfront.net", "aws-cloudfront"), (17, "smtp-relay.brevo.com", "brevo")]
    assert [(e.name, e.service) for e in evs if e.kind == DB_TYPE] == [("postgresql", "postgresql"), ("redis", "redis")]
    assert [e.service for e in evs if e.kind == CONFIG] == ["better-stack"]
    assert feats(evs) == [(2, "region:fra", "digitalocean-app-platform")]
    assert "EV[1" not in repr(evs) and "internal.acme" not in repr(evs)
    # the deploy button's template holds the same spec under `spec:`; an App Engine app.yaml stays App Engine's
    template = "spec:\n" + "".join("  " + line + "\n" for line in DO_APP_SPEC.splitlines())
    evs, _ = run_detector(DETECTOR, ".do/deploy.template.yaml", template)
    assert of(evs, "host")[1][1:] == ("smtp-relay.brevo.com", "brevo")
    evs, _ = run_detector(DETECTOR, "app.yaml", DO_APP_SPEC)
    assert [e.service for e in evs if e.kind == CONFIG] == ["better-stack"]
    evs, _ = run_detector(DETECTOR, "app.yaml", "runtime: python312\nenv_variables:\n  LOG_LEVEL: info\n")
    assert [f[2] for f in feats(evs)] == ["google-app-engine"]


def test_procfile_that_runs_dev_servers_or_local_services_is_a_dev_process_list(run_detector):
    """A `web:` beside a local redis-server, an ngrok tunnel or a `turbo run dev` is Foreman's or
    Overmind's list for a dev machine: no platform runs those."""
    text = (
        "api-web: cd api && bundle exec rails server -p 3001\nredis: redis-server\n"
        "ngrok: ngrok start app\nweb: npx turbo run dev --filter=@app/web\n"
    )
    evs, _ = run_detector(DETECTOR, "Procfile", text)
    assert feats(evs) == []
    evs, _ = run_detector(DETECTOR, "Procfile", "web: bundle exec puma\ncss: bin/rails tailwindcss:build\n")
    assert [f[2] for f in feats(evs)] == ["heroku", "heroku"]


def test_procfile_with_a_postdeploy_process_is_scalingos(run_detector):
    """Scalingo runs a `postdeploy` process after each deployment; Heroku's hook is `release`."""
    evs, _ = run_detector(DETECTOR, "Procfile", "web: bin/buildpack_start.sh\npostdeploy: python manage.py migrate\n")
    assert feats(evs) == [(1, "process:web", "scalingo"), (2, "process:postdeploy", "scalingo")]


KAMAL_DEPLOY = """\
service: acme
image: acme/acme
servers:
  web:
    - acme.example.org
proxy:
  ssl: true
  host: acme.example.org
registry:
  # server: registry.digitalocean.com / ghcr.io / ...
  username: acme
  password:
    - KAMAL_REGISTRY_PASSWORD
"""


def test_kamal_registry_without_a_server_is_docker_hub(run_detector):
    """Kamal's `registry:` with a login and no `server:` pushes to Docker Hub, Kamal's default."""
    ev, _ = run_detector(DETECTOR, "config/deploy.yml", KAMAL_DEPLOY)
    assert feats(ev) == [(9, "deploy:docker-hub", "docker-hub"), (9, "deploy_from:config/deploy.yml", "docker-hub")]


def test_kamal_registry_server_names_its_registry(run_detector):
    """A catalogued registry host as `server:` names that registry; a local registry
    (`localhost:5555`) or a destination file without a registry names none."""
    ghcr = KAMAL_DEPLOY.replace("  # server: registry.digitalocean.com / ghcr.io / ...\n", "  server: ghcr.io\n")
    ev, _ = run_detector(DETECTOR, "config/deploy.yml", ghcr)
    assert {e.service for e in ev} == {"github-container-registry"}
    local = "service: acme\nimage: acme\nregistry:\n  server: localhost:5555\n"
    assert run_detector(DETECTOR, "config/deploy.yml", local)[0] == []
    assert run_detector(DETECTOR, "config/deploy.staging.yml", "servers:\n  web:\n    - 10.0.0.2\n")[0] == []
