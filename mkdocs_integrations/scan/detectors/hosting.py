"""Hosting and runtime configs: where the app runs and what the platform provides it.

Fills "Hosting: Vercel — cron jobs, region iad1; env vars configured in the platform".
Each platform file gives FEATURE records on its hosting service ("region:iad",
"process:worker", "cron:/api/x (0 3 * * *)"), ENV_DECL for variable NAMES the platform
injects (detail file=platform, never the value), and evidence for backing services the
platform provisions (a Heroku `heroku-postgresql` add-on → DB_TYPE postgresql; an R2
binding → BUCKET on cloudflare-r2; a Kubernetes container image → IMAGE).

CloudFormation types (serverless.yml, SAM) are renamed to Terraform types
(`AWS::S3::Bucket` → `aws_s3_bucket`) and emitted as TERRAFORM evidence, so the
catalog's `terraform` entries resolve them with no second mapping table.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import yaml

from ...model import BUCKET, CONFIG, DB_TYPE, ENV_DECL, FEATURE, HOST, IMAGE, TERRAFORM, Evidence
from . import _infra as y
from .base import BadInput, Context, Detector, Record, Source

_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _feat(src: Source, service: str, name: str, line: int) -> Evidence:
    return Evidence(path=src.rel, line=line, kind=FEATURE, name=name, service=service)


def _env(src: Source, name: str, line: int, environment: str = "production", optional: bool = False) -> Evidence:
    detail = [("file", "platform"), ("environment", environment)]
    if optional:
        detail.append(("optional", "1"))
    return Evidence(path=src.rel, line=line, kind=ENV_DECL, name=name, detail=tuple(detail))


def _key_line(src: Source, key: str, start: int = 1) -> int:
    """Line of `key = …` (TOML) or `"key": …` (JSON) at or after `start`."""
    return y.find_line(src.text, rf'^\s*"?{re.escape(key)}"?\s*[=:]|"{re.escape(key)}"\s*:', start)


def _value_line(src: Source, value: str, start: int = 1) -> int:
    return y.find_line(src.text, re.escape(f'"{value}"'), start)


def _env_keys(src: Source, env: Any, start: int, environment: str = "production") -> Iterator[Evidence]:
    if isinstance(env, dict):
        for name, value in env.items():
            if _ENV_NAME.match(str(name)):
                optional = isinstance(value, dict) and value.get("required") is False
                yield _env(src, str(name), _key_line(src, str(name), start), environment, optional)


# -- Vercel, Netlify, Fly.io, Railway, Render ------------------------------------------------


def vercel(src: Source, ctx: Context) -> Iterator[Record]:
    data = y.json_data(src)
    if not isinstance(data, dict):
        return
    sid = "vercel"
    if isinstance(data.get("framework"), str):
        yield _feat(src, sid, f"framework:{data['framework']}", _key_line(src, "framework"))
    for cron in data.get("crons") or []:
        if isinstance(cron, dict) and isinstance(cron.get("path"), str):
            label = f"{cron['path']} ({cron['schedule']})" if cron.get("schedule") else cron["path"]
            yield _feat(src, sid, f"cron:{label}", _value_line(src, cron["path"]))
    regions_at = _key_line(src, "regions")
    for region in data.get("regions") or []:
        yield _feat(src, sid, f"region:{region}", _value_line(src, str(region), regions_at))
    if "git" in data:
        yield _feat(src, sid, "deploy:git push", _key_line(src, "git"))
    yield from _env_keys(src, data.get("env"), _key_line(src, "env"))
    build = data.get("build")
    if isinstance(build, dict):
        yield from _env_keys(src, build.get("env"), _key_line(src, "build"))


_ASSIGNMENT = re.compile(r"\b[A-Za-z_][A-Za-z0-9_]*=\S*\s*")


def netlify(src: Source, ctx: Context) -> Iterator[Record]:
    data = y.toml_data(src)
    sid = "netlify"
    build = data.get("build") or {}
    if isinstance(build.get("command"), str):
        command = " ".join(_ASSIGNMENT.sub("", build["command"]).split())  # `KEY=value npm run build`: no values
        yield _feat(src, sid, f"build:{command}", _key_line(src, "command"))
    functions = build.get("functions") or (data.get("functions") or {}).get("directory")
    if isinstance(functions, str):
        yield _feat(src, sid, f"functions:{functions}", y.find_line(src.text, re.escape(f'"{functions}"')))
    if isinstance(build.get("publish"), str):
        yield _feat(src, sid, f"publish:{build['publish']}", _key_line(src, "publish"))
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("package"), str):
            yield _feat(src, sid, f"plugin:{plugin['package']}", _value_line(src, plugin["package"]))
    yield from _env_keys(src, build.get("environment"), y.find_line(src.text, r"^\s*\[build\.environment\]|environment\s*="))
    for context, conf in (data.get("context") or {}).items():
        if isinstance(conf, dict):
            env = {"production": "production", "dev": "development"}.get(context, "staging")
            start = y.find_line(src.text, rf"^\s*\[context\.{re.escape(context)}\.environment\]|^\s*\[context\.{re.escape(context)}\]")
            yield from _env_keys(src, conf.get("environment"), start, env)


def fly(src: Source, ctx: Context) -> Iterator[Record]:
    data = y.toml_data(src)
    sid = "fly-io"
    if isinstance(data.get("primary_region"), str):
        yield _feat(src, sid, f"region:{data['primary_region']}", _key_line(src, "primary_region"))
    start = y.find_line(src.text, r"^\s*\[processes\]")
    for name in data.get("processes") or {}:
        yield _feat(src, sid, f"process:{name}", _key_line(src, name, start))
    yield from _env_keys(src, data.get("env"), y.find_line(src.text, r"^\s*\[env\]"))


def railway(src: Source, ctx: Context) -> Iterator[Record]:
    data = y.toml_data(src) if src.name.endswith(".toml") else y.json_data(src)
    if not isinstance(data, dict):
        return
    build, deploy = data.get("build") or {}, data.get("deploy") or {}
    if isinstance(build.get("builder"), str):
        yield _feat(src, "railway", f"builder:{build['builder']}", _key_line(src, "builder"))
    if isinstance(deploy.get("cronSchedule"), str):
        yield _feat(src, "railway", f"cron:{deploy['cronSchedule']}", _key_line(src, "cronSchedule"))


def render(src: Source, ctx: Context) -> Iterator[Record]:
    sid = "render"
    for root in y.yaml_docs(src):
        for svc in y.items(y.get(root, "services")):
            type_ = y.get(svc, "type")
            if y.scalar(type_):
                yield _feat(src, sid, f"service:{type_.value}", y.line(type_))  # type: ignore[union-attr]
                if type_.value in ("redis", "keyvalue"):  # type: ignore[union-attr]
                    yield Evidence(path=src.rel, line=y.line(type_), kind=DB_TYPE, name="redis", service="redis")
            for key, label in (("runtime", "runtime"), ("env", "runtime"), ("region", "region"), ("schedule", "cron")):
                node = y.get(svc, key)
                if y.scalar(node):
                    yield _feat(src, sid, f"{label}:{node.value}", y.line(node))  # type: ignore[union-attr]
            yield from _render_env(src, svc)
        for db in y.items(y.get(root, "databases")):
            yield Evidence(path=src.rel, line=y.line(db), kind=DB_TYPE, name="postgresql", service="postgresql")
            yield _feat(src, sid, "database:postgresql", y.line(db))
        for group in y.items(y.get(root, "envVarGroups")):
            yield from _render_env(src, group)


def _render_env(src: Source, node: yaml.Node) -> Iterator[Evidence]:
    for item in y.items(y.get(node, "envVars")):
        key = y.get(item, "key")
        if y.scalar(key) and _ENV_NAME.match(key.value):  # type: ignore[union-attr]
            yield _env(src, key.value, y.line(key))  # type: ignore[union-attr]


# -- Google App Engine, Heroku, Cloudflare, Firebase -----------------------------------------


def app_engine(src: Source, ctx: Context) -> Iterator[Record]:
    docs = y.yaml_docs(src)
    root = docs[0] if docs else None
    runtime = y.get(root, "runtime")
    if not y.scalar(runtime):
        yield from digitalocean_app_spec(src, ctx)  # a DigitalOcean app spec, or another tool's app.yaml
        return
    sid = "google-app-engine"
    yield _feat(src, sid, f"runtime:{runtime.value}", y.line(runtime))  # type: ignore[union-attr]
    if y.scalar(y.get(root, "env")):
        yield _feat(src, sid, f"env:{y.get(root, 'env').value}", y.line(y.get(root, "env")))  # type: ignore[union-attr]
    for name, ln in y.env_names(y.get(root, "env_variables")):
        yield _env(src, name, ln)


# A process no platform runs: a dev server, a file watcher, a local Redis, a tunnel, a container
# started from the host. A Procfile with one is Foreman's or Overmind's list for a dev machine.
# Django's `manage.py runserver` is its development server (its docs: not for production); a
# `watch` task (`make watch-scss`, `npm run watch`, `rails tailwindcss:watch`) rebuilds assets
# as files change, which only a developer's machine needs.
_DEV_PROCESS = re.compile(
    r"\b(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?dev\b|\bturbo\s+(?:run\s+)?dev\b|\bnext\s+dev\b|\s--watch\b"
    r"|\bredis-server\b|\bngrok\b|\bdocker\s+(?:start|run|compose)\b|\bmail(?:catcher|hog)\b"
    r"|\brunserver\b|\b(?:make|npm|pnpm|yarn|bun|gulp|grunt)\s+(?:run\s+)?watch\b|\w:watch\b"
)


def procfile(src: Source, ctx: Context) -> Iterator[Record]:
    processes = []
    dev = False
    for i, raw in enumerate(src.text.splitlines(), start=1):
        m = re.match(r"^([A-Za-z0-9_-]+)\s*:\s*(\S.*)", raw)
        if m:
            processes.append((m.group(1), i))
            dev = dev or bool(_DEV_PROCESS.search(m.group(2)))
    if dev or not any(name == "web" for name, _ in processes):
        # Heroku routes HTTP only to a `web` process: a Procfile without one (`rails:`,
        # `webpack:`, `sidekiq:`) is a process list for Foreman or Overmind on a dev machine.
        return
    # `postdeploy` is Scalingo's hook process (Heroku's is `release`): the Procfile is Scalingo's.
    sid = "scalingo" if any(name == "postdeploy" for name, _ in processes) else "heroku"
    for name, i in processes:
        yield _feat(src, sid, f"process:{name}", i)


# Heroku add-on plan → (evidence kind, service id). Databases become DB_TYPE.
ADDONS = {
    "heroku-postgresql": (DB_TYPE, "postgresql"), "heroku-redis": (DB_TYPE, "redis"),
    "rediscloud": (DB_TYPE, "redis"), "mongolab": (DB_TYPE, "mongodb"), "jawsdb": (DB_TYPE, "mysql"),
    "cleardb": (DB_TYPE, "mysql"), "memcachier": (CONFIG, "memcached"), "cloudamqp": (CONFIG, "rabbitmq"),
    "heroku-kafka": (CONFIG, "kafka"), "sendgrid": (CONFIG, "sendgrid"), "mailgun": (CONFIG, "mailgun"),
    "papertrail": (CONFIG, "papertrail"), "sentry": (CONFIG, "sentry"), "newrelic": (CONFIG, "new-relic"),
    "bonsai": (CONFIG, "elasticsearch"), "searchbox": (CONFIG, "elasticsearch"), "rollbar": (CONFIG, "rollbar"),
}
_HEROKU_KEYS = ("addons", "buildpacks", "formation", "env", "stack", "environments")


def heroku_app_json(src: Source, ctx: Context) -> Iterator[Record]:
    data = y.json_data(src)
    if not isinstance(data, dict) or "expo" in data or not any(k in data for k in _HEROKU_KEYS):
        return  # an Expo or PWA app.json, not Heroku's
    sid = "heroku"
    yield from _env_keys(src, data.get("env"), _key_line(src, "env"))
    addons_at = _key_line(src, "addons")
    for addon in y.sequence(data.get("addons")):
        plan = addon.get("plan") if isinstance(addon, dict) else addon
        if not isinstance(plan, str):
            continue
        name = plan.split(":", 1)[0]
        ln = y.find_line(src.text, re.escape(f'"{plan}'), addons_at)
        yield _feat(src, sid, f"addon:{name}", ln)
        if name in ADDONS:
            kind, target = ADDONS[name]
            yield Evidence(path=src.rel, line=ln, kind=kind, name=target if kind == DB_TYPE else src.name, service=target)
    for pack in y.sequence(data.get("buildpacks")):
        url = pack.get("url") if isinstance(pack, dict) else pack
        if isinstance(url, str):
            yield _feat(src, sid, f"buildpack:{url}", _value_line(src, url))
    start = _key_line(src, "formation")
    for name in y.mapping(data.get("formation")):
        yield _feat(src, sid, f"process:{name}", _value_line(src, name, start))
    if isinstance(data.get("stack"), str):
        yield _feat(src, sid, f"stack:{data['stack']}", _key_line(src, "stack"))


# wrangler binding kinds that are Cloudflare products of their own (R2 buckets become BUCKET
# evidence of cloudflare-r2 below, by their bucket name).
_BINDING_SERVICES = {"kv": "cloudflare-kv", "d1": "cloudflare-d1", "hyperdrive": "cloudflare-hyperdrive"}
# More binding keys of wrangler's config, each the Worker's handle on a Cloudflare product it
# provisions and calls (`"ai": {"binding": "AI"}` → `env.AI.run(...)` on Workers AI,
# `"vectorize": [{"binding": ..., "index_name": ...}]`, `"images": {"binding": "IMAGES"}`,
# `"send_email": [{"name": ...}]` sending mail through Cloudflare's Email Service, `"containers":
# [{"class_name": ..., "image": ...}]` a container image Cloudflare runs beside the Worker).
# A key holds one binding (an object) or a list of them; the binding's name is under `binding`,
# `name` or, for containers, `class_name`.
_PRODUCT_BINDINGS: dict[str, str] = {
    "ai": "cloudflare-workers-ai",
    "vectorize": "cloudflare-vectorize",
    "images": "cloudflare-images",
    "send_email": "cloudflare-email-sending",
    "containers": "cloudflare-containers",
}


def _product_bindings(src: Source, conf: dict[str, Any], start: int) -> Iterator[Record]:
    """The Cloudflare products a wrangler config section binds (see `_PRODUCT_BINDINGS`)."""
    for key, sid in _PRODUCT_BINDINGS.items():
        value = conf.get(key)
        for b in [value] if isinstance(value, dict) else y.sequence(value):
            if not isinstance(b, dict):
                continue
            name = next((b[k] for k in ("binding", "name", "class_name") if isinstance(b.get(k), str)), None)
            if name is None:
                continue
            ln = y.find_line(src.text, rf'(?:binding|name|class_name)"?\s*[=:]\s*"{re.escape(name)}"', start)
            yield _feat(src, "cloudflare-workers", f"{key}:{name}", ln)
            yield _feat(src, sid, f"binding:{name}", ln)


def wrangler(src: Source, ctx: Context) -> Iterator[Record]:
    # wrangler.json and wrangler.jsonc are both read by wrangler as JSONC (comments, trailing commas)
    data = y.toml_data(src) if src.name.endswith(".toml") else y.jsonc_data(src)
    if not isinstance(data, dict):
        return
    sections = [("production", data, 1)]
    for env_name, conf in y.mapping(data.get("env")).items():
        if isinstance(conf, dict):
            env = y.environment_of_path(env_name, "staging")
            sections.append((env, conf, y.find_line(src.text, rf"^\s*\[+env\.{re.escape(env_name)}[.\]]|\"{re.escape(env_name)}\"\s*:")))
    sid = "cloudflare-workers"
    for env, conf, start in sections:
        for key, label in (("kv_namespaces", "kv"), ("d1_databases", "d1"), ("r2_buckets", "r2"), ("hyperdrive", "hyperdrive")):
            for b in y.sequence(conf.get(key)):
                if isinstance(b, dict) and isinstance(b.get("binding"), str):
                    ln = y.find_line(src.text, rf'binding"?\s*[=:]\s*"{re.escape(b["binding"])}"', start)
                    yield _feat(src, sid, f"{label}:{b['binding']}", ln)
                    # A binding is the Worker's handle on a Cloudflare product it provisions:
                    # the KV namespace, D1 database or Hyperdrive pool is a service of its own.
                    if label in _BINDING_SERVICES:
                        yield _feat(src, _BINDING_SERVICES[label], f"binding:{b['binding']}", ln)
                    if label == "r2" and isinstance(b.get("bucket_name"), str):
                        bl = y.find_line(src.text, rf'bucket_name"?\s*[=:]\s*"{re.escape(b["bucket_name"])}"', start)
                        yield Evidence(path=src.rel, line=bl, kind=BUCKET, name=b["bucket_name"], service="cloudflare-r2")
        yield from _product_bindings(src, conf, start)
        for b in y.sequence(y.mapping(conf.get("durable_objects")).get("bindings")):
            if isinstance(b, dict) and isinstance(b.get("name"), str):
                yield _feat(src, sid, f"durable_object:{b['name']}", _value_line(src, b["name"], start))
        queues = y.mapping(conf.get("queues"))
        for q in y.sequence(queues.get("producers")) + y.sequence(queues.get("consumers")):
            if isinstance(q, dict) and isinstance(q.get("queue"), str):
                ln = _value_line(src, q["queue"], start)
                yield _feat(src, sid, f"queue:{q['queue']}", ln)
                yield _feat(src, "cloudflare-queues", f"queue:{q['queue']}", ln)
        for cron in y.sequence(y.mapping(conf.get("triggers")).get("crons")):
            yield _feat(src, sid, f"cron:{cron}", _value_line(src, str(cron), start))
        vars_at = y.find_line(src.text, r'^\s*\[(?:env\.[\w-]+\.)?vars\]|"vars"\s*:', start)
        yield from _env_keys(src, conf.get("vars"), vars_at, env)


# firebase.json key → service it configures; emulators are the local stand-ins.
FIREBASE = {
    "hosting": "firebase-hosting", "functions": "firebase-hosting", "firestore": "firebase-firestore",
    "storage": "firebase-storage", "auth": "firebase-auth", "pubsub": "google-pubsub",
}


def firebase(src: Source, ctx: Context) -> Iterator[Record]:
    data = y.json_data(src)
    if not isinstance(data, dict):
        return
    for key in ("hosting", "firestore", "storage"):
        if key in data:
            yield Evidence(path=src.rel, line=_key_line(src, key), kind=CONFIG, name=src.name, service=FIREBASE[key])
    hosting = data.get("hosting")
    for site in hosting if isinstance(hosting, list) else [hosting]:
        if isinstance(site, dict) and isinstance(site.get("public"), str):
            yield _feat(src, "firebase-hosting", f"public:{site['public']}", _key_line(src, "public"))
    functions = data.get("functions")
    for fn in functions if isinstance(functions, list) else [functions]:
        if isinstance(fn, dict):
            source = fn.get("source", "functions")
            yield _feat(src, "firebase-hosting", f"functions:{source}", _key_line(src, "functions"))
    start = _key_line(src, "emulators")
    for name in data.get("emulators") or {}:
        if name in FIREBASE:
            yield _feat(src, FIREBASE[name], f"emulator:{name}", _key_line(src, name, start))


# -- AWS: Serverless Framework, SAM, CloudFormation types ------------------------------------

_CFN_RENAMES = {
    "AWS::Serverless::Function": "aws_lambda_function",
    "AWS::Serverless::SimpleTable": "aws_dynamodb_table",
    "AWS::Serverless::Api": "aws_api_gateway_rest_api",
    "AWS::Serverless::HttpApi": "aws_apigatewayv2_api",
    "AWS::Serverless::StateMachine": "aws_sfn_state_machine",
    "AWS::RDS::DBInstance": "aws_db_instance",
    "AWS::RDS::DBCluster": "aws_rds_cluster",
    "AWS::Logs::LogGroup": "aws_cloudwatch_log_group",
    "AWS::Events::Rule": "aws_cloudwatch_event_rule",
    "AWS::StepFunctions::StateMachine": "aws_sfn_state_machine",
}
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_TRIGGERS = {"http": "http", "httpapi": "http", "api": "http", "websocket": "http", "alb": "http",
             "schedule": "schedule", "sqs": "sqs", "sns": "sns", "s3": "s3", "stream": "stream",
             "dynamodb": "stream", "kinesis": "stream", "eventbridge": "eventbridge"}


def cfn_to_terraform(type_: str) -> str | None:
    """`AWS::S3::Bucket` → `aws_s3_bucket` (the Terraform name of the same resource)."""
    if type_ in _CFN_RENAMES:
        return _CFN_RENAMES[type_]
    parts = type_.split("::")
    if len(parts) != 3 or parts[0] != "AWS":
        return None
    return f"aws_{parts[1].lower()}_{_CAMEL.sub('_', parts[2]).lower()}"


def _cfn_resources(src: Source, ctx: Context, resources: yaml.Node | None) -> Iterator[Evidence]:
    for logical, _, res in y.pairs(resources):
        type_node = y.get(res, "Type")
        tf = cfn_to_terraform(y.scalar(type_node) or "")
        if not tf:
            continue
        yield Evidence(path=src.rel, line=y.line(type_node), kind=TERRAFORM, name=tf,  # type: ignore[arg-type]
                       detail=(("cloudformation", type_node.value),))  # type: ignore[union-attr]
        props = y.get(res, "Properties")
        bucket = y.get(props, "BucketName")
        if tf == "aws_s3_bucket" and y.scalar(bucket) and "$" not in bucket.value:  # type: ignore[union-attr]
            yield Evidence(path=src.rel, line=y.line(bucket), kind=BUCKET, name=bucket.value,  # type: ignore[union-attr]
                           service=ctx.index.terraform(tf) or "aws-s3")
        if type_node.value == "AWS::Serverless::Function":  # type: ignore[union-attr]
            yield _feat(src, "aws-lambda", f"function:{logical}", y.line(type_node))  # type: ignore[arg-type]
            yield from _lambda_details(src, props, ("Runtime", "Environment", "Events"))


def _lambda_details(src: Source, node: yaml.Node | None, keys: tuple[str, str, str]) -> Iterator[Evidence]:
    runtime_key, env_key, events_key = keys
    runtime = y.get(node, runtime_key)
    if y.scalar(runtime):
        yield _feat(src, "aws-lambda", f"runtime:{runtime.value}", y.line(runtime))  # type: ignore[union-attr]
    env = y.get(node, env_key)
    env = y.get(env, "Variables") if env_key == "Environment" else env
    for name, ln in y.env_names(env):
        yield _env(src, name, ln)
    events = y.get(node, events_key)
    for ev in y.items(events):  # serverless: - http: {...}
        for key, kn, _ in y.pairs(ev):
            if key.lower() in _TRIGGERS:
                yield _feat(src, "aws-lambda", f"trigger:{_TRIGGERS[key.lower()]}", y.line(kn))
    for _, _, ev in y.pairs(events):  # SAM: Name: {Type: Api}
        t = y.get(ev, "Type")
        if y.scalar(t) and t.value.lower() in _TRIGGERS:  # type: ignore[union-attr]
            yield _feat(src, "aws-lambda", f"trigger:{_TRIGGERS[t.value.lower()]}", y.line(t))  # type: ignore


def serverless(src: Source, ctx: Context) -> Iterator[Record]:
    docs = y.yaml_docs(src)
    root = docs[0] if docs else None
    provider = y.get(root, "provider")
    name = y.scalar(provider) or y.scalar(y.get(provider, "name"))
    if name != "aws":
        return
    region = y.get(provider, "region")
    if y.scalar(region) and "$" not in region.value:  # type: ignore[union-attr]
        yield _feat(src, "aws-lambda", f"region:{region.value}", y.line(region))  # type: ignore[union-attr]
    yield from _lambda_details(src, provider, ("runtime", "environment", "events"))
    for fname, kn, fn in y.pairs(y.get(root, "functions")):
        yield _feat(src, "aws-lambda", f"function:{fname}", y.line(kn))
        yield from _lambda_details(src, fn, ("runtime", "environment", "events"))
    yield from _cfn_resources(src, ctx, y.get(root, "resources", "Resources"))


def sam(src: Source, ctx: Context) -> Iterator[Record]:
    if "AWS::Serverless" not in src.text:
        return  # some other template.yaml
    docs = y.yaml_docs(src)
    root = docs[0] if docs else None
    yield from _lambda_details(src, y.get(root, "Globals", "Function"), ("Runtime", "Environment", "Events"))
    yield from _cfn_resources(src, ctx, y.get(root, "Resources"))


# -- Containers: Kubernetes, Helm, Dockerfile ------------------------------------------------

WORKLOADS = frozenset({"Deployment", "StatefulSet", "CronJob", "Pod", "DaemonSet", "Job", "ReplicaSet"})
_K8S_DIRS = frozenset({
    "k8s", "kubernetes", "kube", "manifests", "deploy", "deployment", "deployments", "helm", "chart",
    "charts", "overlays", "kustomize", "infra", "infrastructure", "ops", "argocd", "gitops", ".k8s",
})
_K8S_NAME = re.compile(r"deployment|statefulset|cronjob|daemonset|\bpod\b|\bjob\b|k8s|kube|manifest", re.I)
_WORKLOAD_KIND = re.compile(rf"^kind:\s*(?:{'|'.join(sorted(WORKLOADS))})\s*$", re.M)
_TEMPLATED_IMAGE = re.compile(r"""^\s*-?\s*image:\s*['"]?([^'"\s{}]+)['"]?\s*$""", re.M)


def _pod_spec(doc: yaml.Node, kind: str) -> yaml.Node | None:
    if kind == "Pod":
        return y.get(doc, "spec")
    if kind == "CronJob":
        return y.get(doc, "spec", "jobTemplate", "spec", "template", "spec")
    return y.get(doc, "spec", "template", "spec")


# A cert-manager Issuer or ClusterIssuer (plain or Helm-templated) names its ACME certificate
# authority's directory: `acme: server: https://acme-v02.api.letsencrypt.org/directory`. The
# cluster asks that CA for the ingress's certificates, so a host the catalog knows there is the
# CA service (Let's Encrypt, ZeroSSL), the same in every chart that ships an issuer.
_ISSUER_KIND = re.compile(r"^kind:\s*['\"]?(?:Cluster)?Issuer['\"]?\s*$", re.M)
_ACME_SERVER = re.compile(r"""^\s*server:\s*['"]?https://([a-z0-9.-]+)[/'"\s]""", re.M | re.I)


