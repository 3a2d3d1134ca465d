"""Imports, env reads, hosts and SDK calls in JS/TS and Python; comments are not evidence."""

from __future__ import annotations

import pytest

from mkdocs_integrations.model import CALL, ENV_READ, HOST, IMPORT
from mkdocs_integrations.scan.detectors.code import DETECTOR


def test_typescript(run_detector):
    src = """\
    import Stripe from "stripe";
    import type { Foo } from "./local";
    // import twilio from "twilio";
    const { REDIS_URL, APP_ENV: env } = process.env;
    const key = process.env.STRIPE_SECRET_KEY!;
    const other = process.env["SENDGRID_API_KEY"];
    const vite = import.meta.env.VITE_POSTHOG_KEY;
    const s = new Stripe(key);
    await s.checkout.sessions.create({});
    fetch("https://api.openai.com/v1/chat/completions");
    fetch("https://example.com/api/x");
    """
    ev, _ = run_detector(DETECTOR, "src/pay.ts", src)
    imports = [(e.name, e.line) for e in ev if e.kind == IMPORT]
    assert imports == [("stripe", 1)]
    envs = {e.name: e.line for e in ev if e.kind == ENV_READ}
    assert envs == {"REDIS_URL": 4, "APP_ENV": 4, "STRIPE_SECRET_KEY": 5, "SENDGRID_API_KEY": 6, "VITE_POSTHOG_KEY": 7}
    assert ("stripe", "checkout sessions", 9) in [(e.service, e.name, e.line) for e in ev if e.kind == CALL]
    hosts = [(e.name, e.service) for e in ev if e.kind == HOST]
    assert hosts == [("api.openai.com", "openai")]


def test_python(run_detector):
    src = '''\
    import os
    import stripe, json
    from twilio.rest import Client
    # import sendgrid
    KEY = os.environ["STRIPE_SECRET_KEY"]
    SID = os.getenv("TWILIO_ACCOUNT_SID")
    X = os.environ.get('FEATURE_FLAG', 'x')
    url = "https://api.stripe.com/v1/charges"  # https://api.sendgrid.com in a comment
    doc = """import sendgrid"""
    '''
    ev, _ = run_detector(DETECTOR, "worker/tasks.py", src)
    assert [(e.name, e.line) for e in ev if e.kind == IMPORT] == [("stripe", 2), ("twilio.rest", 3)]
    assert {e.name for e in ev if e.kind == ENV_READ} == {"STRIPE_SECRET_KEY", "TWILIO_ACCOUNT_SID", "FEATURE_FLAG"}
    assert [e.name for e in ev if e.kind == HOST] == ["api.stripe.com"]


def test_pydantic_settings_fields(run_detector):
    src = """\
    from pydantic_settings import BaseSettings, SettingsConfigDict

    class Settings(BaseSettings):
        model_config = SettingsConfigDict(env_prefix="APP_")
        database_url: str
        redis_url: str = "redis://localhost"
        sentry_dsn: str | None = None
    """
    ev, _ = run_detector(DETECTOR, "app/settings.py", src)
    assert {e.name: e.line for e in ev if e.kind == ENV_READ} == {
        "APP_DATABASE_URL": 5, "APP_REDIS_URL": 6, "APP_SENTRY_DSN": 7}


def test_a_files_own_env_helper_calls_are_env_reads(run_detector):
    """A settings class's helper handing its parameter to the env reader (`Get(string name)` ->
    `Environment.GetEnvironmentVariable(name)`): each call with an upper-case literal reads that
    variable. Calls of other methods with literals, and lower-case keys, are not env reads."""
    src = """\
    public class EnvSettings
    {
        public static EnvSettings Load() => new EnvSettings
        {
            TinybirdToken = Get("TINYBIRD_TOKEN"),
            SmtpPort = GetInt("SMTP_PORT"),
            Title = Translate("PAGE_TITLE"),
            Section = Get("section"),
        };

        private static string Get(string name)
        {
            return Environment.GetEnvironmentVariable(name) ?? "";
        }

        private static int GetInt(string name)
        {
            var value = Environment.GetEnvironmentVariable(name) ?? "";
            return int.TryParse(value, out var result) ? result : 0;
        }
    }
    """
    ev, _ = run_detector(DETECTOR, "src/EnvSettings.cs", src)
    assert sorted(e.name for e in ev if e.kind == ENV_READ) == ["SMTP_PORT", "TINYBIRD_TOKEN"]
    go = """\
    package config

    import "os"

    func getenv(key string, fallback string) string {
    \tif v, ok := os.LookupEnv(key); ok {
    \t\treturn v
    \t}
    \treturn fallback
    }

    func env(key string) string {
    \treturn os.Getenv(key)
    }

    var Token = env("TINYBIRD_TOKEN")
    """
    ev, _ = run_detector(DETECTOR, "internal/config/config.go", go)
    assert [e.name for e in ev if e.kind == ENV_READ] == ["TINYBIRD_TOKEN"]


def test_a_vendor_named_client_built_on_its_bare_host_names_that_vendor(run_detector):
    """`GitLab::new("gitlab.com", &token)`: a client named for the vendor, given the vendor's bare
    host, calls that vendor's API. A bare host given to a class of another name is no call."""
    src = """\
    pub fn updaters(token: &Option<String>) -> Vec<Box<dyn Forge>> {
        let mut v: Vec<Box<dyn Forge>> = Vec::new();
        if let Ok(u) = GitLab::new("gitlab.com", token) {
            v.push(Box::new(u));
        }
        let label = Label::new("gitlab.com");
        v
    }
    """
    ev, _ = run_detector(DETECTOR, "src/updater.rs", src)
    assert [(e.name, e.line) for e in ev if e.kind == HOST] == [("gitlab.com", 3)]
    ev, _ = run_detector(DETECTOR, "src/label.rs", "let label = Label::new(\"gitlab.com\");\n")
    assert not [e for e in ev if e.kind == HOST]


def test_protocol_relative_urls_name_catalog_hosts(run_detector):
    """`'//gravatar.com/avatar/' . $hash` and `src="//secure.gravatar.com/..."` are URLs on the
    page's scheme; an unknown host, a comment and a link are not."""
    src = """<?php
    // see //www.gravatar.com/site/implement/
    function avatar($email) {
        return '//gravatar.com/avatar/'.md5($email);
    }
    $a = '//cdn.unknown-vendor.io/lib.js';
    $b = '<a href="//en.gravatar.com/profile">profile</a>';
    ?>
    <img src="//secure.gravatar.com/avatar/{{ md5($user->email) }}">
    """
    ev, _ = run_detector(DETECTOR, "app/Presenters/UserPresenter.php", src)
    hosts = [(e.name, e.service, e.line) for e in ev if e.kind == HOST]
    assert hosts == [("gravatar.com", "gravatar", 4), ("secure.gravatar.com", "gravatar", 9)]


def test_platform_origins_offered_in_a_select_are_no_calls(run_detector):
    """A select offering GitHub or GitLab by their origin (where the user's code lives, to link
    to it) calls neither; one vendor's regions in the same shape are that vendor's endpoints."""
    src = """\
    const options = [
      { label: "GitHub", value: "https://github.com" },
      { label: "GitLab", value: "https://gitlab.com" },
    ];
    const regions = [
      { label: "US", value: "https://api.mailgun.net" },
      { label: "EU", value: "https://api.eu.mailgun.net" },
    ];
    """
    ev, _ = run_detector(DETECTOR, "components/Settings/CodeRefs.tsx", src)
    hosts = sorted(e.name for e in ev if e.kind == HOST)
    assert hosts == ["api.eu.mailgun.net", "api.mailgun.net"]


def test_templated_hosts_match_the_catalog(run_detector):
    """Regional endpoints built from a format string still name the service."""
    ev, _ = run_detector(DETECTOR, "internal/media/s3.go", '''
        package s3
        func endpoint(region string) string {
            return fmt.Sprintf("https://s3.%s.amazonaws.com", region)
        }
        var docs = "https://{lang}.example-unknown.org/api"
    ''')
    hosts = {(e.name, e.service) for e in ev if e.kind == "host"}
    assert hosts == {("s3.x.amazonaws.com", "aws-s3")}


def test_protocol_relative_urls_of_catalogued_hosts(run_detector):
    """`//host/...` strings take the page's scheme: Leaflet tile templates, the classic
    analytics snippet. Only catalogued hosts count: `'//' + path` joins are everywhere."""
    ev, _ = run_detector(DETECTOR, "viz/map/initMap.ts", """
        const tiles = L.tileLayer('//{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', {});
        loadScript("//www.google-analytics.com/analytics.js");
        const joined = '//' + host + '/path';
        const other = "//cdn.unknown-vendor.example/lib.js";
        // see //www.googletagmanager.com in the docs
    """)
    hosts = {(e.name, e.service, e.line) for e in ev if e.kind == "host"}
    assert hosts == {("x.tile.openstreetmap.org", "openstreetmap", 2),
                     ("www.google-analytics.com", "google-analytics", 3)}


def test_sample_config_blocks_are_not_api_calls(run_detector):
    sample = """\
<?php
return [
    'rackspace' => [
        'username' => 'your-username',
        'key' => 'your-rackspace-api-key',
        'endpoint' => 'https://identity.api.rackspacecloud.com/v2.0/',
    ],
];
"""
    ev, _ = run_detector(DETECTOR, "config/filesystems.php", sample)
    # No unknown API from a sample block. (Rackspace is a catalog vendor now: its host is
    # reported, and the resolution drops a vendor only a stock framework config names.)
    assert not [e for e in ev if e.kind == HOST and not e.service]


def test_php_fully_qualified_class_names_are_imports(run_detector):
    src = """<?php
    $map = [
        'github' => \\Laravel\\Socialite\\Two\\GithubProvider::class,
        'infomaniak' => \\SocialiteProviders\\Infomaniak\\Provider::class,
    ];
    $client = new \\Stripe\\StripeClient($key);
    $name = 'App\\\\Models\\\\User';
    """
    ev, _ = run_detector(DETECTOR, "bootstrap/helpers/socialite.php", src)
    imports = {e.name for e in ev if e.kind == IMPORT}
    assert {"Laravel\\Socialite\\Two\\GithubProvider", "SocialiteProviders\\Infomaniak\\Provider", "Stripe\\StripeClient"} <= imports


def test_host_settings_without_a_url_name_catalog_hosts(run_detector):
    src = """<?php
    $config = '
[OUTPUT]
    Name            http
    Host            api.axiom.co
    Port            443
';
    $other = ['host' => 'internal.example.net', 'server' => 'db.lan'];
    """
    ev, _ = run_detector(DETECTOR, "app/Actions/StartLogDrain.php", src)
    assert [(e.name, e.service, e.line) for e in ev if e.kind == HOST] == [("api.axiom.co", "axiom", 5)]


def test_a_table_of_host_presets_for_several_vendors_names_none(run_detector):
    """A settings form's presets (`smtpTemplates = {mailgun: {host: 'smtp.mailgun.org'}, ...}`)
    set three or more vendors' hosts in one file: what a user may pick, not what the app calls."""
    src = """const smtpTemplates = {
  mailjet: { host: 'in-v3.mailjet.com', port: 465 },
  mailgun: { host: 'smtp.mailgun.org', port: 465 },
  postmark: { host: 'smtp.postmarkapp.com', port: 587 },
};
"""
    ev, _ = run_detector(DETECTOR, "frontend/src/views/settings/smtp.vue", src)
    assert not [e for e in ev if e.kind == HOST]
    ev, _ = run_detector(DETECTOR, "frontend/src/views/settings/smtp.vue", src.replace("  postmark: { host: 'smtp.postmarkapp.com', port: 587 },\n", ""))
    assert {e.service for e in ev if e.kind == HOST} == {"mailjet", "mailgun"}

def test_an_issuer_given_as_a_bare_catalog_host_names_that_identity_provider(run_detector):
    """Google's ID tokens carry `iss: accounts.google.com` without a scheme: a sign-in preset or
    token verifier setting `issuer: 'accounts.google.com'` is Google sign-in; an app's own
    issuer names nothing."""
    src = """switch (mode) {
    case 'Google':
        configLookup = {
            issuer: 'accounts.google.com',
            metadata_url: '',
        };
        break;
}
const own = { issuer: 'auth.example.net' };
"""
    ev, _ = run_detector(DETECTOR, "src/lib/admin/providers/ProviderAddNew.ts", src)
    assert [(e.name, e.service) for e in ev if e.kind == HOST] == [("accounts.google.com", "google-oauth")]


