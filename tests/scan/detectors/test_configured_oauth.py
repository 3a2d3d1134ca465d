"""Sign-in through an OAuth2/OIDC provider configured by its endpoints (configured_oauth)."""

from __future__ import annotations

from mkdocs_integrations.scan.detectors.configured_oauth import DETECTOR


def test_passport_strategy_with_endpoints_from_the_environment(run_detector):
    ev, _ = run_detector(DETECTOR, "middleware/passport.js", """\
        const OAuth2Strategy = require('passport-oauth2');
        passport.use(new OAuth2Strategy({
            authorizationURL: process.env.OAUTH2_AUTH_URL,
            tokenURL: process.env.OAUTH2_TOKEN_URL,
            clientID: process.env.OAUTH2_CLIENT_ID,
        }, verify));
        """)
    assert [(e.service, e.line, e.name) for e in ev] == [("oidc", 3, "configured OAuth2 endpoints")]


def test_settings_of_an_app_prefix_and_sso_entries(run_detector):
    """An app's own prefix (`POSTIZ_`) is no vendor; Laravel's `SSO_ENDPOINT_*` names the step last."""
    ev, _ = run_detector(DETECTOR, "src/auth/oauth.provider.ts", """\
        const { POSTIZ_OAUTH_AUTH_URL, POSTIZ_OAUTH_TOKEN_URL } = process.env;
        """)
    assert [e.service for e in ev] == ["oidc"]
    ev, _ = run_detector(DETECTOR, "config/services.php", """\
        <?php
        return [
            'sso' => [
                'authorize' => env('SSO_ENDPOINT_AUTHORIZE'),
                'token' => env('SSO_ENDPOINT_TOKEN'),
                'user' => env('SSO_ENDPOINT_USER'),
            ],
        ];
        """)
    assert [(e.service, e.line) for e in ev] == [("oidc", 4)]
    ev, _ = run_detector(DETECTOR, "oauth2/client.py", """\
        def exchange(request, code):
            token_url = request.settings.oauth2_token_url
            user_url = request.settings.oauth2_user_url
            return requests.post(token_url, data={"code": code})
        """)
    assert [e.service for e in ev] == ["oidc"]


def test_a_vendors_flow_one_step_or_a_test_is_nothing(run_detector):
    """A name with a vendor in it, endpoints bound to a vendor's URL, the token endpoint alone
    (a route helper), or a test: not a provider the admin configures."""
    ev, _ = run_detector(DETECTOR, "app/services/discord_api.rb", """\
        DISCORD_OAUTH_TOKEN_URL = ENV["DISCORD_OAUTH_TOKEN_URL"]
        DISCORD_OAUTH_AUTHORIZE_URL = ENV["DISCORD_OAUTH_AUTHORIZE_URL"]
        """)
    assert ev == []
    ev, _ = run_detector(DETECTOR, "app/models/user.rb", """\
        OAUTH_TOKEN_URL = 'https://accounts.google.com/o/oauth2/token'
        OAUTH_AUTH_URL = ENV['OAUTH_AUTH_URL']
        """)
    assert ev == []
    ev, _ = run_detector(DETECTOR, "auth.py", """\
        def oauth_login():
            endpoint = (
                get_app_config("OAUTH_AUTHORIZATION_ENDPOINT")
                or get_config("oauth_authorization_endpoint")
                or "https://auth.vendor.org/oauth/authorize"
            )
            url = get_app_config("OAUTH_TOKEN_ENDPOINT") or "https://auth.vendor.org/oauth/token"
        """)
    assert ev == []
    ev, _ = run_detector(DETECTOR, "app/views/docs/authorize.rb", "url = oauth_token_url(code: code)\n")
    assert ev == []
    # (a comment is no configuration)
    ev, _ = run_detector(DETECTOR, "src/auth.js", """\
        // OAUTH2_AUTH_URL and OAUTH2_TOKEN_URL would go here
        const login = () => {};
        """)
    assert ev == []
    assert not DETECTOR.accepts("tests/oauth2_test.go", "oauth2_test.go", None)


