"""Hand-written OAuth sign-in clients: an authorize endpoint and a login step in a file named
after the vendor name the provider; an OAuth flow without a login step, or a file named after
the sign-in machinery, does not."""

from __future__ import annotations

from mkdocs_integrations.model import CALL
from mkdocs_integrations.scan.detectors.oauth_clients import DETECTOR


GO_FORGE = """\
package forgejo

import "golang.org/x/oauth2"

const authorizeTokenURL = "%s/login/oauth/authorize"

// Login authenticates the session.
func (c *Forgejo) Login(ctx context.Context, req *OAuthRequest) (*model.User, error) {
	config := &oauth2.Config{Endpoint: oauth2.Endpoint{AuthURL: fmt.Sprintf(authorizeTokenURL, c.url)}}
	return nil, nil
}
"""


def _found(run_detector, rel, src):
    ev, _ = run_detector(DETECTOR, rel, src)
    return [(e.line, e.service, e.get("sign_in")) for e in ev if e.kind == CALL]


def test_a_forge_folder_with_an_oauth_client_and_a_login_is_that_sign_in(run_detector):
    assert _found(run_detector, "server/forge/forgejo/forgejo.go", GO_FORGE) == [(5, "forgejo-oauth", "forgejo")]
    # Bitbucket Data Center, named as one word: the catalog's sign-in names.
    assert _found(run_detector, "server/forge/bitbucketdatacenter/bitbucketdatacenter.go", GO_FORGE) == [
        (5, "bitbucket-data-center-oauth", "bitbucketdatacenter")]
    # A role word after the vendor's name; an uncatalogued vendor keeps its name for the resolver.
    ruby = 'class AcmeidService\n  AUTHORIZE_URL = "https://id.acme.example/oauth/authorize"\n  def login(code)\n  end\nend\n'
    assert _found(run_detector, "app/services/auth/acmeid_service.rb", ruby) == [(2, "", "acmeid")]


def test_no_login_step_or_no_vendor_name_is_no_sign_in(run_detector):
    # An integration's authorization (a Discord webhook added through OAuth): no login step.
    py = 'AUTH = "https://discord.com/api/oauth2/authorize"\ndef add_discord(request):\n    return redirect(AUTH)\n'
    assert _found(run_detector, "hc/integrations/discord/views.py", py) == []
    # The sign-in machinery itself (a generic OAuth2 client configured by the admin).
    assert _found(run_detector, "internal/auth/oauth2/oauth2.go", GO_FORGE) == []
    # The login step only in a comment.
    commented = GO_FORGE.replace("func (c *Forgejo) Login(", "// func (c *Forgejo) Login(\nfunc (c *Forgejo) Other(")
    assert _found(run_detector, "server/forge/forgejo/forgejo.go", commented) == []


def test_one_provider_file_of_the_apps_sign_in_code_needs_no_login_step(run_detector):
    """`tools/auth/gitea.go` beside the shared flow: each provider file only names its
    endpoints; the sign-in path says what they are for."""
    go = (
        'package auth\n\nfunc NewGiteaProvider() *Gitea {\n\treturn &Gitea{BaseProvider{\n'
        '\t\tauthURL:     "https://gitea.com/login/oauth/authorize",\n'
        '\t\tuserInfoURL: "https://gitea.com/api/v1/user",\n\t}}\n}\n'
    )
    assert _found(run_detector, "tools/auth/gitea.go", go) == [(5, "gitea-oauth", "gitea")]
    # The same endpoints outside sign-in code and without a login step: an integration's OAuth.
    assert _found(run_detector, "internal/integrations/gitea.go", go) == []
    # An integration's OAuth module named by its folder (`integrations/bitly/oauth.ts`), and a
    # provider file whose URLs are not the vendor's own: no sign-in.
    ts = 'export const bitlyOAuth = {\n  authorizeUrl: "https://bitly.com/oauth/authorize",\n};\n'
    assert _found(run_detector, "apps/web/lib/integrations/bitly/oauth.ts", ts) == []
    relative = go.replace("https://gitea.com", "").replace('"/api/v1/user"', '"/me"')
    # (only a sign-in client of no name: the resolver names it by the vendor API it calls, if any)
    assert _found(run_detector, "tools/auth/gitea.go", relative) == [(5, "", "")]


