#!/usr/bin/env python3
"""Scanner performance benchmark: one command, synthetic trees, a floor to compare against.

    python benchmarks/run.py [--sizes 1000,10000,100000] [--out DIR]

Why it is shaped this way:

* The trees are synthetic but deterministic (fixed seed), so numbers from two runs or two
  machines describe the same input. They imitate what makes real repositories expensive:
  many small source files in several languages, a few percent that really use an SDK,
  vendored folders (`node_modules/`, `vendor/`) and build output that must be pruned,
  minified bundles that must not be read, a `.gitignore`d `build/` folder.
* "Cold" means a new `Scanner` (the catalog is parsed once per process and is timed on its
  own line), "warm" means the same watching `Scanner` (as `mkdocs serve` makes it) after
  rewriting one file: that is what `mkdocs serve` pays on every save. The same rebuild
  without the change journal (a stat of every folder and file) is reported too.
* tracemalloc sees only Python allocations and slows the scan down, so it runs separately
  from the timed scan; the RSS column comes from a child process doing only a cold scan.
* `rg` (ripgrep) searching the same tree for the catalog's literal keywords is the floor:
  no Python scanner reading the same bytes will beat it, so "scan / rg" says how much of
  the cost is ours rather than the disk's.

Nothing here asserts timings: it measures and reports.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import logging
import math
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_SITE = REPO / "example-site" / "mkdocs.yml"
SEED = 20240611
REVISION = "unknown"
FILES_PER_MODULE = 6
GENERATOR_VERSION = "2"  # bump when the generator changes, so cached trees are rebuilt

# ----------------------------------------------------------------------------------------
# Synthetic tree generation
# ----------------------------------------------------------------------------------------

WORDS = (
    "order invoice customer cart account session report shipment product catalog stock "
    "profile billing audit schedule task metric ledger coupon review rating address tenant "
    "course lesson quiz grade enrollment refund discount warehouse route driver vehicle "
    "booking slot calendar document folder comment thread reaction badge level score"
).split()
VERBS = "get create update delete list find load save build compute validate sync apply merge".split()


def _ident(rng: random.Random, parts: int = 2) -> str:
    words = [rng.choice(VERBS)] + [rng.choice(WORDS) for _ in range(parts - 1)]
    return words[0] + "".join(w.capitalize() for w in words[1:])


def _type(rng: random.Random) -> str:
    return rng.choice(WORDS).capitalize() + rng.choice(("Service", "Repository", "Dto", "Model", "Handler", ""))


def _snake(rng: random.Random) -> str:
    return f"{rng.choice(VERBS)}_{rng.choice(WORDS)}_{rng.choice(WORDS)}"


def _chunk_ts(rng: random.Random) -> str:
    """One exported function or class of plain TypeScript business code."""
    name, arg, t = _ident(rng), rng.choice(WORDS), _type(rng)
    body = []
    for _ in range(rng.randint(3, 18)):
        kind = rng.random()
        v = rng.choice(WORDS)
        if kind < 0.3:
            body.append(f"  const {v}{rng.randint(1, 99)} = {arg}.{rng.choice(WORDS)}?.{rng.choice(WORDS)} ?? {rng.randint(0, 500)};")
        elif kind < 0.5:
            body.append(f"  if ({arg}.{v}Id === undefined) {{\n    throw new Error(\"missing {v} for {name}\");\n  }}")
        elif kind < 0.7:
            body.append(f"  for (const item of {arg}.{v}s ?? []) {{\n    total += item.amount * {rng.randint(1, 9)};\n  }}")
        elif kind < 0.85:
            body.append(f"  // {rng.choice(WORDS)} {rng.choice(WORDS)} must be {rng.choice(VERBS)}d before the {v} is {rng.choice(VERBS)}d")
        else:
            body.append(f"  logger.debug(`{name}: {v} ${{{arg}.id}}`);")
    body_text = "\n".join(body)
    if rng.random() < 0.3:
        return (
            f"export class {t}{rng.randint(1, 999)} {{\n  constructor(private readonly repo: {t}Repository) {{}}\n\n"
            f"  async {name}({arg}: {t}): Promise<number> {{\n    let total = 0;\n{body_text}\n    return total;\n  }}\n}}\n"
        )
    return f"export async function {name}({arg}: {t}): Promise<number> {{\n  let total = 0;\n{body_text}\n  return total;\n}}\n"


def _chunk_py(rng: random.Random) -> str:
    """One function or class of plain Python business code."""
    name, arg = _snake(rng), rng.choice(WORDS)
    body = []
    for _ in range(rng.randint(3, 18)):
        kind = rng.random()
        v = rng.choice(WORDS)
        if kind < 0.3:
            body.append(f"    {v}_{rng.randint(1, 99)} = {arg}.get(\"{rng.choice(WORDS)}\", {rng.randint(0, 500)})")
        elif kind < 0.5:
            body.append(f"    if {arg}.get(\"{v}_id\") is None:\n        raise ValueError(\"missing {v} for {name}\")")
        elif kind < 0.7:
            body.append(f"    for item in {arg}.get(\"{v}s\", []):\n        total += item[\"amount\"] * {rng.randint(1, 9)}")
        elif kind < 0.85:
            body.append(f"    # the {v} has to be {rng.choice(VERBS)}d before {rng.choice(WORDS)} {rng.choice(WORDS)}")
        else:
            body.append(f"    logger.debug(\"{name}: {v} %s\", {arg}.get(\"id\"))")
    body_text = "\n".join(body)
    if rng.random() < 0.3:
        t = _type(rng)
        indented = body_text.replace("\n", "\n    ")
        return (
            f"class {t}{rng.randint(1, 999)}:\n    \"\"\"{rng.choice(WORDS).capitalize()} rules.\"\"\"\n\n"
            f"    def {name}(self, {arg}: dict) -> int:\n        total = 0\n    {indented}\n        return total\n\n"
        )
    return f"def {name}({arg}: dict) -> int:\n    total = 0\n{body_text}\n    return total\n\n\n"


def _chunk_go(rng: random.Random) -> str:
    name = _ident(rng)
    name = name[0].upper() + name[1:]
    arg, t = rng.choice(WORDS), _type(rng)
    body = []
    for _ in range(rng.randint(3, 16)):
        kind = rng.random()
        v = rng.choice(WORDS)
        if kind < 0.35:
            body.append(f"\t{v}{rng.randint(1, 99)} := {arg}.{v.capitalize()}{rng.choice(WORDS).capitalize()}\n\t_ = {v}{rng.randint(1, 99)}")
        elif kind < 0.55:
            body.append(f"\tif {arg}.{v.capitalize()}ID == \"\" {{\n\t\treturn 0, fmt.Errorf(\"missing {v} for {name}\")\n\t}}")
        elif kind < 0.75:
            body.append(f"\tfor _, item := range {arg}.{v.capitalize()}s {{\n\t\ttotal += item.Amount * {rng.randint(1, 9)}\n\t}}")
        else:
            body.append(f"\t// {rng.choice(WORDS)} is {rng.choice(VERBS)}d before the {v}")
    return f"func {name}({arg} *{t}) (int, error) {{\n\ttotal := 0\n" + "\n".join(body) + "\n\treturn total, nil\n}\n\n"


def _chunk_rb(rng: random.Random) -> str:
    name, arg = _snake(rng), rng.choice(WORDS)
    body = []
    for _ in range(rng.randint(3, 14)):
        v = rng.choice(WORDS)
        kind = rng.random()
        if kind < 0.4:
            body.append(f"    {v}_{rng.randint(1, 99)} = {arg}.fetch(:{rng.choice(WORDS)}, {rng.randint(0, 500)})")
        elif kind < 0.6:
            body.append(f"    raise ArgumentError, \"missing {v}\" if {arg}[:{v}_id].nil?")
        elif kind < 0.8:
            body.append(f"    {arg}.fetch(:{v}s, []).each {{ |item| total += item[:amount] * {rng.randint(1, 9)} }}")
        else:
            body.append(f"    # {rng.choice(WORDS)} before {v}")
    return f"  def {name}({arg})\n    total = 0\n" + "\n".join(body) + "\n    total\n  end\n\n"


def _chunk_php(rng: random.Random) -> str:
    name, arg = _ident(rng), rng.choice(WORDS)
    body = []
    for _ in range(rng.randint(3, 14)):
        v = rng.choice(WORDS)
        kind = rng.random()
        if kind < 0.4:
            body.append(f"        ${v}{rng.randint(1, 99)} = ${arg}['{rng.choice(WORDS)}'] ?? {rng.randint(0, 500)};")
        elif kind < 0.6:
            body.append(f"        if (!isset(${arg}['{v}_id'])) {{\n            throw new \\InvalidArgumentException('missing {v}');\n        }}")
        elif kind < 0.8:
            body.append(f"        foreach (${arg}['{v}s'] ?? [] as $item) {{\n            $total += $item['amount'] * {rng.randint(1, 9)};\n        }}")
        else:
            body.append(f"        // {rng.choice(WORDS)} before {v}")
    return f"    public function {name}(array ${arg}): int\n    {{\n        $total = 0;\n" + "\n".join(body) + "\n        return $total;\n    }\n\n"


def _chunk_java(rng: random.Random) -> str:
    name, arg, t = _ident(rng), rng.choice(WORDS), _type(rng)
    body = []
    for _ in range(rng.randint(3, 14)):
        v = rng.choice(WORDS)
        kind = rng.random()
        if kind < 0.4:
            body.append(f"        int {v}{rng.randint(1, 99)} = {arg}.get{v.capitalize()}Count();")
        elif kind < 0.6:
            body.append(f"        if ({arg}.get{v.capitalize()}Id() == null) {{\n            throw new IllegalArgumentException(\"missing {v}\");\n        }}")
        elif kind < 0.8:
            body.append(f"        for (var item : {arg}.get{v.capitalize()}s()) {{\n            total += item.getAmount() * {rng.randint(1, 9)};\n        }}")
        else:
            body.append(f"        // {rng.choice(WORDS)} before {v}")
    return f"    public int {name}({t} {arg}) {{\n        int total = 0;\n" + "\n".join(body) + "\n        return total;\n    }\n\n"


@dataclass(frozen=True)
class Lang:
    """How to write one language: extension, chunk generator, file wrapper, SDK snippets."""

    key: str
    ext: str
    chunk: Callable[[random.Random], str]
    # (header, footer) around the chunks, given the file's SDK import lines
    wrap: Callable[[str, list[str]], tuple[str, str]]
    # SDK usages: (manifest dependency, import line(s), usage snippet)
    sdks: tuple[tuple[str, str, str], ...]


def _wrap_ts(name: str, imports: list[str]) -> tuple[str, str]:
    head = "import { logger } from \"../lib/logger\";\nimport type { Request } from \"express\";\n" + "".join(imports)
    return head + "\n", ""


def _wrap_js(name: str, imports: list[str]) -> tuple[str, str]:
    head = "\"use strict\";\nconst { logger } = require(\"../lib/logger\");\nconst _ = require(\"lodash\");\n" + "".join(imports)
    return head + "\n", ""


def _wrap_py(name: str, imports: list[str]) -> tuple[str, str]:
    head = f"\"\"\"{name.replace('_', ' ').capitalize()}.\"\"\"\n\nfrom __future__ import annotations\n\nimport logging\nimport os\n" + "".join(imports)
    return head + "\nlogger = logging.getLogger(__name__)\n\n\n", ""


def _wrap_go(name: str, imports: list[str]) -> tuple[str, str]:
    extra = "".join(f"\t{line}\n" for line in imports)
    return f"package {name.split('_')[0]}\n\nimport (\n\t\"fmt\"\n\t\"os\"\n{extra})\n\nvar _ = os.Getenv\n\n", ""


def _wrap_rb(name: str, imports: list[str]) -> tuple[str, str]:
    cls = "".join(w.capitalize() for w in name.split("_"))
    return "# frozen_string_literal: true\n\n" + "".join(imports) + f"\nclass {cls}\n", "end\n"


def _wrap_php(name: str, imports: list[str]) -> tuple[str, str]:
    cls = "".join(w.capitalize() for w in name.split("_"))
    return "<?php\n\ndeclare(strict_types=1);\n\nnamespace App\\Domain;\n\n" + "".join(imports) + f"\nfinal class {cls}\n{{\n", "}\n"


def _wrap_java(name: str, imports: list[str]) -> tuple[str, str]:
    cls = "".join(w.capitalize() for w in name.split("_"))
    return "package com.example.app;\n\nimport java.util.List;\n" + "".join(imports) + f"\npublic class {cls} {{\n", "}\n"


JS_SDKS = (
    ("stripe", 'import Stripe from "stripe";\n',
     'const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "", { apiVersion: "2024-06-20" });\n'
     "export async function createCheckout(priceId: string) {\n"
     '  return stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: priceId, quantity: 1 }] });\n}\n\n'),
    ("@sendgrid/mail", 'import sgMail from "@sendgrid/mail";\n',
     "sgMail.setApiKey(process.env.SENDGRID_API_KEY!);\n"
     "export async function sendReceipt(to: string, html: string) {\n"
     '  await sgMail.send({ to, from: "billing@example.com", subject: "Your receipt", html });\n}\n\n'),
    ("twilio", 'import twilio from "twilio";\n',
     "const sms = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);\n"
     "export async function textCode(to: string, code: string) {\n"
     "  await sms.messages.create({ to, from: process.env.TWILIO_FROM_NUMBER, body: `Code: ${code}` });\n}\n\n"),
    ("ioredis", 'import Redis from "ioredis";\n',
     "const redis = new Redis(process.env.REDIS_URL);\n"
     "export async function cached(key: string) {\n  return redis.get(key);\n}\n\n"),
    ("@sentry/node", 'import * as Sentry from "@sentry/node";\n',
     "Sentry.init({ dsn: process.env.SENTRY_DSN, tracesSampleRate: 0.1 });\n\n"),
)
PY_SDKS = (
    ("stripe", "import stripe\n",
     'stripe.api_key = os.environ["STRIPE_SECRET_KEY"]\n\n\ndef refund(charge_id: str) -> None:\n'
     "    stripe.Refund.create(charge=charge_id)\n\n\n"),
    ("twilio", "from twilio.rest import Client\n",
     'sms = Client(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])\n\n\n'
     "def text_code(to: str, code: str) -> None:\n"
     '    sms.messages.create(to=to, from_=os.environ["TWILIO_FROM_NUMBER"], body=f"Code: {code}")\n\n\n'),
    ("boto3", "import boto3\n",
     's3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))\n\n\n'
     "def upload(key: str, body: bytes) -> None:\n"
     '    s3.put_object(Bucket=os.environ["UPLOADS_BUCKET"], Key=key, Body=body)\n\n\n'),
    ("redis", "import redis\n", 'cache = redis.Redis.from_url(os.environ["REDIS_URL"])\n\n\n'),
    ("sentry-sdk", "import sentry_sdk\n", 'sentry_sdk.init(dsn=os.environ.get("SENTRY_DSN"), traces_sample_rate=0.1)\n\n\n'),
    ("sendgrid", "from sendgrid import SendGridAPIClient\n",
     'mailer = SendGridAPIClient(os.environ["SENDGRID_API_KEY"])\n\n\n'),
)
GO_SDKS = (
    ("github.com/stripe/stripe-go/v76", '"github.com/stripe/stripe-go/v76"',
     'func init() {\n\tstripe.Key = os.Getenv("STRIPE_SECRET_KEY")\n}\n\n'),
    ("github.com/redis/go-redis/v9", '"github.com/redis/go-redis/v9"',
     'var rdb = redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})\n\n'),
    ("github.com/getsentry/sentry-go", '"github.com/getsentry/sentry-go"',
     'func initSentry() error {\n\treturn sentry.Init(sentry.ClientOptions{Dsn: os.Getenv("SENTRY_DSN")})\n}\n\n'),
    ("github.com/twilio/twilio-go", '"github.com/twilio/twilio-go"',
     'var sms = twilio.NewRestClientWithParams(twilio.ClientParams{Username: os.Getenv("TWILIO_ACCOUNT_SID"), Password: os.Getenv("TWILIO_AUTH_TOKEN")})\n\n'),
)
RB_SDKS = (
    ("stripe", 'require "stripe"\n', '  Stripe.api_key = ENV["STRIPE_SECRET_KEY"]\n\n'),
    ("twilio-ruby", 'require "twilio-ruby"\n', '  SMS = Twilio::REST::Client.new(ENV["TWILIO_ACCOUNT_SID"], ENV["TWILIO_AUTH_TOKEN"])\n\n'),
    ("redis", 'require "redis"\n', '  REDIS = Redis.new(url: ENV["REDIS_URL"])\n\n'),
    ("sentry-ruby", 'require "sentry-ruby"\n', '  Sentry.init { |config| config.dsn = ENV["SENTRY_DSN"] }\n\n'),
)
PHP_SDKS = (
    ("stripe/stripe-php", "use Stripe\\StripeClient;\n",
     "    private function stripe(): StripeClient\n    {\n        return new StripeClient(getenv('STRIPE_SECRET_KEY'));\n    }\n\n"),
    ("twilio/sdk", "use Twilio\\Rest\\Client;\n",
     "    private function sms(): Client\n    {\n        return new Client(getenv('TWILIO_ACCOUNT_SID'), getenv('TWILIO_AUTH_TOKEN'));\n    }\n\n"),
    ("sentry/sentry", "use Sentry;\n", "    public function boot(): void\n    {\n        \\Sentry\\init(['dsn' => getenv('SENTRY_DSN')]);\n    }\n\n"),
)
JAVA_SDKS = (
    ("com.stripe:stripe-java", "import com.stripe.Stripe;\n",
     '    static {\n        Stripe.apiKey = System.getenv("STRIPE_SECRET_KEY");\n    }\n\n'),
    ("com.twilio.sdk:twilio", "import com.twilio.Twilio;\n",
     '    static {\n        Twilio.init(System.getenv("TWILIO_ACCOUNT_SID"), System.getenv("TWILIO_AUTH_TOKEN"));\n    }\n\n'),
    ("io.sentry:sentry", "import io.sentry.Sentry;\n",
     '    static {\n        Sentry.init(options -> options.setDsn(System.getenv("SENTRY_DSN")));\n    }\n\n'),
)

LANGS: tuple[tuple[Lang, float], ...] = (
    (Lang("ts", ".ts", _chunk_ts, _wrap_ts, JS_SDKS), 0.30),
    (Lang("js", ".js", _chunk_ts, _wrap_js, JS_SDKS), 0.10),  # TS-ish bodies are close enough for a scanner
    (Lang("py", ".py", _chunk_py, _wrap_py, PY_SDKS), 0.20),
    (Lang("go", ".go", _chunk_go, _wrap_go, GO_SDKS), 0.15),
    (Lang("rb", ".rb", _chunk_rb, _wrap_rb, RB_SDKS), 0.10),
    (Lang("php", ".php", _chunk_php, _wrap_php, PHP_SDKS), 0.08),
    (Lang("java", ".java", _chunk_java, _wrap_java, JAVA_SDKS), 0.07),
)

SDK_SHARE = 0.05  # share of source files that import a real SDK and read its env vars


def _manifest(lang: Lang, pkg: str, deps: set[str]) -> tuple[str, str] | None:
    """The package's manifest (file name, text), listing plain deps plus the SDKs it uses."""
    d = sorted(deps)
    if lang.key in ("ts", "js"):
        all_deps = {"express": "^4.19.2", "lodash": "^4.17.21", "zod": "^3.23.8", **{n: "^1.0.0" for n in d}}
        return "package.json", json.dumps(
            {"name": f"@acme/{pkg}", "version": "1.0.0", "private": True, "dependencies": all_deps,
             "devDependencies": {"typescript": "^5.4.5", "vitest": "^1.6.0"}}, indent=2) + "\n"
    if lang.key == "py":
        return "requirements.txt", "".join(f"{n}\n" for n in ["fastapi==0.111.0", "pydantic>=2", *d])
    if lang.key == "go":
        req = "".join(f"\t{n} v1.0.0\n" for n in ["github.com/go-chi/chi/v5", *d])
        return "go.mod", f"module github.com/acme/{pkg}\n\ngo 1.22\n\nrequire (\n{req})\n"
    if lang.key == "rb":
        return "Gemfile", 'source "https://rubygems.org"\n\ngem "rails", "~> 7.1"\n' + "".join(f'gem "{n}"\n' for n in d)
    if lang.key == "php":
        return "composer.json", json.dumps({"name": f"acme/{pkg}", "require": {"php": ">=8.2", **{n: "^1.0" for n in d}}}, indent=2) + "\n"
    if lang.key == "java":
        deps_xml = "".join(
            f"    <dependency><groupId>{n.split(':')[0]}</groupId><artifactId>{n.split(':')[1]}</artifactId><version>1.0.0</version></dependency>\n"
            for n in d)
        return "pom.xml", f"<project>\n  <artifactId>{pkg}</artifactId>\n  <dependencies>\n{deps_xml}  </dependencies>\n</project>\n"
    return None


