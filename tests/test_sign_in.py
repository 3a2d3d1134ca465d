"""Sign-in or API: which side owns a vendor's OAuth evidence (the folds of sign_in.py), seen
through whole scans of realistic trees."""

from __future__ import annotations

import pytest

from helpers import scan_tree as scan
from helpers import service_ids as ids
from helpers import write_tree

from mkdocs_integrations.pipeline import build_inventory
from mkdocs_integrations.scan import Scanner


def test_oauth_that_authorizes_an_integration_is_part_of_it(tmp_path):
    """healthchecks-style: the Discord OAuth flow runs inside the Discord integration module,
    so the credentials authorize that integration; nobody signs in with Discord."""
    inv = scan(tmp_path / "hc", {
        "hc/integrations/discord/views.py": 'import os\nAUTHORIZE = "https://discord.com/api/oauth2/authorize"\n'
                                            'client_id = os.getenv("DISCORD_CLIENT_ID")\n',
        "hc/integrations/discord/transport.py": 'import requests\nrequests.post("https://discord.com/api/webhooks/1/x")\n',
    })
    assert "discord" in ids(inv) and "discord-oauth" not in ids(inv)
    var = next(v for v in inv.env_vars if v.name == "DISCORD_CLIENT_ID")
    assert var.services == ["discord"]


def test_sign_in_with_a_vendor_stays_sign_in(tmp_path):
    inv = scan(tmp_path / "web", {
        "auth.ts": 'import DiscordProvider from "next-auth/providers/discord";\n'
                   'export const providers = [DiscordProvider({ clientId: process.env.DISCORD_CLIENT_ID! })];\n',
        "integrations/discord/send.ts": 'await fetch("https://discord.com/api/webhooks/1/x", { method: "POST" });\n',
    })
    assert {"discord", "discord-oauth"} <= ids(inv)


def test_uncatalogued_sign_in_provider_is_oauth(tmp_path):
    inv = scan(tmp_path, {"lib/auth/options.ts": 'const id = process.env.QUILLHUB_CLIENT_ID;\n'
                                                 'const secret = process.env.QUILLHUB_CLIENT_SECRET;\n'
                                                 'const token = await fetch("https://api.quillhub.io/v1/oauth/token");\n'})
    by_id = {u.id: u for u in inv.services}
    assert "quillhub-oauth" in by_id and by_id["quillhub-oauth"].category == "oauth"
    assert "quillhub" not in by_id


def test_oauth_credentials_read_beside_the_vendors_api_calls_are_part_of_it(tmp_path):
    """No OAuth flow call at all: the client credentials are read in the integration module
    that calls the vendor's API, so they authorize that integration."""
    inv = scan(tmp_path / "hc", {
        "hc/integrations/discord/transport.py": 'import os, requests\nclient_id = os.getenv("DISCORD_CLIENT_ID")\n'
                                                'requests.post("https://discord.com/api/webhooks/1/x")\n',
    })
    assert "discord" in ids(inv) and "discord-oauth" not in ids(inv)


def test_a_module_that_signs_in_through_another_vendors_oauth_stays_its_own(tmp_path):
    inv = scan(tmp_path / "web", {
        "lib/integrations/social/facebook.provider.ts": 'await fetch("https://graph.facebook.com/v19.0/me/accounts");\n',
        "lib/integrations/social/dev.to.provider.ts": 'await fetch("https://dev.to/api/articles", { method: "POST" });\n',
    })
    assert {"facebook", "devto"} <= ids(inv)


def test_meta_graph_host_beside_a_graph_api_token_is_the_graph_api_whatever_scopes_the_app_has(tmp_path):
    """graph.facebook.com requested only where FACEBOOK_ACCESS_TOKEN (a Graph API token) is read
    is Meta's Graph API, not Facebook Login; an OAuth `scope:` elsewhere in the app (file facts
    joined to every sign-in provider) does not make it a sign-in."""
    inv = scan(tmp_path / "web", {
        "app/models/iframe_embed/instagram.rb": 'OEMBED_URL = "https://graph.facebook.com/v9.0/instagram_oembed"\n'
                                                'def data\n  HTTP.get(OEMBED_URL, params: {access_token: ENV["FACEBOOK_ACCESS_TOKEN"]})\nend\n',
        "app/models/share/mastodon.rb": 'def authorize_url\n  client.auth_code.authorize_url(scope: "write:statuses")\nend\n',
    })
    assert "facebook" in ids(inv)
    assert "facebook-login" not in ids(inv)


def test_meta_graph_host_in_a_vendor_named_module_is_the_graph_api(tmp_path):
    """`FacebookFaviconFetcher.java` asks graph.facebook.com for a page's picture: the file is
    Meta's Graph API's module (its name says whose), and its test's copy of the host changes
    nothing: no Facebook Login."""
    inv = scan(tmp_path / "web", {
        "server/src/main/java/app/favicon/FacebookFaviconFetcher.java": (
            'class FacebookFaviconFetcher {\n  byte[] fetch(String page) {\n'
            '    return http.get("https://graph.facebook.com/" + page + "/picture?type=square&height=16");\n  }\n}\n'),
        "server/src/test/java/app/favicon/FacebookFaviconFetcherTest.java": (
            'class FacebookFaviconFetcherTest {\n  String u = "https://graph.facebook.com/x/picture";\n}\n'),
    })
    assert "facebook" in ids(inv)
    assert "facebook-login" not in ids(inv)