def test_provider_files_named_for_their_vendor_in_a_sign_in_folder(run_detector):
    """`oidc/provider_<vendor>.go`: the role word and the vendor name make it that vendor's
    sign-in, whatever its URLs (an issuer the admin configures); Go's vendor endpoint packages
    (`golang.org/x/oauth2/github`) are an OAuth client. Versions beside the name are no part of it."""
    github = 'package oidc\n\nimport (\n\t"golang.org/x/oauth2"\n\t"golang.org/x/oauth2/github"\n)\n\nvar c = oauth2.Config{Endpoint: github.Endpoint}\n'
    assert _found(run_detector, "selfservice/strategy/oidc/provider_github.go", github) == [(5, "github-oauth", "github")]
    issuer = 'package oidc\n\nvar e = oauth2.Endpoint{AuthURL: p.issuer + "/services/oauth2/authorize"}\n'
    assert _found(run_detector, "selfservice/strategy/oidc/provider_salesforce.go", issuer) == [(3, "salesforce-oauth", "salesforce")]
    assert _found(run_detector, "selfservice/strategy/oidc/provider_linkedin_v2.go", issuer) == [(3, "linkedin-oauth", "linkedin")]
    assert _found(run_detector, "lib/auth/strategies/vk_oauth_provider.rb", 'AUTHORIZE_URL = "https://oauth.vk.com/authorize"\n') == [(1, "vk-oauth", "vk")]
    # A provider file whose name does not spell a vendor: a sign-in client of no name, for the
    # resolver to name by the vendor API it calls; none outside sign-in code.
    x = 'package oidc\n\nimport "github.com/dghubble/oauth1/twitter"\n'
    assert _found(run_detector, "selfservice/strategy/oidc/provider_x.go", x) == [(3, "", "")]
    assert _found(run_detector, "selfservice/strategy/oidc/provider_config.go", issuer) == []  # the machinery
    assert _found(run_detector, "internal/providers/provider_github.go", github) == []


THIRDPARTY_DISCORD = """\
package thirdparty

const DiscordOauthAuthEndpoint = "https://discord.com/oauth2/authorize"

func NewDiscordProvider(c config.ThirdPartyProvider) (OAuthProvider, error) {
	return &discordProvider{oauthConfig: &oauth2.Config{Endpoint: oauth2.Endpoint{AuthURL: DiscordOauthAuthEndpoint}}}, nil
}

func (p discordProvider) GetUserData(ctx context.Context, token *oauth2.Token) (*UserData, error) {
	return nil, nil
}
"""


def test_a_vendor_provider_file_reading_the_user_profile_is_sign_in_outside_auth_folders(run_detector):
    """hanko's `backend/thirdparty/provider_discord.go`: no folder says "auth", but a file named
    as the vendor's provider with an OAuth client and a step reading the signed-in user's profile
    is that vendor's sign-in (marked as a provider file for the resolver)."""
    ev, _ = run_detector(DETECTOR, "backend/thirdparty/provider_discord.go", THIRDPARTY_DISCORD)
    assert [(e.line, e.service, e.get("sign_in"), e.get("provider_file")) for e in ev if e.kind == CALL] == [
        (3, "discord-oauth", "discord", "1")]
    # Without the profile step (an integration's OAuth install) or without the provider name: nothing.
    no_profile = THIRDPARTY_DISCORD.replace("GetUserData", "PostMessage")
    assert _found(run_detector, "backend/thirdparty/provider_discord.go", no_profile) == []
    assert _found(run_detector, "backend/thirdparty/discord.go", THIRDPARTY_DISCORD) == []
    # A social integration's provider (an account connected for posting shows its profile).
    assert _found(run_detector, "libs/integrations/social/provider_discord.go", THIRDPARTY_DISCORD) == []



PROVIDER_BITBUCKET = """\
package provider

import "golang.org/x/oauth2"

const defaultBitbucketAuthBase = "bitbucket.org"

type bitbucketProvider struct {
	*oauth2.Config
	APIPath string
}

func NewBitbucketProvider(ext conf.OAuthProviderConfiguration) (OAuthProvider, error) {
	authHost := chooseHost(ext.URL, defaultBitbucketAuthBase)
	return &bitbucketProvider{Config: &oauth2.Config{
		Endpoint: oauth2.Endpoint{AuthURL: authHost + "/site/oauth2/authorize"},
	}}, nil
}

func (g bitbucketProvider) GetUserData(ctx context.Context, tok *oauth2.Token) (*UserProvidedData, error) {
	return nil, nil
}
"""


def test_a_file_declaring_its_vendors_provider_type_is_that_sign_in(run_detector):
    """supabase-auth's `internal/api/provider/bitbucket.go`: no folder says "auth" and the file
    name has no role word, but the file declares `type bitbucketProvider struct`, builds an OAuth
    client and reads the signed-in user's profile: Bitbucket's sign-in (a provider file)."""
    ev, _ = run_detector(DETECTOR, "internal/api/provider/bitbucket.go", PROVIDER_BITBUCKET)
    assert [(e.line, e.service, e.get("sign_in"), e.get("provider_file")) for e in ev if e.kind == CALL] == [
        (14, "bitbucket-oauth", "bitbucket", "1")]
    # Without the profile step, or without the vendor's provider type: nothing.
    assert _found(run_detector, "internal/api/provider/bitbucket.go", PROVIDER_BITBUCKET.replace("GetUserData", "PostIssue")) == []
    assert _found(run_detector, "internal/api/provider/bitbucket.go",
                  PROVIDER_BITBUCKET.replace("type bitbucketProvider struct", "type client struct")) == []
    # Under another integration word (a storage backend's providers), or for a vendor the catalog
    # has no sign-in of (an inbox's `providers/outlook.go` connecting a mailbox): nothing.
    assert _found(run_detector, "internal/storage/providers/bitbucket.go", PROVIDER_BITBUCKET) == []
    outlook = PROVIDER_BITBUCKET.replace("bitbucketProvider", "outlookProvider")
    assert _found(run_detector, "packages/inbox/providers/outlook.go", outlook) == []