@dataclass
class TreeStats:
    """What was generated, by kind, so the report can say what the scanner had to skip."""

    total_files: int = 0
    total_bytes: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, size: int) -> None:
        self.total_files += 1
        self.total_bytes += size
        self.by_kind[kind] = self.by_kind.get(kind, 0) + 1


class TreeWriter:
    """Writes files and counts them; chunk pools keep generation fast for 100k files."""

    def __init__(self, root: Path, rng: random.Random) -> None:
        self.root = root
        self.rng = rng
        self.stats = TreeStats()
        self.pools = {lang.key: [lang.chunk(rng) for _ in range(400)] for lang, _ in LANGS}

    def write(self, rel: str, text: str, kind: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode()
        path.write_bytes(data)
        self.stats.add(kind, len(data))

    def target_size(self, lo: int = 500, hi: int = 30_000, median: int = 4_000) -> int:
        """Log-normal sizes clipped to [lo, hi]: most files small, a long tail of big ones."""
        return int(min(hi, max(lo, self.rng.lognormvariate(math.log(median), 0.9))))

    def body(self, lang: Lang, size: int) -> str:
        parts: list[str] = []
        n = 0
        pool = self.pools[lang.key]
        while n < size:
            c = self.rng.choice(pool)
            parts.append(c)
            n += len(c)
        return "".join(parts)


def generate_tree(root: Path, n_files: int, seed: int = SEED) -> TreeStats:
    """A monorepo of about `n_files` files: ~80% own code, the rest vendored, built or minified."""
    rng = random.Random(seed)
    w = TreeWriter(root, rng)
    w.write(".gitignore", "build/\n*.log\n.env\n.env.local\n", "gitignore")
    n_pruned = int(n_files * 0.15)  # node_modules/ and vendor/
    n_build = int(n_files * 0.03)  # build/ (gitignored)
    n_bundles = max(4, int(n_files * 0.02))  # dist/ and *.min.js
    n_source = n_files - n_pruned - n_build - n_bundles - 1

    # Own code: packages of 20-120 files in nested module folders.
    weights = [wt for _, wt in LANGS]
    langs = [lg for lg, _ in LANGS]
    made = 0
    pkg_i = 0
    js_packages: list[str] = []
    other_vendor_packages: list[tuple[str, Lang]] = []
    while made < n_source:
        lang = rng.choices(langs, weights)[0]
        pkg = f"{rng.choice(WORDS)}-{lang.key}-{pkg_i:04d}"
        base = f"services/{pkg}"
        pkg_i += 1
        size = min(rng.randint(20, 120), n_source - made)
        deps: set[str] = set()
        # FILES_PER_MODULE files share a module folder: real apps have ~5 files per folder
        # (median of the 48 labelled corpus apps: 5.1). Version 1 drew a new word per file,
        # which made nearly every file a folder of its own (1.2 files per folder).
        modules = [rng.choice(WORDS) for _ in range(size // FILES_PER_MODULE + 1)]
        for i in range(size - 1):  # one slot for the manifest
            module = f"{modules[i // FILES_PER_MODULE]}{i // FILES_PER_MODULE}"
            name = f"{rng.choice(VERBS)}_{rng.choice(WORDS)}_{i}"
            imports: list[str] = []
            snippet = ""
            kind = "source"
            if rng.random() < SDK_SHARE:
                dep, imp, snippet = rng.choice(lang.sdks)
                deps.add(dep)
                imports.append(imp if lang.key != "go" else imp)
                kind = "source_sdk"
            head, foot = lang.wrap(name, imports)
            text = head + snippet + w.body(lang, w.target_size()) + foot
            ext = lang.ext
            w.write(f"{base}/src/{module}/{name}{ext}", text, kind)
        manifest = _manifest(lang, pkg, deps)
        if manifest:
            w.write(f"{base}/{manifest[0]}", manifest[1], "manifest")
        made += size
        if lang.key in ("ts", "js"):
            js_packages.append(base)
        elif lang.key in ("go", "php", "rb"):
            other_vendor_packages.append((base, lang))
        if pkg_i % 7 == 0:  # a few .env.example files, committed templates
            w.write(f"{base}/.env.example", "STRIPE_SECRET_KEY=sk_test_replace_me\nTWILIO_AUTH_TOKEN=\nREDIS_URL=redis://localhost:6379\nSENTRY_DSN=\n", "env_example")

    # Vendored code that must be pruned: many small files, also SDK-looking ones.
    vendor_homes = js_packages or ["services/web"]
    for i in range(n_pruned):
        if i % 4 == 3 and other_vendor_packages:
            base, lang = other_vendor_packages[i % len(other_vendor_packages)]
            dep = rng.choice(lang.sdks)[0].replace(":", "/")
            w.write(f"{base}/vendor/{dep}/src/file{i}{lang.ext}", lang.wrap("vendored", [])[0] + w.body(lang, w.target_size(300, 8000, 1500)), "pruned")
        else:
            home = vendor_homes[i % len(vendor_homes)]
            dep = rng.choice(("stripe", "twilio", "lodash", "express", "ioredis", "@sentry/node", "@sendgrid/mail", "zod"))
            js = LANGS[1][0]
            w.write(f"{home}/node_modules/{dep}/lib/mod{i}.js", 'const key = process.env.STRIPE_SECRET_KEY;\n' + w.body(js, w.target_size(300, 8000, 1500)), "pruned")

    # Build output, ignored by .gitignore.
    js = LANGS[1][0]
    for i in range(n_build):
        w.write(f"build/assets/chunk{i}.js", w.body(js, w.target_size()), "gitignored")

    # Minified bundles: a pruned dist/ and some *.min.js next to own code (not pruned, not read).
    for i in range(n_bundles):
        text = " ".join(line.strip() for line in w.body(js, w.target_size(2_000, 120_000, 20_000)).splitlines())
        if i % 3 == 0:
            w.write(f"services/web-static/public/js/lib{i}.min.js", text, "minified")
        else:
            w.write(f"services/web-static/dist/bundle.{i:05x}.js", text, "minified")
    return w.stats


def ensure_tree(out: Path, n_files: int) -> tuple[Path, TreeStats, float]:
    """Generate the tree once; reuse it when the same generator version made it before."""
    root = out / f"tree-{n_files}"
    stamp = root / ".bench-stamp.json"
    want = {"version": GENERATOR_VERSION, "seed": SEED, "n": n_files}
    if stamp.is_file():
        saved = json.loads(stamp.read_text())
        if saved.get("key") == want:
            return root, TreeStats(**saved["stats"]), saved["seconds"]
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    t0 = time.perf_counter()
    stats = generate_tree(root, n_files)
    seconds = time.perf_counter() - t0
    stamp.write_text(json.dumps({"key": want, "stats": asdict(stats), "seconds": seconds}))
    return root, stats, seconds


# ----------------------------------------------------------------------------------------
# Measurements
# ----------------------------------------------------------------------------------------


def _options(tree: Path):  # -> ScanOptions; imported lazily so --help is instant
    from mkdocs_integrations.scan import ScanOptions

    return ScanOptions(roots=[tree], base=tree)


def scanned_bytes(tree: Path) -> tuple[int, int, float]:
    """(files, bytes, walk seconds) the scanner would read: the walk alone, same filter."""
    from mkdocs_integrations.scan import LARGE_OK, Scanner
    from mkdocs_integrations.scan.walk import walk

    scanner = Scanner()
    opts = _options(tree)
    t0 = time.perf_counter()
    walked = walk(opts.roots, opts.base, opts.exclude,
                  wanted=scanner.wanted,
                  max_file_size=opts.max_file_size, large_ok=lambda name: name in LARGE_OK)
    seconds = time.perf_counter() - t0
    return len(walked.files), sum(f.size for f in walked.files), seconds


def _peak_rss_mb() -> float:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_cold_scan(tree: Path) -> dict[str, float]:
    """Runs in a fresh process: catalog load, then one cold scan; reports times and peak RSS.

    The high-water mark is read once before the scan (interpreter + imports + catalog) and
    once after. Linux keeps `ru_maxrss` across exec, so a child of a large parent would start
    at the parent's size: /proc's VmHWM (per address space) is read where there is one.
    """
    t0 = time.perf_counter()
    from mkdocs_integrations.catalog import load_catalog
    from mkdocs_integrations.scan import Scanner

    t_import = time.perf_counter() - t0
    t0 = time.perf_counter()
    load_catalog()
    t_catalog = time.perf_counter() - t0
    rss_before = _peak_rss_mb()
    t0 = time.perf_counter()
    result = Scanner().scan(_options(tree))
    t_scan = time.perf_counter() - t0
    rss_after = _peak_rss_mb()
    return {"import_s": t_import, "catalog_s": t_catalog, "scan_s": t_scan, "rss_before_mb": rss_before,
            "rss_after_mb": rss_after, "files_scanned": result.files_scanned, "evidence": len(result.evidence)}


def run_child(tree: Path) -> dict[str, float]:
    proc = subprocess.run([sys.executable, __file__, "--child-scan", str(tree)], check=True,
                          capture_output=True, text=True, cwd=REPO)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def touch_one(tree: Path) -> Path:
    """Rewrite one own source file, as an editor save would.

    The bytes stay the same (so the cached tree stays deterministic across runs) and the
    mtime moves forward, which is all the Scanner's (size, mtime) cache key can see.
    """
    path = sorted((tree / "services").glob("*/src/*/*.*"))[0]
    data = path.read_bytes()
    path.write_bytes(data)
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))  # coarse-mtime filesystems
    return path


@dataclass
class Row:
    """One tree size's measurements (seconds, MB); see the module docstring for definitions."""

    files: int
    scanned: int
    scanned_mb: float
    tree_mb: float
    walk_s: float
    cold_s: float
    cold_child_s: float
    warm_s: float
    noop_s: float
    warm_walk_s: float
    serve_cold_s: float
    files_read_warm: int
    peak_mb: float
    rss_mb: float
    rss_base_mb: float
    rg_s: float
    rg_j1_s: float
    rg_matches: int
    evidence: int
    gen_s: float

    @property
    def files_per_s(self) -> float:
        return self.scanned / self.cold_s

    @property
    def mb_per_s(self) -> float:
        return self.scanned_mb / self.cold_s

    @property
    def us_per_file(self) -> float:
        return self.cold_s / self.scanned * 1e6


def rg_patterns(path: Path) -> int:
    """Every literal keyword the catalog would look for: npm/pypi names, env names, hosts."""
    from mkdocs_integrations.catalog import load_catalog

    words: set[str] = set()
    for svc in load_catalog().services.values():
        for eco in ("npm", "pypi"):
            for group in (svc.packages, svc.weak_packages):
                words.update(n.rstrip("*") for n in group.get(eco, ()))
        words.update(svc.env)
        words.update(h.removeprefix("*.") for h in svc.hosts)
    words.discard("")
    path.write_text("".join(f"{w}\n" for w in sorted(words)))
    return len(words)


def time_rg(tree: Path, patterns: Path, threads: int | None = None, repeat: int = 3) -> tuple[float, int]:
    """Median wall time of rg over the tree (after one warm-up run), and its match count.

    `--no-require-git` makes rg honour .gitignore outside a git repository, as the walker
    does; the globs prune what the walker prunes by name.
    """
    cmd = ["rg", "-F", "-f", str(patterns), "--count-matches", "--no-require-git",
           "--glob", "!node_modules", "--glob", "!vendor", "--glob", "!dist"]
    if threads:
        cmd += ["-j", str(threads)]
    cmd.append(str(tree))
    times = []
    out = ""
    for i in range(repeat + 1):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if i:
            times.append(time.perf_counter() - t0)
        out = proc.stdout
    matches = sum(int(line.rsplit(":", 1)[1]) for line in out.splitlines() if ":" in line)
    return statistics.median(times), matches


def measure(tree: Path, stats: TreeStats, gen_s: float, patterns: Path) -> Row:
    from mkdocs_integrations.scan import Scanner

    scanned, nbytes, walk_s = scanned_bytes(tree)  # also warms the page cache
    child = run_child(tree)
    # Cold, in this process (catalog already parsed): a new Scanner, and no folder listing,
    # gitignore parse or decision kept from the walks above.
    from mkdocs_integrations.scan.walk import forget_walks

    forget_walks()
    gc.collect()
    t0 = time.perf_counter()
    scanner = Scanner()
    cold = scanner.scan(_options(tree))
    cold_s = time.perf_counter() - t0
    # Warm after one edited file, without a change journal: what a non-Linux serve, or a
    # `mkdocs build` with a restored cache, pays (a stat of every folder and wanted file).
    touch_one(tree)
    t0 = time.perf_counter()
    scanner.scan(_options(tree))
    warm_walk_s = time.perf_counter() - t0
    # `mkdocs serve` on Linux: the Scanner watches the folders it walked (its first scan
    # pays for that), and a rebuild reads the kernel's list of changes.
    forget_walks()
    t0 = time.perf_counter()
    serving = Scanner(watch=True)
    serving.scan(_options(tree))
    serve_cold_s = time.perf_counter() - t0
    # Warm, nothing changed: the floor of a rebuild (journal + cache hits + merge).
    t0 = time.perf_counter()
    serving.scan(_options(tree))
    noop_s = time.perf_counter() - t0
    # Warm after one edited file: what `mkdocs serve` pays on save.
    touch_one(tree)
    t0 = time.perf_counter()
    warm = serving.scan(_options(tree))
    warm_s = time.perf_counter() - t0
    serving.close()
    del serving
    del scanner, cold
    gc.collect()
    # Python-heap peak of a cold scan, measured apart from the timed run.
    forget_walks()
    tracemalloc.start()
    Scanner().scan(_options(tree))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    gc.collect()
    rg_s, rg_matches = time_rg(tree, patterns)
    rg_j1_s, _ = time_rg(tree, patterns, threads=1)
    return Row(
        files=stats.total_files, scanned=scanned, scanned_mb=nbytes / 1e6, tree_mb=stats.total_bytes / 1e6,
        walk_s=walk_s, cold_s=cold_s, cold_child_s=child["scan_s"], warm_s=warm_s, noop_s=noop_s,
        warm_walk_s=warm_walk_s, serve_cold_s=serve_cold_s,
        files_read_warm=warm.files_read, peak_mb=peak / 1e6, rss_mb=child["rss_after_mb"],
        rss_base_mb=child["rss_before_mb"], rg_s=rg_s, rg_j1_s=rg_j1_s, rg_matches=rg_matches,
        evidence=int(child["evidence"]), gen_s=gen_s,
    )


def time_mkdocs_build(repeat: int = 3) -> tuple[float, float]:
    """Median `mkdocs build` seconds of the example site with the plugin enabled, then disabled.

    The plugin is switched off through its own `enabled` option on the loaded config, so
    both builds load the same mkdocs.yml and differ only in the plugin's work. Each build
    gets a fresh config, hence a fresh plugin and a cold Scanner, as a CI build would.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for name in ("mkdocs", "mkdocs.plugins.integrations"):
        logging.getLogger(name).setLevel(logging.ERROR)
    results = []
    for enabled in (True, False):
        times = []
        for _ in range(repeat):
            with tempfile.TemporaryDirectory() as site:
                cfg = load_config(config_file=str(EXAMPLE_SITE), site_dir=site)
                cfg.plugins["integrations"].config.enabled = enabled
                t0 = time.perf_counter()
                build(cfg)
                times.append(time.perf_counter() - t0)
        results.append(statistics.median(times))
    return results[0], results[1]


def catalog_load_time() -> tuple[float, float]:
    """(parse the YAML catalog, build the CatalogIndex): the once-per-process / per-Scanner costs."""
    from mkdocs_integrations.catalog import load_catalog
    from mkdocs_integrations.catalog.index import CatalogIndex

    t0 = time.perf_counter()
    catalog = load_catalog()
    t_cat = time.perf_counter() - t0
    t0 = time.perf_counter()
    CatalogIndex(catalog)
    return t_cat, time.perf_counter() - t0


# ----------------------------------------------------------------------------------------
# Report
# ----------------------------------------------------------------------------------------


def code_revision() -> str:
    """HEAD plus a dirty mark: the scanner is under active work, so say which code was measured."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "mkdocs_integrations"], cwd=REPO,
                               capture_output=True, text=True).stdout.strip()
    except OSError:
        return "unknown"
    return f"{head}{' + uncommitted changes in mkdocs_integrations/' if dirty else ''}" if head else "unknown"