def _acme_servers(src: Source, ctx: Context) -> Iterator[Record]:
    if "acme" not in src.text or not _ISSUER_KIND.search(src.text):
        return
    for m in _ACME_SERVER.finditer(src.text):
        host = m.group(1).lower()
        sid = ctx.index.host(host)
        if sid:
            yield Evidence(path=src.rel, line=src.line_of(m.start(1)), kind=HOST, name=host, service=sid)


def kubernetes(src: Source, ctx: Context) -> Iterator[Record]:
    if "apiVersion" not in src.text or "kind" not in src.text:
        return
    yield from _acme_servers(src, ctx)
    environment = y.environment_of_path(src.rel, "production")
    try:
        docs = y.yaml_docs(src)
    except BadInput:
        if not any(mark in src.text for mark in ("{{", "<%", "{%")):
            raise
        # A Helm template is Go-templated YAML (ERB and Jinja templates alike): read plain
        # image lines, skip templated ones.
        kind_m = _WORKLOAD_KIND.search(src.text)
        if kind_m is None:
            return
        yield _feat(src, "kubernetes", f"manifest:{src.rel}", src.line_of(kind_m.start()))
        for m in _TEMPLATED_IMAGE.finditer(src.text):
            yield Evidence(path=src.rel, line=src.line_of(m.start(1)), kind=IMAGE, name=y.image_ref(m.group(1)),
                           detail=(("environment", environment),))
        return
    announced = False
    for doc in docs:
        kind = y.get(doc, "kind")
        if y.scalar(kind) not in WORKLOADS or y.get(doc, "apiVersion") is None:
            continue
        if not announced:
            announced = True
            yield _feat(src, "kubernetes", f"manifest:{src.rel}", y.line(kind))  # type: ignore[arg-type]
        spec = _pod_spec(doc, kind.value)  # type: ignore[union-attr]
        for container in y.items(y.get(spec, "containers")) + y.items(y.get(spec, "initContainers")):
            image = y.get(container, "image")
            if y.scalar(image):
                yield Evidence(path=src.rel, line=y.line(image), kind=IMAGE, name=y.image_ref(image.value),  # type: ignore
                               detail=(("environment", environment),))
            for item in y.items(y.get(container, "env")):
                name = y.get(item, "name")
                if y.scalar(name) and _ENV_NAME.match(name.value):  # type: ignore[union-attr]
                    yield Evidence(path=src.rel, line=y.line(name), kind=ENV_DECL, name=name.value,  # type: ignore
                                   detail=(("file", "kubernetes"), ("environment", environment)))