PROVIDER_CLASSES = '''\


class OAuth2ProviderMixin:
    def get_authorization_url(self, instance):
        return self.AUTHORIZATION_URL


class GitHubAuthProviderType(OAuth2ProviderMixin, AuthProviderType):
    type = "github"
    AUTHORIZATION_URL = "https://github.com/login/oauth/authorize"


class GitLabAuthProviderType(OAuth2ProviderMixin, AuthProviderType):
    type = "gitlab"
    AUTHORIZATION_PATH = "/oauth/authorize"


class OpenIdConnectAuthProviderTypeMixin:
    class OpenIdConnectSerializedDict(TypedDict):
        base_url: str

    def get_wellknown_urls(self, base_url):
        return requests.get(f"{base_url}/.well-known/openid-configuration")


class CustomAuthProviderType(OAuth2ProviderMixin, AuthProviderType):
    AUTHORIZATION_URL = "https://example.com/oauth/authorize"
'''


def test_one_class_per_provider_in_a_sign_in_file_names_each_provider(run_detector):
    found = _found(run_detector, "enterprise/sso/oauth2/auth_provider_types.py", PROVIDER_CLASSES)
    assert {(s, n) for _, s, n in found} == {
        ("github-oauth", "github"), ("gitlab-oauth", "gitlab"), ("oidc", "openidconnect"),
    }  # the nested TypedDict does not cut the OIDC class short; `Custom` is no catalogued vendor


def test_provider_classes_outside_sign_in_code_are_not_read(run_detector):
    assert _found(run_detector, "app/models/types.py", PROVIDER_CLASSES) == []


GO_IDP = """\
package idp

import "golang.org/x/oauth2"

type QqIdProvider struct {
	Config *oauth2.Config
}

func (idp *QqIdProvider) getConfig() *oauth2.Config {
	endpoint := oauth2.Endpoint{
		TokenURL: "https://graph.qq.com/oauth2.0/token",
	}
	return &oauth2.Config{Endpoint: endpoint}
}
"""


def test_an_idp_folder_file_declaring_its_provider_type_is_that_vendors_sign_in(run_detector):
    """`idp/qq.go` declaring `QqIdProvider`: one file per identity provider, named by the file
    and its own provider type even where the vendor's name is not in its hosts (qq, wechat's
    api.weixin.qq.com, an AD FS or Okta host the admin configures)."""
    assert _found(run_detector, "idp/qq.go", GO_IDP) == [(10, "qq-oauth", "qq")]
    wechat = GO_IDP.replace("QqIdProvider", "WeChatIdProvider")
    assert _found(run_detector, "idp/wechat.go", wechat) == [(10, "wechat-oauth", "wechat")]
    # Variants of one vendor's sign-in, a file each; a settings-only oauth2.Config is a client too.
    wecom = (
        "package idp\n\ntype WeComInternalIdProvider struct{}\n\n"
        "func (idp *WeComInternalIdProvider) getConfig() *oauth2.Config {\n"
        "\treturn &oauth2.Config{ClientID: id}\n}\n"
    )
    assert _found(run_detector, "idp/wecom_internal.go", wecom) == [(6, "", "wecom")]
    # A generic provider the admin configures: OpenID Connect / OAuth2 with no fixed vendor.
    custom = GO_IDP.replace("QqIdProvider", "CustomIdProvider")
    assert _found(run_detector, "idp/custom.go", custom) == [(10, "oidc", "oidc")]


def test_a_provider_type_not_named_after_the_file_says_nothing(run_detector):
    # The type is another file's (or no provider at all): the file names no vendor here (a provider
    # file of the sign-in code whose vendor the resolver takes from the API it calls).
    assert _found(run_detector, "idp/qq.go", GO_IDP.replace("QqIdProvider", "TokenCache")) == [(10, "", "")]
    # A function returning `*oauth2.Config {` is no client literal.
    returns = "package idp\n\ntype QqIdProvider struct{}\n\nfunc (idp *QqIdProvider) getConfig() *oauth2.Config {\n\treturn cfg\n}\n"
    assert _found(run_detector, "idp/qq.go", returns) == []
    # Outside sign-in code a provider type is no sign-in without a login step.
    assert _found(run_detector, "cache/qq.go", GO_IDP) == []


# An app's own login module, named only by its package folder (`CTFd/auth.py`), sending users
# to another domain's OAuth: the authorize endpoint's host names the vendor, not the folder.
PY_FOREIGN_AUTHORIZE = '''\
import requests

def login():
    pass

def oauth_login():
    endpoint = get_config("oauth_authorization_endpoint") or "https://auth.majorleaguecyber.org/oauth/authorize"
    return redirect(endpoint)
'''