def render(rows: list[Row], catalog_s: tuple[float, float], build_s: tuple[float, float] | str | None, cmd: str) -> str:
    load = os.getloadavg()
    lines = [
        f"Benchmark of `{cmd}` on {dt.date.today().isoformat()} at code {REVISION}; Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, load average at the end {load[0]:.2f}/{load[1]:.2f}/{load[2]:.2f} "
        "(shared machine: other work may run at the same time; OS page cache warm for every tool).",
        "",
        "| files | scanned files | MB | cold s | files/s | MB/s | warm s | warm % | peak MB (tracemalloc) | RSS MB | rg s | ratio |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.files:,} | {r.scanned:,} | {r.scanned_mb:.1f} | {r.cold_s:.2f} | {r.files_per_s:,.0f} | {r.mb_per_s:.1f} "
            f"| {r.warm_s:.2f} | {100 * r.warm_s / r.cold_s:.1f}% | {r.peak_mb:.0f} | {r.rss_mb:.0f} | {r.rg_s:.2f} | {r.cold_s / r.rg_s:.1f}x |"
        )
    lines += [
        "",
        "Columns: *files* = every file generated (incl. node_modules/, vendor/, build/, dist/); *scanned files*/*MB* = "
        "what the walker hands to detectors; *cold* = new `Scanner()` + `scan()` in-process, catalog already parsed, no walk state kept; "
        "*warm* = `mkdocs serve`'s rebuild after rewriting one file (a `Scanner(watch=True)`: the change journal); *peak MB* = tracemalloc peak of a separate cold scan; "
        "*RSS MB* = peak RSS (VmHWM) of a child process doing only import + catalog + one cold scan; "
        "*rg* = `rg -F -f patterns.txt --count-matches` (default threads), median of 3; *ratio* = cold / rg.",
        "",
        f"Catalog: parse {catalog_s[0] * 1000:.0f} ms once per process; CatalogIndex {catalog_s[1] * 1000:.0f} ms per Scanner (included in cold).",
    ]
    for r in rows:
        lines.append(
            f"- {r.files:,} files: {r.us_per_file:.0f} µs/scanned file; walk alone {r.walk_s:.2f} s "
            f"({100 * r.walk_s / r.cold_s:.0f}% of cold); serve's first scan (watching) {r.serve_cold_s:.2f} s; "
            f"no-change rescan {r.noop_s:.3f} s; warm re-read {r.files_read_warm} file(s); "
            f"warm without the journal (stat walk) {r.warm_walk_s:.2f} s ({100 * r.warm_walk_s / r.cold_s:.1f}%); "
            f"cold in child {r.cold_child_s:.2f} s; RSS before scan {r.rss_base_mb:.0f} MB; rg -j1 {r.rg_j1_s:.2f} s "
            f"(ratio {r.cold_s / r.rg_j1_s:.1f}x); rg matches {r.rg_matches:,}; evidence {r.evidence:,}; tree {r.tree_mb:.0f} MB, generated in {r.gen_s:.0f} s"
        )
    if len(rows) > 1:
        base = rows[0].us_per_file
        lines.append("- Linearity (µs/file relative to the smallest tree): "
                     + ", ".join(f"{r.files:,}: {r.us_per_file / base:.2f}x" for r in rows))
    if isinstance(build_s, str):
        lines += ["", f"`mkdocs build` of example-site: {build_s}"]
    elif build_s:
        on, off = build_s
        lines += ["", f"`mkdocs build` of example-site (median of 3): with plugin {on:.2f} s, plugin disabled {off:.2f} s, "
                      f"plugin cost {on - off:.2f} s."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated file counts")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "mkdocs-integrations-bench",
                        help="where trees, patterns.txt and results.md go (trees are reused across runs)")
    parser.add_argument("--no-build", action="store_true", help="skip the mkdocs build timing")
    parser.add_argument("--child-scan", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--scan-only", type=Path, help="one cold scan of an existing tree (for cProfile)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    global REVISION
    REVISION = code_revision()  # at start: the modules are imported from this state

    if args.child_scan:
        print(json.dumps(child_cold_scan(args.child_scan)))
        return 0
    if args.scan_only:
        from mkdocs_integrations.scan import Scanner

        result = Scanner().scan(_options(args.scan_only))
        print(f"scanned {result.files_scanned} files in {result.seconds:.2f} s")
        return 0
    if not shutil.which("rg"):
        parser.error("rg not found: apt-get install -y ripgrep")

    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    catalog_s = catalog_load_time()
    patterns = out / "patterns.txt"
    n_patterns = rg_patterns(patterns)
    print(f"{n_patterns} literal patterns in {patterns}", file=sys.stderr)
    cmd = ("python benchmarks/run.py " + " ".join(argv if argv is not None else sys.argv[1:])).strip()
    rows: list[Row] = []
    for n in sizes:
        tree, stats, gen_s = ensure_tree(out, n)
        print(f"[{n}] tree {tree}: {stats.total_files} files, {stats.total_bytes / 1e6:.0f} MB {stats.by_kind}", file=sys.stderr)
        rows.append(measure(tree, stats, gen_s, patterns))
        print(f"[{n}] cold {rows[-1].cold_s:.2f} s, rg {rows[-1].rg_s:.2f} s", file=sys.stderr)
        # Written after every size: a long run that dies later still leaves its numbers.
        (out / "results.json").write_text(json.dumps([asdict(r) for r in rows], indent=2))
        (out / "results.md").write_text(render(rows, catalog_s, None, cmd))
    build_s: tuple[float, float] | str | None = None
    if not args.no_build:
        try:
            build_s = time_mkdocs_build()
        except Exception as exc:  # the plugin is under active development: report, don't lose the table
            build_s = f"failed: {type(exc).__name__}: {exc}"
    report = render(rows, catalog_s, build_s, cmd)
    (out / "results.md").write_text(report)
    print(report)
    print(f"written to {out / 'results.md'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