def helm_chart(src: Source, ctx: Context) -> Iterator[Record]:
    docs = y.yaml_docs(src)
    root = docs[0] if docs else None
    name = y.get(root, "name")
    if y.scalar(name):
        yield _feat(src, "kubernetes", f"helm:{name.value}", y.line(name))  # type: ignore[union-attr]
    for dep in y.items(y.get(root, "dependencies")):
        dep_name = y.get(dep, "name")
        if y.scalar(dep_name):  # bitnami/postgresql chart → the postgres service
            yield Evidence(path=src.rel, line=y.line(dep_name), kind=IMAGE, name=dep_name.value,  # type: ignore
                           detail=(("helm_dependency", "1"),))


def helm_values(src: Source, ctx: Context) -> Iterator[Record]:
    for doc in y.yaml_docs(src):
        for node in y.walk(doc):
            image = y.get(node, "image")
            if image is None:
                continue
            text = y.scalar(image)
            repo = y.get(image, "repository")
            if text and "{{" not in text and not text.startswith(("Always", "IfNotPresent")):
                yield Evidence(path=src.rel, line=y.line(image), kind=IMAGE, name=y.image_ref(text))
            elif y.scalar(repo):
                registry = y.scalar(y.get(image, "registry"))
                full = f"{registry}/{repo.value}" if registry else repo.value  # type: ignore[union-attr]
                yield Evidence(path=src.rel, line=y.line(repo), kind=IMAGE, name=full)  # type: ignore[arg-type]