def test_a_folder_named_login_module_is_named_by_its_foreign_authorize_host(run_detector):
    assert _found(run_detector, "CTFd/auth.py", PY_FOREIGN_AUTHORIZE) == [
        (7, "majorleaguecyber", "majorleaguecyber")]
    # an uncatalogued host names an uncatalogued vendor the same way
    other = PY_FOREIGN_AUTHORIZE.replace("auth.majorleaguecyber.org", "login.acmeid.example")
    assert _found(run_detector, "myapp/auth.py", other) == [(7, "", "acmeid")]
    # the folder is the vendor when the authorize host spells it (`forge/gitea/client.py`)
    gitea = PY_FOREIGN_AUTHORIZE.replace("auth.majorleaguecyber.org", "gitea.com")
    assert _found(run_detector, "forge/gitea/client.py", gitea) == [(7, "gitea-oauth", "gitea")]


GO_CONNECTOR = """\
package gitea

import "golang.org/x/oauth2"

type giteaConnector struct{ baseURL string }

func (c *giteaConnector) oauth2Config() *oauth2.Config {
	return &oauth2.Config{Endpoint: oauth2.Endpoint{AuthURL: c.baseURL + "/login/oauth/authorize"}}
}

func (c *giteaConnector) LoginURL(scopes Scopes, callbackURL, state string) (string, error) {
	return c.oauth2Config().AuthCodeURL(state), nil
}
"""


def test_an_identity_brokers_sign_in_connector_is_that_vendors_sign_in(run_detector):
    """dex's `connector/gitea/gitea.go`: the connector's `LoginURL` step is its login step, and a
    file of a `connector/` package is a provider file of the app's sign-in (its API lookups are the
    sign-in's). A vendor with no catalogued sign-in is named by no sign-in (its module fact stays)."""
    ev, _ = run_detector(DETECTOR, "connector/gitea/gitea.go", GO_CONNECTOR)
    calls = [e for e in ev if e.kind == CALL]
    assert [(e.service, e.get("sign_in"), e.get("provider_file"), e.get("connector")) for e in calls] == [
        ("gitea-oauth", "gitea", "1", "1")]
    ev, _ = run_detector(DETECTOR, "connector/openshift/openshift.go", GO_CONNECTOR)
    assert [(e.service, e.get("sign_in"), e.get("connector")) for e in ev if e.kind == CALL] == [("", "", "1")]
    # Elsewhere, `LoginURL` is a login step too, without the connector's provider-file mark.
    ev, _ = run_detector(DETECTOR, "server/forge/gitea/gitea.go", GO_CONNECTOR)
    assert [(e.service, e.get("provider_file")) for e in ev if e.kind == CALL] == [("gitea-oauth", "")]


GO_AUTHN_METHOD = """\
package github

import "golang.org/x/oauth2"

const githubAPI = "https://api.github.com"

func NewServer(serverURL, id, secret string) *Server {
	return &Server{oauth2Config: &oauth2.Config{ClientID: id, ClientSecret: secret,
		Endpoint: oauth2.Endpoint{AuthURL: serverURL + "/login/oauth/authorize"}}}
}
"""


def test_a_generic_file_in_a_vendor_folder_of_authn_code_is_that_vendors_sign_in(run_detector):
    """`authn/` (authentication) is sign-in code; a generic `server.go` in a folder per vendor
    (`authn/method/github/`) is named by that folder, given the vendor's own URL in the file."""
    assert _found(run_detector, "internal/server/authn/method/github/server.go", GO_AUTHN_METHOD) == [
        (8, "github-oauth", "github")]
    # without the vendor's URL, a folder name is no proof (`authn/method/token/server.go`)
    other = GO_AUTHN_METHOD.replace("https://api.github.com", "https://example.test")
    assert _found(run_detector, "internal/server/authn/method/acme/server.go", other) == []


GITHUB_BUTTON_TSX = """\
export default function GithubButton({ accessToken }) {
  function getToken() {
    window.location.assign(
      `https://github.com/login/oauth/authorize?scope=user:email&client_id=${process.env.NEXT_PUBLIC_GITHUB_CLIENT_ID}`,
    );
  }
  async function login(tokenResponse) {
    await fetcher.post("/auth/github", { arg: { accessToken } });
  }
  return <Button onClick={getToken}>Continue with Github</Button>;
}
"""


def test_a_sign_in_button_component_is_named_by_its_vendor_not_its_widget(run_detector):
    """`OAuth/GithubButton.tsx` is GitHub's sign-in button: "button" (like "LoginButton",
    "sign-in-link") is the front end's widget, not part of the vendor's name (no `githubbutton-oauth`)."""
    for rel in ("components/blocks/OAuth/GithubButton.tsx", "components/auth/GithubLoginButton.tsx",
                "components/auth/github-sign-in-link.tsx"):
        assert [(s, n) for _, s, n in _found(run_detector, rel, GITHUB_BUTTON_TSX)] == [("github-oauth", "github")], rel


