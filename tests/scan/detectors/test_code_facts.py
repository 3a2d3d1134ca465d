"""Service-less facts: HTTP clients, token storage, sessions, scopes, events, buckets, templates."""

from __future__ import annotations

from mkdocs_integrations.model import BUCKET, EVENT, FEATURE, SCOPE, TEMPLATE
from mkdocs_integrations.scan.detectors.code_facts import DETECTOR


def facts(ev, kind):
    return [(e.name, e.line) for e in ev if e.kind == kind]


def test_auth_setup(run_detector):
    src = """\
    import GoogleProvider from "next-auth/providers/google";
    export const authOptions = {
      session: { strategy: "jwt" },
      cookies: { sessionToken: { options: { httpOnly: true } } },
      providers: [GoogleProvider({ authorization: { params: { scope: "openid email profile" } } })],
    };
    """
    ev, _ = run_detector(DETECTOR, "web/lib/auth.ts", src)
    assert ("session:JWT sessions", 3) in facts(ev, FEATURE)
    assert ("token_storage:httpOnly cookies", 4) in facts(ev, FEATURE)
    assert sorted(n for n, _ in facts(ev, SCOPE)) == ["email", "openid", "profile"]


def test_events_buckets_templates_and_http_client(run_detector):
    src = """\
    const EXPORTS_BUCKET = "prod-exports";
    const TEMPLATES = { receipt: "d-0123456789abcdef0123456789abcdef" };
    posthog.capture("course_enrolled", { id });
    analytics.track('Signed Up');
    await supabase.storage.from("avatars").upload(path, file);
    const res = await fetch("https://api.partner.io/v1/orders");
    // posthog.capture("commented_out")
    """
    ev, _ = run_detector(DETECTOR, "web/lib/app.ts", src)
    assert facts(ev, EVENT) == [("course_enrolled", 3), ("Signed Up", 4)]
    assert facts(ev, BUCKET) == [("prod-exports", 1), ("avatars", 5)]
    assert facts(ev, TEMPLATE) == [("receipt", 2)]
    assert ("http_client:fetch", 6) in facts(ev, FEATURE)
    assert "d-0123456789abcdef" not in repr(ev)


def test_python_clients_and_settings_bucket(run_detector):
    src = 'import httpx\n\nclass Settings:\n    s3_bucket: str = "media-uploads"\n\nhttpx.post(url, json={})\n'
    ev, _ = run_detector(DETECTOR, "worker/settings.py", src)
    assert ("media-uploads", 4) in facts(ev, BUCKET)
    assert ("http_client:httpx", 6) in facts(ev, FEATURE)


def test_http_client_calls_need_a_word_boundary_before_the_name():
    """The client regexes check the boundary after the literal (so the engine can scan for
    the literal): a method or a longer name that ends in the client's name is no call."""
    from mkdocs_integrations.scan.detectors.code_facts import calls_http_client

    assert calls_http_client("const res = await fetch(url);")
    assert calls_http_client("fetch('https://api.example.org')")  # at the very start
    assert not calls_http_client("router.prefetch(url); cache.fetch(key);")
    assert calls_http_client("$client = new GuzzleHttp\\Client(['base_uri' => $url]);")
    assert not calls_http_client("$x = renew Client();")


def test_a_table_headers_scope_attribute_is_no_oauth_scope(run_detector):
    src = (
        'export const Rows = () => (\n  <table>\n    <tr><th scope="col">Name</th></tr>\n'
        '    <tr><th scope="row">Alice</th></tr>\n  </table>\n);\n'
        'const auth = { scope: "Mail.Send offline_access" };\n'
    )
    ev, _ = run_detector(DETECTOR, "frontend/src/pages/Admin/Invitations/index.jsx", src)
    assert sorted(n for n, _ in facts(ev, SCOPE)) == ["Mail.Send", "offline_access"]