def test_identity_platform_oauth_inside_a_storage_driver_authorizes_that_storage(tmp_path):
    """cloudreve's `driver/onedrive/oauth.go` refreshes the drive's token at
    login.microsoftonline.com/common/oauth2/v2.0/token: the file is OneDrive's own module (its
    `oauth` name notwithstanding), so the flow authorizes OneDrive; nobody signs in with Microsoft."""
    inv = scan(tmp_path / "cr", {
        "pkg/filemanager/driver/onedrive/oauth.go": (
            'package onedrive\nimport "net/url"\nfunc endpoints() {\n'
            '  token, _ := url.Parse("https://login.microsoftonline.com/common/oauth2/v2.0/token")\n'
            '  _ = token\n}\n'),
        "pkg/filemanager/driver/onedrive/api.go": 'package onedrive\nfunc (c *client) List() {}\n',
    })
    assert "onedrive" in ids(inv)
    assert "microsoft-oauth" not in ids(inv)
    # the same flow in the app's own sign-in file is "Sign in with Microsoft"
    inv = scan(tmp_path / "web", {
        "server/auth/oauth.go": (
            'package auth\nimport "net/url"\nfunc endpoints() {\n'
            '  token, _ := url.Parse("https://login.microsoftonline.com/common/oauth2/v2.0/token")\n'
            '  _ = token\n}\n'),
    })
    assert "microsoft-oauth" in ids(inv)


# GitLab's bare host where its sign-in is configured: the issuer of "Sign in with GitLab", not a
# use of GitLab's API. Beside the provider's env names and an SSO issuer table; as the default
# of GITLAB_BASE_URL in the app's env schema, with the sign-in's group check in an auth helper.
GITLAB_ISSUER_TREES = [
    {
        "src/env.mjs": 'export const env = { AUTH_GITLAB_CLIENT_ID: process.env.AUTH_GITLAB_CLIENT_ID,\n'
                       '  AUTH_GITLAB_URL: process.env.AUTH_GITLAB_URL ?? "https://gitlab.com" };\n',
        "src/ee/multi-tenant-sso/issuer.ts": 'export const gitlab = (c) => c.issuer ?? "https://gitlab.com";\n',
        "src/server/auth.ts": 'import GitLabProvider from "next-auth/providers/gitlab";\n'
                              'export const p = GitLabProvider({ clientId: env.AUTH_GITLAB_CLIENT_ID });\n',
    },
    {
        "packages/env/src/index.ts": 'export const gitlab = { GITLAB_BASE_URL: z.string().url().default("https://gitlab.com") };\n',
        "packages/auth/src/helpers/groups.ts": 'await fetch(`${base || "https://gitlab.com"}/api/v4/groups`);\n',
        "packages/auth/src/lib/providers.ts": 'import GitlabProvider from "next-auth/providers/gitlab";\n'
                                             'export const p = GitlabProvider({ clientId: process.env.GITLAB_CLIENT_ID });\n',
    },
    # the default of the instance URL in the app's sample settings file, beside the OAuth app's
    # key and secret; the Go sign-in through goth's gitlab provider
    {
        "config.yml": "# OAuth2 configuration\ngitlab.client-key:\ngitlab.secret:\n"
                      "# URL of the Gitlab instance. Default: https://gitlab.com/\ngitlab.url: https://gitlab.com/\n",
        "internal/auth/oauth/gitlab.go": (
            'package oauth\n\nimport "github.com/markbates/goth/providers/gitlab"\n\n'
            'func provider(key, secret, url string) *gitlab.Provider {\n'
            '\treturn gitlab.NewCustomisedURL(key, secret, url+"/oauth/gitlab/callback", url+"/oauth/authorize", url+"/oauth/token", url+"/api/v4/user")\n}\n'
        ),
    },
]


@pytest.mark.parametrize("files", GITLAB_ISSUER_TREES, ids=["sign-in-config", "env-schema", "settings-file"])
def test_a_vendors_bare_host_where_its_sign_in_is_configured_is_the_issuer(tmp_path, files):
    inv = scan(tmp_path / "web", files)
    assert "gitlab-oauth" in ids(inv)
    assert "gitlab" not in ids(inv)


def test_forge_folders_with_hand_written_oauth_sign_in_are_sign_in_and_api(tmp_path):
    """A CI server's `forge/<vendor>/` files: an OAuth client with a Login step signs users in with
    the forge, and the API host the same file calls (api.bitbucket.org) stays the forge's API, no
    issuer of the sign-in."""
    login = ('func (c *client) Login(ctx context.Context) error {\n'
             '\tcfg := &oauth2.Config{Endpoint: oauth2.Endpoint{AuthURL: fmt.Sprintf("%s/site/oauth2/authorize", c.url)}}\n'
             '\treturn nil\n}\n')
    inv = scan(tmp_path, {
        "server/forge/bitbucket/bitbucket.go": 'package bitbucket\n\nconst DefaultAPI = "https://api.bitbucket.org"\n\n' + login,
        "server/forge/forgejo/forgejo.go": "package forgejo\n\n" + login,
    })
    assert {"bitbucket", "bitbucket-oauth", "forgejo-oauth"} <= ids(inv)
    # In a file about signing in, the API host is the sign-in's user-info call: no API of its own.
    inv = scan(tmp_path / "other", {
        "src/auth/providers/github.provider.ts":
            'const url = `https://github.com/login/oauth/authorize?client_id=${process.env.GITHUB_CLIENT_ID}`;\n'
            'const me = await fetch("https://api.github.com/user");\n',
    })
    assert "github-oauth" in ids(inv) and "github" not in ids(inv)


def test_a_vendor_api_host_only_in_a_sign_in_provider_file_is_that_sign_in(tmp_path):
    """One provider file per vendor in the app's sign-in code: the user-info URL beside the
    authorize URL is the sign-in's own call, so no separate API service (Box, Notion)."""
    def provider(auth: str, me: str) -> str:
        return f'package auth\n\nvar p = Provider{{\n\tauthURL: "{auth}",\n\tuserInfoURL: "{me}",\n}}\n'

    inv = scan(tmp_path, {
        "tools/auth/box.go": provider("https://account.box.com/api/oauth2/authorize", "https://api.box.com/2.0/users/me"),
        "tools/auth/notion.go": provider("https://api.notion.com/v1/oauth/authorize", "https://api.notion.com/v1/users/me"),
    })
    assert {"box-oauth", "notion-oauth"} <= ids(inv)
    assert not {"box", "notion"} & ids(inv)