def test_a_spring_oauth2_user_class_named_for_a_vendor_is_that_vendors_sign_in(run_detector):
    """Spring Boot keeps the provider endpoints in its own defaults: the app's per-vendor user
    step (`GithubOAuth2UserService`, `GoogleOAuth2UserInfo`) is what names the provider."""
    kotlin = (
        "package org.acme.security.oauth2\n\n"
        "import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService\n\n"
        "class GithubOAuth2UserService : DefaultOAuth2UserService() {\n"
        "  override fun loadUser(userRequest: OAuth2UserRequest?): OAuth2User = super.loadUser(userRequest)\n}\n"
    )
    assert _found(run_detector, "src/main/kotlin/org/acme/security/oauth2/GithubOAuth2UserService.kt", kotlin) == [
        (5, "github-oauth", "github")]
    java = (
        "package com.example.security.oauth2.user;\n\n"
        "public class GoogleOAuth2UserInfo extends OAuth2UserInfo {\n"
        "    public String getId() { return (String) attributes.get(\"sub\"); }\n}\n"
    )
    assert _found(run_detector, "src/main/java/com/example/security/oauth2/user/GoogleOAuth2UserInfo.java", java) == [
        (3, "google-oauth", "google")]
    # The app's own or a generic user service names no vendor; nor does a class that is no
    # Spring OAuth2 user step, nor one in a comment.
    own = kotlin.replace("GithubOAuth2UserService", "CustomOAuth2UserService")
    assert _found(run_detector, "src/main/kotlin/org/acme/security/oauth2/CustomOAuth2UserService.kt", own) == []
    plain = "public class GithubOAuth2UserInfo {\n    String login;\n}\n"
    assert _found(run_detector, "src/main/java/com/example/GithubOAuth2UserInfo.java", plain) == []
    commented = "/* class GithubOAuth2UserService : DefaultOAuth2UserService() */\nclass Other\n"
    assert _found(run_detector, "src/main/kotlin/org/acme/Other.kt", commented) == []


GO_GITHUB_ENDPOINT_PACKAGE = """\
package github

import (
	"golang.org/x/oauth2"
	o2Github "golang.org/x/oauth2/github"
)

func authConfig(ctx context.Context) *oauth2.Config {
	authURL := o2Github.Endpoint.AuthURL
	if cfg.GitHub.EnterpriseURL != "" {
		authURL = cfg.GitHub.EnterpriseURL + "/login/oauth/authorize"
	}
	return &oauth2.Config{Endpoint: oauth2.Endpoint{AuthURL: authURL}}
}
"""


def test_a_vendor_folder_importing_the_vendors_go_endpoint_package_is_that_sign_in(run_detector):
    """A generic `provider.go` in a folder per vendor of the sign-in code (`auth/github/`) that
    takes its endpoints from Go's vendor endpoint package (`golang.org/x/oauth2/github`, under
    any alias) holds the vendor's own URLs through the package: that vendor's sign-in."""
    assert _found(run_detector, "auth/github/provider.go", GO_GITHUB_ENDPOINT_PACKAGE) == [(5, "github-oauth", "github")]
    # the package of another vendor than the folder's proves nothing about the folder's vendor
    gitlab = GO_GITHUB_ENDPOINT_PACKAGE.replace("oauth2/github", "oauth2/gitlab")
    assert _found(run_detector, "auth/github/provider.go", gitlab) == []


RUST_PROVIDER_SWITCH = """\
use oauth2::{AuthUrl, TokenUrl};

pub async fn get_user(code: &str) -> Result<User> {
    let conf = config::get();
    let provider = conf.user_authentication.oauth2.provider.clone();
    // "github" => is not offered yet
    match provider.as_ref() {
        "clerk" => get_clerk_user(access_token, &userinfo_url).await,
        "yandex" => get_yandex_user(access_token, &userinfo_url).await,
        _ => Err(anyhow!("Unsupported OAuth2 provider: {}", provider)),
    }
}
"""


def test_the_string_arms_of_a_branch_over_the_provider_setting_are_sign_in_providers(run_detector):
    """One generic OAuth2 client, the provider picked by name from the settings: each arm that
    names a catalog sign-in provider is that provider (not the commented one, and not a single
    comparison, which is no list of providers)."""
    assert _found(run_detector, "server/src/api/oauth2.rs", RUST_PROVIDER_SWITCH) == [
        (8, "clerk", "clerk"), (9, "yandex-oauth", "yandex")]
    php = "<?php\n// after the authorize redirect\nfunction user($provider) {\n    switch ($provider) {\n        case 'google':\n            return google();\n        case 'github':\n            return gh();\n    }\n}\n"
    assert _found(run_detector, "app/Libraries/OAuth/OAuth.php", php) == [(5, "google-oauth", "google"), (7, "github-oauth", "github")]
    single = "// authorize first\nfunction user(provider) {\n  switch (provider) {\n    case 'google':\n      return google();\n  }\n}\n"
    assert _found(run_detector, "src/auth/user.ts", single) == []
    # outside sign-in code a provider switch picks something else (an LLM, a mailer), and in an
    # integration's folder it connects accounts
    assert _found(run_detector, "src/llm/client.rs", RUST_PROVIDER_SWITCH) == []
    assert _found(run_detector, "src/integrations/oauth2.rs", RUST_PROVIDER_SWITCH) == []