def test_endpoint_and_url_constants_with_a_bare_host_name_catalog_hosts(run_detector):
    """A Go SDK's endpoint is a bare host (`config.Endpoint = tea.String(...)`): a constant named
    for an endpoint or URL whose whole value is a host names that host; unknown hosts name nothing."""
    src = """package idv

const (
\tDefaultAlibabaCloudEndpoint = "cloudauth.cn-shanghai.aliyuncs.com"
\tAliyunCaptchaVerifyUrl = "captcha.cn-shanghai.aliyuncs.com"
\tinternalEndpoint = "api.internal.example.net"
\tconfigURL = "config.json"
)
"""
    ev, _ = run_detector(DETECTOR, "idv/aliyun.go", src)
    assert [(e.name, e.service) for e in ev if e.kind == HOST] == [
        ("cloudauth.cn-shanghai.aliyuncs.com", "alibaba-cloud-id-verification"),
        ("captcha.cn-shanghai.aliyuncs.com", "aliyun-captcha"),
    ]


def test_a_setter_given_a_bare_host_names_a_catalog_host(run_detector):
    """Alibaba Cloud's Java SDK takes the API host through a setter (`request.setSysDomain(...)`,
    `setDomain(...)`): a host/domain/endpoint setter given a bare catalogued host names it;
    an unknown host or another setter names nothing."""
    src = """package shop.notify;

class AliyunSmsSender {
    void send() {
        CommonRequest request = new CommonRequest();
        request.setMethod(MethodType.POST);
        request.setDomain("dysmsapi.aliyuncs.com");
        request.setVersion("2017-05-25");
        other.setHost("api.internal.example.net");
        label.setTitle("dysmsapi.aliyuncs.com");
    }
}
"""
    ev, _ = run_detector(DETECTOR, "notify/AliyunSmsSender.java", src)
    assert [(e.name, e.service) for e in ev if e.kind == HOST] == [("dysmsapi.aliyuncs.com", "alibaba-cloud-sms")]


def test_a_webhook_sender_testing_its_url_for_a_vendor_host_names_that_vendor(run_detector):
    """A webhook sender shaping Discord embeds when the configured URL is Discord's
    (`url.includes("discord.com")`, `"hooks.slack.com" in url`) calls that vendor's webhook API;
    the same test outside webhook code (an icon for a link) names nothing."""
    ts = (
        'export async function sendWebhookNotification(webhook, message) {\n'
        '  const url = webhook.url;\n'
        '  if (url.includes("discord.com")) {\n'
        '    return axios.post(url, { embeds: [] });\n  }\n}\n'
    )
    ev, _ = run_detector(DETECTOR, "src/lib/notifications/webhook.ts", ts)
    assert [(e.name, e.service, e.line) for e in ev if e.kind == HOST] == [("discord.com", "discord", 3)]
    py = 'def notify(webhook_url, text):\n    if "hooks.slack.com" in webhook_url:\n        return {"text": text}\n'
    ev, _ = run_detector(DETECTOR, "app/hooks.py", py)
    assert [(e.name, e.service) for e in ev if e.kind == HOST] == [("hooks.slack.com", "slack")]
    icon = 'export function icon(link) {\n  if (link.url.includes("discord.com")) return "discord";\n}\n'
    ev, _ = run_detector(DETECTOR, "src/components/LinkIcon.ts", icon)
    assert [e for e in ev if e.kind == HOST] == []


def test_documentation_links_of_an_api_host_are_not_calls(run_detector):
    src = """\
    r = requests.get(f"https://api.nal.usda.gov/fdc/v1/food/{fid}")
    msg = "see https://api.data.gov/docs/rate-limits/ for more information"
    """
    ev, _ = run_detector(DETECTOR, "views/api.py", src)
    assert [e.name for e in ev if e.kind == HOST] == ["api.nal.usda.gov"]


def test_an_image_file_of_an_unknown_host_is_a_picture_not_a_call(run_detector):
    """A default icon an email shows (`https://miro.medium.com/v2/resize:fit:2400/1*x.png`) is
    hotlinked, not an API call, though its path is versioned like one."""
    src = """\
    let icon_url = "https://miro.medium.com/v2/resize:fit:2400/1*mTPfm7CwU31-tLhtLNkyJw.png".to_string();
    let api = "https://api.zorbafeeds.io/v1/items";
    """
    ev, _ = run_detector(DETECTOR, "src/biz/workspace/ops.rs", src)
    assert [e.name for e in ev if e.kind == HOST] == ["api.zorbafeeds.io"]


def test_a_docs_link_in_a_commented_line_of_a_snippet_string_is_not_a_call(run_detector):
    """A transform-function template kept in a string has comments of its own; their link to a
    vendor's docs is for the reader, even on a catalogued host. The snippet's own request is not."""
    src = """\
    const templates = {
      discord: `function transform(payload) {
      // Format the Discord message: https://discord.com/developers/docs/resources/webhook#execute-webhook
      return payload;
    }`,
      slack: `fetch("https://hooks.slack.com/services/T000/B000/XXX")`,
    };
    """
    ev, _ = run_detector(DETECTOR, "src/app/endpoint.component.ts", src)
    assert [e.name for e in ev if e.kind == HOST] == ["hooks.slack.com"]


def test_a_link_in_a_sentence_of_a_string_is_not_a_call(run_detector):
    """An API description's prose ("... adheres to CCTray v1 Specification, https://cctray.org/v1/")
    links a spec; a URL that opens its literal or follows a format verb is still a request."""
    src = """\
    var doc = `"description": "The response format adheres to CCTray v1 Specification, https://cctray.org/v1/",`
    var api = "https://api.zorbafeeds.io/v1/items"
    var cmd = fmt.Sprintf("%s https://api.quillstats.io/v2/report", verb)
    """
    ev, _ = run_detector(DETECTOR, "server/docs.go", src)
    assert [e.name for e in ev if e.kind == HOST] == ["api.zorbafeeds.io", "api.quillstats.io"]


def test_a_url_with_a_fragment_is_a_page_link_not_a_request(run_detector):
    """A fragment never reaches a server: a warning's "See: https://.../api/#data" links a page.
    Ruby's `#{...}` in a URL is interpolation, not a fragment."""
    src = """\
    warn('Properties starting with "$" are not proxied. See: https://vuejs.example/v2/api/#data')
    fetch("https://api.zorbafeeds.io/v1/items")
    url = "https://api.quillstats.io/v2/#{path}"
    """
    ev, _ = run_detector(DETECTOR, "static/app.js", src)
    assert [e.name for e in ev if e.kind == HOST] == ["api.zorbafeeds.io", "api.quillstats.io"]


def test_self_hosted_analytics_script_names_its_vendor(run_detector):
    src = """<?php ?>
    <script defer data-domain="app.example.org" src="https://stats.tinystats.net/js/plausible.js"></script>
    <script src="https://cdn.tinystats.net/highlight.min.js"></script>
    """
    ev, _ = run_detector(DETECTOR, "resources/views/layouts/base.blade.php", src)
    assert [(e.name, e.service) for e in ev if e.kind == HOST] == [("stats.tinystats.net", "plausible")]
def test_go_config_struct_env_tags_with_namespaces(run_detector):
    """go-flags `env-namespace` and caarlos0/env `envPrefix` prefix the env tags they nest."""
    src = """\
    package cmd

    type ServerCommand struct {
    \tCache CacheGroup `group:"cache" env-namespace:"CACHE"`
    \tAuth  struct {
    \t\tGoogle AuthGroup `group:"google" env-namespace:"GOOGLE"`
    \t\tTTL    struct {
    \t\t\tJWT int `long:"jwt" env:"JWT"`
    \t\t} `group:"ttl" env-namespace:"TTL"`
    \t} `group:"auth" env-namespace:"AUTH"`
    \tPort int `long:"port" env:"PORT,required"`
    }

    type AuthGroup struct {
    \tCID  string `long:"cid" env:"CID"`
    \tCSEC string `long:"csec" env:"CSEC"`
    }

    type CacheGroup struct {
    \tRedisAddr string `long:"redis_addr" env:"REDIS_ADDR" default:"127.0.0.1:6379"`
    }

    type Config struct {
    \tDB DBConfig `envPrefix:"DB_"`
    }

    type DBConfig struct {
    \tURL string `env:"URL"`
    }
    """
    ev, _ = run_detector(DETECTOR, "app/cmd/server.go", src)
    assert {e.name for e in ev if e.kind == ENV_READ} == {
        "CACHE_REDIS_ADDR", "AUTH_GOOGLE_CID", "AUTH_GOOGLE_CSEC", "AUTH_TTL_JWT", "PORT", "DB_URL"}


def test_csp_allowlists_are_not_hosts_the_code_calls(run_detector):
    src = """\
    const cspHeader = `
      script-src 'self' https://static.cloudflareinsights.com https://*.stripe.com;
      connect-src 'self' https://graph.microsoft.com;
    `;
    const helmetDirectives = {
      connectSrc: [
        "'self'",
        "https://api.mixpanel.com",
      ],
    };
    fetch("https://api.openai.com/v1/chat/completions");
    """
    ev, _ = run_detector(DETECTOR, "web/next.config.mjs", src)
    assert {e.name for e in ev if e.kind == HOST} == {"api.openai.com"}


def test_csp_written_one_source_a_line_is_not_hosts_the_code_calls(run_detector):
    """A policy continued over lines (Rust `\\` continuations, concatenated JS strings): the
    directive sits on a line above its sources."""
    src = """\
    let csp = format!(
        "default-src 'none'; \\
        connect-src 'self' \\
        https://api.pwnedpasswords.com \\
        https://app.simplelogin.io/api/ \\
        {allowed_connect_src};\\
        ",
        allowed_connect_src = CONFIG.allowed_connect_src(),
    );
    const header = "img-src 'self' data: " +
      "https://api.mixpanel.com " +
      "https://api.segment.io;";
    let hibp = format!("https://haveibeenpwned.com/api/v3/breachedaccount/{username}");
    """
    ev, _ = run_detector(DETECTOR, "src/util.rs", src)
    assert {e.name for e in ev if e.kind == HOST} == {"haveibeenpwned.com"}


def test_image_remote_patterns_are_not_hosts_the_code_calls(run_detector):
    """Next.js's `images.remotePatterns` allowlists hosts whose images (avatars that arrive in
    data) the optimizer may fetch, as a CSP's img-src does: no request of the app's own."""
    src = """\
    const nextConfig = {
      images: {
        remotePatterns: [
          {
            protocol: "https",
            hostname: "lh3.googleusercontent.com",
            port: "",
            pathname: "/**",
          },
          {
            protocol: "https",
            hostname: "secure.gravatar.com",
            pathname: "/**",
          },
          new URL("https://avatars.githubusercontent.com/u/**"),
        ],
      },
    };
    export const models = await fetch("https://api.openai.com/v1/models");
    """
    ev, _ = run_detector(DETECTOR, "next.config.ts", src)
    assert {e.name for e in ev if e.kind == HOST} == {"api.openai.com"}


def test_url_after_code_below_a_csp_line_is_a_host(run_detector):
    src = """\
    const csp = "connect-src 'self' https://api.mixpanel.com;";
    const client = createClient();
    await fetch("https://api.openai.com/v1/models");
    """
    ev, _ = run_detector(DETECTOR, "web/lib/ai.ts", src)
    assert {e.name for e in ev if e.kind == HOST} == {"api.openai.com"}