_FROM = re.compile(r"^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?", re.I | re.M)


def dockerfile(src: Source, ctx: Context) -> Iterator[Record]:
    stages: set[str] = set()
    for m in _FROM.finditer(src.text):
        image, stage = y.image_ref(m.group(1)), m.group(2)
        if stage:
            stages.add(stage.lower())
        repo = image.split(":", 1)[0]
        if image.lower() in stages or image == "scratch" or "$" in repo:
            continue
        ln = src.line_of(m.start(1))
        yield Evidence(path=src.rel, line=ln, kind=IMAGE, name=image, detail=(("dockerfile", "1"),))
        yield _feat(src, "docker", f"image:{image}", ln)
    if "install" in src.text or "apk add" in src.text:
        yield from _bundled_servers(src, ctx)


# An OS package of a database server the image installs (`apt-get install -y mariadb-server`):
# the image bundles and runs that database. The word before `-server` is looked up among the
# catalog's driver words, so `openssh-server` or `x11-server` name nothing.
_SERVER_PACKAGE = re.compile(r"(?<![\w./-])([a-z][a-z0-9]{1,20})-server(?![\w.-])")


def _bundled_servers(src: Source, ctx: Context) -> Iterator[Record]:
    seen: set[str] = set()
    for m in _SERVER_PACKAGE.finditer(src.text):
        line_start = src.text.rfind("\n", 0, m.start()) + 1
        if src.text[line_start:m.start()].lstrip().startswith("#"):
            continue  # a comment
        sid = ctx.index.driver(m.group(1))
        if sid and sid not in seen:
            seen.add(sid)
            yield Evidence(path=src.rel, line=src.line_of(m.start()), kind=DB_TYPE, name=sid, service=sid,
                           detail=(("dockerfile", "1"),))