GO_ENDPOINTS_SWITCH = """\
package oauth

import (
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/endpoints"
)

func (o *oauthProvider) GetOAuthConfig(name string) (*oauth2.Config, error) {
	var endPoint *oauth2.Endpoint
	switch name {
	case "github":
		endPoint = &endpoints.GitHub
	case "twitter":
		endPoint = &endpoints.X
	case "discord":
		endPoint = &endpoints.Discord
	case "microsoft":
		ep := endpoints.AzureAD(o.MicrosoftTenantID)
		endPoint = &ep
	}
	return &oauth2.Config{Endpoint: *endPoint}, nil
}
"""


def test_a_sign_in_file_picking_vendors_from_the_go_endpoints_package_signs_in_with_each(run_detector):
    """golang.org/x/oauth2/endpoints keeps every vendor's endpoint as a variable named for it:
    a sign-in file's switch over them names each provider (a tenant function names none)."""
    assert _found(run_detector, "internal/oauth/get_oauth_config.go", GO_ENDPOINTS_SWITCH) == [
        (12, "github-oauth", "github"), (14, "twitter-oauth", "x"), (16, "discord-oauth", "discord")]
    # Not without the package's import (another package named `endpoints`), nor in an
    # integration's folder (installing a Slack app), nor outside sign-in code with no login step.
    other = GO_ENDPOINTS_SWITCH.replace('"golang.org/x/oauth2/endpoints"', '"example.com/app/endpoints"')
    # (the unnamed sign-in client of a provider table is the older rule's)
    assert _found(run_detector, "internal/oauth/get_oauth_config.go", other) == [(21, "", "")]
    assert _found(run_detector, "internal/integrations/github/oauth.go", GO_ENDPOINTS_SWITCH) == []
    assert _found(run_detector, "internal/server/config.go", GO_ENDPOINTS_SWITCH) == []


LARAVEL_SERVICES = """\
<?php

return [
    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN'),
        'secret' => env('MAILGUN_SECRET'),
    ],

    'google' => [
        'client_id' => env('GOOGLE_CLIENT_ID'),
        'client_secret' => env('GOOGLE_CLIENT_SECRET'),
        'redirect' => env('APP_URL') . '/auth/google/callback',
    ],

    'linkedin-openid' => [
        'client_id' => env('LINKEDIN_CLIENT_ID'),
        'client_secret' => env('LINKEDIN_CLIENT_SECRET'),
        'redirect' => '/auth/linkedin/callback',
    ],

    'slack' => [
        'notifications' => [
            'bot_user_oauth_token' => env('SLACK_BOT_USER_OAUTH_TOKEN'),
        ],
    ],
    // 'github' => ['client_id' => env('GITHUB_CLIENT_ID'), 'redirect' => '/cb'],
];
"""


def test_socialite_provider_settings_in_laravel_services_config_name_each_sign_in(run_detector):
    """Socialite reads `services.<driver>` with a `redirect` beside the client id: each such entry
    of config/services.php is that provider's sign-in settings, whatever variable picks the
    driver at run time. Other entries (a mailer's, Slack's notification token) and commented-out
    ones are none; nor is the same array elsewhere."""
    ev, _ = run_detector(DETECTOR, "config/services.php", LARAVEL_SERVICES)
    assert [(e.line, e.service, e.name, e.get("framework_settings")) for e in ev if e.kind == CALL] == [
        (9, "google-oauth", "Socialite provider settings", "1"),
        (15, "linkedin-oauth", "Socialite provider settings", "1"),
    ]
    ev, _ = run_detector(DETECTOR, "app/Support/services.php", LARAVEL_SERVICES)
    assert [e for e in ev if e.kind == CALL] == []


GO_HANDLER = """\
package handlers

import (
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/google"
)

// GoogleLogin returns the consent URL.
func GoogleLogin(ctx *context.Context, resp http.ResponseWriter, req *http.Request) {
	conf := &oauth2.Config{ClientID: config.GoogleAPIClientID, Endpoint: google.Endpoint}
	_, _ = resp.Write([]byte(conf.AuthCodeURL(state)))
}

// GoogleCallback signs the user in.
func GoogleCallback(ctx *context.Context, resp http.ResponseWriter, req *http.Request) {}
"""


def test_a_login_handler_prefixed_with_the_files_vendor_is_that_sign_in(run_detector):
    # one handler file per provider, each handler named after it (`func GoogleLogin(`)
    assert _found(run_detector, "server/handlers/google.go", GO_HANDLER) == [(5, "google-oauth", "google")]