def test_env_schema_validated_against_process_env(run_detector):
    """zod's `schema.parse(process.env)` and envalid's `cleanEnv(process.env, ...)` read the
    env names their schema keys declare; object keys elsewhere are not env reads."""
    src = """\
    import { z } from "zod";
    const schema = z.object({
      OAUTH_WELLKNOWN_URL: z.string().url().optional(),
      MEILI_ADDR: z
        .string()
        .optional(),
      DISABLE_SIGNUPS: stringBool("false"),
      ID_TOKEN_ALG: algSchema.optional(),
    });
    export const config = schema.parse(process.env);
    """
    ev, _ = run_detector(DETECTOR, "packages/shared/config.ts", src)
    envs = {e.name: e.line for e in ev if e.kind == ENV_READ}
    assert envs == {"OAUTH_WELLKNOWN_URL": 3, "MEILI_ADDR": 4, "DISABLE_SIGNUPS": 7, "ID_TOKEN_ALG": 8}
    envalid = 'import { cleanEnv, str } from "envalid";\nexport const env = cleanEnv(process.env, {\n  SENTRY_DSN: str(),\n});\n'
    ev, _ = run_detector(DETECTOR, "src/env.ts", envalid)
    assert {e.name for e in ev if e.kind == ENV_READ} == {"SENTRY_DSN"}
    plain = 'const LABELS = {\n  OPEN_ISSUE: z.string(),\n};\nconst port = process.env.PORT;\n'
    ev, _ = run_detector(DETECTOR, "src/labels.ts", plain)
    assert {e.name for e in ev if e.kind == ENV_READ} == {"PORT"}
    # `.safeParse(` then the env on the next line; a factory whose name only ends in createEnv.
    spaced = 'const schema = z.object({\n  REDIS_URL: z.string(),\n});\nconst parsed = schema.safeParse(\n  process.env\n);\n'
    ev, _ = run_detector(DETECTOR, "src/env.ts", spaced)
    assert {e.name for e in ev if e.kind == ENV_READ} == {"REDIS_URL"}
    other = 'const t = mycreateEnv({\n  BUCKET_NAME: z.string(),\n});\n'
    ev, _ = run_detector(DETECTOR, "src/theme.ts", other)
    assert not [e for e in ev if e.kind == ENV_READ]


def test_api_path_only_one_self_hosted_service_serves(run_detector):
    src = """\
    def pdf_url
      URI.join(ENV["LAGO_PDF_URL"], "/forms/chromium/convert/html").to_s
    end
    """
    ev, _ = run_detector(DETECTOR, "app/services/utils/pdf_generator.rb", src)
    assert [(e.service, e.kind, e.line) for e in ev if e.service] == [("gotenberg", CALL, 2)]


def test_api_path_ends_at_a_segment_boundary(run_detector):
    """`/ws/2` (MusicBrainz's web service) is a request path; `/ws/2002/07/utility` (an XML
    namespace) only starts with the same characters."""
    ev, _ = run_detector(DETECTOR, "config/music.php", "<?php\nreturn ['endpoint' => 'https://musicbrainz.org/ws/2'];\n")
    assert [e.service for e in ev if e.kind == CALL] == ["musicbrainz"]
    ev, _ = run_detector(DETECTOR, "app/soap.rb", 'NS = "http://schemas.xmlsoap.org/ws/2002/07/utility"\n')
    assert [e.service for e in ev if e.kind == CALL] == []


def test_api_path_to_one_stored_file_is_data(run_detector):
    """A sample payload's `avatar_url: "https://x.supabase.co/storage/v1/object/public/a/jo.png"`
    is one stored file's URL, no request to the Storage API; a request on a configured base URL
    (`${base}/storage/v1/object/${bucket}/${file}`) is."""
    sample = 'export const payload = {\n  avatar_url:\n    "https://xyz.supabase.co/storage/v1/object/public/avatars/jo.png",\n};\n'
    ev, _ = run_detector(DETECTOR, "src/samples/supabase.ts", sample)
    assert [e.service for e in ev if e.kind == CALL] == []
    call = "await fetch(`${this.config.url}/storage/v1/object/${this.config.bucket}/${file}`, { method: 'PUT' });\n"
    ev, _ = run_detector(DETECTOR, "src/lib/datasources/Supabase.ts", call)
    assert [e.service for e in ev if e.kind == CALL] == ["supabase-storage"]


def test_env_module_reads_are_env_reads(run_detector):
    """`import { env } from "@/env"` (t3-env and its kind) or from node:process: `env.NAME` reads NAME."""
    src = """\
    import { env } from "@acme/env";
    const secret = env.RESEND_WEBHOOK_SECRET;
    const maybe = env?.GIPHY_API_KEY;
    const lower = env.isDev;
    """
    ev, _ = run_detector(DETECTOR, "src/webhook.ts", src)
    assert [(e.name, e.line) for e in ev if e.kind == ENV_READ] == [("RESEND_WEBHOOK_SECRET", 2), ("GIPHY_API_KEY", 3)]
    for head in ('import { env } from "node:process";\n', 'import env from "~/env.mjs";\n'):
        ev, _ = run_detector(DETECTOR, "src/a.ts", head + "const k = env.RESEND_API_KEY;\n")
        assert [e.name for e in ev if e.kind == ENV_READ] == ["RESEND_API_KEY"]


def test_python_settings_env_helpers_are_env_reads(run_detector):
    """Django settings modules often wrap os.environ in a helper of their own
    (`set_from_env("NAME")`, `get_env_setting("NAME")`): its upper-case argument is an env read."""
    src = """\
    set_from_env("DESKPRO_KEY")
    SECRET_KEY = get_env_setting("SECRET_KEY")
    set_option("DESKPRO_TIMEOUT", 30)
    """
    ev, _ = run_detector(DETECTOR, "mainsite/settings/__init__.py", src)
    assert [(e.name, e.line) for e in ev if e.kind == ENV_READ] == [("DESKPRO_KEY", 1), ("SECRET_KEY", 2)]


def test_nestjs_config_service_reads_are_env_reads(run_detector):
    """NestJS's ConfigService serves process.env: `this.configService.get<string>('NAME', default)`
    reads NAME; a dotted lower-case key is a config namespace's entry, no env var."""
    src = """\
    getOllamaApiUrl(): string {
      return this.configService.get<string>(
        'OLLAMA_API_URL',
        'http://localhost:11434',
      );
    }
    getKey() { return this.config.getOrThrow('STRIPE_SECRET_KEY'); }
    getHost() { return this.configService.get('database.host'); }
    """
    ev, _ = run_detector(DETECTOR, "src/integrations/environment/environment.service.ts", src)
    assert [(e.name, e.line) for e in ev if e.kind == ENV_READ] == [("OLLAMA_API_URL", 3), ("STRIPE_SECRET_KEY", 7)]


def test_env_named_objects_from_other_modules_are_not_env_reads(run_detector):
    ev, _ = run_detector(DETECTOR, "src/a.ts", 'import { env } from "./jest-setup";\nconst k = env.RESEND_API_KEY;\n')
    assert [e for e in ev if e.kind == ENV_READ] == []
    ev, _ = run_detector(DETECTOR, "src/b.ts", "const env = load();\nconst k = env.RESEND_API_KEY;\n")
    assert [e for e in ev if e.kind == ENV_READ] == []


def test_a_bare_origin_given_to_a_base_url_name_is_an_api_host(run_detector):
    """`defaultBaseUrl = "https://app.nocodb.com"`: the code calls paths under it, though the
    host has no `api.` label; with a path it is a page or an embed, and other names are links."""
    src = """\
    export const defaultBaseUrl = "https://app.nocodb.com";
    export const opts = { baseUrl: "https://app.chatwoot.com" };
    BASE_URL = os.getenv("WABA_URL") or "https://waba-v2.360dialog.io"
    server_url = 'https://greeksubs.net/'
    'server_url' => 'http://somename.com:3000',
    const vimeoBaseUrl = "https://player.vimeo.com/video";
    const home = "https://www.acmeshop.com";
    """
    ev, _ = run_detector(DETECTOR, "src/constants.ts", src)
    assert [e.name for e in ev if e.kind == HOST] == [
        "app.nocodb.com", "app.chatwoot.com", "waba-v2.360dialog.io", "greeksubs.net",
    ]


def test_a_base_url_named_for_documentation_is_a_link_base(run_detector):
    """`FEATURE_DOCS_BASE_URL = "https://o2.ws/"`: the base the UI builds documentation links on,
    no API; a plain base URL beside it still is one."""
    src = """\
    const FEATURE_DOCS_BASE_URL = "https://o2.ws/";
    const helpBaseUrl = "https://guides.acmeco.io";
    const BASE_URL = "https://app.nocodb.com";
    """
    ev, _ = run_detector(DETECTOR, "web/src/components/UpgradeDialog.vue", src)
    assert [e.name for e in ev if e.kind == HOST] == ["app.nocodb.com"]


def test_an_httparty_base_uri_is_an_api_host(run_detector):
    """HTTParty's class-level `base_uri "https://getpocket.com"` sets the origin of the class's requests."""
    src = """\
    class Share::Pocket < Share::Service
      include HTTParty
      base_uri "https://getpocket.com"
      LINK = "https://www.acmeshop.com"
    end
    """
    ev, _ = run_detector(DETECTOR, "app/models/share/pocket.rb", src)
    assert [e.name for e in ev if e.kind == HOST] == ["getpocket.com"]


def test_an_oembed_endpoint_is_an_api_host(run_detector):
    """An oEmbed endpoint (`soundcloud.com/oembed`, `www.ted.com/services/v1/oembed.json`,
    Meta's `instagram_oembed`) is a request to the vendor's API whatever its host looks like;
    a page link on a vendor host is not."""
    src = """\
    class IframeEmbed::Soundcloud < IframeEmbed
      def oembed_url
        @oembed_url ||= "https://soundcloud.com/oembed"
      end
      TED = "https://www.ted.com/services/v1/oembed.json"
      KICK = "https://www.kickstarter.com/services/oembed?url=x"
      PAGE = "https://www.acmeshop.com/oembed-guide/intro"
      HOME = "https://www.acmevideos.com/watch"
    end
    """
    ev, _ = run_detector(DETECTOR, "app/models/iframe_embed/soundcloud.rb", src)
    assert [e.name for e in ev if e.kind == HOST] == ["soundcloud.com", "www.ted.com", "www.kickstarter.com"]


def test_an_oembed_endpoint_in_a_table_of_sites_is_data(run_detector):
    """An oEmbed providers list names dozens of endpoints the code may never call."""
    rows = "".join(f"  {{ name: 'P{i}', endpoint: 'https://embeds{i}.example-media.net/oembed' }},\n" for i in range(30))
    ev, _ = run_detector(DETECTOR, "src/oembed/providers.ts", "export const providers = [\n" + rows + "];\n")
    assert [e.name for e in ev if e.kind == HOST] == []


def test_a_markdown_link_in_a_description_is_no_request(run_detector):
    """An agent's description names hubs as Markdown links (`[Google](https://pubsubhubbub.appspot.com/)`):
    for readers, not a request, though the host is a catalog service's."""
    src = """\
    description <<~MD
      Popular hubs include [Google](https://pubsubhubbub.appspot.com/).
    MD
    def hubs = ["https://pubsubhubbub.superfeedr.com/api/subscribe"]
    """
    ev, _ = run_detector(DETECTOR, "app/models/agents/data_output_agent.rb", src)
    assert [e.name for e in ev if e.kind == HOST] == ["pubsubhubbub.superfeedr.com"]


def test_the_site_of_a_ruby_oauth_client_is_an_api_host(run_detector):
    """Ruby's oauth/oauth2 gems take the provider's origin as `site:`, inline or through a
    constant (`URL = "https://www.instapaper.com"` ... `site: URL`); a bare origin elsewhere is a link."""
    src = """\
    class Share::Instapaper < Share::Service
      URL = "https://www.instapaper.com"
      HOME = "https://www.acmeshop.com"

      def consumer
        OAuth::Consumer.new(ENV["INSTAPAPER_KEY"], ENV["INSTAPAPER_SECRET"], {site: URL, access_token_path: "/api/1/oauth/access_token"})
      end

      def client
        OAuth2::Client.new(id, secret, site: "https://www.readability.com")
      end
    end
    """
    ev, _ = run_detector(DETECTOR, "app/models/share/instapaper.rb", src)
    assert [e.name for e in ev if e.kind == HOST] == ["www.instapaper.com", "www.readability.com"]
    # without an OAuth client, `site:` is some other setting (a static site's own address)
    ev, _ = run_detector(DETECTOR, "config/site.rb", 'SITE = { site: "https://www.acmeblog.com" }\n')
    assert [e.name for e in ev if e.kind == HOST] == []