def test_auth_library_provider_modules_are_sign_in_providers(tmp_path):
    """next-auth/providers/x is sign-in with x: the catalog's sign-in service (cognito →
    aws-cognito, slack → slack-oauth), never x's API; else an uncatalogued `x-oauth`. The
    vendor's API seen only through the sign-in's env vars joins the sign-in."""
    inv = scan(tmp_path, {
        ".env.example": "NEXT_PUBLIC_BOX_ENABLED=\nBOX_CLIENT_ID=\nBOX_CLIENT_SECRET=\nNEXT_PUBLIC_SLACK_ENABLED=\n",
        "lib/auth.ts": (
            'import CognitoProvider from "next-auth/providers/cognito";\n'
            'import BoxProvider from "next-auth/providers/box";\n'
            'import KakaoProvider from "next-auth/providers/kakao";\n'
            'import SlackProvider from "next-auth/providers/slack";\n'
            'import CredentialsProvider from "next-auth/providers/credentials";\n'
            'import { Provider } from "next-auth/providers";\n'
            'import Atlassian from "@auth/core/providers/atlassian";\n'
        ),
    })
    found = ids(inv)
    assert {"aws-cognito", "box-oauth", "kakao-oauth", "slack-oauth", "atlassian-oauth"} <= found
    assert not {"box", "slack", "credentials-oauth", "providers-oauth"} & found
    assert inv.get("kakao-oauth").category == "oauth"
    box = next(v for v in inv.env_vars if v.name == "BOX_CLIENT_ID")
    assert box.services == ["box-oauth"]


def test_a_vendors_api_with_its_own_use_stays_beside_its_sign_in(tmp_path):
    inv = scan(tmp_path, {
        "lib/auth.ts": 'import DropboxProvider from "next-auth/providers/dropbox";\n',
        "lib/files.ts": 'import { Dropbox } from "dropbox";\nexport const dbx = new Dropbox({ accessToken: t });\n',
        "package.json": '{"dependencies": {"dropbox": "^10.0.0", "next-auth": "^4.0.0"}}',
    })
    assert {"dropbox", "dropbox-oauth"} <= ids(inv)


def test_passport_strategy_packages_are_sign_in_providers(tmp_path):
    inv = scan(tmp_path, {
        "package.json": '{"dependencies": {"passport": "^0.7.0", "passport-kakao": "^1.0.1", "passport-local": "^1.0.0",'
                        ' "passport-github2": "^0.1.12", "passport-naver-v2": "^2.0.8", "passport-slack-oauth2": "^1.2.0"}}',
        "server/auth.js": 'const KakaoStrategy = require("passport-kakao").Strategy;\n'
                          'const GitHubStrategy = require("passport-github2").Strategy;\n',
    })
    found = ids(inv)
    assert {"kakao-oauth", "github-oauth", "slack-oauth", "naver-oauth"} <= found
    assert not {"local-oauth", "github2-oauth", "slack", "naver-v2-oauth"} & found


def test_forks_of_a_non_vendor_passport_strategy_are_no_sign_in(tmp_path):
    """passport-localapikey-update is a fork of passport-localapikey (the ignore list's first
    word): an API key check, no "Sign in with Localapikey Update"."""
    inv = scan(tmp_path, {
        "package.json": '{"dependencies": {"passport": "^0.7.0", "passport-localapikey-update": "^0.6.0",'
                        ' "passport-local-mongoose": "^8.0.0", "passport-google-oauth20": "^2.0.0"}}',
        "server/passport.js": 'const LocalAPIKeyStrategy = require("passport-localapikey-update").Strategy;\n'
                              'const GoogleStrategy = require("passport-google-oauth20").Strategy;\n',
    })
    found = ids(inv)
    assert "google-oauth" in found
    assert not {s for s in found if s.startswith(("localapikey", "local-"))}