def test_a_login_handler_named_after_another_word_is_no_sign_in(run_detector):
    # (`DriveLogin` in gdrive.go: not the file's vendor, no login step of its own)
    src = GO_HANDLER.replace("GoogleLogin", "DriveLogin").replace("GoogleCallback", "DriveCallback")
    assert _found(run_detector, "server/storage/gdrive.go", src) == []


# An app's own OmniAuth strategy for a provider no gem covers: `request_phase` is OmniAuth's
# login step (it sends the user to the provider's authorize endpoint).
OMNIAUTH_STRATEGY = """\
require 'omniauth'

module OmniAuth
  module Strategies
    class Acmeid
      include OmniAuth::Strategy

      option :name, 'acmeid'
      option :auth_url, ENV.fetch('ACMEID_AUTH_URL', 'http://localhost:3001')

      def request_phase
        params = { client_id: 'planner', response_type: 'code', scope: 'openid profile email' }
        redirect "#{options.auth_url}/api/auth/oauth2/authorize?#{URI.encode_www_form(params)}"
      end

      def callback_phase
        super
      end
    end
  end
end
"""


def test_an_apps_own_omniauth_strategy_is_that_providers_sign_in(run_detector):
    assert _found(run_detector, "lib/omniauth/strategies/acmeid.rb", OMNIAUTH_STRATEGY) == [(13, "", "acmeid")]
    # `request_phase` outside an OmniAuth strategy (a model's workflow step) is no login step
    model = OMNIAUTH_STRATEGY.replace("include OmniAuth::Strategy", "include Workflow").replace("module OmniAuth", "module Billing")
    assert _found(run_detector, "lib/omniauth/strategies/acmeid.rb", model) == []


TS_PROVIDER_IF_CHAIN = """\
import GitHub from "next-auth/providers/github";

export const getProviders = async (config: Config) => {
    for (const idpConfig of config.identityProviders) {
        if (idpConfig.provider === "github") {
            providers.push(GitHub({ clientId, clientSecret }));
        }
        if (idpConfig.provider === "jumpcloud") {
            providers.push({ id, name: "JumpCloud", type: "oidc", issuer, clientId, clientSecret });
        }
        if (idpConfig.provider === "bitbucket-server") {
            providers.push({ id, type: "oauth", authorization: { url: `${baseUrl}/rest/oauth2/latest/authorize` } });
        }
    }
};
"""


def test_an_if_chain_over_the_provider_setting_is_a_branch_over_sign_in_providers(run_detector):
    """Auth.js apps building each configured identity provider by comparing the setting with
    names, one `if` each: every compared name the catalog has a sign-in for is offered (the
    custom `type: "oidc"` objects name no provider module for the auth library's rule)."""
    assert _found(run_detector, "src/ee/features/sso/sso.ts", TS_PROVIDER_IF_CHAIN) == [
        (5, "github-oauth", "github"), (8, "jumpcloud", "jumpcloud"),
        (11, "bitbucket-data-center-oauth", "bitbucket-server")]
    # one comparison is a check of the account's provider, not a list of providers
    single = 'export const onLink = (account) => {\n  if (account.provider === "github") { refresh(); }\n  const x = "authorization";\n};\n'
    assert _found(run_detector, "src/auth/callbacks.ts", single) == []
    # two different settings compared once each are no branch either
    two = 'const authorization = 1;\nif (llm.provider === "openai") {}\nif (mail.provider === "google") {}\n'
    assert _found(run_detector, "src/auth/settings.ts", two) == []
    # a UI component picking each provider's icon renders names; nor a file building no client
    view = TS_PROVIDER_IF_CHAIN.replace("authorization: { url: `${baseUrl}/rest/oauth2/latest/authorize` }", "baseUrl")
    assert _found(run_detector, "src/ee/features/sso/sso.ts", view)[1:] == [(8, "jumpcloud", "jumpcloud"),
                                                                           (11, "bitbucket-data-center-oauth", "bitbucket-server")]
    assert _found(run_detector, "src/ee/features/sso/ssoProviderIcon.tsx", view) == []
    icons = 'const authorization = 1;\nif (provider === "github") icon = Gh;\nif (provider === "okta") icon = Okta;\n'
    assert _found(run_detector, "src/auth/icons.ts", icons) == []
    # outside sign-in code the provider setting picks something else (an LLM)
    llm = TS_PROVIDER_IF_CHAIN.replace('"github"', '"openai"')
    assert _found(run_detector, "src/llm/models.ts", llm) == []


SOCIAL_SETTINGS_CONTROLLER = """<?php
namespace App\\Http\\Controllers\\Admin\\SocialMedia;

class SocialMediaController extends Controller
{
    public function configService()
    {
        $social = new SocialMedia();
        foreach ($this->services() as $service) {
            \\Config::set("services.$service.client_id", $social->getvalueByKey($service, 'client_id'));
            \\Config::set("services.$service.client_secret", $social->getvalueByKey($service, 'client_secret'));
            \\Config::set("services.$service.redirect", $social->getvalueByKey($service, 'redirect'));
        }
    }

    public function services()
    {
        return [
            'facebook',
            'google',
            'linkedin-openid',
        ];
    }
}
"""