def test_a_table_of_dozens_of_sites_is_data_but_its_api_urls_count(run_detector):
    """A crawler list or a map of referrer domains to icons names dozens of sites: its links
    are data. An API-shaped URL in the same file is still a request."""
    rows = "".join(f"  {{ name: 'Bot {i}', url: 'https://crawler{i}.example-bots.net/about' }},\n" for i in range(30))
    src = (
        "export const bots = [\n" + rows
        + "  { name: 'Disqus', url: 'https://help.disqus.com/en/articles/1765357' },\n];\n"
        + "const r = await fetch('https://api.pinboard.in/v1/posts/add');\n"
    )
    ev, _ = run_detector(DETECTOR, "apps/api/src/bots/bots.ts", src)
    assert [e.name for e in ev if e.kind == HOST] == ["api.pinboard.in"]


def test_a_base_url_constant_counts_in_a_file_of_many_sites(run_detector):
    """A constants module naming dozens of sites (a list of allowed WebDAV endpoints beside
    the LLM vendors' origins) is a table, but `BAIDU_BASE_URL = "https://aip.baidubce.com"`
    names an API's base: its host is a request, though not API-shaped."""
    rows = "".join(f'  "https://dav{i}.example-dav.net/dav/",\n' for i in range(30))
    src = (
        'export const BAIDU_BASE_URL = "https://aip.baidubce.com";\n'
        + "export const allowed = [\n" + rows + "];\n"
    )
    ev, _ = run_detector(DETECTOR, "app/constant.ts", src)
    assert [(e.name, e.service) for e in ev if e.kind == HOST] == [("aip.baidubce.com", "baidu-qianfan")]


def test_a_url_the_code_compares_with_is_no_request(run_detector):
    """`url.value == 'https://myllm.com/api/v2/qanda'`: a value matched, not a request sent."""
    src = """\
    if (url.value == 'https://myllm.com/api/v2/qanda') { return llm(params) }
    if (url.value.startsWith('https://timeapi.io/api/time/current/city')) { return time() }
    const r = await fetch('https://api.pinboard.in/v1/posts/add');
    """
    ev, _ = run_detector(DETECTOR, "exercises/DataExercise.tsx", src)
    assert [e.name for e in ev if e.kind == HOST] == ["api.pinboard.in"]


def test_a_url_of_one_picture_by_its_hash_is_no_request(run_detector):
    """A literal avatar URL with its MD5 (a seeded user's or a team page's picture) is one fixed
    image, not the Gravatar API; the avatar URL the code builds from an email's hash is."""
    fixed = """\
    $user->setAvatar('https://www.gravatar.com/avatar/00000000000000000000000000000000?d=retro&f=y');
    $u->setAvatar('https://en.gravatar.com/userimage/3533186/bf2163b1dd23f3107a028af0195624e9.jpeg');
    """
    ev, _ = run_detector(DETECTOR, "src/DataFixtures/UserFixtures.php", fixed)
    assert [e.name for e in ev if e.kind == HOST] == []
    built = "avatar = f'https://secure.gravatar.com/avatar/{md5(email)}?d=identicon'\n"
    ev, _ = run_detector(DETECTOR, "app/avatars.py", built)
    assert [e.name for e in ev if e.kind == HOST] == ["secure.gravatar.com"]


def test_a_literal_avatar_id_shorter_than_a_digest_is_no_request(run_detector):
    """A sample webhook payload's `avatar_url` with a shortened Gravatar id is one person's
    picture in data, as a full digest is; the avatar URL the code builds from a hash is a use."""
    sample = """\
    user: {
      username: "agarcia",
      avatar_url: "https://www.gravatar.com/avatar/1a29da0ccd0994?s=80&d=identicon",
    },
    """
    ev, _ = run_detector(DETECTOR, "src/handAuthored/gitlab.ts", sample)
    assert [e.name for e in ev if e.kind == HOST] == []
    built = "const avatar = `https://www.gravatar.com/avatar/${md5(email)}?s=80&d=identicon`;\n"
    ev, _ = run_detector(DETECTOR, "app/avatars.ts", built)
    assert [e.name for e in ev if e.kind == HOST] == ["www.gravatar.com"]


def test_a_home_page_link_does_not_hide_a_later_api_request(run_detector):
    """The first mention of an unknown host (a description's link) must not use up the host:
    the later request is the evidence."""
    src = '''\
    DESC = "Renders pages with [PhantomJs Cloud](https://phantomjscloud.com/)."
    def url(key)
      "https://phantomjscloud.com/api/browser/v2/#{key}/?request=x"
    end
    '''
    ev, _ = run_detector(DETECTOR, "app/models/agents/render_agent.rb", src)
    assert [(e.name, e.line) for e in ev if e.kind == HOST] == [("phantomjscloud.com", 3)]


def test_api_shaped_first_labels(run_detector):
    src = '''\
    import requests
    requests.get("http://webservices.nextbus.com/service/publicXMLFeed?command=x")
    ROOT = "https://graph.threads.net/"
    requests.get("https://www.unknown-vendor.com/page")
    '''
    ev, _ = run_detector(DETECTOR, "app/transit.py", src)
    assert {e.name for e in ev if e.kind == HOST} == {"webservices.nextbus.com", "graph.threads.net"}


def test_a_file_named_after_the_vendor_requests_its_urls(run_detector):
    """stubhub_agent.rb fetching www.stubhub.com/listingCatalog/...: the file is that vendor's
    client, whatever the URL's shape. Not a bare home page, not prose, not without requests."""
    src = '''\
    DESC = "Paste the url of the event, e.g. https://www.stubhub.com/some-event/"
    def fetch(id)
      uri = URI('https://www.stubhub.com/listingCatalog/select/?q=' + id)
      Net::HTTP.get(uri)
    end
    '''
    ev, _ = run_detector(DETECTOR, "app/models/agents/stubhub_agent.rb", src)
    assert [(e.name, e.line) for e in ev if e.kind == HOST] == [("www.stubhub.com", 3)]
    # Named after the vendor but making no request (a link-relation identifier), or a UI component.
    rel = "$links = ['rel' => 'http://webfinger.net/rel/profile-page'];\n"
    ev, _ = run_detector(DETECTOR, "app/Util/Webfinger.php", "<?php\n" + rel)
    assert [e for e in ev if e.kind == HOST] == []
    embed = 'export const Vimeo = () => fetch("https://player.vimeo-like.com/video/1");\n'
    ev, _ = run_detector(DETECTOR, "editor/embeds/VimeoLike.tsx", embed)
    assert [e for e in ev if e.kind == HOST] == []
    author = 'import requests\nAUTHOR = {"url": "https://passbolt.com"}\nrequests.get(x)\n'
    ev, _ = run_detector(DETECTOR, "themes/passbolt.py", author)
    assert [e for e in ev if e.kind == HOST] == []


def test_a_vendor_named_java_scraper_fetching_with_jsoup_requests_its_urls(run_detector):
    """A Java metadata scraper (`AmazonBookParser.java`) keeps the vendor's URL in a constant and
    fetches pages with jsoup's `Jsoup.connect(url).get()`: jsoup is its HTTP client, so the
    vendor-named file's URL is a request. `Jsoup.parse(html)` alone fetches nothing."""
    src = """\
    public class AmazonBookParser implements BookParser {
        private static final String BASE_BOOK_URL = "https://www.amazon.com/dp/";
        private Document fetchDocument(String url) {
            return Jsoup.connect(url).userAgent(UA).get();
        }
        public BookMetadata getBookMetadata(String id) { return parse(fetchDocument(BASE_BOOK_URL + id)); }
    }
    """
    ev, _ = run_detector(DETECTOR, "src/main/java/app/metadata/parser/AmazonBookParser.java", src)
    assert [(e.name, e.line) for e in ev if e.kind == HOST] == [("www.amazon.com", 2)]
    parsed = src.replace("Jsoup.connect(url).userAgent(UA).get()", "Jsoup.parse(url)")
    ev, _ = run_detector(DETECTOR, "src/main/java/app/metadata/parser/AmazonBookParser.java", parsed)
    assert [e for e in ev if e.kind == HOST] == []


def test_a_vendor_named_file_appending_endpoints_to_the_vendors_origin_requests_it(run_detector):
    """`"http://bikebook.io#{method}"` in integrations/bike_book.rb: the code appends the endpoint
    to the origin in place, so the bare origin is no home-page link. A bare origin with nothing
    appended (an author's site) stays a link."""
    src = """\
    require "net/http"
    def make_request(query, method = nil)
      uri = URI("http://bikebook.io#{method}")
      Net::HTTP.start(uri.hostname, uri.port) { |http| http.request(Net::HTTP::Get.new(uri)) }
    end
    """
    ev, _ = run_detector(DETECTOR, "app/services/integrations/bike_book.rb", src)
    assert [(e.name, e.line) for e in ev if e.kind == HOST] == [("bikebook.io", 3)]
    js = "export const get = (path) => fetch(`https://api-less.examplevendor.io${path}`);\n"
    ev, _ = run_detector(DETECTOR, "src/lib/examplevendor.js", js)
    assert [e.name for e in ev if e.kind == HOST] == ["api-less.examplevendor.io"]
    home = 'require "net/http"\nAUTHOR = "http://bikebook.io"\nNet::HTTP.get(URI(x))\n'
    ev, _ = run_detector(DETECTOR, "app/services/integrations/bike_book.rb", home)
    assert [e for e in ev if e.kind == HOST] == []


def test_a_setting_keyed_by_a_vendors_base_url_name_defaults_to_its_api(run_detector):
    """`ENV.fetch("PROJECT_529_BASE_URL", "https://project529.com/garage")`: the key names whose
    API the default is, whatever the path. The application's own address keyed APP_URL or
    FRONTEND_API_URL is no vendor's."""
    src = 'class Client\n  BASE_URL = ENV.fetch("PROJECT_529_BASE_URL", "https://project529.com/garage")\nend\n'
    ev, _ = run_detector(DETECTOR, "app/models/registry_client.rb", src)
    assert [(e.name, e.line) for e in ev if e.kind == HOST] == [("project529.com", 2)]
    py = 'import os\nGEO = os.getenv("GEOCODER_API_URL", "https://geo.somevendor.org/search")\n'
    ev, _ = run_detector(DETECTOR, "app/geo.py", py)
    assert [e.name for e in ev if e.kind == HOST] == ["geo.somevendor.org"]
    own = (
        'import os\nA = os.getenv("APP_BASE_URL", "https://pontoon.mozilla.org/x")\n'
        'B = os.getenv("FRONTEND_API_URL", "https://www.ourproduct.org/app")\n'
        'C = os.getenv("BASE_URL", "https://www.ourproduct.org/app")\n'
        'D = os.getenv("OSEM_ICHAIN_BASE_URL", "https://events.ourproduct.org")\n'
        'E = os.environ.get("GITHUB_RAW_ENDPOINT", "https://raw.somecdn.com/models")\n'
    )
    ev, _ = run_detector(DETECTOR, "app/settings.py", own)
    assert [e for e in ev if e.kind == HOST] == []