def test_a_sign_in_providers_domain_does_not_absorb_the_vendors_api(tmp_path):
    write_tree(tmp_path, {"src/integrations/social/twitch.provider.ts": (
        'const AUTH = "https://id.twitch.tv/oauth2/authorize";\n'
        'export const me = () => fetch("https://api.twitch.tv/helix/users");\n'
    )})
    inv, _ = build_inventory(Scanner(), [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "twitch" in {u.id for u in inv.services}


def test_provider_files_of_a_sign_in_strategy_folder_are_sign_ins_not_apis(tmp_path):
    """`oidc/provider_<vendor>.go`, one file per identity provider: the vendor's SDK or user-info
    API the file calls after the OAuth exchange (go-github, discordgo, api.twitter.com,
    graph.microsoft.com/v1.0/me) is the vendor's sign-in, not an integration with its API. A
    provider file whose name does not spell its vendor (`provider_x.go`) hands its API to the
    catalog's sign-in for it; unknown hosts of a named provider file join that sign-in."""
    inv = scan(tmp_path, {
        "go.mod": "module x\n\nrequire (\n\tgithub.com/google/go-github/v60 v60.0.0\n\tgithub.com/bwmarrin/discordgo v0.28.1\n)\n",
        "selfservice/strategy/oidc/provider_github.go": (
            'package oidc\n\nimport (\n\t"golang.org/x/oauth2/github"\n\tgh "github.com/google/go-github/v60/github"\n)\n\n'
            'func (g *ProviderGitHub) Claims() { c := gh.NewClient(nil); _ = github.Endpoint; _ = c }\n'),
        "selfservice/strategy/oidc/provider_discord.go": (
            'package oidc\n\nimport "github.com/bwmarrin/discordgo"\n\n'
            'var e = oauth2.Endpoint{AuthURL: discordgo.EndpointOauth2 + "authorize"}\n'),
        "selfservice/strategy/oidc/provider_x.go": (
            'package oidc\n\nimport "github.com/dghubble/oauth1/twitter"\n\n'
            'const me = "https://api.twitter.com/1.1/account/verify_credentials.json"\nvar _ = twitter.AuthorizeEndpoint\n'),
        "selfservice/strategy/oidc/provider_patreon.go": (
            'package oidc\n\nvar e = oauth2.Endpoint{AuthURL: "https://www.patreon.com/oauth2/authorize"}\n'
            'const me = "https://www.patreon.com/api/oauth2/v2/identity"\n'),
        "selfservice/strategy/oidc/provider_salesforce.go": (
            'package oidc\n\nfunc (p *ProviderSalesforce) OAuth2() *oauth2.Config {\n'
            '\treturn &oauth2.Config{Endpoint: oauth2.Endpoint{AuthURL: p.issuer + "/services/oauth2/authorize"}}\n}\n'),
    })
    found = ids(inv)
    assert {"github-oauth", "discord-oauth", "twitter-oauth", "patreon-oauth", "salesforce-oauth"} <= found
    assert not {"github", "discord", "twitter", "patreon", "salesforce"} & found
    # The same SDK in the app's own integration code stays the vendor's API.
    inv = scan(tmp_path / "other", {
        "go.mod": "module x\n\nrequire github.com/bwmarrin/discordgo v0.28.1\n",
        "internal/notify/discord.go": 'package notify\n\nimport "github.com/bwmarrin/discordgo"\n\nvar s, _ = discordgo.New("Bot " + token)\n',
    })
    assert "discord" in ids(inv) and "discord-oauth" not in ids(inv)


def test_goths_provider_packages_are_sign_in_providers(tmp_path):
    """github.com/markbates/goth/providers/x is sign-in with x (Go), like next-auth's modules:
    azureadv2 and microsoftonline by the catalog's sign-in names, the rest `x-oauth`."""
    inv = scan(tmp_path, {
        "go.mod": "module example.com/app\n\nrequire github.com/markbates/goth v1.82.0\n",
        "auth/goth.go": (
            'package auth\n\nimport (\n\t"github.com/markbates/goth"\n'
            '\t"github.com/markbates/goth/providers/azureadv2"\n'
            '\t"github.com/markbates/goth/providers/microsoftonline"\n'
            '\t"github.com/markbates/goth/providers/dailymotion"\n'
            '\t"github.com/markbates/goth/providers/steam"\n'
            '\t"github.com/markbates/goth/providers/openidConnect"\n)\n'
        ),
    })
    found = ids(inv)
    assert {"goth", "microsoft-entra-id", "microsoft-oauth", "dailymotion-oauth", "steam-openid"} <= found
    assert not {"azureadv2-oauth", "microsoftonline-oauth", "openidconnect-oauth", "steam"} & found


def test_a_vendors_authorize_url_where_the_app_signs_in_with_it_is_that_sign_in(tmp_path):
    """A table of sign-in buttons holding each provider's authorize URL (api.dailymotion.com/oauth/authorize,
    zoom.us/oauth/authorize, an unknown api.weibo.com/oauth2/authorize) where the app signs in with
    those vendors: the sign-in's own endpoints, not the vendors' APIs."""
    inv = scan(tmp_path, {
        "go.mod": "module example.com/app\n\nrequire github.com/markbates/goth v1.82.0\n",
        "idp/goth.go": (
            'package idp\n\nimport (\n\t"github.com/markbates/goth/providers/dailymotion"\n'
            '\t"github.com/markbates/goth/providers/zoom"\n\t"github.com/markbates/goth/providers/weibo"\n)\n'
        ),
        "web/public/redirect.js": (
            'const endpoints = {\n'
            '  Dailymotion: "https://api.dailymotion.com/oauth/authorize",\n'
            '  Zoom: "https://zoom.us/oauth/authorize",\n'
            '  Weibo: "https://api.weibo.com/oauth2/authorize",\n};\n'
        ),
    })
    found = ids(inv)
    assert {"dailymotion-oauth", "zoom-oauth", "weibo-oauth"} <= found
    assert not {"dailymotion", "zoom", "weibo"} & found


def test_an_authorize_url_without_a_sign_in_for_the_vendor_stays_its_api(tmp_path):
    # Zoom's consent page to connect the app to a user's Zoom account: an integration, no sign-in.
    inv = scan(tmp_path, {"src/zoom.js": 'const url = "https://zoom.us/oauth/authorize?client_id=" + id;\n'})
    assert "zoom" in ids(inv)


_AUTHLIB_GOOGLE = '''\
from authlib.integrations.flask_client import OAuth

oauth = OAuth()


def register(app):
    oauth.init_app(app)
    oauth.register(
        name="google",
        server_metadata_url="https://accounts.google.com/.well-known/openid-configuration",
        client_kwargs={"scope": "openid email profile"},
    )
'''


def test_an_oidc_client_set_up_for_one_named_provider_is_that_sign_in(tmp_path):
    """redash-style: authlib's OIDC client registered for Google only is Sign in with Google;
    with an issuer setting of its own it is also a generic OIDC sign-in."""
    files = {"requirements.txt": "authlib==1.3.0\n", "app/authentication/google_oauth.py": _AUTHLIB_GOOGLE}
    only_google = ids(scan(tmp_path / "a", files))
    assert "google-oauth" in only_google and "oidc" not in only_google
    configurable = ids(scan(tmp_path / "b", {**files, "app/authentication/oidc.py":
                                             'import os\nfrom authlib.integrations.flask_client import OAuth\n'
                                             'ISSUER = os.environ["OIDC_ISSUER_URL"]\n'}))
    assert {"google-oauth", "oidc"} <= configurable


def test_allauth_openid_connect_provider_beside_a_named_one_stays_generic_oidc(tmp_path):
    """django-allauth lists each sign-in provider as an app: `providers.openid_connect` beside
    `providers.microsoft` in the same INSTALLED_APPS is a second, admin-configured provider, not
    an OIDC client set up for Microsoft."""
    inv = scan(tmp_path, {
        "requirements.txt": "django-allauth==65.0\n",
        "app/settings.py": "INSTALLED_APPS = [\n    'allauth',\n    'allauth.account',\n    'allauth.socialaccount',\n"
                           "    'allauth.socialaccount.providers.microsoft',\n    'allauth.socialaccount.providers.openid_connect',\n]\n"})
    assert {"microsoft-oauth", "oidc"} <= ids(inv)


def test_a_vendor_api_asked_who_signed_in_beside_its_authorize_url_is_that_sign_in(tmp_path):
    """alist's login handler switches over providers' authorize URLs (GitHub's, DingTalk's) and
    then asks DingTalk's API who signed in (api.dingtalk.com/v1.0/contact/users/me): that call
    is Sign in with DingTalk's, not a DingTalk integration. A DingTalk robot elsewhere keeps it."""
    handler = (
        'package handles\n\nfunc authURL(platform string) string {\n\tswitch platform {\n'
        '\tcase "Github":\n\t\treturn "https://github.com/login/oauth/authorize?"\n'
        '\tcase "Dingtalk":\n\t\treturn "https://login.dingtalk.com/oauth2/auth?"\n\t}\n\treturn ""\n}\n\n'
        'func userInfo() {\n\thttp.Get("https://api.dingtalk.com/v1.0/contact/users/me")\n}\n'
    )
    inv = scan(tmp_path / "app", {"server/handles/ssologin.go": handler})
    assert "dingtalk-oauth" in ids(inv) and "dingtalk" not in ids(inv)
    inv = scan(tmp_path / "app2", {
        "server/handles/ssologin.go": handler,
        "notify/robot.go": 'package notify\n\nconst hook = "https://oapi.dingtalk.com/robot/send?access_token="\n',
    })
    assert {"dingtalk-oauth", "dingtalk"} <= ids(inv)
AZURE_VAULT_TS = """\
const getAccessToken = async (config: AzureConfig) => {
	const body = new URLSearchParams({
		grant_type: "client_credentials",
		client_id: config.clientId,
		client_secret: config.clientSecret,
		scope: "https://vault.azure.net/.default",
	});
	const response = await fetch(
		`https://login.microsoftonline.com/${encodeURIComponent(config.tenantId)}/oauth2/v2.0/token`,
		{ method: "POST", body: body.toString() },
	);
	return (await response.json()).access_token;
};
export const getSecret = async (config: AzureConfig, name: string) =>
	fetch(`${config.vaultUri}/secrets/${name}?api-version=7.4`, { headers: { Authorization: `Bearer ${await getAccessToken(config)}` } });
"""


def test_an_app_only_token_for_a_resource_is_that_resources_not_a_sign_in(tmp_path):
    """A client-credentials token from Microsoft's identity platform with the `.default` scope
    of Key Vault (`https://vault.azure.net/.default`): the app authenticates to Key Vault;
    nobody signs in with Microsoft."""
    inv = scan(tmp_path / "app", {"src/vault/azure.ts": AZURE_VAULT_TS})
    assert "azure-key-vault" in ids(inv) and "microsoft-oauth" not in ids(inv)


def test_the_identity_platform_host_with_a_user_scope_stays_sign_in(tmp_path):
    """The same host asked for a user's delegated scopes is signing in with Microsoft."""
    src = AZURE_VAULT_TS.replace('grant_type: "client_credentials"', 'grant_type: "authorization_code"').replace(
        "https://vault.azure.net/.default", "openid profile email") + 'export const VAULT = "https://vault.azure.net";\n'
    inv = scan(tmp_path / "app", {"src/vault/azure.ts": src})
    assert {"microsoft-oauth", "azure-key-vault"} <= ids(inv)
def test_a_sign_in_providers_token_endpoint_where_the_app_gets_its_own_token_is_no_sign_in(tmp_path):
    """A Google service account's key names oauth2.googleapis.com as its token_uri; MSAL's
    client-credentials grant reaches login.microsoftonline.com for a Graph token (the tenant's
    authority URL also in the package's settings). Nobody signs in: Microsoft's endpoint joins
    Entra ID, which issues the token; Google's is no service of its own."""
    inv = scan(tmp_path / "app", {
        "pyproject.toml": '[project]\nname = "app"\ndependencies = ["google-api-python-client", "google-auth-oauthlib", "msal"]\n',
        "app/plugins/google/common.py": (
            "import json\nfrom google.oauth2 import service_account\nimport googleapiclient.discovery\n\n\n"
            "def get_service(config, name, version, scopes):\n"
            '    data = {"type": "service_account", "token_uri": "https://oauth2.googleapis.com/token"}\n'
            "    creds = service_account.Credentials.from_service_account_info(data, scopes=scopes)\n"
            "    return googleapiclient.discovery.build(name, version, credentials=creds)\n"),
        "app/plugins/google/calendar.py": (
            "from app.plugins.google.common import get_service\n\n\ndef calendar(cfg):\n"
            '    return get_service(cfg, "calendar", "v3", ["https://www.googleapis.com/auth/calendar"])\n'),
        "app/plugins/teams/client.py": (
            "import msal\nimport requests\n\n\ndef meeting(client_id, authority, secret, user):\n"
            "    app = msal.ConfidentialClientApplication(client_id, authority=authority, client_credential=secret)\n"
            '    token = app.acquire_token_for_client(scopes="https://graph.microsoft.com/.default")\n'
            '    return requests.post(f"https://graph.microsoft.com/v1.0/users/{user}/onlineMeetings", headers={"Authorization": token})\n'),
        "app/plugins/teams/config.py": (
            "from pydantic import BaseModel\n\n\nclass TeamsConfiguration(BaseModel):\n"
            '    authority: str = "https://login.microsoftonline.com/common"\n'),
    })
    found = ids(inv)
    assert {"google-calendar", "microsoft-entra-id", "microsoft-graph"} <= found
    assert not {"google-oauth", "microsoft-oauth"} & found
    entra = next(u for u in inv.services if u.id == "microsoft-entra-id")
    assert any(e.path == "app/plugins/teams/config.py" for e in entra.evidence)


def test_a_token_endpoint_beside_a_sign_in_flow_stays_sign_in(tmp_path):
    """The same host where users are sent to sign in (an authorize URL in the same module) is sign-in."""
    inv = scan(tmp_path / "app", {
        "app/auth/microsoft.py": (
            "import requests\n\n"
            'AUTHORIZE = "https://login.microsoftonline.com/common/oauth2/v2.0/authorize"\n'
            'TOKEN = "https://login.microsoftonline.com/common/oauth2/v2.0/token"\n\n\n'
            "def app_token():\n"
            '    return requests.post(TOKEN, data={"grant_type": "client_credentials"})\n'),
    })
    assert "microsoft-oauth" in ids(inv)


def test_provider_files_outside_auth_folders_fold_their_user_info_hosts(tmp_path):
    """`backend/thirdparty/provider_github.go` reading api.github.com/user after the OAuth
    exchange: the GitHub API host is the sign-in's user-info call, not a GitHub integration."""
    go = (
        'package thirdparty\n\nconst (\n\tGithubAuthEndpoint = "https://github.com/login/oauth/authorize"\n'
        '\tGithubUserInfoEndpoint = "https://api.github.com/user"\n)\n\n'
        'func NewGithubProvider() (OAuthProvider, error) {\n\treturn &githubProvider{oauthConfig: &oauth2.Config{}}, nil\n}\n\n'
        'func (g githubProvider) GetUserData(ctx context.Context, token *oauth2.Token) (*UserData, error) {\n'
        '\treturn nil, makeRequest(ctx, token, g.oauthConfig, GithubUserInfoEndpoint, nil)\n}\n'
    )
    inv = scan(tmp_path / "hanko", {"backend/thirdparty/provider_github.go": go})
    assert "github-oauth" in ids(inv) and "github" not in ids(inv)


GMAIL_CONSENT = """\
import { OAuth2Client } from "google-auth-library";

export function gmailConsentUrl(clientId, clientSecret, redirectUri) {
  const google = new OAuth2Client(clientId, clientSecret, redirectUri);
  return google.generateAuthUrl({
    access_type: "offline",
    scope: "https://mail.google.com",
    prompt: "consent",
  });
}
"""


def test_an_oauth_flow_asking_only_an_api_scope_authorizes_that_api(tmp_path):
    """google-auth-library's consent URL for the Gmail scope (XOAUTH2 SMTP/IMAP) authorizes
    Gmail: nobody signs in with Google there. With an identity scope it stays a sign-in."""
    pkg = '{"name": "api", "dependencies": {"google-auth-library": "^9.0.0"}}\n'
    inv = scan(tmp_path / "a", {"package.json": pkg, "src/controllers/config.ts": GMAIL_CONSENT})
    assert "google-gmail" in ids(inv) and "google-oauth" not in ids(inv)
    both = GMAIL_CONSENT.replace('scope: "https://mail.google.com",', 'scope: ["openid", "email", "https://mail.google.com"],')
    inv = scan(tmp_path / "b", {"package.json": pkg, "src/controllers/config.ts": both})
    assert "google-oauth" in ids(inv)


def test_an_identity_brokers_sign_in_connectors_are_sign_ins_not_apis(tmp_path):
    """dex-style `connector/<vendor>/`: each connector type (`bitbucketConnector`) runs the OAuth
    sign-in and looks the user's groups up on the vendor's API: Sign in with Bitbucket / Gitea, not
    the APIs. Another product the connector uses (Google's Workspace Admin API for a domain's
    groups) stays a service of its own."""
    login = ("func (c *{t}Connector) LoginURL(s Scopes, callbackURL, state string) (string, error) {{\n"
             "\treturn c.oauth2Config().AuthCodeURL(state), nil\n}}\n")
    inv = scan(tmp_path / "broker", {
        "go.mod": "module example.com/broker\n\ngo 1.22\n\nrequire (\n\tgolang.org/x/oauth2 v0.20.0\n\tgoogle.golang.org/api v0.180.0\n)\n",
        "connector/bitbucketcloud/bitbucketcloud.go":
            'package bitbucketcloud\n\nimport (\n\t"golang.org/x/oauth2"\n\t"golang.org/x/oauth2/bitbucket"\n)\n\n'
            'const apiURL = "https://api.bitbucket.org/2.0"\n\ntype bitbucketConnector struct{}\n\n'
            'func (c *bitbucketConnector) oauth2Config() *oauth2.Config {\n\treturn &oauth2.Config{Endpoint: bitbucket.Endpoint}\n}\n\n'
            + login.format(t="bitbucket"),
        "connector/gitea/gitea.go":
            'package gitea\n\nimport "golang.org/x/oauth2"\n\ntype giteaConnector struct{ baseURL string }\n\n'
            'func (c *giteaConnector) oauth2Config() *oauth2.Config {\n'
            '\treturn &oauth2.Config{Endpoint: oauth2.Endpoint{AuthURL: c.baseURL + "/login/oauth/authorize"}}\n}\n\n'
            + login.format(t="gitea"),
        "connector/google/google.go":
            'package google\n\nimport (\n\t"golang.org/x/oauth2"\n\tadmin "google.golang.org/api/admin/directory/v1"\n'
            '\t"google.golang.org/api/option"\n)\n\nconst issuerURL = "https://accounts.google.com"\n\n'
            'type googleConnector struct{}\n\n'
            'func (c *googleConnector) oauth2Config() *oauth2.Config {\n\treturn &oauth2.Config{Endpoint: oauth2.Endpoint{AuthURL: issuerURL + "/o/oauth2/v2/auth"}}\n}\n\n'
            'func groups(ctx context.Context, sa []byte) (*admin.Service, error) {\n'
            '\treturn admin.NewService(ctx, option.WithCredentialsJSON(sa))\n}\n\n'
            + login.format(t="google"),
    })
    found = ids(inv)
    assert {"bitbucket-oauth", "gitea-oauth", "google-oauth"} <= found
    assert not {"bitbucket", "gitea"} & found
    assert "google-workspace" in found


def test_oauth_that_stores_the_grant_on_a_connector_authorizes_it(tmp_path):
    """A knowledge-base app's connector routes run Atlassian's and Slack's OAuth and keep the
    tokens on a connector row or as a bot token: they read the workspace's Jira and Slack
    data, nobody signs in with Atlassian or Slack (the app's own sign-in is Google's)."""
    inv = scan(tmp_path / "kb", {
        "app/routes/jira_add_connector_route.py":
            'import httpx\nfrom app.config import config\n'
            'AUTHORIZATION_URL = "https://auth.atlassian.com/authorize"\n'
            'TOKEN_URL = "https://auth.atlassian.com/oauth/token"\n'
            'RESOURCES_URL = "https://api.atlassian.com/oauth/token/accessible-resources"\n'
            'async def callback(code):\n'
            '    token = httpx.post(TOKEN_URL, data={"code": code}).json()["access_token"]\n'
            '    return SearchSourceConnector(config={"access_token": token})\n',
        "app/routes/slack_gateway_routes.py":
            'import httpx\nSLACK_AUTHORIZATION_URL = "https://slack.com/oauth/v2/authorize"\n'
            'async def callback(code):\n'
            '    data = httpx.post("https://slack.com/api/oauth.v2.access", data={"code": code}).json()\n'
            '    return {"bot_token": data["access_token"]}\n',
        "app/connectors/slack_history.py": 'from slack_sdk import WebClient\nWebClient(token=t).conversations_list()\n',
        "app/config.py": 'import os\nATLASSIAN_CLIENT_ID = os.getenv("ATLASSIAN_CLIENT_ID")\n'
                         'SLACK_CLIENT_ID = os.getenv("SLACK_CLIENT_ID")\n',
        "pyproject.toml": '[project]\nname = "kb"\ndependencies = ["slack-sdk>=3"]\n',
    })
    assert "atlassian-oauth" not in ids(inv) and "slack-oauth" not in ids(inv)
    assert {"jira", "slack"} <= ids(inv)


def test_identity_flow_in_a_class_named_for_the_companys_product_is_its_grant(tmp_path):
    """bitwarden-style: Microsoft's OAuth flow runs only in `TeamsService.cs`, which connects an
    organization's Microsoft Teams (the identity host's default sits in the settings class): the
    Teams integration's grant, no "Sign in with Microsoft"."""
    inv = scan(tmp_path / "bw", {
        "src/Core/Services/Implementations/TeamsService.cs":
            'using System.Net.Http;\nusing Microsoft.Bot.Builder.Teams;\n'
            'public class TeamsService(IHttpClientFactory httpClientFactory) {\n'
            '  public string GetRedirectUrl(string redirectUrl, string state) {\n'
            '    return $"{_loginBaseUrl}/common/oauth2/v2.0/authorize?{query}";\n  }\n'
            '  public async Task<string> ObtainTokenViaOAuth(string code) {\n'
            '    var request = new HttpRequestMessage(HttpMethod.Post, $"{_loginBaseUrl}/common/oauth2/v2.0/token");\n'
            '    using var response = await _httpClient.SendAsync(request);\n'
            '    return await response.Content.ReadAsStringAsync();\n  }\n}\n',
        "src/Core/Settings/GlobalSettings.cs":
            'public class TeamsSettings {\n'
            '  public virtual string LoginBaseUrl { get; set; } = "https://login.microsoftonline.com";\n}\n',
        "src/Core/Models/Data/EventIntegrations/TeamsIntegration.cs":
            'public record TeamsIntegration(string TenantId, IReadOnlyList<TeamInfo> Teams);\n',
    })
    assert "microsoft-oauth" not in ids(inv)
    assert "microsoft-teams" in ids(inv)


def test_identity_flow_in_a_class_named_for_signing_in_stays_sign_in(tmp_path):
    """A `MicrosoftAuthService.cs` (or a service named for the company itself) runs the sign-in
    flow: it stays "Sign in with Microsoft" even when the app also uses Teams."""
    files = {
        "src/Services/MicrosoftAuthService.cs":
            'public class MicrosoftAuthService {\n'
            '  public string Url() => "https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=" + id;\n}\n',
        "src/Models/Data/EventIntegrations/TeamsIntegration.cs":
            'public record TeamsIntegration(string TenantId, IReadOnlyList<TeamInfo> Teams);\n',
    }
    inv = scan(tmp_path / "a", files)
    assert "microsoft-oauth" in ids(inv)


def test_an_app_token_for_the_same_entrys_api_host_stays_that_api(tmp_path):
    """A client-credentials token from accounts.spotify.com used to call api.spotify.com: the
    catalog's Spotify entry (sign-in and Web API) is the API the app calls, not dropped as a
    token endpoint alone."""
    inv = scan(tmp_path / "app", {
        "crates/providers/spotify/src/lib.rs": (
            'static TOKEN_URL: &str = "https://accounts.spotify.com/api/token";\n'
            'static API_URL: &str = "https://api.spotify.com/v1";\n\n'
            "async fn token(client: &reqwest::Client, id: &str, secret: &str) -> String {\n"
            '    let form = [("grant_type", "client_credentials")];\n'
            "    client.post(TOKEN_URL).basic_auth(id, Some(secret)).form(&form).send().await.unwrap().text().await.unwrap()\n}\n\n"
            "async fn artist(client: &reqwest::Client, id: &str) {\n"
            '    client.get(format!("{API_URL}/artists/{id}")).send().await.ok();\n}\n'),
    })
    assert "spotify-oauth" in ids(inv)


def test_an_app_token_with_its_client_settings_from_the_environment_is_the_api_not_sign_in(tmp_path):
    """osu-web-style: a Laravel model gets a client-credentials token from id.twitch.tv with
    TWITCH_CLIENT_ID/SECRET (read in config/*.php, commented in .env.example) and calls the Helix
    API with it. The env names are the API client's credentials: nobody signs in with Twitch."""
    inv = scan(tmp_path / "app", {
        ".env.example": "APP_NAME=app\n# TWITCH_CLIENT_ID=\n# TWITCH_CLIENT_SECRET=\n",
        "config/app.php": "<?php\n\nreturn [\n    'twitch_client_id' => env('TWITCH_CLIENT_ID'),\n"
                          "    'twitch_client_secret' => env('TWITCH_CLIENT_SECRET'),\n];\n",
        "app/Models/Livestreams.php": (
            "<?php\n\nnamespace App\\Models;\n\nuse GuzzleHttp\\Client;\n\nclass Livestreams\n{\n"
            "    public function streams(string $token)\n    {\n"
            "        return (new Client(['base_uri' => 'https://api.twitch.tv/helix/']))->request('GET', 'streams', [\n"
            "            'headers' => ['Authorization' => \"Bearer {$token}\"],\n        ]);\n    }\n\n"
            "    public function token()\n    {\n"
            "        return (new Client(['base_uri' => 'https://id.twitch.tv']))->request('POST', '/oauth2/token', ['query' => [\n"
            "            'client_id' => config('app.twitch_client_id'),\n"
            "            'client_secret' => config('app.twitch_client_secret'),\n"
            "            'grant_type' => 'client_credentials',\n        ]]);\n    }\n}\n"),
    })
    found = ids(inv)
    assert "twitch" in found and "twitch-oauth" not in found
    var = next(v for v in inv.env_vars if v.name == "TWITCH_CLIENT_ID")
    assert var.services == ["twitch"]


def test_client_settings_from_the_environment_without_a_token_endpoint_stay_sign_in(tmp_path):
    """The same env names with a client-credentials grant elsewhere but no Twitch token endpoint
    in that code: nothing shows the names are the API client's, they stay the sign-in's."""
    inv = scan(tmp_path / "app", {
        ".env.example": "TWITCH_CLIENT_ID=\nTWITCH_CLIENT_SECRET=\n",
        "config/services.php": "<?php\n\nreturn ['twitch' => ['client_id' => env('TWITCH_CLIENT_ID'), "
                               "'client_secret' => env('TWITCH_CLIENT_SECRET')]];\n",
        "app/Support/Tokens.php": "<?php\n\nfunction token($http)\n{\n"
                                  "    return $http->post('https://auth.example.com/token', ['grant_type' => 'client_credentials']);\n}\n",
    })
    assert "twitch-oauth" in ids(inv)


def test_python_auth_library_provider_modules(tmp_path):
    inv = scan(tmp_path, {
        "app/oauth.py": (
            "from flask_dance.contrib.github import make_github_blueprint\n"
            "from flask_dance.contrib.azure import make_azure_blueprint\n"
            "from allauth.socialaccount.providers.oauth2.views import OAuth2Adapter\n"
            "from allauth.socialaccount.providers.openid_connect.views import x\n"
            "from allauth.socialaccount.providers.naver.provider import NaverProvider\n"
        ),
    })
    found = ids(inv)
    assert {"github-oauth", "microsoft-entra-id", "oidc", "naver-oauth"} <= found
    assert "oauth2-oauth" not in found and "github" not in found


def test_django_installed_apps_name_allauth_providers(tmp_path):
    inv = scan(tmp_path, {
        "requirements.txt": "django-allauth==65.0\n",
        "app/settings.py": "INSTALLED_APPS = [\n    'allauth',\n    'allauth.socialaccount.providers.kakao',\n"
                           "    'allauth.socialaccount.providers.github',\n]\n",
    })
    assert {"kakao-oauth", "github-oauth"} <= ids(inv)


def test_a_social_sign_in_connector_package_is_the_vendors_sign_in(tmp_path):
    """`packages/connectors/connector-discord/` building Discord's authorize URL and reading
    /users/@me is "Sign in with Discord" (every file of the package), not Discord's API; an
    SMS connector package beside it stays the vendor's API service."""
    write_tree(tmp_path, {
        "packages/connectors/connector-discord/src/constant.ts":
            "export const authorizationEndpoint = 'https://discord.com/oauth2/authorize';\n"
            "export const accessTokenEndpoint = 'https://discord.com/api/v10/oauth2/token';\n"
            "export const userInfoEndpoint = 'https://discord.com/api/v10/users/@me';\n",
        "packages/connectors/connector-discord/src/types.ts": "export type DiscordConfig = { clientId: string };\n",
        "packages/connectors/connector-discord/src/index.ts":
            "import { authorizationEndpoint } from './constant.js';\nexport const getAuthorizationUri = () => authorizationEndpoint;\n",
        "packages/connectors/connector-twilio-sms/src/constant.ts":
            "export const endpoint = 'https://api.twilio.com/2010-04-01/Accounts/{accountSID}/Messages.json';\n",
    })
    inv, _ = build_inventory(Scanner(), [tmp_path], tmp_path, analysis_date="2026-01-01")
    found = {s.id for s in inv.services}
    assert "discord-oauth" in found and "discord" not in found
    assert "twilio" in found and not any(s.startswith("connector") for s in found)


GOOGLE_SIGN_IN_WITH_GROUPS = """\
package googlecallbackauthn

import (
	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/google"
	admin "google.golang.org/api/admin/directory/v1"
	"google.golang.org/api/option"
)

const issuerURL string = "https://accounts.google.com"

func (a *AuthN) LoginURL(ctx context.Context) (string, error) {
	provider, _ := oidc.NewProvider(ctx, issuerURL)
	cfg := &oauth2.Config{ClientID: "x", Endpoint: provider.Endpoint()}
	return cfg.AuthCodeURL("state"), nil
}

func (a *AuthN) groups(ctx context.Context, key []byte, email string) error {
	jwtConfig, _ := google.JWTConfigFromJSON(key, admin.AdminDirectoryGroupReadonlyScope)
	svc, _ := admin.NewService(ctx, option.WithHTTPClient(jwtConfig.Client(ctx)))
	_, err := svc.Groups.List().UserKey(email).Do()
	return err
}
"""


def test_an_api_called_with_the_apps_service_account_in_a_sign_in_file_stays_an_integration(tmp_path):
    """Google sign-in whose provider file also lists the user's Workspace groups through the
    Admin SDK with the app's own service account (`google.JWTConfigFromJSON`): that call is the
    app's, not the signed-in user's profile lookup, so the Admin SDK stays a service of its own."""
    files = {"go.mod": "module example.com/app\n\ngo 1.22\n\nrequire (\n\tgolang.org/x/oauth2 v0.20.0\n"
                       "\tgoogle.golang.org/api v0.180.0\n\tgithub.com/coreos/go-oidc/v3 v3.10.0\n)\n",
             "pkg/authn/callbackauthn/googlecallbackauthn/authn.go": GOOGLE_SIGN_IN_WITH_GROUPS}
    inv = scan(tmp_path, files)
    assert {"google-oauth", "google-workspace"} <= ids(inv)