# -- Amazon ECS task definitions --------------------------------------------------------------

# `task-definition.json`, `taskdef.json`, `ecs-task-definition-api.json`, `api.ecs.json`.
_ECS_TASKDEF = re.compile(r"(?:task[-_]?def|(?:^|[-_.])ecs[-_.])[\w.-]*\.json$", re.I)
_URL_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:[^@/\s]*@)?([a-z0-9][a-z0-9.-]*\.[a-z]{2,})(?=[:/?#]|$)", re.I)
# A secret's `valueFrom` ARN names the AWS store the platform reads it from; as Terraform types,
# so the catalog's `terraform` entries name the service.
_SECRET_STORES = {"secretsmanager": "aws_secretsmanager_secret", "ssm": "aws_ssm_parameter"}


def ecs_task_definition(src: Source, ctx: Context) -> Iterator[Record]:
    """An ECS task definition: the containers' images, the env var NAMES they get (never the
    values), the catalog services their URL values point at (an ElastiCache endpoint), the
    stores their secrets come from and the log driver."""
    if '"containerDefinitions"' not in src.text:
        return
    try:
        doc = json.loads(src.text)
    except ValueError as exc:
        raise BadInput(str(exc)) from exc
    if isinstance(doc, dict) and isinstance(doc.get("taskDefinition"), dict):
        doc = doc["taskDefinition"]  # `aws ecs describe-task-definition` output
    containers = doc.get("containerDefinitions") if isinstance(doc, dict) else None
    if not isinstance(containers, list):
        return
    environment = y.environment_of_path(src.rel, "production")
    yield _feat(src, "aws-ecs", f"task_definition:{src.rel}", _key_line(src, "containerDefinitions"))
    seen: set[tuple[str, str]] = set()
    for c in containers:
        if not isinstance(c, dict):
            continue
        image = c.get("image")
        if isinstance(image, str) and image and "$" not in image and ("image", image) not in seen:
            seen.add(("image", image))
            yield Evidence(path=src.rel, line=_value_line(src, image), kind=IMAGE, name=y.image_ref(image),
                           detail=(("environment", environment),))
        items = [x for key in ("environment", "secrets") if isinstance(c.get(key), list) for x in c[key]]
        for item in items:  # a malformed `"environment": {}` is skipped, not a traceback
            if not isinstance(item, dict) or not _ENV_NAME.match(str(item.get("name", ""))):
                continue
            name = str(item["name"])
            line = _value_line(src, name)
            if ("env", name) not in seen:
                seen.add(("env", name))
                yield Evidence(path=src.rel, line=line, kind=ENV_DECL, name=name,
                               detail=(("file", "platform"), ("environment", environment)))
            value = item.get("value")
            m = _URL_HOST.match(value) if isinstance(value, str) else None
            sid = ctx.index.host(m.group(1)) if m else None
            if m and sid and ("host", m.group(1)) not in seen:
                seen.add(("host", m.group(1)))
                yield Evidence(path=src.rel, line=line, kind=HOST, name=m.group(1).lower(), service=sid)
            arn = item.get("valueFrom")
            store = _SECRET_STORES.get(arn.split(":")[2]) if isinstance(arn, str) and arn.startswith("arn:") and arn.count(":") >= 3 else None
            if store and ("store", store) not in seen:
                seen.add(("store", store))
                yield Evidence(path=src.rel, line=line, kind=TERRAFORM, name=store)
        logs = c.get("logConfiguration")
        if isinstance(logs, dict) and logs.get("logDriver") == "awslogs" and ("logs", "awslogs") not in seen:
            seen.add(("logs", "awslogs"))
            yield Evidence(path=src.rel, line=_value_line(src, "awslogs"), kind=TERRAFORM, name="aws_cloudwatch_log_group")


# -- DigitalOcean App Platform app specs ------------------------------------------------------

# `.do/app.yaml`, `.do/deploy.template.yaml` (the "Deploy to DigitalOcean" button's, the spec
# under `spec:`), or an `app.yaml` of that shape elsewhere.
_DO_COMPONENTS = ("services", "workers", "jobs", "static_sites", "functions")
# Managed database engines → (evidence kind, service); databases are DB_TYPE, as Heroku add-ons.
_DO_ENGINES = {
    "PG": (DB_TYPE, "postgresql"), "MYSQL": (DB_TYPE, "mysql"), "REDIS": (DB_TYPE, "redis"),
    "VALKEY": (DB_TYPE, "redis"), "MONGODB": (DB_TYPE, "mongodb"), "KAFKA": (CONFIG, "kafka"),
    "OPENSEARCH": (DB_TYPE, "opensearch"),
}
# Log forwarding: `log_destinations: [{name, logtail: {token}}]` ships the component's logs there.
_DO_LOG_DESTINATIONS = {"logtail": "better-stack", "datadog": "datadog", "papertrail": "papertrail",
                        "open_search": "opensearch"}
_BARE_HOST = re.compile(r"^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,})(?::\d+)?$", re.I)


def digitalocean_app_spec(src: Source, ctx: Context) -> Iterator[Record]:
    """A DigitalOcean App Platform spec: the env var NAMES its components get (never the
    values), the catalog hosts their values point at (`MAIL_HOST: smtp-relay.brevo.com`, a
    CDN URL on `*.cloudfront.net`), the managed databases by engine and the log destinations."""
    docs = y.yaml_docs(src)
    root = docs[0] if docs else None
    if isinstance(y.get(root, "spec"), yaml.MappingNode):
        root = y.get(root, "spec")  # deploy.template.yaml
    components = [c for key in _DO_COMPONENTS for c in y.items(y.get(root, key))]
    if not components and not y.items(y.get(root, "databases")):
        return
    if not any(isinstance(y.get(root, k), yaml.SequenceNode) for k in ("envs", "databases", *_DO_COMPONENTS)):
        return
    sid = "digitalocean-app-platform"
    if y.scalar(y.get(root, "region")):
        yield _feat(src, sid, f"region:{y.get(root, 'region').value}", y.line(y.get(root, "region")))  # type: ignore[union-attr]
    seen: set[tuple[str, str]] = set()
    for item in [*y.items(y.get(root, "envs")), *(e for c in components for e in y.items(y.get(c, "envs")))]:
        key = y.get(item, "key")
        if not (y.scalar(key) and _ENV_NAME.match(key.value)):  # type: ignore[union-attr]
            continue
        if ("env", key.value) not in seen:  # type: ignore[union-attr]
            seen.add(("env", key.value))  # type: ignore[union-attr]
            yield _env(src, key.value, y.line(key))  # type: ignore[union-attr]
        value = y.scalar(y.get(item, "value"))
        if not value or "${" in value:
            continue
        m = _URL_HOST.match(value) or _BARE_HOST.match(value.strip())
        host = m.group(1).lower() if m else ""
        target = ctx.index.host(host) if host else None
        if target and ("host", host) not in seen:  # a catalog host only: other values stay unread
            seen.add(("host", host))
            yield Evidence(path=src.rel, line=y.line(y.get(item, "value")), kind=HOST, name=host, service=target)  # type: ignore[arg-type]
    for db in y.items(y.get(root, "databases")):
        engine = y.get(db, "engine")
        found = _DO_ENGINES.get((y.scalar(engine) or "").upper())
        if found and ("db", found[1]) not in seen:
            seen.add(("db", found[1]))
            kind, target = found
            yield Evidence(path=src.rel, line=y.line(engine), kind=kind,  # type: ignore[arg-type]
                           name=target if kind == DB_TYPE else src.name, service=target)
    for c in components:
        for dest in y.items(y.get(c, "log_destinations")):
            for key, key_node, _ in y.pairs(dest):
                target = _DO_LOG_DESTINATIONS.get(key)
                if target and ("logs", target) not in seen:
                    seen.add(("logs", target))
                    yield Evidence(path=src.rel, line=y.line(key_node), kind=CONFIG, name=src.name, service=target)


def _is_do_spec_path(rel: str, name: str) -> bool:
    return "/.do/" in f"/{rel}" and name.endswith((".yaml", ".yml"))


# -- Kamal -----------------------------------------------------------------------------------

# Kamal's deploy config (`config/deploy.yml`, a destination's `config/deploy.staging.yml`): the
# `registry:` its image is pushed to and the servers pull from. With no `server:` Kamal uses
# Docker Hub, its documented default (`registry: {username: acme, password: [KAMAL_REGISTRY_PASSWORD]}`);
# a `server:` that is a catalogued registry host (`ghcr.io`) names that one instead.
_KAMAL_CONFIG = re.compile(r"(?:^|/)config/deploy(?:\.[\w-]+)?\.yml$")


def kamal_deploy(src: Source, ctx: Context) -> Iterator[Record]:
    try:
        docs = y.yaml_docs(src)
    except BadInput:
        return  # ERB control lines (`<% if ... %>`) make a template, no YAML to read
    root = docs[0] if docs else None
    registry = y.get(root, "registry")
    if not isinstance(registry, yaml.MappingNode) or not (y.get(root, "service") or y.get(root, "image")):
        return  # no Kamal config, or a destination file inheriting the base file's registry
    server = y.scalar(y.get(registry, "server"))
    if server is None:
        if y.get(registry, "username") is None:
            return  # no login: nothing is pushed to a registry named here
        sid: str | None = "docker-hub"
        line = y.line(y.key_node(root, "registry") or registry)
    else:
        host = server.split("://")[-1].split("/")[0].split(":")[0].lower()
        sid = ctx.index.host(host)
        if sid is None or ctx.catalog.services[sid].category != "hosting":
            return
        line = y.line(y.get(registry, "server"))
        yield Evidence(path=src.rel, line=line, kind=HOST, name=host, service=sid)
    yield _feat(src, sid, f"deploy:{sid}", line)
    yield _feat(src, sid, f"deploy_from:{src.rel}", line)


# -- dispatch --------------------------------------------------------------------------------

Handler = Callable[[Source, Context], Iterator[Record]]
_BY_NAME: dict[str, Handler] = {
    "vercel.json": vercel, "netlify.toml": netlify, "fly.toml": fly, "render.yaml": render,
    "render.yml": render, "railway.json": railway, "railway.toml": railway, "app.yaml": app_engine,
    "app.yml": app_engine, "Procfile": procfile, "app.json": heroku_app_json, "wrangler.toml": wrangler,
    "wrangler.json": wrangler, "wrangler.jsonc": wrangler, "firebase.json": firebase, "serverless.yml": serverless,
    "serverless.yaml": serverless, "template.yaml": sam, "template.yml": sam, "Chart.yaml": helm_chart,
    "Containerfile": dockerfile, "Dockerfile": dockerfile,
}
_VALUES = re.compile(r"^values(?:[.-][\w.-]+)?\.ya?ml$")
_DOCKERFILE = re.compile(r"^(?:Dockerfile\.[\w.-]+|[\w.-]+\.[Dd]ockerfile)$")


def is_dockerfile(name: str) -> bool:
    """`Dockerfile`, `Containerfile`, `Dockerfile.prod`, `api.dockerfile`."""
    return name in ("Dockerfile", "Containerfile") or _DOCKERFILE.match(name) is not None


_NOT_K8S = re.compile(r"^(?:docker-)?compose|^\.?(?:gitlab-ci|travis|drone)|^(?:azure|bitbucket)-pipelines|^mkdocs|^pnpm-|^\.pre-commit|^codecov|^dependabot")


# Templated YAML rendered before it is applied (krane's `web.yaml.erb`, Ansible's `*.yaml.j2`).
_TEMPLATE_SUFFIX = re.compile(r"\.ya?ml\.(?:erb|j2|jinja2?|tpl|tmpl|gotmpl)$")


def handler_for(rel: str, name: str) -> Handler | None:
    if _is_do_spec_path(rel, name):
        return digitalocean_app_spec
    if name.startswith("deploy") and _KAMAL_CONFIG.search(rel):
        return kamal_deploy
    if name in _BY_NAME:
        return _BY_NAME[name]
    if _DOCKERFILE.match(name):
        return dockerfile
    if name.endswith(".json") and _ECS_TASKDEF.search(name):
        return ecs_task_definition
    if _TEMPLATE_SUFFIX.search(name):
        dirs = set(rel.lower().split("/")[:-1])
        return kubernetes if "/.github/" not in f"/{rel}" and (dirs & _K8S_DIRS or _K8S_NAME.search(name)) else None
    if not name.endswith((".yaml", ".yml")) or "/.github/" in f"/{rel}" or _NOT_K8S.match(name):
        return None
    if _VALUES.match(name):
        return helm_values
    dirs = set(rel.lower().split("/")[:-1])
    if dirs & _K8S_DIRS or _K8S_NAME.search(name):
        return kubernetes
    return None


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    handler = handler_for(src.rel, src.name)
    if handler is not None:
        yield from handler(src, ctx)


DETECTOR = Detector(
    name="hosting",
    accepts=lambda rel, name, ctx: handler_for(rel, name) is not None,
    detect=detect,
)