def test_a_scraper_module_requesting_through_its_session_calls_its_site(run_detector):
    """Python scrapers keep a requests session (`self.session = Session()`, a retrying subclass)
    and call through it: `napisy24.py` posting to self.api_url, `podnapisi.py` getting
    self.server_url + 'search'. A file named for the whole domain, dots dropped (`yavkanet.py`
    on yavka.net, `subssabbz.py` on subs.sab.bz), names the vendor as well. Flask's
    `session.get('user')` reads a cookie: no request, so no host."""
    napisy = (
        "class Napisy24Provider(Provider):\n"
        "    api_url = 'http://napisy24.pl/run/CheckSubAgent.php'\n\n"
        "    def query(self, params):\n"
        "        return self.session.post(self.api_url, data=params, timeout=10)\n"
    )
    ev, _ = run_detector(DETECTOR, "libs/providers/napisy24.py", napisy)
    assert [e.name for e in ev if e.kind == HOST] == ["napisy24.pl"]
    podnapisi = (
        "class PodnapisiProvider(Provider):\n"
        "    server_url = 'https://podnapisi.net/subtitles/'\n\n"
        "    def query(self, params):\n"
        "        return self.session.get(self.server_url + 'search/old', params=params)\n"
    )
    ev, _ = run_detector(DETECTOR, "libs/providers/podnapisi.py", podnapisi)
    assert [e.name for e in ev if e.kind == HOST] == ["podnapisi.net"]
    yavka = "def query(self, imdb_id):\n    return self.retry(self.session.get(f'https://yavka.net/imdb/{imdb_id}'))\n"
    ev, _ = run_detector(DETECTOR, "libs/providers/yavkanet.py", yavka)
    assert [e.name for e in ev if e.kind == HOST] == ["yavka.net"]
    sab = "def query(self, params):\n    return self.session.post('http://subs.sab.bz/index.php?', params=params)\n"
    ev, _ = run_detector(DETECTOR, "libs/providers/subssabbz.py", sab)
    assert [e.name for e in ev if e.kind == HOST] == ["subs.sab.bz"]
    flask = (
        "from flask import session\n\nHELP = 'https://napisy24.pl/faq/login'\n\n"
        "def who():\n    return session.get('user')\n"
    )
    ev, _ = run_detector(DETECTOR, "app/napisy24.py", flask)
    assert [e for e in ev if e.kind == HOST] == []


def test_a_bare_mention_of_a_host_does_not_hide_its_api_call_further_down(run_detector):
    src = """\
/** Renders a video player embedding for https://vimeo.com */
export const preview = (id: string) => fetch(`https://vimeo.com/api/v2/video/${id}.json`)
"""
    ev, _ = run_detector(DETECTOR, "frontend/src/embeds/vimeo-frame.tsx", src)
    assert [(e.name, e.line) for e in ev if e.kind == HOST] == [("vimeo.com", 2)]


def test_rust_unit_test_modules_are_test_code(run_detector):
    """A `#[cfg(test)] mod tests { ... }` block is test code: its URLs are no request of the
    application; code after the module still counts."""
    src = (
        "pub fn fetch() {}\n"
        "#[cfg(test)]\n"
        "mod tests {\n"
        "  fn t() { if x { let u = Url::parse(\"https://gitlab.com/acme/repo/-/wikis/FAQ\"); } }\n"
        "}\n"
        "const API: &str = \"https://api.stripe.com/v1\";\n"
    )
    ev, _ = run_detector(DETECTOR, "crates/api/src/request.rs", src)
    assert [(e.name, e.line) for e in ev if e.kind == HOST] == [("api.stripe.com", 6)]


# A link for the reader beside a request to the same host: the link names no service, the request does.
LINKS_AND_REQUESTS = [
    # `baseUrl + ...` only ever returned: external links built for the UI, not requests.
    (
        "Providers/ImdbExternalUrlProvider.cs",
        "public IEnumerable<string> GetExternalUrls(Item item)\n{\n"
        "    var baseUrl = \"https://www.imdb.com/\";\n"
        "    if (item.IsPerson) { yield return baseUrl + $\"name/{item.Id}\"; }\n"
        "    else { yield return baseUrl + $\"title/{item.Id}\"; }\n}\n",
        "Providers/ImdbClient.cs",
        "var baseUrl = \"https://www.imdb.com/\";\nvar res = await http.GetAsync(baseUrl + \"title/\" + id);\n",
        "www.imdb.com",
    ),
    # A catalog host as an `href` (an HTML or JSX link, a UI builder's `{href: "…"}`): a page
    # for the reader (the vendor's docs, a stylesheet).
    (
        "ui/src/options/help.jsx",
        'export const help = () => t.a({\n    href:\n        "https://open.feishu.cn/document/user-ids",\n'
        '    target: "_blank",\n});\n'
        'export const Docs = () => <a href={"https://docs.stripe.com/keys"}>keys</a>;\n'
        "export const Font = () => <link rel='stylesheet' href='https://fonts.googleapis.com/css2?family=Inter' />;\n",
        "src/lark.js",
        'const r = await fetch("https://open.feishu.cn/open-apis/auth/v3/tenant_access_token");\n',
        "open.feishu.cn",
    ),
    # A community's invite link, returned for a "join us" button.
    (
        "frontend/src/utils/paths.js",
        'export default {\n  discord: () => {\n    return "https://discord.com/invite/6UyHPeGZAC";\n  },\n};\n',
        "server/notify/discord.js",
        'await fetch("https://discord.com/api/webhooks/" + id + "/" + token, { method: "POST" });\n',
        "discord.com",
    ),
    # A person's profile page among a site config's social links.
    (
        "src/config/site.ts",
        'export const siteConfig = {\n  links: {\n    discord: "https://discord.com/users/sadmann7",\n  },\n};\n',
        "server/notify/discord.js",
        'await fetch("https://discord.com/api/webhooks/" + id + "/" + token, { method: "POST" });\n',
        "discord.com",
    ),
    # A chat's permalink to a message, in an error's text pointing users to a thread.
    (
        "sdk/runner.py",
        'raise OutputError(dedent(f"""\n    Outputs cannot contain \\\\u0000\n\n'
        '    Please see this Discord thread: https://discord.com/channels/1088927970518909068/1384324576166678710/1386\n"""))\n',
        "server/notify/discord.js",
        'await fetch("https://discord.com/api/webhooks/" + id + "/" + token, { method: "POST" });\n',
        "discord.com",
    ),
    # A list named for what the code skips: the hosts it leaves alone.
    (
        "collector/htmlToMarkdown.js",
        'const IGNORED_IMG_BASEPATHS = [\n  "https://img.shields.io",\n  "https://travis-ci.org",\n'
        '  "https://circleci.com",\n];\n',
        "scripts/ci-status.js",
        'const res = await fetch("https://circleci.com/api/v2/project/gh/acme/app/pipeline");\n',
        "circleci.com",
    ),
    # `example` as a vendor tenant's name: a placeholder for the reader's own site.
    (
        "Connectors/Confluence/index.jsx",
        '<input type="url" name="baseUrl" placeholder="eg: https://example.atlassian.net, http://localhost:8211" />;\n',
        "Connectors/Confluence/loader.js",
        'const j = await fetch("https://acme-team.atlassian.net/rest/api/3/issue");\n',
        "acme-team.atlassian.net",
    ),
    # A URL introduced as an example ("e.g", "eg:", "Example:"): a form's hint for what an admin
    # enters (an identity provider's login URL in SAML settings), not a request.
    (
        "ee/security/components/sso-saml-form.tsx",
        '<TextInput label="IDP Login URL"\n  placeholder="e.g https://login.microsoftonline.com/7d62/saml2" />;\n'
        'const hint = "Example: https://accounts.google.com/";\n',
        "server/auth/microsoft.ts",
        'const r = await fetch("https://login.microsoftonline.com/common/oauth2/v2.0/token", { method: "POST" });\n',
        "login.microsoftonline.com",
    ),
    # The last of a short list of examples ("Example: https://cdn.mystore.com or https://d111abcdef8.cloudfront.net"):
    # a sample too, like the first; the same host requested is a use.
    (
        "src/modules/cms/pages/admin/FileStorageSetting.tsx",
        "const hint = _('Optional CDN serving the bucket. Example: https://cdn.mystore.com or https://d111abcdef8.cloudfront.net, a distribution with this bucket as its origin.');\n",
        "src/lib/cdn.ts",
        'const r = await fetch("https://d111abcdef8.cloudfront.net/manifest.json");\n',
        "d111abcdef8.cloudfront.net",
    ),
    # The whole value of an input's placeholder: a greyed-out hint of what a user types (their
    # own webhook URL), even when API-shaped; the same URL fetched is a request.
    (
        "assets/src/components/integrations/NewWebhookModal.tsx",
        '<Input\n  id="webhook_url"\n  placeholder="https://myawesomeapp.com/api/webhook"\n  onChange={handleChange}\n/>;\n'
        'const field = { type: "url", placeholder: \'https://myawesomeapp.com/api/hook\' };\n',
        "server/notify.ts",
        'await fetch("https://myawesomeapp.com/api/webhook", { method: "POST" });\n',
        "myawesomeapp.com",
    ),
    # A link tagged with campaign parameters (`?utm_source=`): a sponsor list's link to the
    # vendor's home page, which only a person opens; the vendor's script loaded is a use.
    (
        "lib/app_web/views/sponsor_view.ex",
        'def sponsors_list do\n  [\n    {"Heap", "https://heapanalytics.com/?utm_source=changelog"},\n'
        '    {"Sentry", "https://sentry.io/?utm_source=changelog&utm_medium=podcast"}\n  ]\nend\n',
        "lib/app_web/analytics.ex",
        'def script, do: "https://heapanalytics.com/js/heap-" <> app_id() <> ".js"\n',
        "heapanalytics.com",
    ),
]


@pytest.mark.parametrize("link_path, link, call_path, call, host", LINKS_AND_REQUESTS,
                         ids=["base-url-link", "href", "invite-link", "profile-link", "chat-permalink", "skip-list", "example-tenant", "example-marker", "example-list",
                              "placeholder-attr", "campaign-tags"])
def test_a_link_is_no_request(run_detector, link_path, link, call_path, call, host):
    ev, _ = run_detector(DETECTOR, link_path, link)
    assert [e for e in ev if e.kind == HOST] == []
    ev, _ = run_detector(DETECTOR, call_path, call)
    assert [e.name for e in ev if e.kind == HOST] == [host]


def test_a_link_relation_type_uri_is_a_name_not_a_request(run_detector):
    # `webfinger.go` makes HTTP requests and is named after webfinger.net, but the URL is a
    # WebFinger link's relation type (RFC 8288): an identifier no one fetches.
    code = (
        'package app\n\nimport "net/http"\n\n'
        "func lookup(u string) (*http.Response, error) { return http.Get(u) }\n\n"
        "var links = []Link{\n"
        '\t{HRef: profile, Type: "text/html", Rel: "https://webfinger.net/rel/profile-page"},\n'
        "}\n"
        'var doc = map[string]string{"rel": "http://webfinger.net/rel/avatar"}\n'
    )
    ev, _ = run_detector(DETECTOR, "webfinger.go", code)
    assert [e.name for e in ev if e.kind == HOST] == []
    # the same URL as a request still counts
    ev, _ = run_detector(DETECTOR, "webfinger.go", code.replace('Rel: "https', 'Req: "https').replace('"rel"', '"req"'))
    assert [e.name for e in ev if e.kind == HOST] == ["webfinger.net"]


def test_a_constant_named_for_a_link_relation_is_a_name_not_a_request(run_detector):
    # An OPDS/Readium server's link relation types kept as constants (`REL_PROGRESSION_API`,
    # `LINK_REL_SELF`, `relAcquisition`): URIs used as names in the feeds it serves, never fetched.
    code = (
        "package org.acme.api.dto\n\n"
        'const val REL_PROGRESSION_API = "http://www.cantook-like.com/api/progression"\n'
        'const val ACQUISITION_REL = "http://opds-spec-like.org/acquisition/open-access"\n'
        'val relSample = "https://books-like.com/rel/sample"\n'
    )
    ev, _ = run_detector(DETECTOR, "api/dto/Constants.kt", code)
    assert [e.name for e in ev if e.kind == HOST] == []
    # a constant whose name merely begins with the letters (a release feed) still counts
    ev, _ = run_detector(DETECTOR, "api/dto/Constants.kt", 'const val RELEASES_API = "https://api.cantook-like.com/releases"\n')
    assert [e.name for e in ev if e.kind == HOST] == ["api.cantook-like.com"]