def test_java_http_requests_built_in_place_are_an_http_client(run_detector):
    """java.net.http: the `HttpClient` is built once elsewhere (injected, a field); each request
    is `HttpRequest.newBuilder()` in the file that makes it."""
    src = """\
    import java.net.http.HttpRequest;

    final class GemResolver {
        byte[] fetch(String url) {
            var request = HttpRequest.newBuilder().uri(URI.create(url)).GET();
            return cachingHttpClient.get(request);
        }
    }
    """
    ev, _ = run_detector(DETECTOR, "src/main/java/org/acme/GemResolver.java", src)
    assert ("http_client:HttpClient", 5) in facts(ev, FEATURE)
def test_an_applications_own_token_is_a_fact(run_detector):
    """A Google service account's key and the client-credentials grant get the app's own token:
    no user signs in where they are (sign_in.fold_app_token_hosts reads the fact)."""
    google = """\
    from google.oauth2 import service_account

    data = {"type": "service_account", "token_uri": "https://oauth2.googleapis.com/token"}
    creds = service_account.Credentials.from_service_account_info(data, scopes=scopes)
    """
    ev, _ = run_detector(DETECTOR, "app/plugins/google/common.py", google)
    assert ("app_token:service account", 3) in facts(ev, FEATURE)
    msal = """\
    import msal

    app = msal.ConfidentialClientApplication(client_id, authority=authority, client_credential=secret)
    token = app.acquire_token_for_client(scopes=["https://graph.microsoft.com/.default"])
    """
    ev, _ = run_detector(DETECTOR, "app/plugins/teams/client.py", msal)
    assert ("app_token:client credentials", 4) in facts(ev, FEATURE)
    sign_in = """\
    app = msal.ConfidentialClientApplication(client_id, authority=authority, client_credential=secret)
    url = app.get_authorization_request_url(scopes, redirect_uri=redirect)
    """
    ev, _ = run_detector(DETECTOR, "app/auth/microsoft.py", sign_in)
    assert not [n for n, _ in facts(ev, FEATURE) if n.startswith("app_token:")]
    # Go's golang.org/x/oauth2/google reading a service account's key (a Workspace group lookup)
    go = """\
    package googleauthn

    func groups(key []byte) {
    \tjwtConfig, err := google.JWTConfigFromJSON(key, admin.AdminDirectoryGroupReadonlyScope)
    }
    """
    ev, _ = run_detector(DETECTOR, "pkg/authn/googleauthn/authn.go", go)
    assert ("app_token:service account", 4) in facts(ev, FEATURE)


def test_jwt_bearer_grant_is_the_applications_own_token(run_detector):
    """A hand-written service-account client signs a JWT and trades it for a token with the
    JWT-bearer grant (RFC 7523) at Google's token endpoint: the app's own token for an API
    (Pub/Sub), no user signing in. Elixir's keyword maps count as a key's fields too; an
    identity provider matching the grant it accepts is no app token."""
    elixir = """\
    defmodule Sinks.Gcp.PubSub do
      @pubsub_scope "https://www.googleapis.com/auth/pubsub"
      defp token(jwt) do
        body = URI.encode_query(%{
          grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
          assertion: jwt
        })
        Req.post(url: "https://oauth2.googleapis.com/token", body: body)
      end
    end
    """
    ev, _ = run_detector(DETECTOR, "lib/app/sinks/gcp/pubsub.ex", elixir)
    assert ("app_token:JWT bearer", 5) in facts(ev, FEATURE)
    key = """\
    credentials = %{
      type: "service_account",
      token_uri: "https://oauth2.googleapis.com/token"
    }
    """
    ev, _ = run_detector(DETECTOR, "test/support/factory.ex", key)
    assert ("app_token:service account", 2) in facts(ev, FEATURE)
    server = """\
    switch grantType {
    case "urn:ietf:params:oauth:grant-type:jwt-bearer":
        return handleJwtBearer(token)
    }
    """
    ev, _ = run_detector(DETECTOR, "object/token_oauth.go", server)
    assert not [n for n, _ in facts(ev, FEATURE) if n.startswith("app_token:")]