def test_a_vendor_flow_beside_the_generic_one_does_not_absorb_it(tmp_path):
    """A Google strategy in the same file as the generic provider's configured endpoints: both
    are sign-in options (the generic one is not Google's client)."""
    from mkdocs_integrations.pipeline import build_inventory
    from mkdocs_integrations.scan import Scanner

    (tmp_path / "package.json").write_text('{"dependencies": {"passport-google-oauth20": "2.0.0", "passport-oauth2": "1.7.0"}}\n')
    (tmp_path / "passport.js").write_text(
        "const GoogleStrategy = require('passport-google-oauth20').Strategy;\n"
        "const OAuth2Strategy = require('passport-oauth2');\n"
        "passport.use(new GoogleStrategy({clientID: process.env.GOOGLE_CLIENT_ID}, verify));\n"
        "passport.use(new OAuth2Strategy({\n"
        "  authorizationURL: process.env.OAUTH2_AUTH_URL,\n"
        "  tokenURL: process.env.OAUTH2_TOKEN_URL,\n"
        "}, verify));\n")
    inv, _ = build_inventory(Scanner(), [tmp_path], tmp_path, analysis_date="2000-01-01")
    assert {"google-oauth", "oidc"} <= {u.id for u in inv.services}


def test_an_activitypub_vocabulary_term_is_no_setting(run_detector):
    ev, _ = run_detector(DETECTOR, "core/ld.py", """\
        CONTEXT = {
            "oauthAuthorizationEndpoint": {"@id": "as:oauthAuthorizationEndpoint", "@type": "@id"},
            "oauthTokenEndpoint": {"@id": "as:oauthTokenEndpoint", "@type": "@id"},
        }
        """)
    assert ev == []


def test_a_table_of_sign_in_providers_the_admin_adds(run_detector):
    """Astuto's providers are rows: `create_table "o_auths"` (Rails' table of an `OAuth` model) with
    the authorize, token and profile URLs as columns; a Django model or Laravel migration likewise."""
    ev, _ = run_detector(DETECTOR, "db/schema.rb", """\
        ActiveRecord::Schema.define(version: 2024_01_01_000000) do
          create_table "o_auths", force: :cascade do |t|
            t.string "name", null: false
            t.string "client_id", null: false
            t.string "client_secret", null: false
            t.string "authorize_url", null: false
            t.string "token_url", null: false
            t.string "profile_url", null: false
            t.string "scope", null: false
            t.string "json_user_email_path", null: false
          end

          create_table "posts", force: :cascade do |t|
            t.string "title"
          end
        end
        """)
    assert [(e.service, e.line) for e in ev] == [("oidc", 2)]
    ev, _ = run_detector(DETECTOR, "sso/models.py", """\
        from django.db import models

        class OAuthProvider(models.Model):
            name = models.CharField(max_length=64)
            authorization_endpoint = models.URLField()
            token_endpoint = models.URLField()
            userinfo_endpoint = models.URLField()
        """)
    assert [e.service for e in ev] == ["oidc"]
    ev, _ = run_detector(DETECTOR, "database/migrations/2024_01_01_create_oauth_providers_table.php", """\
        <?php
        Schema::create('oauth_providers', function (Blueprint $table) {
            $table->string('auth_url');
            $table->string('token_url');
            $table->string('user_info_url');
        });
        """)
    assert [e.service for e in ev] == ["oidc"]
    ev, _ = run_detector(DETECTOR, "migrations/20240101_sso_providers.js", """\
        exports.up = (knex) => knex.schema.createTable("sso_providers", (t) => {
          t.string("authorize_url");
          t.string("token_url");
          t.string("userinfo_url");
        });
        """)
    assert [e.service for e in ev] == ["oidc"]


def test_a_table_of_api_connections_or_tokens_is_no_sign_in(run_detector):
    """Stored OAuth credentials an app calls APIs with (authorize and token URLs, no profile), a
    table of issued tokens, or provider columns in a table of another name: no sign-in provider."""
    ev, _ = run_detector(DETECTOR, "db/schema.rb", """\
        ActiveRecord::Schema.define(version: 2024_01_01_000000) do
          create_table "oauth_credentials", force: :cascade do |t|
            t.string "authorize_url"
            t.string "token_url"
            t.string "refresh_token"
          end
          create_table "oauth_access_tokens", force: :cascade do |t|
            t.string "token", null: false
            t.string "refresh_token"
          end
          create_table "integrations", force: :cascade do |t|
            t.string "authorize_url"
            t.string "token_url"
            t.string "profile_url"
          end
        end
        """)
    assert ev == []
    # an authorization server's own metadata document (pydantic), not a provider it signs in with
    ev, _ = run_detector(DETECTOR, "server/oauth2/metadata.py", """\
        class OAuth2AuthorizationServerMetadata(BaseModel):
            issuer: str
            authorization_endpoint: str
            token_endpoint: str
            userinfo_endpoint: str | None = None
        """)
    assert ev == []