def test_llm_router_model_strings_name_the_provider(run_detector):
    """LiteLLM picks the provider from the model string's first word: in a file that imports
    it, `'gemini/'` and `"anthropic/claude-..."` are calls to Gemini and Anthropic; the same
    strings in a file without the router (an OpenRouter model id) are not."""
    src = '''\
    _PREFIXES = {'gemini': 'gemini/', 'openrouter': 'openrouter/', 'compatible': 'openai/'}
    def complete(model, messages):
        import litellm
        if model.startswith('anthropic/') or model == "openrouter/anthropic/claude-3.5-sonnet":
            pass
        return litellm.completion(model=model, messages=messages, path='unknownvendor/x')
    '''
    ev, _ = run_detector(DETECTOR, "app/llm/client.py", src)
    calls = {e.service: e.line for e in ev if e.kind == CALL}
    assert calls == {"google-gemini": 1, "openrouter": 1, "openai": 1, "anthropic": 4}
    assert all(e.get("alone") == "1" for e in ev if e.kind == CALL)
    ev, _ = run_detector(DETECTOR, "app/models.py", 'MODEL = "anthropic/claude-3.5-sonnet"\nimport requests\n')
    assert [e for e in ev if e.kind == CALL] == []


def test_a_minified_bundle_committed_as_plain_js_is_no_source(run_detector):
    """A chat widget's build (`assets/public/widget.js`: 300 kB on one line) bundles a library
    that asks the npm registry for updates; the app never does. The same statements written as
    source are read."""
    statements = ['var a{0}=function(r){{return r+{0}}};'.format(i) for i in range(600)]
    call = 'fetch("https://registry.npmjs.org/"+p+"/latest");'
    bundle = "(function(){" + "".join(statements) + call + "})();\n"
    assert len(bundle) > 10_000 and bundle.count("\n") == 1
    evidence, _ = run_detector(DETECTOR, "assets/public/widget.js", bundle)
    assert [e for e in evidence if e.kind == HOST] == []
    source = "\n".join(statements + [call]) + "\n"
    evidence, _ = run_detector(DETECTOR, "assets/js/widget.js", source)
    assert [e.name for e in evidence if e.kind == HOST] == ["registry.npmjs.org"]
def test_path_style_bucket_urls_name_the_buckets_vendor(run_detector):
    """`https://storage.googleapis.com/osv-vulnerabilities` is the bucket the catalog knows as
    osv-vulnerabilities.storage.googleapis.com: OSV's published data, not the app's storage.
    A bucket the catalog does not know stays the cloud's storage."""
    src = """\
    final class OsvFactory {
        static final String DATA_URL = "https://storage.googleapis.com/osv-vulnerabilities";
        static final String OWN = "https://storage.googleapis.com/acme-exports/report.csv";
    }
    """
    ev, _ = run_detector(DETECTOR, "src/main/java/org/acme/OsvFactory.java", src)
    hosts = [(e.name, e.service, e.line) for e in ev if e.kind == HOST]
    assert hosts == [("osv-vulnerabilities.storage.googleapis.com", "osv", 2),
                     ("storage.googleapis.com", "google-cloud-storage", 3)]
@pytest.mark.parametrize("path, src", [
    ("app/Schema/Mysql.php", """\
    <?php
    function version_65(PDO $pdo)
    {
        $pdo->exec("CREATE TABLE project_integrations (`hipchat_api_url` VARCHAR(255) DEFAULT 'https://api.hipchat.com')");
    }
    """),
    ("db/migrate/20150101000000_add_hipchat.rb", """\
    class AddHipchat < ActiveRecord::Migration[4.2]
      def change
        add_column :projects, :hipchat_url, :string, default: "https://api.hipchat.com"
      end
    end
    """),
])
def test_a_url_in_a_schema_migration_is_marked_as_history(run_detector, path, src):
    """A schema migration's statements are the schema's history (a dropped integration's column
    default): its hosts are marked, and show no use of the service (usage.shows_use)."""
    ev, _ = run_detector(DETECTOR, path, src)
    hosts = [e for e in ev if e.kind == HOST and e.name == "api.hipchat.com"]
    assert hosts and all(e.get("migration") == "1" for e in hosts)


def test_a_templated_url_in_a_data_migration_is_marked_as_history(run_detector):
    """A data migration that moves a dropped provider's rows onto another builds the old
    provider's URL from a template: history as much as a plain URL in a migration is."""
    src = """<?php
return new class extends Migration
{
    public function up(): void
    {
        foreach ($providers as $provider) {
            $credentials['api_url'] = "https://{$credentials['bucket']}.s3.{$credentials['region']}.wasabisys.com";
        }
    }
};
"""
    ev, _ = run_detector(DETECTOR, "database/migrations/2024_12_22_000000_deprecate_wasabi.php", src)
    hosts = [e for e in ev if e.kind == HOST and e.service == "wasabi"]
    assert hosts and all(e.get("migration") == "1" for e in hosts)


def test_an_image_a_page_loads_from_a_bucket_is_no_storage_use(run_detector):
    """A "Powered by" badge on the vendor's own Spaces bucket (`<img src="…digitaloceanspaces.com/…svg">`
    in JSX) is an asset the browser loads, as in page templates; the app's own request to a
    storage host in the same file still counts."""
    src = """export const Footer = () => (
  <a href="https://m.do.co/c/abc">
    <img src="https://opensource.nyc3.cdn.digitaloceanspaces.com/attribution/assets/PoweredByDO/DO_Powered_by_Badge_black.svg" alt="Powered by DigitalOcean" />
  </a>
);
"""
    ev, _ = run_detector(DETECTOR, "apps/client/src/pages/home/components/footer.tsx", src)
    assert not [e for e in ev if e.kind == HOST]
    used = src + 'export const upload = (b: Blob) => fetch("https://acme.nyc3.digitaloceanspaces.com/uploads/x", { method: "PUT", body: b });\n'
    ev, _ = run_detector(DETECTOR, "apps/client/src/upload.tsx", used)
    assert [e.service for e in ev if e.kind == HOST] == ["digitalocean-spaces"]


def test_a_script_a_worker_imports_from_a_bucket_is_no_storage_use(run_detector):
    """A service worker's `importScripts('https://storage.googleapis.com/workbox-cdn/…')` loads
    Workbox from its CDN on a Cloud Storage bucket, as a page's `<script src>` would: an asset,
    not the application storing files there. A request to the same host still counts."""
    src = """importScripts(
    'https://storage.googleapis.com/workbox-cdn/releases/6.5.4/workbox-sw.js'
);
workbox.routing.registerRoute(({request}) => request.destination === 'image', new workbox.strategies.CacheFirst());
"""
    ev, _ = run_detector(DETECTOR, "public/sw.js", src)
    assert not [e for e in ev if e.kind == HOST]
    used = src + 'fetch("https://storage.googleapis.com/upload/storage/v1/b/acme/o?uploadType=media", { method: "POST" });\n'
    ev, _ = run_detector(DETECTOR, "public/sw.js", used)
    assert [e.service for e in ev if e.kind == HOST] == ["google-cloud-storage"]


def test_a_url_in_ordinary_code_is_no_migration(run_detector):
    ev, _ = run_detector(DETECTOR, "app/Notify/Hipchat.php", '<?php\n$client->post("https://api.hipchat.com/v2/room/1/notification");\n')
    hosts = [e for e in ev if e.kind == HOST]
    assert hosts and not any(e.get("migration") for e in hosts)


def test_a_help_link_of_a_share_target_is_no_request(run_detector):
    """A table of share targets (`'help' => 'https://pinboard.in/api/'` beside a browser share
    URL): the help key links a page for people, even an API's."""
    src = ("<?php\nreturn [\n\t'pinboard' => [\n\t\t'url' => 'https://pinboard.in/add?next=same&url=~LINK~',\n"
           "\t\t'help' => 'https://pinboard.in/api/',\n\t],\n];\n")
    ev, _ = run_detector(DETECTOR, "app/shares.php", src)
    assert not [e for e in ev if e.kind == HOST]
    ev, _ = run_detector(DETECTOR, "app/pinboard.php", src.replace("'help'", "'endpoint'"))
    assert [e.name for e in ev if e.kind == HOST] == ["pinboard.in"]


def test_a_developers_link_of_a_provider_table_is_no_request(run_detector):
    """A sign-in provider table's `'developers' =>` link (the vendor's developer portal, even on
    its API's host) is a page for people; the provider's class makes the requests."""
    src = ("<?php\nreturn [\n    'disqus' => [\n        'name' => 'Disqus',\n"
           "        'developers' => 'https://disqus.com/api/docs/auth/',\n        'enabled' => true,\n    ],\n];\n")
    ev, _ = run_detector(DETECTOR, "app/config/oAuthProviders.php", src)
    assert not [e for e in ev if e.kind == HOST]
    ev, _ = run_detector(DETECTOR, "app/config/disqus.php", src.replace("'developers'", "'endpoint'"))
    assert [e.name for e in ev if e.kind == HOST] == ["disqus.com"]


def test_a_plugins_metadata_link_is_no_request(run_detector):
    """A plugin class's `author_url` (the vendor module of Microsoft Teams naming its author's
    repository on GitHub) is a page for people: no GitHub host for it."""
    src = 'class MicrosoftTeamsConferencePlugin(ConferencePlugin):\n    author = "Cino Jose"\n    author_url = "https://github.com/netflix/dispatch.git"\n    docs_url = "https://github.com/netflix/dispatch/wiki"\n'
    ev, _ = run_detector(DETECTOR, "plugins/teams/plugin.py", src)
    assert not [e for e in ev if e.kind == HOST]


def test_a_wiki_article_is_a_page_for_people(run_detector):
    """`/wiki/<title>` is a MediaWiki site's article (a book's Wikidata item linked from its
    page): no request. Its `Special:` data pages and the bare `/wiki/` a client builds them on
    are the API's."""
    ev, _ = run_detector(DETECTOR, "app/models/book.py",
                         'class Book:\n    def wikidata_link(self):\n        return f"https://www.wikidata.org/wiki/{self.wikidata}"\n')
    assert not [e for e in ev if e.kind == HOST]
    ev, _ = run_detector(DETECTOR, "app/Http/Integrations/Wikidata/WikidataConnector.php",
                         "<?php\nclass WikidataConnector extends Connector\n{\n    public function resolveBaseUrl(): string\n    {\n"
                         "        return 'https://www.wikidata.org/wiki/';\n    }\n}\n")
    assert [e.service for e in ev if e.kind == HOST] == ["wikidata"]
    ev, _ = run_detector(DETECTOR, "src/entity.js",
                         'export const entity = (id) => fetch("https://www.wikidata.org/wiki/Special:EntityData/" + id + ".json");\n')
    assert [e.service for e in ev if e.kind == HOST] == ["wikidata"]



def test_a_help_center_article_is_a_page_for_people(run_detector):
    """A support article on the vendor's help-center host (an app's own desk on Freshdesk or
    Zendesk, linked from an error message) is for people to read; the API's paths still count."""
    ev, _ = run_detector(DETECTOR, "app/hosting/github.py",
                         "class GitHub:\n    SUPPORT_URL = (\n        'https://acme.freshdesk.com/solution/articles/3000045767'\n"
                         "        '-granting-organization-access'\n    )\n")
    assert not [e for e in ev if e.kind == HOST]
    ev, _ = run_detector(DETECTOR, "app/help.py", "FAQ = 'https://acme.zendesk.com/hc/en-us/articles/360001234567'\n")
    assert not [e for e in ev if e.kind == HOST]
    ev, _ = run_detector(DETECTOR, "app/tickets.py",
                         "import requests\nr = requests.get('https://acme.freshdesk.com/api/v2/solutions/articles/1', auth=auth)\n")
    assert [e.service for e in ev if e.kind == HOST] == ["freshdesk"]


def test_a_vendors_sign_up_page_is_a_page_for_people(run_detector):
    """A gateway list linking the admin to the vendor's sign-up page opens no connection; a
    registration call under the vendor's API prefix still counts."""
    ev, _ = run_detector(DETECTOR, "app/Models/Gateway.php",
                         "<?php\nif ($this->id == 35) {\n    $link = 'https://bitpay.com/dashboard/signup';\n}\n")
    assert not [e for e in ev if e.kind == HOST]
    ev, _ = run_detector(DETECTOR, "app/push.py",
                         "import requests\nrequests.post('https://api.pushover.net/api/v1/register', data=d)\n")
    assert [e.service for e in ev if e.kind == HOST] == ["pushover"]