def test_service_account_key_in_a_config_file_is_the_applications_own_token(run_detector):
    """A Google service account's key kept in YAML (Active Storage's GCS `credentials:` map) or
    a committed JSON key: its `auth_uri`/`token_uri` on accounts.google.com authorize the app's
    own API client, as the same key in code does. A commented-out map, and an OAuth client's
    `client_secret.json` (whose `web` block has the same URIs but no service account), are not."""
    storage = """\
    google:
      service: GCS
      project: "<%= ENV['GCS_PROJECT'] %>"
      credentials:
        type: 'service_account'
        auth_uri: 'https://accounts.google.com/o/oauth2/auth'
        token_uri: 'https://accounts.google.com/o/oauth2/token'
    """
    ev, _ = run_detector(DETECTOR, "config/storage.yml", storage)
    assert ("app_token:service account", 5) in facts(ev, FEATURE)
    key = '{"type": "service_account", "project_id": "demo", "token_uri": "https://oauth2.googleapis.com/token"}\n'
    ev, _ = run_detector(DETECTOR, "deploy/gcp-key.json", key)
    assert ("app_token:service account", 1) in facts(ev, FEATURE)
    commented = """\
    # google:
    #   credentials:
    #     type: 'service_account'
    #     auth_uri: 'https://accounts.google.com/o/oauth2/auth'
    """
    ev, _ = run_detector(DETECTOR, "config/storage.yml", commented)
    assert not [n for n, _ in facts(ev, FEATURE) if n.startswith("app_token:")]
    client = '{"web": {"client_id": "x", "auth_uri": "https://accounts.google.com/o/oauth2/auth"}}\n'
    ev, _ = run_detector(DETECTOR, "client_secret.json", client)
    assert not [n for n, _ in facts(ev, FEATURE) if n.startswith("app_token:")]


def test_dotnet_request_shapes_call_out():
    """.NET code calls out through HttpRequestMessage, RestSharp and the *arr family's request
    builders and `IHttpClient.Execute`; an Angular service's lower-case `httpClient.get(` does not count."""
    from mkdocs_integrations.scan.detectors.base import Source
    from mkdocs_integrations.scan.detectors.code_facts import calls_out

    for text in (
        "var r = new JsonRpcRequestBuilder(url).Call(\"core.get_torrents_status\").Build();\n",
        "var response = _httpClient.Execute(request);\n",
        "var response = await httpClient.SendAsync(new HttpRequestMessage(HttpMethod.Get, uri));\n",
    ):
        assert calls_out(Source("src/App/Proxy.cs", text)), text
    assert not calls_out(Source("src/app/series.service.ts", "return this.httpClient.get<Series[]>(this.url);\n"))


def test_laravel_http_facade_request_builders_call_out():
    """Any of the Http facade's request builders starts a request (`Http::withBasicAuth(...)->get(`,
    `Http::withoutVerifying()->asForm()->post(`), not only `Http::get(`; a test's `Http::fake(` does not."""
    from mkdocs_integrations.scan.detectors.base import Source
    from mkdocs_integrations.scan.detectors.code_facts import calls_out

    for text in (
        "$r = Http::withBasicAuth($user, $pass)->withHeaders([])->$method($url, $data);\n",
        "$r = Http::withoutVerifying()->get($url);\n",
        "$r = Http::asForm()->post($url, $data);\n",
    ):
        assert calls_out(Source("extensions/Servers/Panel/Panel.php", text)), text
    assert not calls_out(Source("app/Foo.php", "Http::fake();\n"))


def test_integration_grant_is_a_fact(run_detector):
    """An OAuth callback that keeps the token on a connector row or as a bot's token
    authorizes an integration (sign_in.fold_integration_grants reads the fact)."""
    ev, _ = run_detector(DETECTOR, "routes/jira_connector.py",
             'token = resp.json().get("access_token")\n'
             'row = SearchSourceConnector(config={"access_token": token})\n')
    assert ("integration_grant:integration record", 2) in facts(ev, FEATURE)
    ev, _ = run_detector(DETECTOR, "routes/gateway.py",
             'data = resp.json()\ncredentials = {"bot_token": data["access_token"]}\n')
    assert ("integration_grant:bot token", 2) in facts(ev, FEATURE)