def test_socialite_drivers_listed_beside_a_runtime_settings_write_are_sign_ins(run_detector):
    """Providers kept in the database and handed to Socialite at run time: the file writes
    `services.<driver>.client_id`/`.redirect` and lists Socialite's own drivers by name."""
    ev, _ = run_detector(DETECTOR, "app/Http/Controllers/Admin/SocialMedia/SocialMediaController.php",
                         SOCIAL_SETTINGS_CONTROLLER)
    assert [(e.line, e.service) for e in ev if e.kind == CALL] == [
        (19, "facebook-login"), (20, "google-oauth"), (21, "linkedin-oauth")]
    # config()->set('services.' . $driver . '.redirect', ...) beside a `$validDrivers` property
    manager = ("<?php\nclass SocialDriverManager {\n"
               "    protected array $validDrivers = ['github', 'gitlab', 'okta'];\n"
               "    public function configure(string $driverName) {\n"
               "        config()->set('services.' . $driverName . '.redirect', url('/login/' . $driverName));\n"
               "    }\n}\n")
    ev, _ = run_detector(DETECTOR, "app/Access/SocialDriverManager.php", manager)
    assert [e.service for e in ev if e.kind == CALL] == ["github-oauth", "gitlab-oauth"]  # okta has its own package


def test_socialite_driver_names_without_a_runtime_settings_write_are_no_sign_in(run_detector):
    # the same list where nothing hands Socialite its settings: an icon map, a ticket-source list
    listing = SOCIAL_SETTINGS_CONTROLLER.replace("\\Config::set(", "\\Log::info(")
    assert _found(run_detector, "app/Http/Controllers/Admin/SocialMedia/SocialMediaController.php", listing) == []
    # only reading the settings (`config('services.' . $p . '.redirect')`) writes nothing
    read = SOCIAL_SETTINGS_CONTROLLER.replace('\\Config::set("services.$service.redirect", ', "config('services.' . $service . '.redirect', ")
    read = read.replace('\\Config::set("services.$service.client_id", ', "config('services.' . $service . '.client_id', ")
    assert _found(run_detector, "app/Http/Controllers/Admin/SocialMedia/SocialMediaController.php", read) == []
    # a single driver in passing is no list of providers
    one = SOCIAL_SETTINGS_CONTROLLER.replace("'google',\n", "").replace("'linkedin-openid',\n", "")
    assert _found(run_detector, "app/Http/Controllers/Admin/SocialMedia/SocialMediaController.php", one) == []
    # in a comment it is nothing
    commented = SOCIAL_SETTINGS_CONTROLLER.replace("\\Config::set(", "// \\Config::set(")
    assert _found(run_detector, "app/Http/Controllers/Admin/SocialMedia/SocialMediaController.php", commented) == []


GO_CALLBACK_AUTHN = """\
package googlecallbackauthn

import (
	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/google"
)

const issuerURL string = "https://accounts.google.com"

func (a *AuthN) LoginURL(ctx context.Context, siteURL *url.URL, authDomain *AuthDomain) (string, error) {
	provider, _ := oidc.NewProvider(ctx, issuerURL)
	cfg := &oauth2.Config{ClientID: "x", Endpoint: provider.Endpoint()}
	return cfg.AuthCodeURL("state"), nil
}
"""


def test_authn_is_the_sign_in_machinery_and_a_run_together_go_package_names_its_vendor_first(run_detector):
    """`authn` abbreviates authentication: `callbackauthn/googlecallbackauthn/authn.go` is
    Google's sign-in (the package name is the vendor and its parents' words run together), not
    an uncatalogued "Authn"; the generic OIDC package beside it names no vendor."""
    rel = "pkg/authn/callbackauthn/googlecallbackauthn/authn.go"
    assert _found(run_detector, rel, GO_CALLBACK_AUTHN) == [(6, "google-oauth", "google")]
    oidc = GO_CALLBACK_AUTHN.replace("googlecallbackauthn", "oidccallbackauthn")
    assert _found(run_detector, "ee/authn/callbackauthn/oidccallbackauthn/authn.go", oidc) == []


def test_a_graphql_resolver_file_names_no_provider(run_detector):
    """The auth module's GraphQL mutations (`login` beside an SSO library's authorization URL):
    the file is named for the resolver layer, so `mutations` is no sign-in vendor."""
    src = """\
    const mutations = {
      async login(_parent, args, { models }) { return models.Users.login(args); },
      async loginWithGoogle(_parent, _params, { subdomain }) {
        const workos = new WorkOS(process.env.WORKOS_API_KEY);
        const authorizationURL = workos.sso.getAuthorizationUrl({ provider: 'GoogleOAuth', clientId });
        return authorizationURL;
      },
    };
    """
    ev, _ = run_detector(DETECTOR, "backend/core-api/src/modules/auth/graphql/resolvers/mutations.ts", src)
    assert all(e.get("sign_in") != "mutations" for e in ev)