def test_imports_inside_a_multiline_template_literal_are_a_code_sample(run_detector):
    """An onboarding step showing users how to integrate (`code: \\`import { betterAuth } from
    "better-auth"; ...\\``) imports nothing itself; the file's own imports above still count."""
    src = (
        'import { useState } from "react";\nimport { loadStripe } from "@stripe/stripe-js";\n\n'
        "const frameworks = [\n  {\n    slug: 'better-auth',\n"
        "    code: `import { betterAuth } from \"better-auth\";\n\nconst auth = betterAuth({ plugins: [] });`,\n  },\n];\n"
    )
    ev, _ = run_detector(DETECTOR, "src/components/Onboarding/IntegrateStep.tsx", src)
    imports = {e.name for e in ev if e.kind == IMPORT}
    assert "@stripe/stripe-js" in imports
    assert "better-auth" not in imports


def test_sample_urls_with_blank_path_segments_are_no_calls_even_on_catalog_hosts(run_detector):
    """A URL whose path still holds the sample's blanks (`/your-account-id`, a run of X's for a
    secret) is a template: Laravel's stock SQS prefix, Slack's documented webhook URL kept as a
    test value by a secret redactor. A filled-in URL on the same hosts still counts."""
    php = "<?php\nreturn ['sqs' => ['driver' => 'sqs', 'prefix' => 'https://sqs.us-east-1.amazonaws.com/your-account-id']];\n"
    rs = 'const SAMPLE: &str = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";\n'
    ev, _ = run_detector(DETECTOR, "config/queue.php", php)
    assert not [e for e in ev if e.kind == HOST]
    ev, _ = run_detector(DETECTOR, "src/secrets.rs", rs)
    assert not [e for e in ev if e.kind == HOST]  # (the SDK-call pattern alone establishes no Slack)
    ev, _ = run_detector(DETECTOR, "src/notify.rs", 'let url = "https://hooks.slack.com/services/T024BE7LD/B01234567/abcdEFGHijklMNOPqrstUVWX";\n')
    assert [e for e in ev if e.kind == HOST and e.name == "hooks.slack.com"]
    # A settings form's hint for a catalogued vendor's URL names the vendor the field takes.
    form = "TextInput::make('healthcheck_url')\n    ->placeholder('https://hc-ping.com/your-uuid-here'),\n"
    ev, _ = run_detector(DETECTOR, "app/Filament/Pages/Settings/Notification.php", "<?php\n" + form)
    assert [e.service for e in ev if e.kind == HOST] == ["healthchecks-io"]


def test_another_analytics_vendors_script_on_a_shared_host(run_detector):
    """gtag.js (`www.googletagmanager.com/gtag/js`) is Google Analytics' tag, named so by its
    catalog pattern, served from Tag Manager's host: no Tag Manager host; the container
    loader (`/gtm.js`) on the same host is Tag Manager's."""
    src = 'var scriptHost = "{{script_host}}" || "https://www.googletagmanager.com/gtag/js?id={{id}}";\nloadJS(scriptHost);\n'
    ev, _ = run_detector(DETECTOR, "src/lib/snippets/capture/ga.js", src)
    assert not [e for e in ev if e.kind == HOST and e.service == "google-tag-manager"]
    gtm = 'loadJS("https://www.googletagmanager.com/gtm.js?id=" + id);\n'
    ev, _ = run_detector(DETECTOR, "src/lib/snippets/capture/gtm.js", gtm)
    assert [e.service for e in ev if e.kind == HOST] == ["google-tag-manager"]


def test_another_vendors_api_path_on_a_gateway_host(run_detector):
    """An API marketplace's gateway forwards to the vendor its path names
    (`api.apilayer.com/fixer/latest`, Fixer's catalogued path): a Fixer request, no APILayer
    host; another path on the gateway is still the gateway's."""
    php = "<?php\n$url = 'https://api.apilayer.com/fixer/latest?base=EUR';\n$r = file_get_contents($url);\n"
    ev, _ = run_detector(DETECTOR, "endpoints/cronjobs/updateexchange.php", php)
    assert not [e for e in ev if e.kind == HOST and e.name == "api.apilayer.com"]
    assert [e.service for e in ev if e.kind == CALL and e.get("api_path") == "1"] == ["fixer"]
    other = "<?php\n$r = file_get_contents('https://api.apilayer.com/email_verification/check?email=' . $e);\n"
    ev, _ = run_detector(DETECTOR, "lib/verify.php", other)
    assert [e.name for e in ev if e.kind == HOST] == ["api.apilayer.com"]


def test_hosting_site_in_a_placeholder_is_no_deployment(run_detector):
    """A hosting platform's site address among an input's sample values (`placeholder="http://cachet.io,
    http://cachet.herokuapp.com"` for a list of allowed domains) is what a user may type, not
    where the app runs; the same site fetched in code still counts."""
    hint = ('<textarea class="form-control" name="allowed_domains" rows="5" '
            'placeholder="http://status.example.io, http://status-demo.herokuapp.com">{{ $domains }}</textarea>\n')
    ev, _ = run_detector(DETECTOR, "resources/views/dashboard/settings/security.blade.php", hint)
    assert not any(e.service == "heroku" for e in ev)
    use = "<?php\n$res = $client->get('https://status-demo.herokuapp.com/api/status');\n"
    ev, _ = run_detector(DETECTOR, "app/Status.php", use)
    assert any(e.service == "heroku" for e in ev)


def test_an_allow_list_of_one_vendors_hosts_names_that_vendor(run_detector):
    """A proxy refusing any configured endpoint whose host is not the vendor's
    (`!new URL(endpoint).hostname.endsWith(".upstash.io")`) talks to that vendor only; a positive
    test of a link's host (an embed or icon picker) names nothing outside webhook code."""
    ts = (
        'export async function handle(req: Request) {\n'
        '  const endpoint = req.headers.get("x-endpoint") ?? "";\n'
        '  if (!endpoint || !new URL(endpoint).hostname.endsWith(".upstash.io")) {\n'
        '    return new Response("forbidden", { status: 403 });\n  }\n'
        '  return fetch(endpoint + "/get/key");\n}\n'
    )
    ev, _ = run_detector(DETECTOR, "app/api/proxy/route.ts", ts)
    assert [(e.service, e.line) for e in ev if e.kind == HOST] == [("upstash-redis", 3)]
    embed = 'export function embed(link: URL) {\n  if (link.hostname.endsWith(".upstash.io")) return "db";\n}\n'
    ev, _ = run_detector(DETECTOR, "src/components/Embed.ts", embed)
    assert [e for e in ev if e.kind == HOST] == []


def test_elixir_fully_qualified_remote_call_is_an_import(run_detector):
    # aws-elixir's generated modules are called without an alias (`AWS.SNS.publish_batch(...)`);
    # the call names the dependency's module as an `alias` would. A one-word module (`Req.post(`)
    # and a qualified name inside a longer one (the app's `App.Aws.SNS`) are not read so.
    code = (
        "defmodule App.Aws.SNS do\n"
        "  alias AWS.Client\n\n"
        "  def publish(client, body) do\n"
        "    Req.post(\"/x\")\n"
        "    App.Aws.SNS.helper(client)\n"
        "    AWS.SNS.publish_batch(client, body)\n"
        "  end\n"
        "end\n"
    )
    ev, _ = run_detector(DETECTOR, "lib/app/aws/sns.ex", code)
    assert [(e.name, e.line) for e in ev if e.kind == IMPORT] == [("AWS.SNS", 7)]


def test_a_tld_placeholder_glued_to_the_host_reads_the_vendors_com_store(run_detector):
    """`https://api.audible${tld}/...` (one store per country, tld = '.co.uk'): the host is the
    vendor's, matched at its `.com` store; the letters before the placeholder (`api.audible`)
    are no host of their own. A path placeholder after a whole host is left alone."""
    ev, _ = run_detector(DETECTOR, "server/providers/Audible.js", """
        const tld = region ? this.regionMap[region] : '.com'
        const url = `https://api.audible${tld}/1.0/catalog/products?${queryString}`
        const res = await axios.get(url)
        const other = await axios.get(`https://api.unknown-vendor.io${path}`)
    """)
    hosts = {(e.name, e.service) for e in ev if e.kind == HOST}
    assert ("api.audible.com", "audible") in hosts
    assert not any(name == "api.audible" for name, _ in hosts)
    assert ("api.unknown-vendor.io", "") in hosts


def test_a_domain_suffix_placeholder_after_the_dot_reads_the_vendors_com_store(run_detector):
    """`format!("https://api.audible.{suffix}/...")` (suffix = "co.uk" per locale): the
    placeholder stands for the whole domain ending, so the host is the vendor's `.com` store, and
    `api.audible` before it is no host of its own. Another placeholder label (`{region}`) is not."""
    ev, _ = run_detector(DETECTOR, "crates/providers/audible/src/lib.rs", """
        fn url_from_locale(locale: &AudibleLocale) -> String {
            let suffix = suffix_from_locale(locale);
            format!("https://api.audible.{suffix}/1.0/catalog/products")
        }
        fn other(region: &str) -> String { format!("https://api.unknown-vendor.{region}/v1") }
    """)
    hosts = {(e.name, e.service) for e in ev if e.kind == HOST}
    assert ("api.audible.com", "audible") in hosts
    assert not any(name in ("api.audible", "api.audible.com") and not sid for name, sid in hosts)
    assert not any(name.startswith("api.unknown-vendor.com") for name, _ in hosts)


def test_a_host_cut_by_a_placeholder_after_a_dot_is_no_host_of_its_own(run_detector):
    """`https://http-intake.logs.#{site}` (Datadog's intake on the customer's site): the labels
    before `.#{...}` are a cut host, not an unknown vendor `http-intake.logs`; the templated URL
    is read whole. A placeholder path after a whole host still leaves that host."""
    ev, _ = run_detector(DETECTOR, "lib/acme/datadog/api_client.ex", '''
        defmodule Acme.Datadog.APIClient do
          def post(site, body), do: Req.post("https://http-intake.logs.#{site}/api/v2/logs", body: body)
          def other(path), do: Req.get("https://api.unknown-vendor.io#{path}")
        end
    ''')
    hosts = {(e.name, e.service) for e in ev if e.kind == HOST}
    assert not any(name == "http-intake.logs" for name, _ in hosts)
    assert ("api.unknown-vendor.io", "") in hosts


def test_a_social_link_built_from_a_handle_is_no_request(run_detector):
    """`"https://gitlab.com/#{handle}"` (a profile's social links) is a page for people, its whole
    path the user's handle; a path with more than the handle, or an `api.` host, stays a request."""
    ruby = ('class SocialLinkComponent\n  def url\n    case network\n'
            '    when :gitlab\n      "https://gitlab.com/#{handle}"\n'
            '    when :github\n      "https://github.com/#{@handle}"\n    end\n  end\nend\n')
    ev, _ = run_detector(DETECTOR, "app/components/social_link_component.rb", ruby)
    assert [e for e in ev if e.kind == HOST] == []
    ts = 'export const profile = (user: User) => `https://gitlab.com/${user.username}`;\n'
    ev, _ = run_detector(DETECTOR, "src/lib/links.ts", ts)
    assert [e for e in ev if e.kind == HOST] == []
    api = 'def projects\n  get("https://gitlab.com/#{API_PREFIX}/projects")\nend\n'
    ev, _ = run_detector(DETECTOR, "app/services/gitlab_client.rb", api)
    assert [e.name for e in ev if e.kind == HOST] == ["gitlab.com"]
    # A name that is no handle (a topic, a bucket) is the request's own.
    topic = 'await fetch(`https://ntfy.sh/${settings.topic}`, { method: "POST", body: msg });\n'
    ev, _ = run_detector(DETECTOR, "server/notify/ntfy.ts", topic)
    assert [e.name for e in ev if e.kind == HOST] == ["ntfy.sh"]


ALLAUTH_SETTINGS = """\
INSTALLED_APPS = [
    "allauth.socialaccount",
    "allauth.socialaccount.providers.github",
    "allauth.socialaccount.providers.openid_connect",
]
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "APPS": [
            {
                "provider_id": "%s",
                "name": "Single sign-on",
                "client_id": KEYCLOAK_CLIENT_ID,
                "settings": {"server_url": KEYCLOAK_CLIENT_URL},
            }
        ]
    },
}
"""


def _sign_ins(ev):
    return sorted((e.get("sign_in"), e.line) for e in ev if e.get("sign_in"))