def test_a_sign_in_callback_is_no_integration_grant(run_detector):
    ev, _ = run_detector(DETECTOR, "auth/callback.py",
             'token = resp.json().get("access_token")\n'
             'account = OAuthAccount(access_token=token)\nconnector = Connector(db)\n')
    assert not [n for n, _ in facts(ev, FEATURE) if n.startswith("integration_grant:")]
    # Sentry's framework integrations in a settings file that also sets an OAuth token endpoint
    ev, _ = run_detector(DETECTOR, "app/settings.py",
             'OIDC_OP_TOKEN_ENDPOINT = config("FXA_OP_TOKEN_ENDPOINT")\n'
             'sentry_sdk.init(dsn=DSN, integrations=[DjangoIntegration(), CeleryIntegration()])\n')
    assert not [n for n, _ in facts(ev, FEATURE) if n.startswith("integration_grant:")]


def test_laravel_stock_disk_env_read_has_no_bucket_name(run_detector):
    """`'bucket' => env('AWS_BUCKET'),` ends its array entry: the next key (`'url'`) is no bucket.
    A default given to the read still is one."""
    src = """\
    <?php
    return ['disks' => ['s3' => [
        'bucket' => env('AWS_BUCKET'),
        'url' => env('AWS_URL'),
    ], 'media' => ['bucket' => env('MEDIA_BUCKET', 'app-media')]]];
    """
    ev, _ = run_detector(DETECTOR, "config/filesystems.php", src)
    assert facts(ev, BUCKET) == [("app-media", 5)]


_PRESETS = """\
const OauthPrefilled: {
  [provider: string]: { authorizeUrl?: string; tokenUrl?: string; scope?: string; }
} = {
  Google: {
    authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://www.googleapis.com/oauth2/v4/token',
    scope: 'profile email',
  },
  Discord: {
    authorizeUrl: 'https://discord.com/api/oauth2/authorize',
    tokenUrl: 'https://discord.com/api/oauth2/token',
    scope: 'identify email',
  },
  Twitch: {
    authorizeUrl: 'https://id.twitch.tv/oauth2/authorize',
    tokenUrl: 'https://id.twitch.tv/oauth2/token',
  },
};
export const OauthSettings = () => <Form presets={OauthPrefilled} />;
"""


def test_a_named_table_of_oauth_provider_presets_is_a_fact_with_its_lines(run_detector):
    """An OAuth configurator's menu of providers (authorize/token URLs, no client id) spans lines 3-18."""
    ev, _ = run_detector(DETECTOR, "web/src/settings/OauthSettings.tsx", _PRESETS)
    tables = [e for e in ev if e.name == "preset_table:oauth"]
    assert [(e.line, e.get("end")) for e in tables] == [(3, "18")]


def test_a_provider_table_with_client_ids_or_not_named_as_presets_is_no_preset_table(run_detector):
    """The app's own sign-in table carries its credentials; an unnamed table is not taken as presets."""
    own = _PRESETS.replace("scope: 'profile email',", "scope: 'profile email', clientId: env.GOOGLE_CLIENT_ID,")
    unnamed = _PRESETS.replace("OauthPrefilled", "OauthProviders")
    for src in (own, unnamed):
        ev, _ = run_detector(DETECTOR, "web/src/settings/OauthSettings.tsx", src)
        assert not [e for e in ev if e.name == "preset_table:oauth"]


def test_a_path_joined_by_the_modules_own_base_url_method_is_a_request():
    """A self-hosted tool's module requests paths on the base URL the user configured, through
    its own `this.url(...)` (Navidrome's `/rest/ping.view`) or an API path versioned without a
    `v` (Glances' `/api/4/all`): both call out. A bare relative route string does not."""
    from mkdocs_integrations.scan.detectors.code_facts import builds_requests, calls_out
    from mkdocs_integrations.scan.detectors.base import Source

    for text in (
        'const url = this.url("/rest/ping.view", this.getAuthParams());\nconst res = await input.fetchAsync(url);\n',
        'const response = await fetchWithTrustedCertificatesAsync(this.url("/api/4/all"));\n',
        'def ping(self):\n    return self.session.get(self.url("/info"))\n',
    ):
        rel = "src/glances/client.py" if text.startswith("def") else "src/glances/glances-integration.ts"
        assert builds_requests(Source(rel, text)) and calls_out(Source(rel, text)), text
    assert not calls_out(Source("src/routes/index.ts", 'router.get("/rest/ping.view", handler);\n'))