def test_allauth_generic_oidc_named_after_a_catalogued_identity_provider_is_that_provider(run_detector):
    # django-allauth's openid_connect provider pointed at Keycloak (`"provider_id": "keycloak"`)
    ev, _ = run_detector(DETECTOR, "app/settings/base.py", ALLAUTH_SETTINGS % "keycloak")
    assert _sign_ins(ev) == [("github", 3), ("keycloak", 10)]


def test_allauth_generic_oidc_with_an_own_provider_id_stays_generic(run_detector):
    # the app's own name for its server says nothing about the vendor: generic OpenID Connect
    ev, _ = run_detector(DETECTOR, "app/settings/base.py", ALLAUTH_SETTINGS % "company-sso")
    assert _sign_ins(ev) == [("github", 3), ("openid-connect", 4)]
def test_an_xml_namespace_is_no_request(run_detector):
    """`xmlns="http://s3.amazonaws.com/doc/2006-03-01/"` in a listing an S3-compatible store's
    stand-in returns names S3's XML vocabulary; a request to the same host still counts."""
    src = """\
export function listing(bucket: string) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>${bucket}</Name>
</ListBucketResult>`
}
"""
    ev, _ = run_detector(DETECTOR, "app/utils/r2-listing.ts", src)
    assert not [e for e in ev if e.kind == HOST]
    feed = """const feed = '<feed xmlns:atom="https://api.example-vendor.io/ns">'\nfetch('https://api.example-vendor.io/v1/items')\n"""
    ev, _ = run_detector(DETECTOR, "app/utils/feed.ts", feed)
    assert [(e.name, e.line) for e in ev if e.kind == HOST] == [("api.example-vendor.io", 2)]


def test_standalone_call_pattern_wins_over_a_looser_one_of_the_same_endpoint(run_detector):
    """A Laravel job posting a hand-built Discord webhook payload through the app's own
    `WebhookClient(`: Discord's loose `WebhookClient(` pattern (same endpoint, not enough on
    its own) comes first in the file, and must not take the endpoint's one evidence slot
    from the payload pattern that proves Discord alone."""
    ev, _ = run_detector(DETECTOR, "app/Jobs/SendWebhookJob.php", """\
        <?php
        class SendWebhookJob
        {
            public function handle()
            {
                (new WebhookClient($this->receiver['webhook']))->send('POST', $this->payload());
            }

            private function payload(): array
            {
                return match ($this->receiver['type']) {
                    'discord' => [
                        'username' => config('app.name'),
                        'avatar_url' => asset('storage/favicon.png'),
                        'embeds' => [['title' => 'New item']],
                    ],
                };
            }
        }
        """)
    calls = [(e.service, e.name, e.detail) for e in ev if e.kind == CALL and e.service == "discord"]
    assert calls == [("discord", "webhook message", (("alone", "1"),))]


def test_js_subpath_import_names_the_service_its_package_does_not(run_detector):
    """`aws-cdk-lib` is every AWS service (no evidence of any one); its entry point
    `aws-cdk-lib/aws-lambda` is the CDK's Lambda constructs: the import is kept by its subpath."""
    ev, _ = run_detector(DETECTOR, "deploy/cdk/lib/stack.ts", """\
        import * as cdk from "aws-cdk-lib";
        import * as lambda from "aws-cdk-lib/aws-lambda";
        import { Construct } from "constructs";

        export class Stack extends cdk.Stack {
          constructor(scope: Construct, id: string) {
            super(scope, id);
            new lambda.Function(this, "Fn", { runtime: lambda.Runtime.NODEJS_20_X, handler: "index.handler", code: lambda.Code.fromAsset("dist") });
          }
        }
        """)
    assert [e.name for e in ev if e.kind == IMPORT] == ["aws-cdk-lib/aws-lambda"]


def test_js_subpath_import_keeps_the_package_when_the_package_names_a_service(run_detector):
    """`stripe/lib/...` stays `stripe`: the subpath is only tried when the package names nothing."""
    ev, _ = run_detector(DETECTOR, "src/pay.ts", 'import Stripe from "stripe/lib/stripe.js";\nexport const s = new Stripe("k");\n')
    assert [e.name for e in ev if e.kind == IMPORT] == ["stripe"]


def _offered_sign_ins(ev) -> set[str]:
    return {dict(e.detail).get("sign_in") for e in ev if e.kind == CALL and dict(e.detail).get("sign_in")}


def test_a_helpers_union_parameter_is_no_sign_in_provider_offered(run_detector):
    """`signInWithOAuth` wrapped in a helper whose parameter accepts `"google" | "apple" |
    "github"`: the union says what the helper takes, not which buttons the app renders; a name
    also used as a value in the file (`provider === "google"`) is offered."""
    src = """\
    import { createClient } from "@supabase/supabase-js";
    const supabase = createClient(AUTH_URL, KEY);
    interface Ctx {
      signInWithOAuth: (provider: "google" | "apple" | "github") => Promise<void>;
    }
    export const signInWithOAuth = async (provider: "google" | "apple" | "github") => {
      const queryParams = provider === "google" ? { prompt: "select_account" } : undefined;
      await supabase.auth.signInWithOAuth({ provider, options: { queryParams } });
    };
    """
    ev, _ = run_detector(DETECTOR, "src/auth/provider.tsx", src)
    assert _offered_sign_ins(ev) == {"google"}


def test_a_union_cast_at_the_call_or_a_type_alias_names_providers_offered(run_detector):
    """The cast of the call's argument (`provider.key as 'github' | 'google'`) and a type alias
    keyed into a button table are the providers passed: both count."""
    cast = """\
    import { createAuthClient } from "better-auth/solid";
    const { signIn } = createAuthClient({ baseURL });
    const { error } = await signIn.social({ provider: provider.key as 'github' | 'google', callbackURL });
    """
    alias = """\
    export type OAuthProvider = "google" | "apple";
    const PROVIDERS: Record<OAuthProvider, { name: string }> = {
      google: { name: "Google" },
      apple: { name: "Apple" },
    };
    export const go = (p: OAuthProvider) => supabase.auth.signInWithOAuth({ provider: p });
    """
    ev, _ = run_detector(DETECTOR, "src/auth/social.ts", cast)
    assert _offered_sign_ins(ev) == {"github", "google"}
    ev, _ = run_detector(DETECTOR, "src/hooks/use-oauth.ts", alias)
    assert _offered_sign_ins(ev) == {"google", "apple"}


def test_firebase_names_its_sign_in_providers_by_class_and_by_provider_id(run_detector):
    """Firebase Auth names each social provider by a class (`GithubAuthProvider.PROVIDER_ID` in a
    FirebaseUI `signInOptions` table, `new GoogleAuthProvider()`) or by its provider id
    ('microsoft.com'): each is a sign-in offered. Email, phone and anonymous are Firebase's own."""
    table = """\
    import { GoogleAuthProvider, GithubAuthProvider, EmailAuthProvider, PhoneAuthProvider } from "firebase/auth";
    import * as firebaseui from "firebaseui";
    import appleLogo from "@src/assets/logos/apple.svg";
    export const authOptions = {
      google: { provider: GoogleAuthProvider.PROVIDER_ID, customParameters: { prompt: "select_account" } },
      github: { provider: GithubAuthProvider.PROVIDER_ID },
      microsoft: { provider: "microsoft.com", loginHintKey: "login_hint" },
      apple: { provider: "apple.com", iconUrl: appleLogo },
      email: { provider: EmailAuthProvider.PROVIDER_ID },
      phone: { provider: PhoneAuthProvider.PROVIDER_ID },
    };
    export const uiConfig: firebaseui.auth.Config = { signInFlow: "popup", signInOptions: [authOptions.google] };
    """
    ev, _ = run_detector(DETECTOR, "src/config/firebaseui.ts", table)
    assert _offered_sign_ins(ev) == {"google", "github", "microsoft", "apple"}
    popup = """\
    import { getAuth, signInWithPopup, OAuthProvider } from "firebase/auth";
    const provider = new OAuthProvider("yahoo.com");
    export const signIn = () => signInWithPopup(getAuth(), provider);
    """
    ev, _ = run_detector(DETECTOR, "src/auth/yahoo.ts", popup)
    assert _offered_sign_ins(ev) == {"yahoo"}


def test_firebase_email_sign_in_and_an_apps_own_provider_class_offer_no_social_provider(run_detector):
    """Email and password sign-in names no vendor, whatever hosts the file quotes; an app's
    own class that happens to be called `GoogleAuthProvider` (a React context) is no Firebase class."""
    email = """\
    import { getAuth, signInWithEmailAndPassword, EmailAuthProvider } from "firebase/auth";
    export const ui = { signInOptions: [EmailAuthProvider.PROVIDER_ID] };
    export const help = (host) => host === "github" ? "https://github.com/org/app" : "";
    export const signIn = (e, p) => signInWithEmailAndPassword(getAuth(), e, p);
    """
    ev, _ = run_detector(DETECTOR, "src/auth/email.ts", email)
    assert _offered_sign_ins(ev) == set()
    own = """\
    import { getAuth } from "firebase/auth";
    import { GoogleAuthProvider } from "./context";
    export const App = () => <GoogleAuthProvider auth={getAuth()} signInOptions={[]} />;
    """
    ev, _ = run_detector(DETECTOR, "src/App.tsx", own)
    assert _offered_sign_ins(ev) == set()


def test_a_vendor_named_call_of_the_apps_own_class_is_not_the_vendors(run_detector):
    """A call pattern's class name (`GoogleProvider(`) is the vendor's only where the file takes
    it from the vendor: an app's own class of that name (imported from `./api`, or defined in
    the file) and a longer name ending in it (`newGoogleProvider(`) are the app's code."""
    own = """\
    import { GoogleProvider } from './api';
    export const newGoogleProvider = (params) => ({ directory: new GoogleProvider(params) });
    """
    ev, _ = run_detector(DETECTOR, "src/directory-sync/google/index.ts", own)
    assert not [e for e in ev if e.kind == CALL and e.service == "google-oauth"]
    caller = """\
    import { newGoogleProvider } from './google';
    const p = newGoogleProvider({ directories });
    """
    ev, _ = run_detector(DETECTOR, "src/directory-sync/index.ts", caller)
    assert not [e for e in ev if e.kind == CALL and e.service == "google-oauth"]
    vendor = """\
    import GoogleProvider from "next-auth/providers/google";
    export const authOptions = { providers: [GoogleProvider({ clientId: process.env.GOOGLE_ID })] };
    """
    ev, _ = run_detector(DETECTOR, "src/auth.ts", vendor)
    assert [(e.name, e.line) for e in ev if e.kind == CALL and e.service == "google-oauth"] == [("Google provider", 2)]


def test_sign_in_routes_under_an_oidc_prefix_name_the_providers(run_detector):
    """A Pyramid app's routes for signing in through hand-written OIDC clients
    (`/oidc/login/orcid`, `/oidc/redirect/facebook`): each names a provider the app offers."""
    src = """\
    def includeme(config):
        config.add_route("signup.email", "/signup/email")
        config.add_route("oidc.connect.orcid", "/oidc/connect/orcid")
        config.add_route("oidc.login.orcid", "/oidc/login/orcid")
        config.add_route("oidc.redirect.facebook", "/oidc/redirect/facebook")
    """
    ev, _ = run_detector(DETECTOR, "h/routes.py", src)
    assert _sign_ins(ev) == [("facebook", 5), ("orcid", 3)]


def test_other_login_routes_and_tested_routes_name_no_provider(run_detector):
    """`/login/magic` is the app's own magic link, `/sign-in/figma` a plug-in's session, `/sso/oidc`
    the generic protocol; and a test requesting `/oidc/login/orcid` is no use of its own."""
    src = """\
    app.get("/login/magic", magic);
    app.post("/sign-in/figma", figmaSession);
    app.get("/api/sso/oidc", oidc);
    """
    ev, _ = run_detector(DETECTOR, "server/routes.js", src)
    assert _sign_ins(ev) == []
    ev, _ = run_detector(DETECTOR, "tests/unit/routes_test.py", 'ROUTE = "/oidc/login/orcid"\n')
    assert _sign_ins(ev) == []
