"""Catalog entries added from the held-out corpus misses: each is found from the kind of
evidence real applications carry (a data edit, proved by a scan of a realistic snippet)."""

from __future__ import annotations

import pytest
from helpers import write_tree

from mkdocs_integrations.pipeline import build_inventory

WORKFLOW = """\
name: release
on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          username: ${{ secrets.DOCKERHUB_USERNAME }}
          password: ${{ secrets.DOCKERHUB_TOKEN }}
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
      - run: docker push ghcr.io/acme/app:latest
      - uses: codecov/codecov-action@v4
"""


# A GitHub Actions workflow around the given step lines (CI and hosting cases below).
def workflow_with_steps(*lines: str, runs_on: str = "ubuntu-latest") -> dict[str, str]:
    body = "".join(f"      {ln}\n" for ln in lines)
    return {".github/workflows/ci.yml": f"on: push\njobs:\n  d:\n    runs-on: {runs_on}\n    steps:\n      - uses: actions/checkout@v4\n{body}"}


CASES = {
    # Bolt as the app's embedded store (semaphore's db/bolt): go.mod and bbolt.Open on a file
    "boltdb": {"go.mod": "module example.com/app\n\ngo 1.22\n\nrequire go.etcd.io/bbolt v1.3.9\n",
               "db/bolt/store.go": 'package bolt\n\nimport "go.etcd.io/bbolt"\n\nfunc Open(p string) (*bbolt.DB, error) { return bbolt.Open(p, 0666, nil) }\n'},
    # a settings page offering a shields.io Endpoint badge of the user's stats (shields fetches the app's JSON)
    "shields-io": {"templates/settings.html": '<img src="https://img.shields.io/endpoint?url={{ base_url }}/api/badge/{{ user.id }}&label=Coding%20time" alt="badge">\n'},
    # a settings page showing a GitHub Readme Stats card fed by the app's WakaTime-compatible API
    "github-readme-stats": {"templates/settings.html": '<img src="https://github-readme-stats.vercel.app/api/wakatime?username={{ user.id }}&api_domain={{ domain }}" alt="stats">\n'},
    # Mercure hub (shlink): Symfony's Mercure component publishing updates, the hub in compose
    "mercure": {"config/autoload/mercure.global.php": "<?php\nuse Symfony\\Component\\Mercure\\Hub;\nuse Symfony\\Component\\Mercure\\HubInterface;\nreturn ['mercure' => ['public_hub_url' => getenv('MERCURE_PUBLIC_HUB_URL')]];\n",
                "docker-compose.yml": "services:\n  mercure:\n    image: dunglas/mercure:v0.18\n"},
    # vendors of provider packages (casdoor): a multi-vendor library's vendor subpackage, a vendor SDK module
    "bark": {"notification/bark.go": 'package notification\n\nimport "github.com/nikoksr/notify/service/bark"\n\nvar _ = bark.New\n'},
    "line-messaging": {"notification/line.go": 'package notification\n\nimport "github.com/casdoor/notify2/service/line"\n\nvar _ = line.New\n'},
    "google-chat": {"notification/google_chat.go": 'package notification\n\nimport "github.com/nikoksr/notify/service/googlechat"\n\nvar _ = googlechat.New\n'},
    "alipay": {"pp/alipay.go": 'package pp\n\nimport "github.com/go-pay/gopay/alipay"\n\nvar _ = alipay.NewClient\n'},
    "wechat-pay": {"pp/wechatpay.go": 'package pp\n\nimport "github.com/go-pay/gopay/wechat/v3"\n\nvar _ = wechat.NewClientV3\n'},
    "polar": {"pp/polar.go": 'package pp\n\nimport polargo "github.com/polarsource/polar-go"\n\nvar _ = polargo.New\n'},
    "alibaba-cloud-facebody": {"faceId/aliyun.go": 'package faceId\n\nimport facebody "github.com/alibabacloud-go/facebody-20191230/v5/client"\n\nvar _ = facebody.NewClient\n'},
    "alibaba-cloud-pnvs": {"object/sms_pnvs.go": 'package object\n\nimport "github.com/aliyun/alibaba-cloud-sdk-go/services/dypnsapi"\n\nvar _ = dypnsapi.NewClient\n'},
    "whois": {"object/cert_whois.go": 'package object\n\nimport "github.com/likexian/whois"\n\nvar _ = whois.Whois\n'},
    "radius": {"object/mfa_radius.go": 'package object\n\nimport "layeh.com/radius"\n\nvar _ = radius.Exchange\n'},
    "google-workspace": {"object/syncer_gws.go": 'package object\n\nimport admin "google.golang.org/api/admin/directory/v1"\n\nfunc f() { admin.NewService(nil) }\n'},
    "wecom": {"object/sync_wecom.go": 'package object\n\nconst u = "https://qyapi.weixin.qq.com/cgi-bin/gettoken"\n'},
    "docker-hub": {".github/workflows/release.yml": WORKFLOW},
    "github-container-registry": {".github/workflows/release.yml": WORKFLOW},
    "codecov": {".github/workflows/release.yml": WORKFLOW},
    "pagerduty": {"alerts/pd.py": 'import requests\nURL = "https://events.pagerduty.com/v2/enqueue"\nrequests.post(URL, json={})\n'},
    "microsoft-teams": {"notify/teams.py": "import os\nos.environ.get('MSTEAMS_WEBHOOK_URL')\n"},
    "skylight": {"Gemfile": "source 'https://rubygems.org'\ngem 'skylight'\n"},
    "laravel-nightwatch": {"composer.json": '{"require": {"laravel/nightwatch": "^1.0"}}'},
    "web-push": {"package.json": '{"dependencies": {"web-push": "^3.6.0"}}'},
    "aws-secrets-manager": {
        "Gemfile": "gem 'aws-sdk-secretsmanager'\n",
        "config/dotenv.rb": "require 'aws-sdk-secretsmanager'\nclient = Aws::SecretsManager::Client.new\n",
    },
    "firebase-cloud-messaging": {
        "server/push.go": 'package server\n\nimport (\n\t"firebase.google.com/go/v4/messaging"\n)\n\nvar _ = messaging.Message{}\n',
    },
    "aws-s3": {"media/s3.go": 'package media\n\nimport "fmt"\n\nfunc url(r string) string { return fmt.Sprintf("https://s3.%s.amazonaws.com", r) }\n'},
    "postgresql": {".env.example": "DB_CONNECTION=pgsql\nDB_HOST=127.0.0.1\n"},
    "crisp": {"package.json": '{"dependencies": {"crisp-sdk-web": "^1.0.0"}}'},
    "plain": {".env.example": "PLAIN_APP_ID=\n"},
    "cal-com": {"package.json": '{"dependencies": {"@calcom/embed-snippet": "^1.3.0"}}'},
    "cube": {"package.json": '{"dependencies": {"@cubejs-client/core": "^1.0.0"}}'},
    "haveibeenpwned": {"auth/hibp.ts": 'export const HIBP = "https://api.pwnedpasswords.com/range";\nfetch(HIBP + "/ABCDE");\n'},
    "azure-document-intelligence": {"pyproject.toml": '[project]\nname = "x"\ndependencies = ["azure-ai-documentintelligence>=1.0"]\n'},
    "diagrams-net": {"app/csp.php": "<?php\n$frame = 'https://embed.diagrams.net/';\n"},
    "apple-app-store": {"package.json": '{"dependencies": {"@apple/app-store-server-library": "^1.0.0"}}'},
    "unkey": {"package.json": '{"dependencies": {"@unkey/api": "^2.0.0"}}'},
    "depot": {".github/workflows/build.yml": "on: push\njobs:\n  b:\n    runs-on: depot-ubuntu-24.04\n    steps:\n      - uses: depot/build-push-action@v1\n"},
    "hatchbox": {"hatchbox/post-deploy": "bin/rails db:migrate\n"},
    "gitea-oauth": {"api/authentication/provider/oauth/gitea.py": "class GiteaOAuthProvider:\n    pass\n"},
    "kubernetes": {".github/workflows/preview.yml": "on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: helm --kube-insecure-skip-tls-verify upgrade --install app ./chart\n"},
    "google-pubsub": {".env.example": "GOOGLE_PUBSUB_TOPIC_NAME=\n"},
    "google-oauth": {".env.example": "PAPERLESS_GMAIL_OAUTH_CLIENT_ID=\n"},  # an app-prefixed credential
    "letsencrypt": {"cmd/web.go": 'package cmd\n\nimport "golang.org/x/crypto/acme/autocert"\n\nvar m = autocert.Manager{Prompt: autocert.AcceptTOS}\n'},
    "trello": {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/adlio/trello v1.12.0\n",
               "migration/trello.go": 'package migration\n\nimport "github.com/adlio/trello"\n\nvar c = trello.NewClient("k", "t")\n'},
    "avalara-avatax": {"plugins/avatax/client.py": 'import requests\nBASE = "https://rest.avatax.com/api/v2/"\nrequests.post(BASE + "transactions/createoradjust")\n'},
    "aws-ecr": {".github/workflows/deploy.yml": "on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/amazon-ecr-login@v2\n      - run: docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest\n"},
    "iframely": {".env.example": "IFRAMELY_URL=\nIFRAMELY_API_KEY=\n",
                 "server/iframely.ts": 'const defaultUrl = "https://iframe.ly";\nexport const get = (u: string) => fetch(`${defaultUrl}/api/oembed?url=${u}`);\n'},
    "youtube": {"lib/youtube.ts": 'const key = process.env.YOUTUBE_API_KEY;\nfetch(`https://www.googleapis.com/youtube/v3/channels?part=statistics&key=${key}`);\n'},
    "lastfm": {"config/koel.php": "<?php\nreturn ['lastfm' => ['endpoint' => 'https://ws.audioscrobbler.com/2.0']];\n"},
    "itunes": {".env.example": "USE_ITUNES=true\n",
               "app/Services/ITunesService.php": "<?php\n$url = 'https://itunes.apple.com/search?term=' . urlencode($q);\n"},
    "ticketmaster": {".env.example": "TICKETMASTER_API_KEY=\n"},
    "zapier": {"lib/zapier.ts": 'await fetch("https://hooks.zapier.com/hooks/catch/123/abc/", { method: "POST" });\n'},
    "wsrv": {"lib/img.ts": 'export const proxied = (u: string) => `https://wsrv.nl/?url=${u}&w=64`;\n'},
    "appsflyer": {"lib/appsflyer.ts": 'await fetch("https://api2.appsflyer.com/inappevent/app", { method: "POST" });\n'},
    "singular": {".env.example": "SINGULAR_API_KEY=\n"},
    "incident-io": {"alerts/incidentio.go": 'package alerts\n\nconst URL = "https://api.incident.io/v2/alert_events/http/"\n'},
    "squadcast": {"alerting/provider/squadcast/squadcast.go": 'package squadcast\n\nimport "net/http"\n\nfunc Send(u string) { http.Post(u, "application/json", nil) }\n'},
    "signl4": {"alerts/signl4.py": 'import requests\nrequests.post(f"https://connect.signl4.com/webhook/{secret}", json={})\n'},
    "webex": {"notify/webex.ts": 'await fetch("https://webexapis.com/v1/messages", { method: "POST" });\n'},
    "ifttt": {"notify/ifttt.ts": 'await fetch(`https://maker.ifttt.com/trigger/${event}/with/key/${key}`, { method: "POST" });\n'},
    "n8n": {".env.example": "N8N_WEBHOOK_URL=\n"},
    "signal": {"notifications/signal/signal.go": 'package signal\n\nimport "net/http"\n\nfunc Send(api string) { http.Post(api+"/v2/send", "application/json", nil) }\n'},
    "gnu-taler": {"Gemfile": "source 'https://rubygems.org'\ngem 'taler'\n"},
    "campfire": {"Gemfile": "source 'https://rubygems.org'\ngem 'campy'\n"},
    "hoiio": {"Gemfile": "source 'https://rubygems.org'\ngem 'hoi'\n"},
    "knapsack-pro": {"Gemfile": "group :test do\n  gem 'knapsack_pro'\nend\n"},
    "google-cloud-iap": {"go.mod": "module x\n\ngo 1.22\n\nrequire google.golang.org/api v0.200.0\n",
                         "client/config.go": 'package client\n\nimport "google.golang.org/api/idtoken"\n\ntype IAPConfig struct {\n\tAudience string `yaml:"audience"`\n}\n\ntype Config struct {\n\tIAP *IAPConfig `yaml:"identity-aware-proxy,omitempty"`\n}\n\nvar _ = idtoken.Validate\n'},
    "paypal": {"composer.json": '{"require": {"akaunting/module-paypal-standard": "^3.0"}}'},
    "upstash-vector": {"package.json": '{"dependencies": {"@upstash/vector": "^1.1.0"}}',
                       "lib/vector.ts": 'import { Index } from "@upstash/vector";\nexport const index = new Index({ url: process.env.UPSTASH_VECTOR_REST_URL });\n'},
    "vercel-edge-config": {"package.json": '{"dependencies": {"@vercel/edge-config": "^1.0.0"}}',
                           "lib/flags.ts": 'import { get } from "@vercel/edge-config";\nexport const blocked = () => get("blocklist");\n'},
    "sftp": {"composer.json": '{"require": {"league/flysystem-sftp-v3": "^3.0"}}'},
    "webdav": {"composer.json": '{"require": {"league/flysystem-webdav": "^3.0"}}'},
    "short-io": {"lib/import/short.ts": 'await fetch("https://api.short.io/api/domains", { headers: { authorization: key } });\n'},
    "cloudflare-r2": {"package.json": '{"dependencies": {"aws4fetch": "^1.0.0"}}',
                      "lib/storage.ts": 'import { AwsClient } from "aws4fetch";\nexport const r2 = new AwsClient({ accessKeyId: a, secretAccessKey: b, region: "auto", service: "s3" });\n'},
    "pop3": {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/knadh/go-pop3 v0.3.0\n",
             "bounce/pop.go": 'package bounce\n\nimport "github.com/knadh/go-pop3"\n\nvar p = pop3.New(pop3.Opt{})\n'},
    "forwardemail": {"internal/bounce/webhooks/forwardemail.go": "package webhooks\n\nfunc (f *Forwardemail) ProcessBounce(b []byte) error { return nil }\n"},
    "lettermint": {"internal/bounce/webhooks/lettermint.go": "package webhooks\n\nfunc (l *Lettermint) ProcessBounce(b []byte) error { return nil }\n"},
    "dub": {"package.json": '{"dependencies": {"dub": "^0.71.5"}}', "lib/dub.ts": 'import { Dub } from "dub";\nexport const dub = new Dub();\n'},
    "asana": {"taiga/importers/asana/api.py": "import asana\nclient = asana.Client.oauth(client_id=cid)\n"},
    "pivotal-tracker": {"importers/pivotal/api.py": 'import requests\nrequests.get("https://www.pivotaltracker.com/services/v5/projects")\n'},
    "bitbucket": {"taiga/hooks/bitbucket/api.py": "def handle_push(payload):\n    return payload\n"},
    "openstreetmap-nominatim": {"web/src/map.ts": 'fetch(`https://nominatim.openstreetmap.org/reverse?lat=${lat}&lon=${lon}&format=json`);\n'},
    "carto-basemaps": {"web/src/map.tsx": 'const tiles = "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png";\n'},
    "microsoft-office-viewer": {"components/viewer.tsx": 'const src = `https://view.officeapps.live.com/op/embed.aspx?src=${url}`;\n'},
    "jitsu": {"package.json": '{"dependencies": {"@jitsu/js": "^1.10.4"}}'},
    "aws-cloudfront": {"package.json": '{"dependencies": {"@aws-sdk/cloudfront-signer": "^3.0.0"}}'},
    "patreon-oauth": {".env.example": "AUTH_PATREON_CID=\nAUTH_PATREON_CSEC=\n"},
    "yandex-oauth": {"app/cmd/server.go": 'package cmd\n\ntype Opts struct {\n\tYandex AuthGroup `env-namespace:"AUTH_YANDEX"`\n}\n\n'
                                          'type AuthGroup struct {\n\tCID string `env:"CID"`\n}\n'},
    "wordpress-oauth": {"web/src/env.mjs": "export const id = process.env.AUTH_WORDPRESS_CLIENT_ID;\n"},
    "onelogin": {"web/src/env.mjs": "export const id = process.env.AUTH_ONELOGIN_CLIENT_ID;\n"},
    "jumpcloud": {"web/src/env.mjs": "export const id = process.env.AUTH_JUMPCLOUD_CLIENT_ID;\n"},
    "xero": {"app/services/integrations/xero/sync_service.rb": "class SyncService\nend\n"},
    "netsuite": {"app/models/integrations/netsuite_integration.rb": "class NetsuiteIntegration\nend\n"},
    "anrok": {"app/models/integrations/anrok_integration.rb": "class AnrokIntegration\nend\n"},
    "eu-vies": {"Gemfile": "gem 'valvat'\n"},
    "moneyhash": {"app/models/moneyhash_provider.rb": 'API_URL = "https://web.moneyhash.io"\n'},
    "apache-superset": {"app/services/superset/client.rb": 'url = ENV["SUPERSET_URL"]\n'},
    "prometheus": {"Gemfile": "gem 'yabeda-prometheus'\n"},
    "gotenberg": {"app/pdf.rb": 'URI.join(ENV["LAGO_PDF_URL"], "/forms/chromium/convert/html")\n'},
    "crowdin": {".github/workflows/release.yml": "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: crowdin/github-action@v2\n        with:\n          download_translations: true\n"},
    "gitea": {"app/Http/Controllers/Webhook/Gitea.php": "<?php\nclass Gitea extends Controller {\n    public function manual(Request $r) { $e = $r->header('X-Gitea-Event'); }\n}\n"},
    "usda-fooddata-central": {"views/api.py": 'import requests\nrequests.get(f"https://api.nal.usda.gov/fdc/v1/foods/search?query={q}")\n'},
    "home-assistant": {"cookbook/connectors/homeassistant.py": "from aiohttp import ClientSession\n\nasync def add(url):\n    async with ClientSession() as s:\n        await s.post(url + '/api/services/todo/add_item')\n"},
    "nextcloud": {"requirements.txt": "nc-py-api==0.30.3\n"},
    "github-oauth": {"bootstrap/helpers/socialite.php": "<?php\n$map = ['github' => \\Laravel\\Socialite\\Two\\GithubProvider::class];\n"},
    "bitbucket-oauth": {"bootstrap/helpers/socialite.php": "<?php\n$map = ['bitbucket' => \\Laravel\\Socialite\\Two\\BitbucketProvider::class];\n"},
    "infomaniak-oauth": {"composer.json": '{"require": {"socialiteproviders/infomaniak": "^4.0"}}'},
    "authentik": {"composer.json": '{"require": {"socialiteproviders/authentik": "^5.0"}}'},
    "axiom": {"app/Actions/StartLogDrain.php": "<?php\n$config = '\n[OUTPUT]\n    Name http\n    Host api.axiom.co\n    Port 443\n';\n"},
    "highlight": {"app/Actions/StartLogDrain.php": "<?php\n$config = '\n[OUTPUT]\n    Name forward\n    Host otel.highlight.io\n';\n"},
    "plausible": {"resources/views/layouts/base.blade.php": '<script defer data-domain="app.tinystats.net" src="https://analytics.tinystats.net/js/plausible.js"></script>\n'},
    "soketi": {"docker/realtime/Dockerfile": "FROM quay.io/soketi/soketi:1.6-16-alpine\n"},
    "ifconfig-io": {"helpers/ip.php": "<?php\n$ip = shell_exec('curl -4s https://ifconfig.io');\n"},
    "expo-eas": {"apps/mobile/eas.json": '{"build": {"production": {"channel": "production"}}}'},
    "google-play-billing": {"lib/billing/play.ts": 'const API = "https://androidpublisher.googleapis.com/androidpublisher/v3/applications";\n'},
    "duckduckgo-icons": {"pages/api/favicon.ts": 'const url = `https://icons.duckduckgo.com/ip3/${host}.ico`;\n'},
    "authelia": {".env.example": "AUTHELIA_CLIENT_ID=\nAUTHELIA_CLIENT_SECRET=\n"},
    "synology-sso": {".env.example": "SYNOLOGY_WELLKNOWN_URL=\nSYNOLOGY_CLIENT_ID=\n"},
    "archive-org": {"lib/wayback.ts": 'await fetch(`https://web.archive.org/save/${url}`);\n'},
    "kobo-store": {"app/kobo.py": 'import requests\nSTORE = "https://storeapi.kobo.com"\nrequests.get(STORE + "/v1/initialization")\n'},
    "google-books": {"app/google.py": 'import requests\nrequests.get("https://www.googleapis.com/books/v1/volumes?q=" + q)\n'},
    "goodreads": {"app/gr.py": "from goodreads.client import GoodreadsClient\n"},
    "google-scholar": {"requirements.txt": "scholarly>=1.2\n"},
    "comicvine": {"app/cv.py": 'import requests\nrequests.get("https://comicvine.gamespot.com/api/search")\n'},
    "douban": {"app/db.py": 'import requests\nrequests.get("https://www.douban.com/j/search")\n'},
    "lubimyczytac": {"app/lc.py": 'import requests\nBASE_URL = "https://lubimyczytac.pl"\n'},
    "duende-identityserver": {"lib/auth.ts": 'import Duende from "next-auth/providers/duende-identity-server6";\n'},
    "identityserver4": {"Auth/Auth.csproj": '<Project><ItemGroup><PackageReference Include="IdentityServer4" Version="4.1.2" /></ItemGroup></Project>'},
    "osso": {"lib/auth.ts": 'import OssoProvider from "next-auth/providers/osso";\n'},
    "united-effects": {"lib/auth.ts": 'import UE from "next-auth/providers/united-effects";\n'},
    "flask-dance": {"requirements.txt": "Flask-Dance==7.0\n"},
    "open-food-facts": {"pyproject.toml": '[project]\nname = "x"\ndependencies = ["openfoodfacts~=5.3.0"]\n',
                        "nutrition/sync.py": "from openfoodfacts import API\napi = API(user_agent='x')\n"},
    "powersync": {"settings/main.py": "import os\nPOWERSYNC_URL = os.environ.get('POWERSYNC_URL')\n"},
    "headless-chrome": {"docker/chrome/Dockerfile": "FROM docker.io/chromedp/headless-shell:138.0\n"},
    "browserless": {"docker-compose.yml": "services:\n  browser:\n    image: ghcr.io/browserless/chromium:latest\n"},
    "bitwarden-push-relay": {"src/config.rs": 'fn relay() -> String { "https://push.bitwarden.com".to_owned() }\n'},
    "duo-security": {"src/two_factor/duo.rs": 'async fn check(host: &str) { let url = format!("https://{host}/auth/v2/check"); }\n'},
    "yubico": {"Cargo.toml": '[package]\nname = "x"\n\n[dependencies]\nyubico_ng = { version = "1.0.0" }\n'},
    "oidc": {"packages/shared/config.ts": 'const s = z.object({\n  OAUTH_WELLKNOWN_URL: z.string().url().optional(),\n});\nexport const c = s.parse(process.env);\n'},
    "giphy": {"package.json": '{"dependencies": {"@giphy/js-fetch-api": "^5.0.0"}}'},
    "pexels": {"package.json": '{"dependencies": {"pexels": "^1.4.0"}}'},
    "google-fonts": {"components/FontForm.tsx": 'const r = await fetch(`https://www.googleapis.com/webfonts/v1/webfonts?key=${key}`);\n'},
    "whatsapp": {"lib/whatsapp/send.ts": 'await ky.post(url, { json: { messaging_product: "whatsapp", to, text } });\n'},
    "dify": {"package.json": '{"dependencies": {"dify-ai-provider": "^0.1.0"}}'},
    "partykit": {"packages/realtime/partykit.json": '{"name": "app", "main": "src/server.ts"}'},
    "npm-registry": {".github/workflows/publish.yml": "on: push\njobs:\n  p:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cd packages/js && bun publish --access public\n"},
    "stripe": {"src/environments/environment.prod.ts": 'export const environment = { buyLink: "https://buy.stripe.com/00gcOQanFajG0hi5ko" };\n'},
    "evernote": {"Gemfile": "gem 'evernote_oauth'\n"},
    "hipchat": {"Gemfile": "gem 'hipchat'\n"},
    "aws-mechanical-turk": {"Gemfile": "gem 'rturk'\n"},
    "pirate-weather": {"Gemfile": "gem 'pirate_weather_forecast_ruby'\n"},
    "google-chart-api": {"app/helpers/dot_helper.rb": "faraday.post('https://chart.googleapis.com/chart', { cht: 'gv' })\n"},
    "xmpp": {"Gemfile": "gem 'xmpp4r'\n"},
    "ftp": {"app/agents/ftp_site.rb": "require 'net/ftp'\nftp = Net::FTP.new\n"},
    "imap": {"app/agents/imap_folder.rb": "require 'net/imap'\nimap = Net::IMAP.new(host)\n"},
    "mqtt": {"Gemfile": "gem 'mqtt'\n"},
    "google-translate": {"Gemfile": "gem 'google-cloud-translate-v2'\n"},
    "google-calendar": {"package.json": '{"dependencies": {"@fullcalendar/google-calendar": "^6.1.0"}}'},
    "ldap": {"src/Ldap/LdapDriver.php": "<?php\nuse Laminas\\Ldap\\Ldap;\n$ldap = new Ldap($options);\n"},
    "smtp": {"composer.json": '{"require": {"symfony/mailer": "^6.0"}}'},
    "recaptcha": {"app/webhook.rb": "faraday.post('https://www.google.com/recaptcha/api/siteverify', params)\n"},
    "jira": {"app/jira_agent.rb": 'HTTParty.get("#{jira_url}/rest/api/2/search?jql=#{jql}")\n'},
    "openshift": {"openshift/templates/app-mysql.json": '{"kind": "Template", "apiVersion": "v1"}'},
    # AWS services reached through boto3 (weak package + a call that is the service's own),
    # here through an app's own decorator around boto3.client (`@sts_client("acm")`).
    "aws-acm": {"requirements.txt": "boto3==1.35\n", "certs/acm.py": '@sts_client("acm")\ndef upload(**kw):\n    kw["client"].import_certificate()\n'},
    "aws-iam": {"requirements.txt": "boto3==1.35\n", "certs/iam.py": 'import boto3\niam = boto3.client("iam")\n'},
    "aws-route53": {"requirements.txt": "boto3==1.35\n", "dns/r53.py": 'import boto3\nr53 = boto3.client("route53")\n'},
    "aws-sts": {"requirements.txt": "boto3==1.35\n", "aws/sts.py": 'import boto3\nsts = boto3.client("sts")\nsts.assume_role(RoleArn=arn, RoleSessionName="x")\n'},
    "aws-elb": {"requirements.txt": "boto3==1.35\n", "aws/elb.py": 'import boto3\nelb = boto3.client("elbv2")\n'},
    "digicert": {"ca/digicert.py": 'import requests\nurl = f"{base}/services/v2/order/certificate/{order_id}"\nrequests.get(url)\n'},
    "entrust": {"ca/entrust.py": 'import requests\nrequests.post("https://api.entrust.net/enterprise/v2/certificates")\n'},
    "google-cas": {"requirements.txt": "google-cloud-private-ca==1.12\n"},
    "microsoft-adcs": {"ca/adcs.py": "from certsrv import Certsrv\nca = Certsrv(server, user, pwd)\n", "requirements.txt": "certsrv[ntlm]==2.1\n"},
    "cfssl": {"ca/cfssl.py": 'import requests\nrequests.post(base + "/api/v1/cfssl/sign", json=body)\n'},
    "ns1": {"dns/ns1.py": 'import requests\nrequests.get("https://api.nsone.net/v1/zones/example.com")\n'},
    "dyn": {"requirements.txt": "dyn==1.8.6\n", "dns/dyn.py": "from dyn.tm.session import DynectSession\n"},
    "ultradns": {"dns/ultra.py": 'import requests\nrequests.post("https://api.ultradns.com/authorization/token")\n'},
    "powerdns": {"docker-compose.yml": "services:\n  pdns:\n    image: powerdns/pdns-auth-48:4.8.4\n"},
    "fido-alliance-mds": {"internal/webauthn/mds.go": 'package webauthn\n\nimport (\n\t"net/http"\n\t"github.com/go-webauthn/webauthn/metadata"\n)\n\nfunc f() { http.NewRequest(http.MethodGet, metadata.ProductionMDSURL, nil) }\n'},
    "ping-identity": {"lib/auth.ts": 'import PingId from "next-auth/providers/ping-id";\n'},
    "cloudflare-ntp": {"internal/ntp/config.go": 'package ntp\n\nvar Default = &url.URL{Scheme: "udp", Host: "time.cloudflare.com:123"}\n'},
    "pypi": {".github/workflows/release.yml": "on: release\njobs:\n  p:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: pypa/gh-action-pypi-publish@release/v1\n"},
    "libravatar": {"src/users/users.service.ts": 'export const photo = (hash: string) => `https://seccdn.libravatar.org/avatar/${hash}`;\n'},
    "maxmind": {"package.json": '{"dependencies": {"maxmind": "^5.0.5"}}',
                "src/lib/detect.ts": 'import maxmind from "maxmind";\nexport const open = (p: string) => maxmind.open(p);\n'},
    # Self-hosted media products: client classes, API paths, env names, images.
    "sonarr": {"server/api/servarr/sonarr.ts": "class SonarrAPI extends ServarrBase {\n  list() { return this.get('/series'); }\n}\n"},
    "radarr": {"app/arr.py": 'import requests\nrequests.get(f"{base}/api/v3/movie", headers={"X-Api-Key": key})\n'},
    "lidarr": {"docker-compose.yml": "services:\n  lidarr:\n    image: lscr.io/linuxserver/lidarr:latest\n"},
    "prowlarr": {".env.example": "PROWLARR_URL=\nPROWLARR_API_KEY=\n"},
    "radarr-imdb-proxy": {"server/api/rating/imdb.ts": 'const base = "https://api.radarr.video/v1";\nfetch(`${base}/movie/imdb/${id}`);\n'},
    "jellyfin": {"server/api/jellyfin.ts": "class JellyfinAPI extends ExternalAPI {\n  constructor(host: string) { super(host); }\n}\n"},
    "emby": {"server/api/media.ts": "const headers = { 'X-Emby-Authorization': `MediaBrowser Client=\"app\", Token=\"${token}\"` };\n"},
    "plex": {"package.json": '{"dependencies": {"plex-api": "^5.3.2"}}'},
    "plex-oauth": {"src/utils/plex.ts": "const res = await fetch('https://plex.tv/api/v2/pins?strong=true', { method: 'POST' });\n"},
    "tautulli": {".env.example": "TAUTULLI_URL=\nTAUTULLI_API_KEY=\n"},
    "lunasea": {"notify/lunasea.py": 'import requests\nrequests.post("https://notify.lunasea.app/v1/custom/user/abc", json={})\n'},
    "immich": {"app/services/immich/request_photos.rb": 'url = "#{settings.immich_url}/api/search/metadata"\nHTTParty.post(url)\n'},
    "photoprism": {"app/services/photos/thumbnail.rb": 'path = "/api/v1/t/#{id}/#{token}/tile_500"\n'},
    # Geocoders selected by name in a geocoding library's configuration.
    "photon": {"config/initializers/geocoder.rb": "settings[:lookup] = :photon\nGeocoder.configure(settings)\n"},
    "geoapify": {"config/initializers/geocoder.rb": "Geocoder.configure(lookup: :geoapify, api_key: ENV['GEO_KEY'])\n"},
    "locationiq": {"geo.py": "from geopy.geocoders import LocationIQ\ng = LocationIQ(api_key=key)\n"},
    "openstreetmap": {"app/javascript/maps.js": "L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', { maxZoom: 19 }).addTo(map);\n"},
    "quickbooks": {"accounting/qbo.ts": 'const base = env === "sandbox" ? "https://sandbox-quickbooks.api.intuit.com" : "https://quickbooks.api.intuit.com";\nawait fetch(`${base}/v3/company/${realm}/query`);\n'},
    "logo-dev": {"utils/logos.ts": "export const logo = (d: string) => `https://img.logo.dev/${d}?token=${process.env.LOGO_DEV_TOKEN}`;\n"},
    "sigstore": {"Gemfile": "source 'https://rubygems.org'\ngem 'sigstore', '~> 0.2'\n"},
    "scaleway-container-registry": {".github/workflows/build.yml": "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          registry: rg.fr-par.scw.cloud/acme\n          password: ${{ secrets.SCW_SECRET_KEY }}\n"},
    # A deployment profile named after the platform (Django's settings/clever-cloud.py).
    "clever-cloud": {"app/settings/clever-cloud.py": 'from .base import *\nimport os\nHOST = os.getenv("POSTGRESQL_ADDON_HOST")\n'},
    "steam": {"server/monitor-types/steam.js": 'const axios = require("axios");\nconst url = "https://api.steampowered.com/IGameServersService/GetServerList/v1/";\naxios.get(url);\n'},
    "nextcloud-talk": {"server/notify/talk.js": 'const axios = require("axios");\naxios.post(`${host}/ocs/v2.php/apps/spreed/api/v1/bot/${token}/message`, body);\n'},
    "dingtalk": {"server/notification-providers/dingding.js": 'const axios = require("axios");\nmodule.exports = (n, msg) => axios.post(n.webHookUrl, { msgtype: "text", text: { content: msg } });\n'},
    "globalping": {"package.json": '{"dependencies": {"globalping": "~0.2.0"}}'},
    "iana-rdap": {"server/model/domain.js": 'const r = await fetch("https://data.iana.org/rdap/dns.json");\n'},
    "rybbit": {"server/analytics/rybbit-analytics.js": 'const tag = (url, id) => `<script defer src="${url}" data-site-id="${id}"></script>`;\nmodule.exports = { tag };\n'},
    "cloudflare": {"package.json": '{"dependencies": {"node-cloudflared-tunnel": "~1.0.10"}}'},
    # gtag.js alone is Google Analytics' tag (Tag Manager's own is gtm.js)
    "google-analytics": {"lib/analytics.js": 'export const analytics = { tag: (gaMeasurementId) => `<script async src="https://www.googletagmanager.com/gtag/js?id=${gaMeasurementId}"></script>` };\n'},
    "umami": {"server/analytics/umami-analytics.js": 'const tag = (url, id) => `<script defer src="${url}" data-website-id="${id}"></script>`;\nmodule.exports = { tag };\n'},
    # delivery providers of a notification platform (packages/providers/src/lib/<channel>/<vendor>/)
    "africas-talking": {"package.json": '{"dependencies": {"africastalking": "^0.6.2"}}'},
    "bandwidth": {"package.json": '{"dependencies": {"@bandwidth/messaging": "^4.1.0"}}'},
    "braze": {"package.json": '{"dependencies": {"braze-api": "^1.2.0"}}'},
    "burst-sms": {"sms/burst.ts": 'await fetch("https://api.transmitsms.com/send-sms.json", { method: "POST" });\n'},
    "eazy-sms": {"sms/eazy.ts": 'await fetch("https://api.eazy.im/v3/messages", { method: "POST" });\n'},
    "gupshup": {"sms/gupshup.ts": 'await fetch("https://enterprise.smsgupshup.com/GatewayAPI/rest", { method: "POST" });\n'},
    "kannel": {"packages/providers/src/lib/sms/kannel/kannel.provider.ts": "export class KannelSmsProvider {}\n"},
    "plunk": {"package.json": '{"dependencies": {"@plunk/node": "^3.0.0"}}'},
    "pushpad": {"package.json": '{"dependencies": {"pushpad": "^1.0.0"}}'},
    "seven-io": {"package.json": '{"dependencies": {"sms77-client": "^2.14.0"}}', "sms/seven.ts": 'import Sms77Client from "sms77-client";\nnew Sms77Client(key).sms({ to, text });\n'},
    "ringcentral": {"package.json": '{"dependencies": {"@ringcentral/sdk": "^5.0.0"}}'},
    "netcore": {"mail/netcore.ts": 'await fetch("https://emailapi.netcorecloud.net/v5.1/mail/send", { method: "POST" });\n'},
    "sms-central": {"sms/central.ts": 'await fetch("https://my.smscentral.com.au/api/v3.2", { method: "POST" });\n'},
    "isend-sms": {"sms/isend.ts": 'await fetch("https://send.com.ly/api/v3/sms/send", { method: "POST" });\n'},
    "pusher-beams": {"push/beams.ts": 'await fetch(`https://${id}.pushnotifications.pusher.com/publish_api/v1/instances/${id}/publishes`, { method: "POST" });\n'},
    "azure-communication-services": {"package.json": '{"dependencies": {"@azure/communication-sms": "^1.1.0"}}'},
    "outlook365": {"mail/outlook.ts": 'import nodemailer from "nodemailer";\nnodemailer.createTransport({ host: "smtp.office365.com", port: 587 });\n'},
    "ryver": {"packages/providers/src/lib/chat/ryver/ryver.provider.ts": "export class RyverChatProvider {}\n"},
    "grafana-oncall": {"packages/providers/src/lib/chat/grafana-on-call/grafana-on-call.provider.ts": "export class GrafanaOnCallChatProvider {}\n"},
    "stream": {"packages/providers/src/lib/chat/getstream/getstream.provider.ts": "export class GetstreamChatProvider {}\n"},
    "aws-memorydb": {"lib/cache.ts": "const host = process.env.MEMORY_DB_CLUSTER_SERVICE_HOST;\n"},
    "azure-cache-for-redis": {"lib/cache.ts": "const host = process.env.AZURE_CACHE_FOR_REDIS_CLUSTER_SERVICE_HOST;\n"},
    # traccar: reverse geocoders, IoT clouds, JDBC and JNDI (fourteenth blind set)
    "h2": {"build.gradle": "dependencies {\n    implementation 'com.h2database:h2:2.3.232'\n}\n"},
    "digitalocean-spaces": {".github/workflows/release.yml": "on: push\njobs:\n  u:\n    runs-on: ubuntu-latest\n    steps:\n      - run: s3cmd put app.zip s3://app/builds/ --host=nyc3.digitaloceanspaces.com --host-bucket=app\n"},
    "the-things-network": {"src/main/java/app/TtnDecoder.java": '@Path("/ttn/uplink")\nclass Uplinks {\n  String id(JsonObject root) { return root.getJsonObject("end_device_ids").getString("device_id"); }\n}\n'},
    "base-adresse-nationale": {"geo/ban.py": 'import requests\nrequests.get("https://data.geopf.fr/geocodage/reverse", params={"lat": 1, "lon": 2})\n'},
    "baidu-maps": {"geo/Baidu.java": 'class Baidu { String u = "https://api.map.baidu.com/reverse_geocoding/v3/?ak=%s"; }\n'},
    "tencent-maps": {"geo/Tencent.java": 'class Tencent { String u = "https://apis.map.qq.com/ws/geocoder/v1/?key=%s"; }\n'},
    "here": {"geo/here.ts": 'await fetch(`https://revgeocode.search.hereapi.com/v1/revgeocode?at=${lat},${lon}`);\n'},
    "opencage": {"geo/opencage.py": 'import requests\nrequests.get("https://api.opencagedata.com/geocode/v1/json", params={"q": q})\n'},
    "orbcomm": {"src/main/java/app/Poller.java": 'class Poller { String id = config.getString("orbcomm.accessId"); Object e = new QueryStringEncoder("/GLGW/2/RestMessages.svc/JSON/get_return_messages/"); }\n'},
    "bing-maps": {"src/main/java/app/geocoder/BingMapsGeocoder.java": "public class BingMapsGeocoder extends JsonGeocoder {}\n"},
    "overpass-api": {"src/main/java/app/speedlimit/OverpassSpeedLimitProvider.java": "public class OverpassSpeedLimitProvider implements SpeedLimitProvider {}\n"},
    # bpay: payment and cache breadth (billing, tax, payouts, bank data, regional gateways, caches)
    "taxjar": {"package.json": '{"dependencies": {"taxjar": "^4.1.0"}}'},
    "lago": {"lib/billing.ts": 'import { Client } from "lago-javascript-client";\nexport const lago = Client(process.env.LAGO_API_KEY!);\n'},
    "orb": {"lib/orb.ts": 'import Orb from "orb-billing";\nexport const orb = new Orb({ apiKey: process.env.ORB_API_KEY });\n'},
    "zuora": {".env.example": "ZUORA_CLIENT_ID=\nZUORA_CLIENT_SECRET=\n"},
    "maxio": {"Gemfile": "source 'https://rubygems.org'\ngem 'chargify_api_ares'\n"},
    "fastspring": {"app/billing/fastspring.py": 'import requests\nrequests.get("https://api.fastspring.com/subscriptions", auth=(u, p))\n'},
    "2checkout": {"composer.json": '{"require": {"2checkout/2checkout-php": "^0.4"}}'},
    "cybersource": {"package.json": '{"dependencies": {"cybersource-rest-client": "^0.0.60"}}'},
    "worldpay": {".env.example": "WORLDPAY_USERNAME=\nWORLDPAY_PASSWORD=\nWORLDPAY_ENTITY=default\n"},
    "affirm": {"app/checkout/affirm.rb": 'URL = "https://api.affirm.com/api/v1/transactions"\n'},
    "afterpay": {".env.example": "AFTERPAY_MERCHANT_ID=\nAFTERPAY_SECRET_KEY=\n"},
    "dwolla": {"lib/dwolla.ts": 'import { Client } from "dwolla-v2";\nexport const dwolla = new Client({ key: process.env.DWOLLA_KEY!, secret: process.env.DWOLLA_SECRET! });\n'},
    "wise": {"payouts/wise.go": 'package payouts\n\nconst base = "https://api.transferwise.com/v1/transfers"\n'},
    "gocardless-bank-account-data": {"requirements.txt": "nordigen==1.4.0\n"},
    "truelayer": {"pom.xml": "<project><dependencies><dependency><groupId>com.truelayer</groupId><artifactId>truelayer-java</artifactId><version>17.0.0</version></dependency></dependencies></project>\n"},
    "tink": {"bank/tink.py": 'import requests\nrequests.post("https://api.tink.com/api/v1/oauth/token", data=form)\n'},
    "teller": {".env.example": "TELLER_APPLICATION_ID=\nTELLER_CERTIFICATE=\n"},
    "belvo": {"requirements.txt": "belvo-python==0.40.0\n"},
    "xendit": {"lib/xendit.ts": 'import Xendit from "xendit-node";\nexport const x = new Xendit({ secretKey: process.env.XENDIT_SECRET_KEY! });\n'},
    "midtrans": {"package.json": '{"dependencies": {"midtrans-client": "^1.3.1"}}'},
    "omise": {"Gemfile": "gem 'omise'\n"},
    "paymongo": {"app/services/paymongo.ts": 'await fetch("https://api.paymongo.com/v1/checkout_sessions", { method: "POST" });\n'},
    "cashfree": {"server/pay.js": 'const { Cashfree } = require("cashfree-pg");\nCashfree.XClientId = process.env.CASHFREE_APP_ID;\n'},
    "paytm": {".env.example": "PAYTM_MID=\nPAYTM_MERCHANT_KEY=\n"},
    "phonepe": {"payments/phonepe.py": 'import requests\nrequests.post("https://api.phonepe.com/apis/hermes/pg/v1/pay", json=body)\n'},
    "mpesa": {".env.example": "MPESA_CONSUMER_KEY=\nMPESA_CONSUMER_SECRET=\nMPESA_PASSKEY=\n"},
    "paymob": {"app/Services/Paymob.php": "<?php\n$url = 'https://accept.paymob.com/api/auth/tokens';\n"},
    "payfast": {".env.example": "PAYFAST_MERCHANT_ID=\nPAYFAST_MERCHANT_KEY=\n"},
    "iyzico": {"composer.json": '{"require": {"iyzico/iyzipay-php": "^2.0"}}'},
    "pagseguro": {".env.example": "PAGSEGURO_TOKEN=\nPAGSEGURO_EMAIL=\n"},
    "pagarme": {"lib/pagarme.ts": 'await fetch("https://api.pagar.me/core/v5/orders", { method: "POST" });\n'},
    "ebanx": {".env.example": "EBANX_INTEGRATION_KEY=\n"},
    "dlocal": {"payments/dlocal.py": 'BASE = "https://api.dlocal.com/payments"\n'},
    "conekta": {"requirements.txt": "conekta==6.0.0\n"},
    "toss-payments": {"web/Checkout.tsx": 'import { loadTossPayments } from "@tosspayments/tosspayments-sdk";\nconst toss = await loadTossPayments(clientKey);\n'},
    "portone": {"web/pay.ts": 'import * as PortOne from "@portone/browser-sdk/v2";\nawait PortOne.requestPayment({ storeId });\n'},
    "payjp": {"Gemfile": "gem 'payjp'\n"},
    "przelewy24": {".env.example": "PRZELEWY24_MERCHANT_ID=\nPRZELEWY24_CRC=\n"},
    "payplug": {"composer.json": '{"require": {"payplug/payplug-php": "^3.5"}}'},
    "btcpay-server": {"docker-compose.yml": "services:\n  btcpay:\n    image: btcpayserver/btcpayserver:1.13.5\n"},
    "bitpay": {"composer.json": '{"require": {"bitpay/sdk": "^9.0"}}'},
    "nowpayments": {"app/crypto.py": 'import requests\nrequests.post("https://api.nowpayments.io/v1/invoice", json=body)\n'},
    "coingate": {".env.example": "COINGATE_API_TOKEN=\n"},
    "adapty": {"package.json": '{"dependencies": {"react-native-adapty": "^3.0.0"}}'},
    "quaderno": {"Gemfile": "gem 'quaderno'\n"},
    "varnish": {"docker-compose.yml": "services:\n  varnish:\n    image: varnish:7.5\n"},
    "apache-ignite": {"requirements.txt": "pyignite==0.6.1\n"},
    "infinispan": {"pom.xml": "<project><dependencies><dependency><groupId>org.infinispan</groupId><artifactId>infinispan-client-hotrod</artifactId></dependency></dependencies></project>\n"},
    "oracle-coherence": {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/oracle/coherence-go-client/v2 v2.0.0\n"},
    "kvrocks": {"docker-compose.yml": "services:\n  kvrocks:\n    image: apache/kvrocks:2.9.0\n"},
    "garnet": {"docker-compose.yml": "services:\n  cache:\n    image: ghcr.io/microsoft/garnet:latest\n"},
    "alibaba-cloud-tair": {"infra/main.tf": 'resource "alicloud_kvstore_instance" "cache" {\n  instance_class = "redis.master.small.default"\n}\n'},
    "aiven-valkey": {".env.example": "AIVEN_VALKEY_URI=\n"},
    "deno-kv": {"main.ts": "const kv = await Deno.openKv();\nawait kv.set([\"visits\"], 1);\n"},
    # bai: AI and data APIs (model providers, speech/vision, scraping, maps/geo, IP lookup, weather, market data)
    "stability-ai": {"app/images.py": "import os, requests\nrequests.post(\"https://api.stability.ai/v2beta/stable-image/generate/core\", headers={\"authorization\": f\"Bearer {os.environ['STABILITY_API_KEY']}\"})\n"},
    "fal-ai": {"package.json": "{\"dependencies\": {\"@fal-ai/client\": \"^1.0.0\"}}", "lib/client.ts": "import { fal } from \"@fal-ai/client\";\nconst result = await fal.subscribe(\"fal-ai/flux/dev\", { input: { prompt } });\n"},
    "runway": {"requirements.txt": "runwayml==1.0.0\n", "app/client.py": "from runwayml import RunwayML\nclient = RunwayML()\n"},
    "jina-ai": {"app/reader.py": "import requests\nrequests.get(f\"https://r.jina.ai/{url}\", headers={\"Authorization\": f\"Bearer {key}\"})\n"},
    "cerebras": {"package.json": "{\"dependencies\": {\"@cerebras/cerebras_cloud_sdk\": \"^1.0.0\"}}", "lib/client.ts": "import Cerebras from \"@cerebras/cerebras_cloud_sdk\";\nconst client = new Cerebras({ apiKey: process.env.CEREBRAS_API_KEY });\n"},
    "ai21": {"requirements.txt": "ai21==1.0.0\n", "app/client.py": "from ai21 import AI21Client\nclient = AI21Client()\n"},
    "deepinfra": {"lib/llm.ts": "const res = await fetch(\"https://api.deepinfra.com/v1/openai/chat/completions\", { method: \"POST\", headers: { Authorization: `Bearer ${process.env.DEEPINFRA_API_KEY}` } });\n"},
    "alibaba-dashscope": {"requirements.txt": "dashscope==1.0.0\n", "app/client.py": "import dashscope\nfrom dashscope import Generation\nGeneration.call(model='qwen-plus', messages=messages)\n"},
    "volcengine-ark": {"app/llm.py": "import os\nfrom openai import OpenAI\nclient = OpenAI(base_url=\"https://ark.cn-beijing.volces.com/api/v3\", api_key=os.environ.get(\"ARK_API_KEY\"))\n"},
    "baidu-qianfan": {"requirements.txt": "qianfan==1.0.0\n", "app/client.py": "import qianfan\nchat = qianfan.ChatCompletion()\n"},
    "minimax": {".env.example": "MINIMAX_API_KEY=\n"},
    "siliconflow": {"app/llm.py": "BASE_URL = \"https://api.siliconflow.cn/v1\"\n"},
    "sarvam-ai": {"requirements.txt": "sarvamai==1.0.0\n", "app/client.py": "from sarvamai import SarvamAI\nclient = SarvamAI(api_subscription_key=key)\n"},
    "upstage": {"requirements.txt": "langchain-upstage==1.0.0\n", "app/client.py": "from langchain_upstage import ChatUpstage\nllm = ChatUpstage()\n"},
    "ibm-watsonx": {"requirements.txt": "ibm-watsonx-ai==1.0.0\n", "app/client.py": "from ibm_watsonx_ai.foundation_models import ModelInference\n"},
    "portkey": {"package.json": "{\"dependencies\": {\"portkey-ai\": \"^1.0.0\"}}", "lib/client.ts": "import Portkey from \"portkey-ai\";\nconst portkey = new Portkey({ apiKey: process.env.PORTKEY_API_KEY });\n"},
    "vercel-ai-gateway": {"lib/ai.ts": "const apiKey = process.env.AI_GATEWAY_API_KEY;\nconst baseURL = \"https://ai-gateway.vercel.sh/v1\";\n"},
    "mem0": {"requirements.txt": "mem0ai==1.0.0\n", "app/client.py": "from mem0 import MemoryClient\nclient = MemoryClient(api_key=key)\n"},
    "unstructured": {"requirements.txt": "unstructured-client==1.0.0\n", "app/client.py": "from unstructured_client import UnstructuredClient\n"},
    "llamacloud": {"requirements.txt": "llama-parse==1.0.0\n", "app/client.py": "from llama_parse import LlamaParse\nparser = LlamaParse(result_type='markdown')\n"},
    "cartesia": {"package.json": "{\"dependencies\": {\"@cartesia/cartesia-js\": \"^1.0.0\"}}", "lib/client.ts": "import { CartesiaClient } from \"@cartesia/cartesia-js\";\n"},
    "speechmatics": {"app/stt.py": "URL = \"https://asr.api.speechmatics.com/v2/jobs\"\n"},
    "rev-ai": {"requirements.txt": "rev-ai==1.0.0\n", "app/client.py": "from rev_ai import apiclient\nclient = apiclient.RevAiAPIClient(token)\n"},
    "vapi": {"package.json": "{\"dependencies\": {\"@vapi-ai/web\": \"^1.0.0\"}}", "lib/client.ts": "import Vapi from \"@vapi-ai/web\";\nconst vapi = new Vapi(process.env.NEXT_PUBLIC_VAPI_PUBLIC_KEY);\n"},
    "luma-ai": {"package.json": "{\"dependencies\": {\"lumaai\": \"^1.0.0\"}}", "lib/client.ts": "import LumaAI from \"lumaai\";\nconst client = new LumaAI({ authToken: process.env.LUMAAI_API_KEY });\n"},
    "black-forest-labs": {"app/flux.py": "import requests\nrequests.post(\"https://api.bfl.ai/v1/flux-pro-1.1\", headers={\"x-key\": key})\n"},
    "mindee": {"Gemfile": "source 'https://rubygems.org'\ngem 'mindee'\n"},
    "clarifai": {"requirements.txt": "clarifai==1.0.0\n", "app/client.py": "from clarifai.client.model import Model\n"},
    "remove-bg": {"app/Services/RemoveBg.php": "<?php\n$res = Http::withHeaders(['X-Api-Key' => env('REMOVEBG_API_KEY')])->post('https://api.remove.bg/v1.0/removebg');\n"},
    "sightengine": {"lib/moderation.js": "const r = await fetch(\"https://api.sightengine.com/1.0/check.json?models=nudity\");\n"},
    "perspective-api": {"app/toxicity.py": "URL = \"https://commentanalyzer.googleapis.com/v1alpha1/comments:analyze\"\n"},
    "google-cloud-speech": {"package.json": "{\"dependencies\": {\"@google-cloud/speech\": \"^1.0.0\"}}", "lib/client.ts": "import speech from \"@google-cloud/speech\";\nconst client = new speech.SpeechClient();\n"},
    "google-cloud-text-to-speech": {"requirements.txt": "google-cloud-texttospeech==1.0.0\n", "app/client.py": "from google.cloud import texttospeech\nclient = texttospeech.TextToSpeechClient()\n"},
    "google-cloud-vision": {"go.mod": "module x\n\ngo 1.22\n\nrequire cloud.google.com/go/vision/v2 v2.9.0\n"},
    "google-cloud-natural-language": {"composer.json": "{\"require\": {\"google/cloud-language\": \"^0.34\"}}"},
    "google-document-ai": {"requirements.txt": "google-cloud-documentai==1.0.0\n", "app/client.py": "from google.cloud import documentai\n"},
    "azure-ai-speech": {"Speech/Speech.csproj": "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"Microsoft.CognitiveServices.Speech\" Version=\"1.40.0\" />\n  </ItemGroup>\n</Project>\n"},
    "azure-translator": {"requirements.txt": "azure-ai-translation-text==1.0.0\n", "app/client.py": "from azure.ai.translation.text import TextTranslationClient\n"},
    "azure-ai-language": {"package.json": "{\"dependencies\": {\"@azure/ai-text-analytics\": \"^1.0.0\"}}", "lib/client.ts": "import { TextAnalyticsClient } from \"@azure/ai-text-analytics\";\n"},
    "azure-content-safety": {"requirements.txt": "azure-ai-contentsafety==1.0.0\n", "app/client.py": "from azure.ai.contentsafety import ContentSafetyClient\n"},
    "aws-rekognition": {"requirements.txt": "boto3==1.35\n", "app/faces.py": "import boto3\nclient = boto3.client(\"rekognition\")\nclient.detect_labels(Image={\"Bytes\": data})\n"},
    "aws-textract": {"package.json": "{\"dependencies\": {\"@aws-sdk/client-textract\": \"^1.0.0\"}}", "lib/client.ts": "import { TextractClient, AnalyzeDocumentCommand } from \"@aws-sdk/client-textract\";\n"},
    "aws-transcribe": {"Gemfile": "source 'https://rubygems.org'\ngem 'aws-sdk-transcribeservice'\n"},
    "aws-polly": {"requirements.txt": "boto3==1.35\n", "app/tts.py": "import boto3\npolly = boto3.client(\"polly\")\npolly.synthesize_speech(Text=text, OutputFormat=\"mp3\", VoiceId=\"Joanna\")\n"},
    "aws-translate": {"pom.xml": "<project><dependencies><dependency><groupId>software.amazon.awssdk</groupId><artifactId>translate</artifactId></dependency></dependencies></project>\n"},
    "aws-comprehend": {"package.json": "{\"dependencies\": {\"@aws-sdk/client-comprehend\": \"^1.0.0\"}}", "lib/client.ts": "import { ComprehendClient, DetectSentimentCommand } from \"@aws-sdk/client-comprehend\";\n"},
    "aws-location": {"package.json": "{\"dependencies\": {\"@aws-sdk/client-location\": \"^1.0.0\"}}", "lib/client.ts": "import { LocationClient } from \"@aws-sdk/client-location\";\n"},
    "apify": {"package.json": "{\"dependencies\": {\"apify-client\": \"^1.0.0\"}}", "lib/client.ts": "import { ApifyClient } from \"apify-client\";\nconst client = new ApifyClient({ token: process.env.APIFY_TOKEN });\n"},
    "scrapingbee": {"requirements.txt": "scrapingbee==1.0.0\n", "app/client.py": "from scrapingbee import ScrapingBeeClient\nclient = ScrapingBeeClient(api_key=key)\n"},
    "scraperapi": {"scraper/fetch.js": "const url = `https://api.scraperapi.com/?api_key=${process.env.SCRAPERAPI_KEY}&url=${target}`;\n"},
    "browserbase": {"package.json": "{\"dependencies\": {\"@browserbasehq/sdk\": \"^1.0.0\"}}", "lib/client.ts": "import Browserbase from \"@browserbasehq/sdk\";\nconst bb = new Browserbase({ apiKey: process.env.BROWSERBASE_API_KEY });\n"},
    "zyte": {"requirements.txt": "scrapy-zyte-api==1.0.0\n", "project/settings.py": "ADDONS = {'scrapy_zyte_api.Addon': 500}\n"},
    "bright-data": {".env.example": "BRIGHTDATA_API_KEY=\n"},
    "tomtom": {"package.json": "{\"dependencies\": {\"@tomtom-international/web-sdk-maps\": \"^1.0.0\"}}", "lib/client.ts": "import tt from \"@tomtom-international/web-sdk-maps\";\nconst map = tt.map({ key: process.env.TOMTOM_API_KEY, container: \"map\" });\n"},
    "azure-maps": {"package.json": "{\"dependencies\": {\"azure-maps-control\": \"^1.0.0\"}}", "lib/client.ts": "import * as atlas from \"azure-maps-control\";\n"},
    "maptiler": {"package.json": "{\"dependencies\": {\"@maptiler/sdk\": \"^1.0.0\"}}", "lib/client.ts": "import * as maptilersdk from \"@maptiler/sdk\";\nmaptilersdk.config.apiKey = import.meta.env.VITE_MAPTILER_KEY;\n"},
    "stadia-maps": {"web/map.ts": "const style = \"https://tiles.stadiamaps.com/styles/alidade_smooth.json\";\n"},
    "amap": {"package.json": "{\"dependencies\": {\"@amap/amap-jsapi-loader\": \"^1.0.0\"}}", "lib/client.ts": "import AMapLoader from \"@amap/amap-jsapi-loader\";\nAMapLoader.load({ key: import.meta.env.VITE_AMAP_KEY, version: \"2.0\" });\n"},
    "yandex-maps": {"app/geocoder.py": "URL = \"https://geocode-maps.yandex.ru/1.x/\"\n"},
    "kakao-local": {"src/api/address.ts": "const res = await fetch(`https://dapi.kakao.com/v2/local/search/address.json?query=${q}`, { headers: { Authorization: `KakaoAK ${key}` } });\n"},
    "radar": {"package.json": "{\"dependencies\": {\"radar-sdk-js\": \"^1.0.0\"}}", "lib/client.ts": "import Radar from \"radar-sdk-js\";\nRadar.initialize(process.env.NEXT_PUBLIC_RADAR_PUBLISHABLE_KEY);\n"},
    "what3words": {"requirements.txt": "what3words==1.0.0\n", "app/client.py": "import what3words\ngeocoder = what3words.Geocoder(key)\n"},
    "smarty": {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/smartystreets/smartystreets-go-sdk v1.19.0\n"},
    "loqate": {"app/javascript/address.js": "const url = \"https://api.addressy.com/Capture/Interactive/Find/v1.10/json3.ws\";\n"},
    "postcodes-io": {"app/services/postcode.rb": "response = HTTP.get(\"https://api.postcodes.io/postcodes/#{postcode}\")\n"},
    "ipinfo": {"requirements.txt": "ipinfo==1.0.0\n", "app/client.py": "import ipinfo\nhandler = ipinfo.getHandler(access_token)\n"},
    "ip-api": {"lib/geo.ts": "const r = await fetch(`http://ip-api.com/json/${ip}?fields=country,city`);\n"},
    "ipgeolocation-io": {"lib/geo.ts": "const r = await fetch(`https://api.ipgeolocation.io/ipgeo?apiKey=${key}&ip=${ip}`);\n"},
    "ip2location": {"composer.json": "{\"require\": {\"ip2location/ip2location-php\": \"^9.7\"}}"},
    "ipstack": {"app/geo.py": "r = requests.get(f\"http://api.ipstack.com/{ip}?access_key={key}\")\n"},
    "ipdata": {"package.json": "{\"dependencies\": {\"ipdata\": \"^1.0.0\"}}", "lib/client.ts": "import IPData from \"ipdata\";\nconst ipdata = new IPData(process.env.IPDATA_API_KEY);\n"},
    "libretranslate": {"docker-compose.yml": "services:\n  translate:\n    image: libretranslate/libretranslate:latest\n    ports: ['5000:5000']\n"},
    "baidu-translate": {"app/translate.py": "URL = \"https://fanyi-api.baidu.com/api/trans/vip/translate\"\n"},
    "openweathermap": {"requirements.txt": "pyowm==1.0.0\n", "app/client.py": "from pyowm import OWM\nowm = OWM(key)\n"},
    "weatherapi-com": {"lib/weather.ts": "const r = await fetch(`https://api.weatherapi.com/v1/forecast.json?key=${process.env.WEATHERAPI_KEY}&q=${city}`);\n"},
    "search-ch": {"src/timetable.ts": 'const res = await fetch(`https://search.ch/timetable/api/stationboard.json?stop=${stop}&limit=5`);\n'},
    "open-meteo": {"requirements.txt": "openmeteo-requests==1.0.0\n", "app/client.py": "import openmeteo_requests\nclient = openmeteo_requests.Client()\n"},
    "tomorrow-io": {"lib/weather.ts": "const url = `https://api.tomorrow.io/v4/weather/forecast?location=${loc}&apikey=${key}`;\n"},
    "visual-crossing": {"app/weather.py": "URL = \"https://weather.visualcrossing.com/VisualCrossingWebServices/rest/services/timeline/\"\n"},
    "accuweather": {"lib/weather.js": "const url = `https://dataservice.accuweather.com/forecasts/v1/daily/5day/${key}`;\n"},
    "met-norway": {"app/weather.py": "URL = \"https://api.met.no/weatherapi/locationforecast/2.0/compact\"\n"},
    "nws-weather": {"app/weather.py": "resp = requests.get(f\"https://api.weather.gov/points/{lat},{lon}\", headers={\"User-Agent\": UA})\n"},
    "open-exchange-rates": {"Gemfile": "source 'https://rubygems.org'\ngem 'money-open-exchange-rates'\n"},
    "exchangerate-api": {"lib/rates.ts": "const r = await fetch(`https://v6.exchangerate-api.com/v6/${key}/latest/USD`);\n"},
    "fixer": {"app/rates.py": "r = requests.get(\"https://data.fixer.io/api/latest\", params={\"access_key\": key})\n"},
    "frankfurter": {"lib/rates.ts": "const r = await fetch(\"https://api.frankfurter.app/latest?from=EUR\");\n"},
    "alpha-vantage": {"app/quotes.py": "r = requests.get(\"https://www.alphavantage.co/query\", params={\"function\": \"GLOBAL_QUOTE\", \"symbol\": s})\n"},
    "polygon-io": {"requirements.txt": "polygon-api-client==1.0.0\n", "app/client.py": "from polygon import RESTClient\nclient = RESTClient(api_key)\n"},
    "finnhub": {"requirements.txt": "finnhub-python==1.0.0\n", "app/client.py": "import finnhub\nclient = finnhub.Client(api_key=key)\n"},
    "twelve-data": {"requirements.txt": "twelvedata==1.0.0\n", "app/client.py": "from twelvedata import TDClient\ntd = TDClient(apikey=key)\n"},
    "financial-modeling-prep": {"lib/fmp.ts": "const r = await fetch(`https://financialmodelingprep.com/api/v3/profile/${symbol}?apikey=${key}`);\n"},
    "yahoo-finance": {"requirements.txt": "yfinance==1.0.0\n", "app/client.py": "import yfinance as yf\nyf.Ticker('AAPL').history(period='1mo')\n"},
    "coingecko": {"lib/prices.ts": "const r = await fetch(\"https://api.coingecko.com/api/v3/simple/price?ids=bitcoin&vs_currencies=usd\");\n"},
    "coinmarketcap": {"app/prices.py": "headers = {\"X-CMC_PRO_API_KEY\": os.environ[\"CMC_PRO_API_KEY\"]}\nr = requests.get(\"https://pro-api.coinmarketcap.com/v1/cryptocurrency/listings/latest\", headers=headers)\n"},
    "infura": {"lib/provider.ts": "const rpc = `https://mainnet.infura.io/v3/${process.env.INFURA_API_KEY}`;\n"},
    "alchemy": {"package.json": "{\"dependencies\": {\"alchemy-sdk\": \"^1.0.0\"}}", "lib/client.ts": "import { Alchemy, Network } from \"alchemy-sdk\";\nconst alchemy = new Alchemy({ apiKey: process.env.ALCHEMY_API_KEY, network: Network.ETH_MAINNET });\n"},
    "etherscan": {"lib/tx.ts": "const r = await fetch(`https://api.etherscan.io/v2/api?chainid=1&module=account&action=balance&address=${a}&apikey=${process.env.ETHERSCAN_API_KEY}`);\n"},
    "clearbit": {"web/components/Logo.tsx": "export const Logo = ({ domain }) => <img src={`https://logo.clearbit.com/${domain}`} />;\n"},
    "newsapi": {"lib/news.ts": "const r = await fetch(`https://newsapi.org/v2/top-headlines?country=us&apiKey=${process.env.NEWSAPI_KEY}`);\n"},
    "friendly-captcha": {"package.json": "{\"dependencies\": {\"friendly-challenge\": \"^1.0.0\"}}", "lib/client.ts": "import { WidgetInstance } from \"friendly-challenge\";\n"},
    # --- bdata: database, file_storage, queue breadth additions (one case per new entry) ---
    'google-cloud-spanner': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "@google-cloud/spanner": "^1.0.0"\n  }\n}\n'},
    'google-cloud-bigtable': {'requirements.txt': 'django==5.0\ngoogle-cloud-bigtable==1.0.0\n'},
    'google-cloud-datastore': {'go.mod': 'module example.com/app\n\ngo 1.22\n\nrequire cloud.google.com/go/datastore v1.0.0\n'},
    'aws-neptune': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "@aws-sdk/client-neptunedata": "^1.0.0"\n  }\n}\n'},
    'aws-timestream': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "@aws-sdk/client-timestream-write": "^1.0.0"\n  }\n}\n'},
    'aws-keyspaces': {'pom.xml': '<project>\n  <dependencies>\n    <dependency>\n      <groupId>software.aws.mcs</groupId>\n      <artifactId>aws-sigv4-auth-cassandra-java-driver-plugin</artifactId>\n      <version>1.0.0</version>\n    </dependency>\n  </dependencies>\n</project>\n'},
    'aws-athena': {'requirements.txt': 'django==5.0\npyathena==1.0.0\n'},
    'azure-database-postgresql': {'infra/main.tf': 'resource "azurerm_postgresql_flexible_server" "main" {\n  name = "app"\n}\n'},
    'azure-database-mysql': {'config/db.js': 'module.exports = { client: "mysql2", connection: { host: process.env.DB_HOST || "https://acme.mysql.database.azure.com" } };\n'},
    'azure-data-explorer': {'requirements.txt': 'django==5.0\nazure-kusto-data==1.0.0\n'},
    'tidb': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "@tidbcloud/serverless": "^1.0.0"\n  }\n}\n'},
    'yugabytedb': {'pom.xml': '<project>\n  <dependencies>\n    <dependency>\n      <groupId>com.yugabyte</groupId>\n      <artifactId>jdbc-yugabytedb</artifactId>\n      <version>1.0.0</version>\n    </dependency>\n  </dependencies>\n</project>\n'},
    'singlestore': {'requirements.txt': 'django==5.0\nsinglestoredb==1.0.0\n'},
    'questdb': {'docker-compose.yml': 'services:\n  questdb:\n    image: questdb/questdb:8.1.0\n'},
    'databricks': {'requirements.txt': 'django==5.0\ndatabricks-sql-connector==1.0.0\n'},
    'trino': {'requirements.txt': 'django==5.0\ntrino==1.0.0\n'},
    'motherduck': {'.env.example': 'MOTHERDUCK_TOKEN=\nMOTHERDUCK_DATABASE=\n'},
    'nile': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "@niledatabase/server": "^1.0.0"\n  }\n}\n'},
    'instantdb': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "@instantdb/react": "^1.0.0"\n  }\n}\n'},
    'electric-sql': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "@electric-sql/client": "^1.0.0"\n  }\n}\n'},
    'aiven': {'infra/main.tf': 'resource "aiven_pg" "main" {\n  name = "app"\n}\n'},
    'alibaba-cloud-apsaradb': {'infra/main.tf': 'resource "alicloud_db_instance" "main" {\n  name = "app"\n}\n'},
    'tencent-cloud-database': {'infra/main.tf': 'resource "tencentcloud_mysql_instance" "main" {\n  name = "app"\n}\n'},
    'rethinkdb': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "rethinkdb": "^1.0.0"\n  }\n}\n'},
    'ravendb': {'App/App.csproj': '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="RavenDB.Client" Version="1.0.0" />\n  </ItemGroup>\n</Project>\n'},
    'gel': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "gel": "^1.0.0"\n  }\n}\n'},
    'dgraph': {'go.mod': 'module example.com/app\n\ngo 1.22\n\nrequire github.com/dgraph-io/dgo/v240 v1.0.0\n'},
    'memgraph': {'docker-compose.yml': 'services:\n  memgraph:\n    image: memgraph/memgraph-mage:latest\n'},
    'nebula-graph': {'requirements.txt': 'django==5.0\nnebula3-python==1.0.0\n'},
    'apache-solr': {'Gemfile': "source 'https://rubygems.org'\n\ngem 'rails'\ngem 'rsolr'\n"},
    'manticore-search': {'composer.json': '{\n  "require": {\n    "manticoresoftware/manticoresearch-php": "^1.0"\n  }\n}\n'},
    'vespa': {'requirements.txt': 'django==5.0\npyvespa==1.0.0\n'},
    'turbopuffer': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "@turbopuffer/turbopuffer": "^1.0.0"\n  }\n}\n'},
    'aerospike': {'go.mod': 'module example.com/app\n\ngo 1.22\n\nrequire github.com/aerospike/aerospike-client-go/v7 v1.0.0\n'},
    'ibm-db2': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "ibm_db": "^1.0.0"\n  }\n}\n'},
    'sap-hana': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "@sap/hana-client": "^1.0.0"\n  }\n}\n'},
    'firebird': {'App/App.csproj': '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="FirebirdSql.Data.FirebirdClient" Version="1.0.0" />\n  </ItemGroup>\n</Project>\n'},
    'oceanbase': {'pom.xml': '<project>\n  <dependencies>\n    <dependency>\n      <groupId>com.oceanbase</groupId>\n      <artifactId>oceanbase-client</artifactId>\n      <version>1.0.0</version>\n    </dependency>\n  </dependencies>\n</project>\n'},
    'tdengine': {'requirements.txt': 'django==5.0\ntaospy==1.0.0\n'},
    'ydb': {'go.mod': 'module example.com/app\n\ngo 1.22\n\nrequire github.com/ydb-platform/ydb-go-sdk/v3 v1.0.0\n'},
    'azure-files': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "@azure/storage-file-share": "^1.0.0"\n  }\n}\n'},
    'azure-data-lake-storage': {'requirements.txt': 'django==5.0\nazure-storage-file-datalake==1.0.0\n'},
    'linode-object-storage': {'src/storage.ts': 'export const endpoint = "https://us-east-1.linodeobjects.com";\n'},
    'scaleway-object-storage': {'src/storage.ts': 'export const endpoint = "https://s3.fr-par.scw.cloud";\n'},
    'ovhcloud-object-storage': {'app/storage.py': 'S3_ENDPOINT_URL = "https://s3.gra.io.cloud.ovh.net"\n'},
    'hetzner-object-storage': {'.env.example': 'HETZNER_S3_ENDPOINT=\nHETZNER_S3_ACCESS_KEY=\nHETZNER_S3_SECRET_KEY=\n'},
    'ibm-cloud-object-storage': {'requirements.txt': 'django==5.0\nibm-cos-sdk==1.0.0\n'},
    'oracle-object-storage': {'pom.xml': '<project>\n  <dependencies>\n    <dependency>\n      <groupId>com.oracle.oci.sdk</groupId>\n      <artifactId>oci-java-sdk-objectstorage</artifactId>\n      <version>1.0.0</version>\n    </dependency>\n  </dependencies>\n</project>\n'},
    'storj': {'go.mod': 'module example.com/app\n\ngo 1.22\n\nrequire storj.io/uplink v1.0.0\n'},
    'filebase': {'src/lib/client.ts': 'export const endpoint = "https://s3.filebase.com";\n'},
    'pinata': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "pinata": "^1.0.0"\n  }\n}\n'},
    'storacha': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "@storacha/client": "^1.0.0"\n  }\n}\n'},
    'tigris': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "@tigrisdata/storage": "^1.0.0"\n  }\n}\n'},
    'huawei-obs': {'requirements.txt': 'django==5.0\nesdk-obs-python==1.0.0\n'},
    'baidu-bos': {'requirements.txt': 'django==5.0\nbce-python-sdk==1.0.0\n'},
    'upyun': {'composer.json': '{\n  "require": {\n    "upyun/sdk": "^1.0"\n  }\n}\n'},
    'yandex-object-storage': {'app/storage.py': 'AWS_S3_ENDPOINT_URL = "https://storage.yandexcloud.net"\n'},
    'bytescale': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "@bytescale/sdk": "^1.0.0"\n  }\n}\n'},
    'sirv': {'.env.example': 'SIRV_CLIENT_ID=\nSIRV_CLIENT_SECRET=\n'},
    'cloudimage': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "cloudimage-responsive": "^1.0.0"\n  }\n}\n'},
    'imgproxy': {'docker-compose.yml': 'services:\n  imgproxy:\n    image: darthsim/imgproxy:v3\n'},
    'thumbor': {'requirements.txt': 'django==5.0\nlibthumbor==1.0.0\n'},
    'seaweedfs': {'docker-compose.yml': 'services:\n  seaweedfs:\n    image: chrislusf/seaweedfs:3.80\n'},
    'garage': {'docker-compose.yml': 'services:\n  garage:\n    image: dxflrs/garage:v1.0.1\n'},
    'onedrive': {'.env.example': 'ONEDRIVE_CLIENT_ID=\nONEDRIVE_CLIENT_SECRET=\n'},
    'pcloud': {'.env.example': 'PCLOUD_ACCESS_TOKEN=\n'},
    'mega': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "megajs": "^1.0.0"\n  }\n}\n'},
    'amazon-mq': {'infra/main.tf': 'resource "aws_mq_broker" "main" {\n  name = "app"\n}\n'},
    'azure-event-grid': {'App/App.csproj': '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="Azure.Messaging.EventGrid" Version="1.0.0" />\n  </ItemGroup>\n</Project>\n'},
    'apache-rocketmq': {'pom.xml': '<project>\n  <dependencies>\n    <dependency>\n      <groupId>org.apache.rocketmq</groupId>\n      <artifactId>rocketmq-spring-boot-starter</artifactId>\n      <version>1.0.0</version>\n    </dependency>\n  </dependencies>\n</project>\n'},
    'ibm-mq': {'pom.xml': '<project>\n  <dependencies>\n    <dependency>\n      <groupId>com.ibm.mq</groupId>\n      <artifactId>mq-jms-spring-boot-starter</artifactId>\n      <version>1.0.0</version>\n    </dependency>\n  </dependencies>\n</project>\n'},
    'solace': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "solclientjs": "^1.0.0"\n  }\n}\n'},
    'zeromq': {'requirements.txt': 'django==5.0\npyzmq==1.0.0\n'},
    'masstransit': {'App/App.csproj': '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="MassTransit" Version="1.0.0" />\n  </ItemGroup>\n</Project>\n'},
    'nservicebus': {'App/App.csproj': '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="NServiceBus" Version="1.0.0" />\n  </ItemGroup>\n</Project>\n'},
    'rebus': {'App/App.csproj': '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="Rebus.ServiceProvider" Version="1.0.0" />\n  </ItemGroup>\n</Project>\n'},
    'dotnetcore-cap': {'App/App.csproj': '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="DotNetCore.CAP.RabbitMQ" Version="1.0.0" />\n  </ItemGroup>\n</Project>\n'},
    'wolverine': {'App/App.csproj': '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="WolverineFx" Version="1.0.0" />\n  </ItemGroup>\n</Project>\n'},
    'arq': {'requirements.txt': 'django==5.0\narq==1.0.0\n'},
    'taskiq': {'requirements.txt': 'django==5.0\ntaskiq-redis==1.0.0\n'},
    'django-q': {'requirements.txt': 'django==5.0\ndjango-q2==1.0.0\n'},
    'procrastinate': {'requirements.txt': 'django==5.0\nprocrastinate==1.0.0\n'},
    'que': {'Gemfile': "source 'https://rubygems.org'\n\ngem 'rails'\ngem 'que'\n"},
    'faktory': {'.env.example': 'FAKTORY_URL=\n'},
    'river': {'go.mod': 'module example.com/app\n\ngo 1.22\n\nrequire github.com/riverqueue/river v1.0.0\n'},
    'machinery': {'go.mod': 'module example.com/app\n\ngo 1.22\n\nrequire github.com/RichardKnop/machinery/v2 v1.0.0\n'},
    'gocraft-work': {'go.mod': 'module example.com/app\n\ngo 1.22\n\nrequire github.com/gocraft/work v1.0.0\n'},
    'bee-queue': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "bee-queue": "^1.0.0"\n  }\n}\n'},
    'jobrunr': {'pom.xml': '<project>\n  <dependencies>\n    <dependency>\n      <groupId>org.jobrunr</groupId>\n      <artifactId>jobrunr-spring-boot-3-starter</artifactId>\n      <version>1.0.0</version>\n    </dependency>\n  </dependencies>\n</project>\n'},
    'hatchet': {'requirements.txt': 'django==5.0\nhatchet-sdk==1.0.0\n'},
    'restate': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "@restatedev/restate-sdk": "^1.0.0"\n  }\n}\n'},
    'dbos': {'requirements.txt': 'django==5.0\ndbos==1.0.0\n'},
    'camunda': {'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "@camunda8/sdk": "^1.0.0"\n  }\n}\n'},
    'conductor': {'requirements.txt': 'django==5.0\nconductor-python==1.0.0\n'},
    'cadence': {'go.mod': 'module example.com/app\n\ngo 1.22\n\nrequire go.uber.org/cadence v1.0.0\n'},
    # --- bapi: communication, productivity and business APIs ---
    "daily": {"package.json": '{"dependencies": {"@daily-co/daily-js": "^0.70.0"}}'},
    "agora": {"package.json": '{"dependencies": {"agora-rtc-sdk-ng": "^4.22.0"}}'},
    "vonage-video": {"Gemfile": "source 'https://rubygems.org'\ngem 'opentok', '~> 4.9'\n"},
    "whereby": {"package.json": '{"dependencies": {"@whereby.com/browser-sdk": "^3.0.0"}}'},
    "hms-100ms": {"package.json": '{"dependencies": {"@100mslive/react-sdk": "^0.10.0"}}'},
    "jitsi": {"docker-compose.yml": "services:\n  web:\n    image: jitsi/web:stable-9753\n"},
    "bigbluebutton": {"composer.json": '{"require": {"littleredbutton/bigbluebutton-api-php": "^5.0"}}'},
    "calendly": {"package.json": '{"dependencies": {"react-calendly": "^4.3.0"}}'},
    "nylas": {"requirements.txt": "nylas==6.4.0\n"},
    "cronofy": {"Gemfile": "source 'https://rubygems.org'\ngem 'cronofy'\n"},
    "pipedrive": {"package.json": '{"dependencies": {"pipedrive": "^22.0.0"}}'},
    "freshdesk": {".env.example": "FRESHDESK_API_KEY=\nFRESHDESK_DOMAIN=acme\n"},
    "front": {"lib/front.ts": 'await fetch("https://api2.frontapp.com/conversations", { headers: { Authorization: `Bearer ${process.env.FRONT_API_TOKEN}` } });\n'},
    "help-scout": {"composer.json": '{"require": {"helpscout/api": "^3.0"}}'},
    "zoho": {".env.example": "ZOHO_CLIENT_ID=\nZOHO_CLIENT_SECRET=\nZOHO_REFRESH_TOKEN=\n"},
    "gorgias": {".env.example": "GORGIAS_API_KEY=\nGORGIAS_DOMAIN=acme\n"},
    "attio": {"crm/attio.py": 'import httpx\nhttpx.post("https://api.attio.com/v2/objects/people/records", json=data)\n'},
    "close-crm": {"requirements.txt": "closeio==2.0\n"},
    "bitrix24": {"composer.json": '{"require": {"bitrix24/b24phpsdk": "^1.0"}}'},
    "amocrm": {"composer.json": '{"require": {"amocrm/amocrm-api-library": "^1.0"}}'},
    "rd-station": {".env.example": "RDSTATION_CLIENT_ID=\nRDSTATION_CLIENT_SECRET=\n"},
    "clickup": {"tasks/clickup.ts": 'await fetch(`https://api.clickup.com/api/v2/list/${id}/task`, { method: "POST" });\n'},
    "monday": {"package.json": '{"dependencies": {"@mondaydotcomorg/api": "^6.0.0"}}'},
    "todoist": {"pyproject.toml": '[project]\nname = "x"\ndependencies = ["todoist-api-python>=2.1"]\n'},
    "basecamp": {"app/services/basecamp.rb": 'URL = "https://3.basecampapi.com/#{ENV["BASECAMP_ACCOUNT_ID"]}/projects.json"\n'},
    "smartsheet": {"requirements.txt": "smartsheet-python-sdk==3.0.4\n"},
    "youtrack": {".env.example": "YOUTRACK_URL=https://acme.youtrack.cloud\nYOUTRACK_TOKEN=\n"},
    "figma": {"scripts/tokens.ts": 'const r = await fetch(`https://api.figma.com/v1/files/${key}`, { headers: { "X-Figma-Token": process.env.FIGMA_TOKEN! } });\n'},
    "miro": {"package.json": '{"dependencies": {"@mirohq/miro-api": "^2.2.0"}}'},
    "loom": {"package.json": '{"dependencies": {"@loomhq/record-sdk": "^3.0.0"}}'},
    "dropbox-sign": {"package.json": '{"dependencies": {"@dropbox/sign": "^1.8.0"}}'},
    "pandadoc": {"requirements.txt": "pandadoc-python-client==6.2.0\n"},
    "typeform": {"package.json": '{"dependencies": {"@typeform/embed-react": "^3.0.0"}}'},
    "tally": {"forms/tally.ts": 'await fetch("https://api.tally.so/forms", { headers: { Authorization: `Bearer ${process.env.TALLY_API_KEY}` } });\n'},
    "jotform": {"package.json": '{"dependencies": {"jotform": "^2.0.0"}}'},
    "surveymonkey": {"surveys/client.py": 'BASE = "https://api.surveymonkey.com/v3"\n'},
    "google-forms": {"package.json": '{"dependencies": {"@googleapis/forms": "^2.0.0"}}'},
    "woocommerce": {"package.json": '{"dependencies": {"@woocommerce/woocommerce-rest-api": "^1.0.1"}}'},
    "bigcommerce": {".env.example": "BIGCOMMERCE_STORE_HASH=\nBIGCOMMERCE_ACCESS_TOKEN=\n"},
    "commercetools": {"package.json": '{"dependencies": {"@commercetools/platform-sdk": "^7.0.0", "@commercetools/ts-client": "^2.0.0"}}'},
    "vtex": {".env.example": "VTEX_APP_KEY=\nVTEX_APP_TOKEN=\nVTEX_ACCOUNT=acme\n"},
    "tiendanube": {".env.example": "TIENDANUBE_ACCESS_TOKEN=\nTIENDANUBE_STORE_ID=\n"},
    "mercado-libre": {"app/meli.py": 'import requests\nrequests.get("https://api.mercadolibre.com/sites/MLA/search", params={"q": q})\n'},
    "etsy": {"shop/etsy.ts": 'await fetch(`https://openapi.etsy.com/v3/application/shops/${id}/listings/active`);\n'},
    "ebay": {"requirements.txt": "ebaysdk==2.2.0\n"},
    "amazon-sp-api": {"requirements.txt": "python-amazon-sp-api==1.8.0\n"},
    "printful": {".env.example": "PRINTFUL_API_KEY=\n"},
    "freshbooks": {"package.json": '{"dependencies": {"@freshbooks/api": "^3.0.0"}}'},
    "facebook": {"requirements.txt": "facebook-business==21.0.0\n"},
    "instagram": {"social/instagram.ts": 'await fetch(`https://graph.instagram.com/me/media?access_token=${process.env.INSTAGRAM_ACCESS_TOKEN}`);\n'},
    "linkedin-api": {"package.json": '{"dependencies": {"linkedin-api-client": "^0.3.0"}}'},
    "tiktok": {"social/tiktok.ts": 'await fetch("https://open.tiktokapis.com/v2/post/publish/video/init/", { method: "POST" });\n'},
    "bluesky": {"package.json": '{"dependencies": {"@atproto/api": "^0.13.0"}}'},
    "pinterest": {"social/pinterest.py": 'import requests\nrequests.post("https://api.pinterest.com/v5/pins", json=pin)\n'},
    "threads": {"social/threads.ts": 'await fetch(`https://graph.threads.net/v1.0/${uid}/threads`, { method: "POST" });\n'},
    "twitch": {"package.json": '{"dependencies": {"@twurple/api": "^7.0.0"}}'},
    "zalo": {".env.example": "ZALO_APP_ID=\nZALO_OA_ACCESS_TOKEN=\n"},
    "pubnub": {"package.json": '{"dependencies": {"pubnub": "^8.2.0"}}'},
    "liveblocks": {"package.json": '{"dependencies": {"@liveblocks/client": "^2.0.0", "@liveblocks/react": "^2.0.0"}}'},
    "centrifugo": {"docker-compose.yml": "services:\n  centrifugo:\n    image: centrifugo/centrifugo:v5\n"},
    "sendbird": {"package.json": '{"dependencies": {"@sendbird/chat": "^4.14.0"}}'},
    "cometchat": {"package.json": '{"dependencies": {"@cometchat/chat-sdk-javascript": "^4.0.0"}}'},
    "talkjs": {"package.json": '{"dependencies": {"talkjs": "^0.20.0"}}'},
    "tawk-to": {"resources/views/layouts/chat.blade.php": '<script>\nvar Tawk_API = Tawk_API || {}, Tawk_LoadStart = new Date();\n</script>\n'},
    "livechat": {"package.json": '{"dependencies": {"@livechat/widget-react": "^1.3.0"}}'},
    "tidio": {"templates/base.html": '<script src="//code.tidio.co/abcdefghijklmnop.js" async></script>\n'},
    "drift": {"templates/base.html": '<script src="https://js.driftt.com/include/1700000000000/abc.js"></script>\n'},
    "make": {"hooks/make.ts": 'await fetch("https://hook.eu1.make.com/abc123", { method: "POST", body });\n'},
    "pipedream": {"package.json": '{"dependencies": {"@pipedream/sdk": "^1.0.0"}}'},
    # bmail: email, SMS, push, newsletter and email-validation vendors (breadth pass)
    "klaviyo": {"package.json": '{"dependencies": {"klaviyo-api": "^14.0.0"}}'},
    "convertkit": {"composer.json": '{"require": {"convertkit/convertkitapi": "^2.0"}}'},
    "buttondown": {"lib/newsletter.ts": 'await fetch("https://api.buttondown.com/v1/subscribers", { method: "POST", headers: { Authorization: `Token ${process.env.BUTTONDOWN_API_KEY}` } });\n'},
    "beehiiv": {"package.json": '{"dependencies": {"@beehiiv/sdk": "^0.2.0"}}'},
    "listmonk": {"docker-compose.yml": "services:\n  listmonk:\n    image: listmonk/listmonk:v4.1.0\n    ports:\n      - 9000:9000\n"},
    "mailerlite": {"package.json": '{"dependencies": {"@mailerlite/mailerlite-nodejs": "^1.2.0"}}'},
    "activecampaign": {".env.example": "ACTIVECAMPAIGN_API_URL=https://acme.api-us1.com\nACTIVECAMPAIGN_API_KEY=\n"},
    "campaign-monitor": {"Gemfile": "source 'https://rubygems.org'\ngem 'createsend'\n"},
    "constant-contact": {"app/services/cc.py": 'import requests\nrequests.post("https://api.cc.email/v3/contacts/sign_up_form", json={})\n'},
    "mautic": {"composer.json": '{"require": {"mautic/api-library": "^3.1"}}'},
    "sendy": {"newsletter/sendy.php": "<?php\n$url = getenv('SENDY_URL') . '/api/subscribers/active-subscriber-count.php';\n"},
    "smtp2go": {"requirements.txt": "smtp2go==2.3.1\n"},
    "elastic-email": {"package.json": '{"dependencies": {"@elasticemail/elasticemail-client": "^4.0.0"}}'},
    "sendpulse": {"composer.json": '{"require": {"sendpulse/rest-api": "^2.0"}}'},
    "postal": {"docker-compose.yml": "services:\n  postal:\n    image: ghcr.io/postalserver/postal:3.3.4\n    command: postal web-server\n"},
    "mailpace": {"Gemfile": "source 'https://rubygems.org'\ngem 'mailpace-rails'\n"},
    "zeptomail": {"mail/zepto.js": 'const { SendMailClient } = require("zeptomail");\nconst client = new SendMailClient({ url: "api.zeptomail.com/", token: process.env.ZEPTOMAIL_TOKEN });\n'},
    "aws-pinpoint": {"package.json": '{"dependencies": {"@aws-sdk/client-pinpoint-sms-voice-v2": "^3.600.0"}}'},
    "zerobounce": {"requirements.txt": "zerobouncesdk==1.1.1\n"},
    "neverbounce": {"composer.json": '{"require": {"neverbounce/neverbounce-php": "^4.0"}}'},
    "kickbox": {"package.json": '{"dependencies": {"kickbox": "^2.0.4"}}'},
    "emailable": {"Gemfile": "source 'https://rubygems.org'\ngem 'emailable'\n"},
    "hunter": {"leads/verify.py": 'import requests\nrequests.get("https://api.hunter.io/v2/email-verifier", params={"email": e})\n'},
    "millionverifier": {"app/verify.rb": 'URI("https://api.millionverifier.com/api/v3/?api=#{ENV["MILLIONVERIFIER_API_KEY"]}&email=#{email}")\n'},
    "reacher": {"docker-compose.yml": "services:\n  reacher:\n    image: reacherhq/backend:latest\n"},
    "msg91": {"otp/msg91.py": 'import requests\nrequests.post("https://control.msg91.com/api/v5/otp", headers={"authkey": settings.MSG91_AUTH_KEY})\n'},
    "textlocal": {"sms/textlocal.php": "<?php\n$ch = curl_init('https://api.textlocal.in/send/');\n"},
    "fast2sms": {".env.example": "FAST2SMS_API_KEY=\n"},
    "exotel": {"sms/exotel.js": 'const url = `https://api.exotel.com/v1/Accounts/${process.env.EXOTEL_SID}/Sms/send`;\n'},
    "kaleyra": {".env.example": "KALEYRA_API_KEY=\nKALEYRA_SID=\n"},
    "clickatell": {"sms/clickatell.go": 'package sms\n\nconst endpoint = "https://platform.clickatell.com/messages"\n'},
    "termii": {"sms/termii.ts": 'await fetch("https://v3.api.termii.com/api/sms/send", { method: "POST", body: JSON.stringify({ api_key: process.env.TERMII_API_KEY }) });\n'},
    "hubtel": {".env.example": "HUBTEL_CLIENT_ID=\nHUBTEL_CLIENT_SECRET=\n"},
    "arkesel": {"sms/arkesel.py": 'import requests\nrequests.post("https://sms.arkesel.com/api/v2/sms/send", headers={"api-key": key})\n'},
    "zenvia": {"package.json": '{"dependencies": {"@zenvia/sdk": "^2.4.0"}}'},
    "clicksend": {"requirements.txt": "clicksend-client==5.0.78\n"},
    "textmagic": {"package.json": '{"dependencies": {"textmagic-client": "^2.0.0"}}'},
    "telesign": {"pom.xml": "<project><dependencies><dependency><groupId>com.telesign</groupId><artifactId>telesign</artifactId><version>2.3.0</version></dependency></dependencies></project>\n"},
    "smsapi": {"composer.json": '{"require": {"smsapi/php-client": "^3.0"}}'},
    "cm-com": {"package.json": '{"dependencies": {"@cmdotcom/text-sdk": "^2.0.0"}}'},
    "esendex": {"package.json": '{"dependencies": {"esendex": "^0.9.0"}}'},
    "46elks": {"sms/elks.py": 'import requests\nrequests.post("https://api.46elks.com/a1/sms", auth=(u, p), data={"to": to})\n'},
    "unifonic": {".env.example": "UNIFONIC_APP_SID=\nUNIFONIC_SENDER_ID=\n"},
    "semaphore-sms": {"sms/semaphore.py": 'import requests\nrequests.post("https://api.semaphore.co/api/v4/messages", data={"apikey": key})\n'},
    "unisender": {".env.example": "UNISENDER_API_KEY=\n"},
    "socketlabs": {"package.json": '{"dependencies": {"@socketlabs/email": "^1.4.0"}}'},
    "usesend": {"package.json": '{"dependencies": {"usesend-js": "^1.5.0"}}'},
    "alibaba-cloud-directmail": {"package.json": '{"dependencies": {"@alicloud/dm20151123": "^1.2.0"}}'},
    "tencent-cloud-ses": {"requirements.txt": "tencentcloud-sdk-python-ses==3.0.1200\n"},
    "jpush": {"src/main/java/app/Push.java": "import cn.jpush.api.JPushClient;\nclass Push { JPushClient c = new JPushClient(secret, key); }\n"},
    "huawei-push-kit": {"push/hms.ts": 'await fetch(`https://push-api.cloud.huawei.com/v1/${appId}/messages:send`, { method: "POST" });\n'},
    "airship": {"requirements.txt": "urbanairship==7.3.0\n"},
    "pushwoosh": {".env.example": "PUSHWOOSH_APPLICATION_CODE=\nPUSHWOOSH_API_TOKEN=\n"},
    "iterable": {"package.json": '{"dependencies": {"@iterable/web-sdk": "^1.1.0"}}'},
    "360dialog": {"whatsapp/d360.py": 'import requests\nrequests.post("https://waba-v2.360dialog.io/messages", headers={"D360-API-KEY": key}, json=body)\n'},
    "evolution-api": {"docker-compose.yml": "services:\n  evolution:\n    image: atendai/evolution-api:v2.1.1\n"},
    "z-api": {"whatsapp/zapi.ts": 'await fetch(`https://api.z-api.io/instances/${id}/token/${token}/send-text`, { method: "POST" });\n'},
    "wati": {".env.example": "WATI_API_ENDPOINT=https://live-mt-server.wati.io/12345\nWATI_ACCESS_TOKEN=\n"},
    # bauth: social sign-in providers and hosted identity / authorization services (breadth)
    "kakao-oauth": {"src/auth.ts": 'import NextAuth from "next-auth";\nimport Kakao from "next-auth/providers/kakao";\nexport const { handlers } = NextAuth({ providers: [Kakao] });\n'},
    "naver-oauth": {"package.json": '{"dependencies": {"passport": "^0.7.0", "passport-naver-v2": "^2.0.8"}}'},
    "wechat-oauth": {"Gemfile": "source 'https://rubygems.org'\ngem 'omniauth-wechat-oauth2'\n"},
    "weibo-oauth": {"composer.json": '{"require": {"socialiteproviders/weibo": "^4.1"}}'},
    "qq-oauth": {"Gemfile": "source 'https://rubygems.org'\ngem 'omniauth-qq-connect'\n"},
    "reddit-oauth": {"Gemfile": "source 'https://rubygems.org'\ngem 'omniauth-reddit'\n"},
    "zoom-oauth": {"composer.json": '{"require": {"socialiteproviders/zoom": "^4.1"}}'},
    "dropbox-oauth": {"package.json": '{"dependencies": {"passport-dropbox-oauth2": "^1.1.0"}}'},
    "box-oauth": {"composer.json": '{"require": {"socialiteproviders/box": "^4.1"}}'},
    "salesforce-oauth": {"package.json": '{"dependencies": {"passport-forcedotcom": "^0.1.5"}}'},
    "yahoo-oauth": {".env.example": "YAHOO_CLIENT_ID=\nYAHOO_CLIENT_SECRET=\n"},
    "atlassian-oauth": {"package.json": '{"dependencies": {"passport-atlassian-oauth2": "^2.1.0"}}'},
    "notion-oauth": {"Auth/Startup.cs": "services.AddAuthentication().AddNotion(o => { o.ClientId = id; });\n",
                     "App.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="AspNet.Security.OAuth.Notion" Version="9.0.0" /></ItemGroup></Project>\n'},
    "figma-oauth": {"composer.json": '{"require": {"socialiteproviders/figma": "^4.1"}}'},
    "coinbase-oauth": {"Gemfile": "source 'https://rubygems.org'\ngem 'omniauth-coinbase'\n"},
    "strava-oauth": {"Gemfile": "source 'https://rubygems.org'\ngem 'omniauth-strava'\n"},
    "instagram-oauth": {"package.json": '{"dependencies": {"passport-instagram": "^1.0.0"}}'},
    "pinterest-oauth": {"composer.json": '{"require": {"socialiteproviders/pinterest": "^4.1"}}'},
    "tiktok-oauth": {"composer.json": '{"require": {"socialiteproviders/tiktok": "^4.1"}}'},
    "paypal-oauth": {"Gemfile": "source 'https://rubygems.org'\ngem 'omniauth-paypal-oauth2'\n"},
    "battlenet-oauth": {"package.json": '{"dependencies": {"passport-bnet": "^2.0.0"}}'},
    "orcid-oauth": {"requirements.txt": "django-allauth==65.0\n", "app/settings.py": 'INSTALLED_APPS = ["allauth", "allauth.account", "allauth.socialaccount", "allauth.socialaccount.providers.orcid"]\n'},
    "mailru-oauth": {"Gemfile": "source 'https://rubygems.org'\ngem 'omniauth-mailru'\n"},
    "odnoklassniki-oauth": {"Gemfile": "source 'https://rubygems.org'\ngem 'omniauth-odnoklassniki'\n"},
    "fitbit-oauth": {"Gemfile": "source 'https://rubygems.org'\ngem 'omniauth-fitbit'\n"},
    "gitee-oauth": {".env.example": "GITEE_CLIENT_ID=\nGITEE_CLIENT_SECRET=\n"},
    "zalo-oauth": {"composer.json": '{"require": {"socialiteproviders/zalo": "^4.1"}}'},
    "franceconnect": {"composer.json": '{"require": {"socialiteproviders/franceconnect": "^4.1"}}'},
    "govbr": {"app/auth.py": 'AUTHORIZE_URL = "https://sso.acesso.gov.br/authorize"\n'},
    "claveunica": {"composer.json": '{"require": {"socialiteproviders/claveunica": "^4.1"}}'},
    "stack-auth": {"package.json": '{"dependencies": {"@stackframe/stack": "^2.8.0"}}'},
    "passage": {"requirements.txt": "passage-identity==3.0.2\n"},
    "propelauth": {"requirements.txt": "propelauth-fastapi==4.4.0\n"},
    "dynamic": {"package.json": '{"dependencies": {"@dynamic-labs/sdk-react-core": "^4.0.0", "@dynamic-labs/ethereum": "^4.0.0"}}'},
    "web3auth": {"package.json": '{"dependencies": {"@web3auth/modal": "^9.0.0"}}'},
    "casdoor": {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/casdoor/casdoor-go-sdk v1.5.0\n"},
    "authing": {"package.json": '{"dependencies": {"@authing/guard": "^5.3.0"}}'},
    "asgardeo": {"package.json": '{"dependencies": {"@asgardeo/auth-react": "^5.0.0"}}'},
    "loginradius": {"requirements.txt": "loginradius-v2==11.7.0\n"},
    "sap-customer-data-cloud": {"web/login.js": 'gigya.accounts.showScreenSet({ screenSet: "Default-RegistrationLogin" });\n'},
    "forgerock": {"package.json": '{"dependencies": {"@forgerock/javascript-sdk": "^4.5.0"}}'},
    "authgear": {"package.json": '{"dependencies": {"@authgear/web": "^2.10.0"}}'},
    "criipto": {"package.json": '{"dependencies": {"@criipto/verify-react": "^2.0.0"}}'},
    "corbado": {"package.json": '{"dependencies": {"@corbado/react": "^2.0.0"}}'},
    "userfront": {"package.json": '{"dependencies": {"@userfront/react": "^2.0.0"}}'},
    "authress": {"package.json": '{"dependencies": {"@authress/sdk": "^2.3.0"}}'},
    "dex": {"docker-compose.yml": "services:\n  dex:\n    image: ghcr.io/dexidp/dex:v2.41.1\n    command: dex serve /etc/dex/config.yaml\n"},
    "pocket-id": {"docker-compose.yml": "services:\n  pocket-id:\n    image: ghcr.io/pocket-id/pocket-id:v1\n"},
    "openfga": {"package.json": '{"dependencies": {"@openfga/sdk": "^0.8.0"}}'},
    "cerbos": {"requirements.txt": "cerbos==0.16.1\n"},
    "spicedb": {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/authzed/authzed-go v1.2.0\n"},
    "permit-io": {"package.json": '{"dependencies": {"permitio": "^2.7.0"}}'},
    "oso-cloud": {"requirements.txt": "oso-cloud==2.6.0\n"},
    "prelude": {"package.json": '{"dependencies": {"@prelude.so/sdk": "^0.5.0"}}'},
    # bobs: analytics / error_tracking / logs breadth (A/B testing, attribution, CDPs, crash reporting, APM, uptime)
    "optimizely": {"package.json": '{"dependencies": {"@optimizely/optimizely-sdk": "^5.3.0"}}'},
    "split-io": {"requirements.txt": "splitio_client[cpphash]==10.1.0\n"},
    "configcat": {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/configcat/go-sdk/v9 v9.0.3\n"},
    "devcycle": {"Gemfile": "source 'https://rubygems.org'\ngem 'devcycle-ruby-server-sdk'\n"},
    "eppo": {"package.json": '{"dependencies": {"@eppo/node-server-sdk": "^3.0.0"}}'},
    "vwo": {"composer.json": '{"require": {"vwo/vwo-php-sdk": "^1.60"}}'},
    "ab-tasty": {"composer.json": '{"require": {"flagship-io/flagship-php-sdk": "^3.0"}}'},
    "kameleoon": {"package.json": '{"dependencies": {"@kameleoon/nodejs-sdk": "^5.0.0"}}'},
    "flipt": {"docker-compose.yml": "services:\n  flipt:\n    image: docker.flipt.io/flipt/flipt:latest\n    ports: ['8080:8080']\n"},
    "adjust": {"package.json": '{"dependencies": {"react-native-adjust": "^5.0.0"}}'},
    "branch": {"package.json": '{"dependencies": {"react-native-branch": "^6.0.0"}}'},
    "clevertap": {"package.json": '{"dependencies": {"clevertap-web-sdk": "^1.9.0"}}'},
    "moengage": {"package.json": '{"dependencies": {"@moengage/web-sdk": "^2.0.0"}}'},
    "webengage": {".env.example": "WEBENGAGE_LICENSE_CODE=\n"},
    "smartlook": {"package.json": '{"dependencies": {"smartlook-client": "^10.0.0"}}'},
    "openreplay": {"package.json": '{"dependencies": {"@openreplay/tracker": "^14.0.0"}}'},
    "mouseflow": {"templates/base.html": '<script>window._mfq = window._mfq || [];</script>\n<script src="//cdn.mouseflow.com/projects/abc.js" async></script>\n'},
    "crazy-egg": {"app/views/layouts/application.html.erb": '<script src="//script.crazyegg.com/pages/scripts/0012/3456.js" async></script>\n'},
    "contentsquare": {"public/index.html": '<script src="https://t.contentsquare.net/uxa/abc123.js"></script>\n'},
    "pirsch": {"package.json": '{"dependencies": {"pirsch-sdk": "^2.5.0"}}'},
    "goatcounter": {"layouts/partials/footer.html": '<script data-goatcounter="https://acme.goatcounter.com/count" async src="//gc.zgo.at/count.js"></script>\n'},
    "ackee": {"docker-compose.yml": "services:\n  ackee:\n    image: electerious/ackee\n"},
    "tiktok-pixel": {"components/TikTokPixel.tsx": '// TikTok pixel\nexport function TikTokPixel({ id }: { id: string }) { useEffect(() => { window.ttq.load(id); window.ttq.page(); }, [id]); return null; }\n'},
    "x-pixel": {"components/TwitterPixel.tsx": "// Twitter conversion tracking\nexport function TwitterPixel({ id }: { id: string }) { useEffect(() => { window.twq('config', id); }, [id]); return null; }\n"},
    "pinterest-tag": {"components/PinterestTag.tsx": "// Pinterest tag\nexport function PinterestTag({ id }: { id: string }) { useEffect(() => { window.pintrk('load', id); window.pintrk('page'); }, [id]); return null; }\n"},
    "snap-pixel": {"components/SnapPixel.tsx": "// Snap pixel\nexport function SnapPixel({ id }: { id: string }) { useEffect(() => { window.snaptr('init', id, {}); }, [id]); return null; }\n"},
    "microsoft-uet": {"templates/base.html": '<script src="//bat.bing.com/bat.js"></script>\n'},
    "tealium": {"templates/base.html": '<script src="//tags.tiqcdn.com/utag/acme/main/prod/utag.js"></script>\n'},
    "adobe-analytics": {"package.json": '{"dependencies": {"@adobe/alloy": "^2.20.0"}}'},
    "piwik-pro": {"package.json": '{"dependencies": {"@piwikpro/next-piwik-pro": "^2.0.0"}}'},
    "metabase": {".env.example": "METABASE_SITE_URL=https://metabase.example.com\nMETABASE_SECRET_KEY=\n"},
    "sensors-data": {"requirements.txt": "SensorsAnalyticsSDK==1.11.0\n"},
    "growingio": {"package.json": '{"dependencies": {"gio-webjs-sdk": "^4.0.0"}}'},
    "umeng": {"templates/base.html": '<script src="https://s4.cnzz.com/z_stat.php?id=12345&web_id=12345"></script>\n'},
    "hightouch-events": {"package.json": '{"dependencies": {"@ht-sdks/events-sdk-js-browser": "^1.0.0"}}'},
    "logsnag": {"package.json": '{"dependencies": {"@logsnag/node": "^1.0.0"}}'},
    "appcues": {"package.json": '{"dependencies": {"@appcues/react-native": "^4.0.0"}}'},
    "userpilot": {"package.json": '{"dependencies": {"userpilot": "^1.3.0"}}'},
    "flare": {"composer.json": '{"require": {"spatie/laravel-flare": "^2.0"}}'},
    "instabug": {"package.json": '{"dependencies": {"instabug-reactnative": "^13.0.0"}}'},
    "embrace": {"package.json": '{"dependencies": {"@embrace-io/react-native": "^5.0.0"}}'},
    "backtrace": {"package.json": '{"dependencies": {"@backtrace/node": "^0.6.0"}}'},
    "bugfender": {"package.json": '{"dependencies": {"@bugfender/sdk": "^2.0.0"}}'},
    "app-center": {"App/App.csproj": '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="Microsoft.AppCenter.Crashes" Version="5.0.3" />\n  </ItemGroup>\n</Project>\n'},
    "bugsink": {"docker-compose.yml": "services:\n  bugsink:\n    image: bugsink/bugsink:latest\n"},
    "errbit": {"docker-compose.yml": "services:\n  errbit:\n    image: errbit/errbit:latest\n"},
    "firebase-performance": {"package.json": '{"dependencies": {"@react-native-firebase/perf": "^21.0.0"}}'},
    "speedcurve": {"templates/base.html": '<script src="https://cdn.speedcurve.com/js/lux.js?id=123" async crossorigin="anonymous"></script>\n'},
    "akamai-mpulse": {"templates/base.html": '<script>(function(){ var s = "https://s.go-mpulse.net/boomerang/ABCDE"; })();</script>\n'},
    "instana": {"package.json": '{"dependencies": {"@instana/collector": "^3.0.0"}}'},
    "appdynamics": {"requirements.txt": "appdynamics==24.1.0\n"},
    "lightstep": {"package.json": '{"dependencies": {"lightstep-tracer": "^0.35.0"}}'},
    "logz-io": {"requirements.txt": "logzio-python-handler==4.1.0\n"},
    "seq": {"Api/Api.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="Serilog.Sinks.Seq" Version="8.0.0" />\n  </ItemGroup>\n</Project>\n'},
    "logflare": {"package.json": '{"dependencies": {"pino-logflare": "^0.4.0"}}'},
    "sematext": {".env.example": "LOGSENE_TOKEN=\n"},
    "pyroscope": {"requirements.txt": "pyroscope-io==0.8.7\n"},
    "grafana-tempo": {"docker-compose.yml": "services:\n  tempo:\n    image: grafana/tempo:2.6.0\n"},
    "victoriametrics": {"docker-compose.yml": "services:\n  vm:\n    image: victoriametrics/victoria-metrics:v1.102.0\n"},
    "vector": {"docker-compose.yml": "services:\n  vector:\n    image: timberio/vector:0.41.1-alpine\n"},
    # (a development dependency counts with code using it: the app profiling a request)
    "blackfire": {"composer.json": '{"require-dev": {"blackfire/php-sdk": "^2.5"}}',
                  "src/Profiling/Probe.php": "<?php\nuse Blackfire\\Client;\n\n$probe = (new Client())->createProbe();\n"},
    "tideways": {".env.example": "TIDEWAYS_APIKEY=\nTIDEWAYS_SERVICE=web\n"},
    "inspector": {"composer.json": '{"require": {"inspector-apm/inspector-laravel": "^4.8"}}'},
    "lumigo": {"package.json": '{"dependencies": {"@lumigo/tracer": "^1.90.0"}}'},
    "site24x7": {"package.json": '{"dependencies": {"apminsight": "^3.0.0"}}'},
    "middleware-io": {"package.json": '{"dependencies": {"@middleware.io/node-apm": "^1.2.0"}}'},
    "uptrace": {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/uptrace/uptrace-go v1.28.0\n"},
    "openobserve": {"docker-compose.yml": "services:\n  openobserve:\n    image: public.ecr.aws/zinclabs/openobserve:latest\n"},
    "hyperdx": {"package.json": '{"dependencies": {"@hyperdx/node-opentelemetry": "^0.8.0"}}'},
    "alibaba-cloud-sls": {"requirements.txt": "aliyun-log-python-sdk==0.9.12\n"},
    "logentries": {"package.json": '{"dependencies": {"r7insight_node": "^3.0.0"}}'},
    "atatus": {"package.json": '{"dependencies": {"atatus-nodejs": "^2.0.0"}}'},
    "stackify": {"Api/Api.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="StackifyLib" Version="2.2.0" />\n  </ItemGroup>\n</Project>\n'},
    "netdata": {"docker-compose.yml": "services:\n  netdata:\n    image: netdata/netdata:stable\n"},
    "telegraf": {"docker-compose.yml": "services:\n  telegraf:\n    image: telegraf:1.32\n"},
    "zabbix": {"requirements.txt": "zabbix-utils==2.0.1\n"},
    "uptimerobot": {"scripts/status.py": 'import requests\nrequests.post("https://api.uptimerobot.com/v2/getMonitors", data={"api_key": key})\n'},
    "pingdom": {".env.example": "PINGDOM_API_TOKEN=\n"},
    "checkly": {"package.json": '{"devDependencies": {"checkly": "^4.9.0"}}',
                "checkly.config.ts": "import { defineConfig } from 'checkly';\n\nexport default defineConfig({ projectName: 'app', logicalId: 'app' });\n"},
    "cronitor": {"requirements.txt": "cronitor==4.7.1\n"},
    "healthchecks-io": {"app/jobs.py": 'import requests\nrequests.get("https://hc-ping.com/" + uuid)\n'},
    "uptime-kuma": {"docker-compose.yml": "services:\n  kuma:\n    image: louislam/uptime-kuma:1\n"},
    "atlassian-statuspage": {"ops/status.ts": 'await fetch(`https://api.statuspage.io/v1/pages/${pageId}/incidents`, { method: "POST" });\n'},
    "instatus": {".env.example": "INSTATUS_API_KEY=\nINSTATUS_PAGE_ID=\n"},
    "openstatus": {".env.example": "OPENSTATUS_API_KEY=\n"},
    "oh-dear": {"composer.json": '{"require": {"ohdearapp/ohdear-php-sdk": "^3.0"}}'},
    "dead-mans-snitch": {"app/tasks/backup.py": 'import requests\n\ndef backup():\n    dump()\n    requests.get("https://nosnch.in/abc123")\n'},
    # bhost: hosting (CDNs, clouds, self-hosted PaaS, registries, publish targets, DNS/TLS) and ci
    "fastly": {"package.json": '{"dependencies": {"@fastly/js-compute": "^3.0.0"}}'},
    "akamai": {"requirements.txt": "edgegrid-python==2.0.0\n", "cdn/purge.py": "from akamai.edgegrid import EdgeGridAuth\nauth = EdgeGridAuth.from_edgerc(rc, 'default')\n"},
    "keycdn": {"cdn/purge.py": 'import requests\nrequests.delete("https://api.keycdn.com/zones/purgeurl/123.json", auth=(key, ""))\n'},
    "hetzner": {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/hetznercloud/hcloud-go/v2 v2.9.0\n",
                "infra/servers.go": 'package infra\n\nimport "github.com/hetznercloud/hcloud-go/v2/hcloud"\n\nvar _ = hcloud.NewClient\n'},
    "linode": {"requirements.txt": "linode-api4==5.10.0\n"},
    "vultr": {"package.json": '{"dependencies": {"@vultr/vultr-node": "^2.6.0"}}'},
    "ovhcloud": {"composer.json": '{"require": {"ovh/ovh": "^3.3"}}'},
    "scaleway": {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/scaleway/scaleway-sdk-go v1.0.0-beta.29\n"},
    "oracle-cloud": {"build.gradle": "dependencies {\n    implementation 'com.oracle.oci.sdk:oci-java-sdk-core:3.44.0'\n}\n"},
    "dokku": workflow_with_steps("- uses: dokku/github-action@master", "  with:", "    git_remote_url: ssh://dokku@apps.acme.dev:22/app"),
    "caprover": {"captain-definition": '{"schemaVersion": 2, "dockerfilePath": "./Dockerfile"}\n'},
    "coolify": workflow_with_steps('- run: curl --request GET "${{ secrets.COOLIFY_WEBHOOK }}" --header "Authorization=Bearer ${{ secrets.COOLIFY_TOKEN }}"'),
    "laravel-forge": workflow_with_steps("- run: curl -X POST https://forge.laravel.com/servers/123/sites/456/deploy/http?token=${{ secrets.DEPLOY_TOKEN }}"),
    "laravel-vapor": {"composer.json": '{"require": {"laravel/framework": "^11.0", "laravel/vapor-core": "^2.37"}}'},
    "northflank": {"package.json": '{"dependencies": {"@northflank/js-client": "^0.8.0"}}'},
    "scalingo": {"scalingo.json": '{"name": "app", "addons": ["postgresql:postgresql-starter-512"]}\n'},
    "zeabur": {"zbpack.json": '{"build_command": "pnpm build", "start_command": "node server.js"}\n'},
    "pantheon": {"pantheon.yml": "api_version: 1\nphp_version: 8.2\n"},
    "acquia": {"composer.json": '{"require": {"drupal/core": "^10.2", "acquia/blt": "^13.7"}}'},
    "nomad": {"deploy/app.nomad.hcl": 'job "app" {\n  datacenters = ["dc1"]\n}\n'},
    "ngrok": {"package.json": '{"dependencies": {"@ngrok/ngrok": "^1.4.0"}}'},
    "surge": workflow_with_steps("- run: npx surge ./dist acme-preview.surge.sh --token ${{ secrets.SURGE_TOKEN }}"),
    "google-artifact-registry": workflow_with_steps("- run: gcloud auth configure-docker europe-west1-docker.pkg.dev", "- run: docker push europe-west1-docker.pkg.dev/acme/app/web:latest"),
    "azure-container-registry": workflow_with_steps("- uses: azure/docker-login@v1", "  with:", "    login-server: acme.azurecr.io"),
    "alibaba-cloud-container-registry": workflow_with_steps("- run: docker login --username=${{ secrets.ALIYUN_USER }} registry.cn-hangzhou.aliyuncs.com"),
    "tencent-cloud-container-registry": workflow_with_steps("- run: docker push ccr.ccs.tencentyun.com/acme/app:latest"),
    "maven-central": workflow_with_steps("- run: ./gradlew publishToSonatype closeAndReleaseSonatypeStagingRepository"),
    "nuget-gallery": workflow_with_steps('- run: dotnet nuget push "bin/*.nupkg" --api-key ${{ secrets.NUGET_API_KEY }} --source https://api.nuget.org/v3/index.json'),
    "pub-dev": workflow_with_steps("- run: dart pub publish --force"),
    "jsr": workflow_with_steps("- run: npx jsr publish"),
    "dnsimple": {"Gemfile": "source 'https://rubygems.org'\ngem 'dnsimple', '~> 9.0'\n"},
    "godaddy": {"dns/godaddy.ts": 'await fetch(`https://api.godaddy.com/v1/domains/${domain}/records/TXT/_acme`, { method: "PUT" });\n'},
    "namecheap": {"dns/namecheap.py": 'import requests\nrequests.get("https://api.namecheap.com/xml.response", params={"Command": "namecheap.domains.dns.setHosts"})\n'},
    "gandi": {"dns/gandi.ts": 'await fetch(`https://api.gandi.net/v5/livedns/domains/${fqdn}/records`, { headers });\n'},
    "porkbun": {"dns/porkbun.ts": 'await fetch(`https://api.porkbun.com/api/json/v3/dns/create/${domain}`, { method: "POST" });\n'},
    "zerossl": {"certs/zerossl.py": 'import requests\nrequests.post("https://api.zerossl.com/certificates", params={"access_key": key})\n'},
    "sonarcloud": workflow_with_steps("- uses: SonarSource/sonarqube-scan-action@v5", "  env:", "    SONAR_TOKEN: ${{ secrets.SONAR_TOKEN }}"),
    "snyk": workflow_with_steps("- uses: snyk/actions/node@master", "  env:", "    SNYK_TOKEN: ${{ secrets.SNYK_TOKEN }}"),
    "percy": {"package.json": '{"devDependencies": {"@percy/cli": "^1.28.0", "@percy/playwright": "^1.0.4"}}'},
    "cypress-cloud": workflow_with_steps("- run: npx cypress run --record --parallel", "  env:", "    CYPRESS_RECORD_KEY: ${{ secrets.CYPRESS_RECORD_KEY }}"),
    "currents": {"package.json": '{"devDependencies": {"@currents/playwright": "^1.3.0"}}'},
    "browserstack": {"browserstack.yml": "userName: YOUR_USERNAME\naccessKey: YOUR_ACCESS_KEY\nplatforms:\n  - os: Windows\n"},
    "sauce-labs": {".sauce/config.yml": "apiVersion: v1alpha\nkind: cypress\nsauce:\n  region: us-west-1\n"},
    "lambdatest": {"package.json": '{"devDependencies": {"wdio-lambdatest-service": "^3.0.0"}}'},
    "applitools": {"package.json": '{"devDependencies": {"@applitools/eyes-playwright": "^1.20.0"}}'},
    "argos-ci": {"package.json": '{"devDependencies": {"@argos-ci/playwright": "^2.0.0"}}'},
    "codeclimate": workflow_with_steps("- uses: paambaati/codeclimate-action@v9", "  env:", "    CC_TEST_REPORTER_ID: ${{ secrets.CC_TEST_REPORTER_ID }}"),
    "codacy": workflow_with_steps("- uses: codacy/codacy-coverage-reporter-action@v1", "  with:", "    project-token: ${{ secrets.CODACY_PROJECT_TOKEN }}"),
    "deepsource": workflow_with_steps("- run: curl https://deepsource.io/cli | sh", "- run: ./bin/deepsource report --analyzer test-coverage --key python --value-file ./coverage.xml"),
    "semgrep": workflow_with_steps("- run: semgrep ci", "  env:", "    SEMGREP_APP_TOKEN: ${{ secrets.SEMGREP_APP_TOKEN }}"),
    "gitguardian": workflow_with_steps("- uses: GitGuardian/ggshield-action@v1", "  env:", "    GITGUARDIAN_API_KEY: ${{ secrets.GITGUARDIAN_API_KEY }}"),
    "nx-cloud": {"package.json": '{"devDependencies": {"nx": "^19.0.0", "nx-cloud": "^19.0.0"}}'},
    "turborepo-remote-cache": workflow_with_steps("- run: pnpm turbo build", "  env:", "    TURBO_TOKEN: ${{ secrets.TURBO_TOKEN }}", "    TURBO_TEAM: ${{ vars.TURBO_TEAM }}"),
    "develocity": {".mvn/develocity.xml": "<develocity>\n  <server><url>https://develocity.acme.dev</url></server>\n</develocity>\n"},
    "buildbuddy": workflow_with_steps("- run: bazel test //... --remote_cache=grpcs://remote.buildbuddy.io --remote_header=x-buildbuddy-api-key=${{ secrets.BUILDBUDDY_API_KEY }}"),
    "cachix": workflow_with_steps("- uses: cachix/cachix-action@v15", "  with:", "    name: acme"),
    "jfrog-artifactory": workflow_with_steps("- uses: jfrog/setup-jfrog-cli@v4", "- run: jf rt upload dist/app.tgz generic-local/"),
    "buildjet": workflow_with_steps("- run: make test", runs_on="buildjet-4vcpu-ubuntu-2204"),
    "blacksmith": workflow_with_steps("- run: make test", runs_on="blacksmith-4vcpu-ubuntu-2404"),
    "ubicloud": workflow_with_steps("- run: make test", runs_on="ubicloud-standard-2"),
    "warpbuild": workflow_with_steps("- run: make test", runs_on="warp-ubuntu-latest-x64-4x"),
    "namespace": workflow_with_steps("- run: make test", runs_on="namespace-profile-default"),
    "bamboo": {"bamboo-specs/bamboo.yml": "---\nversion: 2\nplan:\n  project-key: ACME\n  key: APP\n"},
    "gocd": {"ci.gocd.yaml": "format_version: 10\npipelines:\n  app:\n    group: default\n"},
    # e17b (exercism, ghostfolio, tubearchivist): vendors met in a Rails app, a Nest monorepo, a Django app
    "anycable": {"Gemfile": "source 'https://rubygems.org'\ngem 'anycable-rails'\n"},
    "github-sponsors": {"app/commands/sponsors/sync_all.rb": 'def sponsorships = Github::Graphql::ExecuteQuery.(QUERY)\nQUERY = <<~GRAPHQL\n  query { organization(login: "acme") { sponsorshipsAsMaintainer(first: 100) { nodes { id } } } }\nGRAPHQL\n'},
    "aws-efs": {"app/commands/jobs/delete_from_efs.rb": 'class DeleteFromEFS\n  def call\n    return if dir == "/mnt/efs/jobs/canary"\n    FileUtils.rm_rf(dir)\n  end\nend\n'},
    "discourse": {"Gemfile": "gem 'discourse_api'\n", "app/commands/forum/threads.rb": "client = DiscourseApi::Client.new(url)\nclient.top_topics\n"},
    "sponsorblock": {"video/segments.py": 'import requests\nAPI = "https://sponsor.ajay.app/api"\nrequests.get(f"{API}/skipSegments", params={"videoID": vid})\n'},
    "return-youtube-dislike": {"requirements.txt": "ryd-client==0.0.6\n", "video/index.py": "import ryd_client\nryd_client.get(youtube_id)\n"},
    "google-cast": {"src/components/Cast.tsx": "const s = document.createElement('script');\ns.src = 'https://www.gstatic.com/cv/js/sender/v1/cast_sender.js?loadCastFramework=1';\n"},
    "google-favicon": {"src/logo/logo.service.ts": "const r = await fetch(`https://t0.gstatic.com/faviconV2?client=SOCIAL&type=FAVICON&url=${url}`);\n"},
    # from feedbin and laravelio: a metrics gem, a Laravel mailer transport, a WebSub hub
    "librato": {"Gemfile": 'gem "librato-rails", github: "acme/librato-rails"\n'},
    "mailcoach": {"composer.json": '{"require": {"spatie/laravel-mailcoach-mailer": "^1.5"}}'},
    "google-pubsubhubbub": {"app/models/feed.rb": 'def hubs\n  ["https://pubsubhubbub.appspot.com"]\nend\n'},
    # an app registered on the user's own instance with Mastodon's posting scope (no fixed host)
    "mastodon": {"app/models/share/mastodon.rb": 'class Share::Mastodon\n  def register(uri)\n    HTTP.post(uri, json: {client_name: "Acme", scopes: "write:statuses"}).parse\n  end\nend\n'},
    # Elixir: job queues and auth libraries from mix.exs
    "oban": {"mix.exs": 'defp deps do\n  [{:oban, "~> 2.17"}, {:postgrex, ">= 0.0.0"}]\nend\n'},
    "exq": {"mix.exs": 'defp deps do\n  [{:exq, "~> 0.19"}]\nend\n'},
    "ueberauth": {"mix.exs": 'defp deps do\n  [{:ueberauth, "~> 0.10"}]\nend\n'},
    "assent": {"mix.exs": 'defp deps do\n  [{:assent, "~> 0.2"}]\nend\n'},
    # e18c: analytical query engines and data warehouses a BI tool or data app connects to
    "presto": {"requirements.txt": "presto-python-client==0.8.4\n",
               "app/query.py": "import prestodb\nconn = prestodb.dbapi.connect(host='presto', port=8080, user='app', catalog='hive', schema='default')\n"},
    "vertica": {"requirements.txt": "vertica-python==1.4.0\n",
                "app/warehouse.py": "import vertica_python\nconn = vertica_python.connect(host=h, port=5433, user=u, database='analytics')\n"},
    "exasol": {"pyproject.toml": '[project]\nname = "x"\ndependencies = ["pyexasol>=0.26"]\n',
               "app/exa.py": "import pyexasol\nC = pyexasol.connect(dsn='exasol:8563', user='sys', password=p)\n"},
    "databend": {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/datafuselabs/databend-go v0.7.0\n",
                 "db/databend.go": 'package db\n\nimport (\n\t"database/sql"\n\n\t_ "github.com/datafuselabs/databend-go"\n)\n\nfunc Open(dsn string) (*sql.DB, error) { return sql.Open("databend", dsn) }\n'},
    "ibm-netezza": {"requirements.txt": "nzpy==1.16\n", "etl/load.py": "import nzpy\nconn = nzpy.connect(user='admin', password=p, host='nz', port=5480, database='system')\n"},
    "graphite": {"requirements.txt": "graphyte==1.7.1\n", "app/metrics.py": "import graphyte\ngraphyte.init('graphite.internal', prefix='app')\ngraphyte.send('requests', 1)\n"},
    "teradata": {"requirements.txt": "teradatasql==20.0.0.15\n", "app/td.py": "import teradatasql\ncon = teradatasql.connect(host=h, user=u, password=p)\n"},
    "firebolt": {"package.json": '{"dependencies": {"firebolt-sdk": "^1.8.0"}}',
                 "src/warehouse.ts": 'import { Firebolt } from "firebolt-sdk";\nconst firebolt = Firebolt();\n'},
    "dremio": {"requirements.txt": "sqlalchemy-dremio==3.0.3\n",
               "app/db.py": 'from sqlalchemy import create_engine\nengine = create_engine("dremio+flight://user:pass@dremio:32010/dremio")\n'},
    "materialize": {"docker-compose.yml": "services:\n  materialized:\n    image: materialize/materialized:v0.26.4\n    ports:\n      - 6875:6875\n"},
    "starrocks": {"requirements.txt": "starrocks==1.2.0\n", "app/olap.py": 'from sqlalchemy import create_engine\nengine = create_engine("starrocks://root@starrocks:9030/analytics")\n'},
    "apache-doris": {"requirements.txt": "pydoris==1.0.5\n", "app/olap.py": "import pydoris\n"},
    "greenplum": {".env.example": "GREENPLUM_HOST=\nGREENPLUM_PORT=5432\nGREENPLUM_DATABASE=warehouse\n"},
    "risingwave": {"docker-compose.yml": "services:\n  risingwave:\n    image: risingwavelabs/risingwave:v2.1.0\n    command: single_node\n"},
    "rockset": {"package.json": '{"dependencies": {"@rockset/client": "^0.9.0"}}',
                "src/search.ts": 'import rockset from "@rockset/client";\nconst client = rockset(process.env.ROCKSET_APIKEY);\n'},
    "treasure-data": {"Gemfile": "source 'https://rubygems.org'\ngem 'td-client'\n"},
    "e6data": {"requirements.txt": "e6data-python-connector==2.2.5\n", "app/e6.py": "from e6data_python_connector import Connection\n"},
    "apache-druid": {"requirements.txt": "pydruid[sqlalchemy]==0.6.9\n", "app/druid.py": "from pydruid.db import connect\nconn = connect(host='broker', port=8082, path='/druid/v2/sql/')\n"},
    "apache-hive": {"requirements.txt": "PyHive[hive]==0.7.0\n", "app/hive.py": "from pyhive import hive\ncursor = hive.connect('hiveserver').cursor()\n"},
    "apache-pinot": {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/startreedata/pinot-client-go v0.4.0\n"},
    "apache-kylin": {"requirements.txt": "kylinpy==2.8.4\n", "app/kylin.py": "from kylinpy import Kylin\n"},
    "apache-phoenix": {"requirements.txt": "phoenixdb==1.2.1\n", "app/hbase.py": "import phoenixdb\nconn = phoenixdb.connect('http://queryserver:8765/', autocommit=True)\n"},
    "apache-drill": {"requirements.txt": "sqlalchemy-drill==1.1.4\n", "app/db.py": 'from sqlalchemy import create_engine\nengine = create_engine("drill+sadrill://drill:8047/dfs?use_ssl=False")\n'},
    "apache-impala": {"requirements.txt": "impyla==0.19.0\n", "app/impala_client.py": "from impala.dbapi import connect\nconn = connect(host='impalad', port=21050)\n"},
    "yandex-disk": {"requirements.txt": "yadisk==3.1.0\n", "app/backup.py": "import yadisk\nclient = yadisk.Client(token=token)\nclient.upload('dump.sql', '/backups/dump.sql')\n"},
    # Vulnerability sources of an SCA tool (dependency-track): feed and API hosts, a self-hosted server's RPC path
    "nvd": {"src/main/java/org/acme/nvd/NvdFeedSource.java": 'class NvdFeedSource {\n    static final String FEEDS = "https://nvd.nist.gov/feeds";\n}\n'},
    "osv": {"lib/advisories/updater.ex": 'defmodule Advisories.Updater do\n  @url "https://osv-vulnerabilities.storage.googleapis.com/Hex/all.zip"\nend\n'},
    "oss-index": {"src/ossindex.ts": 'export const report = (coords: string[]) => fetch("https://ossindex.sonatype.org/api/v3/component-report", {method: "POST", body: JSON.stringify({coordinates: coords})});\n'},
    "epss": {"app/jobs/epss_job.rb": 'class EpssJob\n  URL = "https://epss.empiricalsecurity.com/epss_scores-current.csv.gz"\nend\n'},
    "cisa-kev": {"kev/cisa.go": 'package kev\n\nconst FeedURL = "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json"\n'},
    "vulndb": {"src/main/java/org/acme/vulndb/VulnDbClient.java": 'class VulnDbClient {\n    static final String BASE = "https://vulndb.flashpoint.io";\n}\n'},
    "trivy": {"src/main/java/org/acme/trivy/TrivyClient.java": 'class TrivyClient {\n    String scan(String base) { return "%s/twirp/trivy.scanner.v1.Scanner/Scan".formatted(base); }\n}\n'},
    "checkmarx": {"src/checkmarx.py": 'import requests\nAUTH = "https://iam.checkmarx.net/auth/realms/acme/protocol/openid-connect/token"\n'},
    # Package registries' read APIs (package metadata resolution, update checks)
    "packagist": {"src/main/java/org/acme/Repos.java": 'enum Repos {\n    PACKAGIST("https://repo.packagist.org/");\n    Repos(String u) {}\n}\n'},
    "go-module-proxy": {"internal/versions/proxy.go": 'package versions\n\nconst proxy = "https://proxy.golang.org"\n'},
    "hackage": {"src/hackage.ts": 'export const url = (pkg: string) => `https://hackage.haskell.org/package/${pkg}/preferred`;\n'},
    "nixpkgs": {"nix/index.py": 'INDEX = "https://channels.nixos.org/nixpkgs-unstable/packages.json.br"\n'},
    # AWS KMS through the Ruby SDK (HMAC of tax ids); ECB reference rates through the eu_central_bank gem
    "aws-kms": {"Gemfile": 'source "https://rubygems.org"\ngem "aws-sdk-kms"\n',
                "app/models/hasher.rb": "class Hasher\n  def client = Aws::KMS::Client.new(region: 'us-east-1')\nend\n"},
    "european-central-bank": {"Gemfile": 'source "https://rubygems.org"\ngem "eu_central_bank"\n',
                              "app/services/money_service.rb": "class MoneyService\n  def bank\n    b = EuCentralBank.new\n    b.update_rates\n  end\nend\n"},
    # Rails Action Mailbox ingress and the geocoder gem's configured lookups
    "sendgrid": {"config/environments/production.rb": "Rails.application.configure do\n  config.action_mailbox.ingress = :sendgrid\nend\n"},
    "mapbox": {"config/initializers/geocoder.rb": "Geocoder.configure(\n  lookup: :mapbox,\n  mapbox: { api_key: ENV['GEO_KEY'] },\n)\n"},
    # Lightning Network nodes, wallets and payment APIs, as Lightning apps use them
    "lnd": {"wallets/lnd_grpc.py": "import grpc\nfrom .protos import lightning_pb2_grpc as lnrpc\n\n\n"
            "def stub(channel):\n    return lnrpc.LightningStub(channel)\n"},
    "core-lightning": {"requirements.txt": "pyln-client==25.12\n",
                       "node/cln.py": "from pyln.client import LightningRpc\n\nrpc = LightningRpc('/root/.lightning/bitcoin/lightning-rpc')\n"},
    "eclair": {".env.example": "ECLAIR_URL=http://127.0.0.1:8283\nECLAIR_PASS=secret\n"},
    "phoenixd": {"docker-compose.yml": "services:\n  phoenixd:\n    image: acinq/phoenixd:0.5.1\n    ports: ['9740:9740']\n"},
    "cliche": {".env.example": "CLICHE_ENDPOINT=ws://127.0.0.1:12000\n"},
    "spark-wallet": {"docker-compose.yml": "services:\n  spark:\n    image: shesek/spark-wallet:0.3.2\n"},
    "spark-l2": {"package.json": '{"dependencies": {"@buildonspark/spark-sdk": "^0.2.0"}}\n'},
    "boltz": {"src/swap.ts": 'const res = await fetch("https://api.boltz.exchange/v2/swap/submarine", { method: "POST" });\n'},
    "breez-sdk": {"pyproject.toml": '[project]\nname = "x"\ndependencies = ["breez-sdk==0.8.0"]\n',
                  "wallet/breez.py": "from breez_sdk import connect, default_config\n"},
    "breez-sdk-liquid": {"package.json": '{"dependencies": {"@breeztech/breez-sdk-liquid": "^0.11.0"}}\n'},
    "opennode": {"payments/opennode.py": 'import httpx\n\nBASE = "https://api.opennode.com/v1"\n\n\ndef charge(c):\n    return c.post(BASE + "/charges")\n'},
    "lnpay": {"app/lnpay.js": 'const r = await fetch("https://api.lnpay.co/v1/wallet/" + key + "/invoice");\n'},
    "lntips": {"src/tips.py": 'ENDPOINT = "https://ln.tips/api/v1/createinvoice"\n'},
    "nostr-wallet-connect": {"src/wallet.ts": 'const PREFIX = "nostr+walletconnect://";\nexport const isNwc = (u: string) => u.startsWith(PREFIX);\n'},
    "zbd": {"server/zbd.ts": 'const API = "https://api.zebedee.io/v0";\nexport const charge = () => fetch(`${API}/charges`, { method: "POST" });\n'},
    "alby": {"package.json": '{"dependencies": {"@getalby/lightning-tools": "^5.0.0"}}\n'},
    "strike": {"app/strike.py": 'import httpx\n\nAPI = "https://api.strike.me/v1"\n\n\ndef balance(c):\n    return c.get(API + "/balances")\n'},
    "1ml": {"api/node.py": 'import httpx\n\n\nasync def rank(node_id):\n    return await httpx.AsyncClient().get(f"https://1ml.com/node/{node_id}/json")\n'},
    "blockchain-com": {"rates.py": 'PROVIDERS = {"blockchain": "https://blockchain.info/ticker"}\n'},
    # crypto exchanges' price tickers, read for exchange rates
    "binance": {"requirements.txt": "python-binance==1.0.19\n", "bot/client.py": "from binance.client import Client\n"},
    "kraken": {"rates.py": 'KRAKEN = "https://api.kraken.com/0/public/Ticker?pair=XBTUSD"\n'},
    "bitfinex": {"src/rates.ts": 'const url = `https://api-pub.bitfinex.com/v2/ticker/tBTCUSD`;\n'},
    "bitstamp": {"rates.py": 'BITSTAMP = "https://www.bitstamp.net/api/v2/ticker/btcusd/"\n'},
}

# Near misses that must stay quiet: a look-alike call, a pull of someone else's image.
NOT_FOUND = {
    # A server that reads Emby's header (an Emby-compatible API) is no Emby client; a link or
    # favicon mapping to plex.tv is no Plex API; a `lookup` of another geocoder is no Photon.
    "emby": {"server/jellyfin/middlewares.go": 'package jellyfin\n\nfunc auth(r *http.Request) string { return r.Header.Get("X-Emby-Token") }\n'},
    "plex": {"API/Services/ImageService.cs": 'var map = new Dictionary<string, string> { ["https://app.plex.tv"] = "https://plex.tv" };\n'},
    "photon": {"config/initializers/geocoder.rb": "Geocoder.configure(lookup: :google)\n# photon is not used\n"},
    "google-cloud-tasks": {"app/asgi.py": "import asyncio\nasyncio.create_task(main())\n",
                           "app/settings.py": "import os\nos.environ.get('DATA_MIGRATIONS_TASKS_QUEUE_NAME')\n"},
    "aws-ecr": {"docker-compose.yml": "services:\n  qstash:\n    image: public.ecr.aws/upstash/qstash:latest\n"},
    "itunes": {"resources/views/app.blade.php": '<a href="https://apps.apple.com/app/id123">App Store</a>\n'},
    "youtube": {"ui/icons.tsx": "export function YouTube({ className }: Props) { return <svg className={className} />; }\n"},
    "github-container-registry": {".github/workflows/scan.yml": "on: push\njobs:\n  s:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker run --rm ghcr.io/aquasecurity/trivy:latest image app\n"},
    "twitter-oauth": {"ui/icons.tsx": "export function Twitter({ className }: Props) { return <svg className={className} />; }\n"},
    "mux": {"config/constants.php": "<?php\nreturn ['ssh' => ['mux_enabled' => env('MUX_ENABLED', true)]];\n"},
    "highlight": {"resources/views/docs.blade.php": '<script src="https://cdn.tinystats.net/highlight.min.js"></script>\n'},
    "google-cloud-iap": {"go.mod": "module x\n\ngo 1.22\n\nrequire google.golang.org/api v0.200.0\n",
                         "pubsub/verify.go": 'package pubsub\n\nimport "google.golang.org/api/idtoken"\n\nvar _ = idtoken.Validate\n'},
    "gotenberg": {"app/pdf.rb": '# see https://gotenberg.dev\npath = "/forms/chromium"\n'},
    "cloudflare-web-analytics": {"web/next.config.mjs": "const csp = `script-src 'self' https://static.cloudflareinsights.com;`;\n"},
    # arctic is an OAuth 2.0 client library by Lucia's author, not Lucia.
    "lucia": {"package.json": '{"dependencies": {"arctic": "^3.0.0"}}',
              "lib/oauth.ts": 'import { Google } from "arctic";\nexport const google = new Google(id, secret, redirect);\n'},
    # Vercel's storage integration names Upstash Redis's credentials KV_REST_API_*.
    "vercel-kv": {".env.example": "KV_REST_API_URL=\nKV_REST_API_TOKEN=\n",
                  "lib/kv.ts": 'import { Redis } from "@upstash/redis";\nexport const kv = new Redis({ url: process.env.KV_REST_API_URL, token: process.env.KV_REST_API_TOKEN });\n'},
    "open-food-facts": {"wger/nutrition/models.py": "SOURCE = 'Open Food Facts'\n"},
    "npm-registry": {".github/workflows/ci.yml": "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci\n      - run: npm publish --dry-run\n"},
    "google-fonts": {"app/layout.html.haml": "%link{href: 'https://fonts.googleapis.com/css2?family=Inter', rel: 'stylesheet'}\n",
                     "web/src/app.ts": 'const css = "https://fonts.googleapis.com/css2?family=Inter";\n'},
    "whatsapp": {"app/settings.py": 'import os\nWHATSAPP_UP_CONTENT_SID = os.getenv("WHATSAPP_UP_CONTENT_SID")\n'},
    "jira": {"app/search.py": 'path = "/rest/api/search"\n'},
    "ftp": {"app/agents/website.rb": "DESC = 'any URL: http://, https:// or ftp://'\n"},
    # boto3 with an SQS call only in a test (a moto-mocked queue checking an SNS publish).
    "aws-sqs": {"requirements.txt": "boto3==1.35\n", "app/notify.py": 'import boto3\nboto3.client("sns").publish(TopicArn=t, Message=m)\n',
                "app/tests/test_notify.py": 'import boto3\nsqs = boto3.client("sqs")\nsqs.receive_message(QueueUrl=q)\n'},
    "pypi": {".github/workflows/ci.yml": "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install -r requirements.txt\n"},
    # PHP's file_get_contents() is no GitHub contents call (a workflow's GITHUB_TOKEN is no use either)
    "github": {".github/workflows/release.yml": "on: push\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gh release create v1\n        env:\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n",
               "app/Providers/AppServiceProvider.php": "<?php\n// version shown in the footer (github release or git HEAD)\n$head = file_get_contents(base_path('.git/HEAD'));\n"},
    "trello": {"embeds/Trello.tsx": 'export const match = /^https:\\/\\/trello\\.com\\/(c|b)\\//;\nconst url = "https://trello.com/b/abc";\n'},
    # Meta's Graph host in a WhatsApp sender is WhatsApp's Cloud API, not Facebook Login.
    "facebook-login": {"bot/whatsapp.ts": 'const token = process.env.WHATSAPP_ACCESS_TOKEN;\nawait fetch(`https://graph.facebook.com/v21.0/${id}/messages`, { headers: { Authorization: `Bearer ${token}` } });\n'},
    # A provider name quoted where no sign-in call takes it (a link label, an icon name).
    "github-oauth": {"package.json": '{"dependencies": {"@supabase/supabase-js": "^2.0.0"}}',
                     "ui/footer.tsx": 'export const links = [{ icon: "github", href: "https://github.com/acme/app" }];\n'},
    # Only a settings module that is no platform's name.
    "heroku": {"app/settings/production.py": "DEBUG = False\n"},
    # JNDI's directory API looking up MX records through its DNS provider is no LDAP.
    "ldap": {"src/main/java/app/Mx.java": 'import javax.naming.directory.InitialDirContext;\nclass Mx { void c(java.util.Hashtable<String, String> env) { env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory"); new InitialDirContext(env); } }\n'},
    # A GPS tracker's own protocol named like a catalog vendor (Box) is raw TCP, no service.
    "box": {"src/main/java/app/protocol/BoxProtocolDecoder.java": "public class BoxProtocolDecoder extends BaseProtocolDecoder {}\n"},
    # Elixir's Phoenix web framework (Hex package, its JS client, PHX_ settings) is no Apache Phoenix.
    "apache-phoenix": {"mix.exs": 'defp deps do\n  [{:phoenix, "~> 1.7.14"}, {:phoenix_live_view, "~> 1.0"}, {:phoenix_ecto, "~> 4.5"}]\nend\n',
                       "assets/package.json": '{"dependencies": {"phoenix": "file:../deps/phoenix", "phoenix_html": "file:../deps/phoenix_html"}}',
                       "lib/app_web/phoenix.ex": "defmodule AppWeb.Phoenix do\n  use Phoenix.Controller\nend\n",
                       "config/runtime.exs": 'import Config\nconfig :app, AppWeb.Endpoint, url: [host: System.get_env("PHX_HOST")]\n'},
    # Materialize CSS is a front-end framework, not the streaming database.
    "materialize": {"package.json": '{"dependencies": {"materialize-css": "^1.0.0"}}',
                    "src/lib/materialize.js": 'import M from "materialize-css";\nexport const init = () => M.AutoInit();\n'},
    # Rust's druid GUI toolkit is no Apache Druid.
    "apache-druid": {"Cargo.toml": '[package]\nname = "app"\nversion = "0.1.0"\n\n[dependencies]\ndruid = "0.8"\n',
                     "src/druid.rs": "use druid::widget::Label;\npub fn ui() -> Label<()> { Label::new(\"hi\") }\n"},
    # The Hive blockchain's client is no Apache Hive.
    "apache-hive": {"package.json": '{"dependencies": {"@hiveio/dhive": "^1.3.0"}}',
                    "src/services/hive.ts": 'import { Client } from "@hiveio/dhive";\nexport const hive = new Client(["https://api.hive.blog"]);\n'},
    # A colour theme named graphite is no Graphite metrics store.
    "graphite": {"src/themes/graphite.ts": "export const graphite = { background: '#2b2b2b', foreground: '#e0e0e0' };\n"},
    # Comcast's Firebolt SDK for TV apps is not the Firebolt warehouse.
    "firebolt": {"package.json": '{"dependencies": {"@firebolt-js/sdk": "^1.0.0"}}',
                 "src/firebolt.js": 'import { Lifecycle } from "@firebolt-js/sdk";\nLifecycle.ready();\n'},
    # Hacker News' API is served from a Firebase database of Y Combinator's: no Firebase of the app's.
    "firebase-realtime-database": {"internal/widgets/hn.go": 'package widgets\n\nconst top = "https://hacker-news.firebaseio.com/v0/topstories.json"\n'},
    # A training app's own Drill model is no Apache Drill.
    "apache-drill": {"app/models/drill.rb": "class Drill < ApplicationRecord\n  belongs_to :lesson\nend\n"},
}


# Package-manager channels a release publishes to, Apprise and Ookla's Speedtest (twenty-sixth set).
_GORELEASER_CHANNELS = {
    "homebrew": "brews:\n  - name: app-agent\n    repository:\n      owner: acme\n      name: homebrew-app\n",
    "scoop": "scoops:\n  - name: app-agent\n    repository:\n      owner: acme\n      name: app-scoops\n",
    "winget": "winget:\n  - name: app-agent\n    package_identifier: acme.app-agent\n    publisher: acme\n    repository:\n      owner: acme\n      name: app-winget\n",
    "chocolatey": "chocolateys:\n  - name: app\n    api_key: '{{ .Env.CHOCOLATEY_API_KEY }}'\n",
    "snapcraft": "snapcrafts:\n  - name: app\n    publish: true\n",
    "aur": "aurs:\n  - name: app-bin\n    git_url: 'ssh://aur@aur.archlinux.org/app-bin.git'\n",
}
_NEW_CASES = {
    sid: {".goreleaser.yml": "version: 2\nbuilds:\n  - main: ./cmd/app\n" + section}
    for sid, section in _GORELEASER_CHANNELS.items()
}
_NEW_CASES.update({
    # an Apprise API server beside the app, which posts its notifications there
    "apprise": {"compose.yaml": "services:\n  app:\n    build: .\n  apprise:\n    image: 'caronc/apprise:latest'\n",
                "app/Notifications/AppriseChannel.php": "<?php\nnamespace App\\Notifications;\n\nuse Illuminate\\Support\\Facades\\Http;\n\n"
                "class AppriseChannel\n{\n    public function send($url, $message) { return Http::post($url, ['urls' => $message->urls, 'body' => $message->body]); }\n}\n"},
    # the Speedtest CLI run as a process (its license flags), no host in the file
    "ookla-speedtest": {"app/Jobs/RunSpeedtestJob.php": "<?php\nuse Symfony\\Component\\Process\\Process;\n\n"
                        "$process = new Process(['speedtest', '--accept-license', '--accept-gdpr', '--format=json']);\n$process->run();\n"},
})
assert not set(_NEW_CASES) & set(CASES), "CASES keys must be unique"
CASES.update(_NEW_CASES)


@pytest.mark.parametrize("sid", sorted(CASES))
def test_catalog_entry_is_found(tmp_path, sid, scanner):
    write_tree(tmp_path, CASES[sid])
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert sid in {u.id for u in inv.services}


@pytest.mark.parametrize("sid", sorted(NOT_FOUND))
def test_look_alike_is_not_the_service(tmp_path, sid, scanner):
    write_tree(tmp_path, NOT_FOUND[sid])
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert sid not in {u.id for u in inv.services}


def test_registry_logins_of_common_workflow_shapes(tmp_path, scanner):
    """docker/login-action with `DOCKER_USERNAME` and no `registry:` logs in to Docker Hub; a
    registry held in an env var (`GITHUB_REGISTRY: ghcr.io`) is still GHCR."""
    write_tree(tmp_path, {".github/workflows/release.yml": """\
on: push
env:
  GITHUB_REGISTRY: ghcr.io
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          username: ${{ secrets.DOCKER_USERNAME }}
          password: ${{ secrets.DOCKER_PASSWORD }}
      - uses: docker/login-action@v3
        with:
          registry: ${{ env.GITHUB_REGISTRY }}
"""})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert {"docker-hub", "github-container-registry"} <= {u.id for u in inv.services}


def test_github_registry_login_without_packages_write_is_a_pull(tmp_path, scanner):
    """A workflow that declares its permissions without `packages: write` and passes no
    secret of its own logs in to ghcr.io only to pull (a `docker://ghcr.io/...` action)."""
    write_tree(tmp_path, {".github/workflows/lint.yml": """\
on: push
permissions: {}
jobs:
  k:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - run: printf '%s' "$T" | docker login https://ghcr.io --username "$GITHUB_ACTOR" --password-stdin
        env:
          T: ${{ github.token }}
      - uses: docker://ghcr.io/yannh/kubeconform:v0.6.3
"""})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "github-container-registry" not in {u.id for u in inv.services}


def test_youtube_through_pytube(tmp_path, scanner):
    write_tree(tmp_path, {"requirements.txt": "pytubefix==11.2.1\n", "helper/video.py": "from pytubefix import YouTube\nvideo = YouTube(url)\n"})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "youtube" in {u.id for u in inv.services}

# A second way to find an entry CASES already proves (a dict holds one case per id).
MORE_CASES = [
    # R2DBC drivers of H2 and MariaDB (Spring WebFlux apps), runtimeOnly beside the JDBC ones
    ("h2", {"build.gradle": "dependencies {\n    runtimeOnly 'io.r2dbc:r2dbc-h2'\n}\n"}),
    ("mariadb", {"build.gradle": "dependencies {\n    runtimeOnly 'org.mariadb:r2dbc-mariadb:1.2.0'\n}\n"}),
    # Prometheus exporter of the Rust `metrics` facade
    ("prometheus", {"Cargo.toml": '[package]\nname = "srv"\nversion = "0.1.0"\n\n[dependencies]\nmetrics-exporter-prometheus = { version = "0.18", default-features = false }\n'}),
    # Uffizzi preview environments: the reusable preview action, images pushed to its registry
    ("uffizzi", workflow_with_steps("- uses: docker/build-push-action@v5", "  with:", "    push: true",
                                    "    tags: registry.uffizzi.com/${{ env.UUID_TAG_APP }}:24h")),
    ("uffizzi", workflow_with_steps("- uses: UffizziCloud/preview-action@v2", "  with:", "    compose-file-cache-key: ${{ env.KEY }}")),
    # Tesla's owner API as an Elixir HTTP client's base URL (the `tesla` Hex package is no Tesla)
    ("tesla", {"lib/car_api.ex": 'defmodule CarApi do\n  def client do\n    Tesla.client([{Tesla.Middleware.BaseUrl, System.get_env("TESLA_API_HOST", "https://owner-api.teslamotors.com")}])\n  end\nend\n'}),
    # Sonic full-text search backend through its Python client
    ("sonic", {"pyproject.toml": '[project]\nname = "app"\ndependencies = ["sonic-client>=1.0.0"]\n',
               "app/search/sonic.py": "from sonic import IngestClient\n\ndef index(text):\n    with IngestClient('127.0.0.1', 1491, 'pw') as c:\n        c.push('snapshots', 'default', '1', text)\n"}),
    # IPinfo's plain-text public-IP endpoint (no token) in a "what is my IP" helper
    ("ipinfo", {"app/machine/detect.py": 'from urllib.request import urlopen\n\ndef public_ip():\n    return urlopen("https://ipinfo.io/ip", timeout=5).read().decode().strip()\n'}),
    # Lightning funding sources configured by env only (the node's address is the user's)
    ("lnd", {".env.example": "LND_REST_ENDPOINT=https://127.0.0.1:8080\nLND_REST_MACAROON=\n"}),
    ("core-lightning", {".env.example": "CLNREST_URL=https://127.0.0.1:3010\nCLNREST_READONLY_RUNE=\n"}),
    ("zbd", {".env.example": "ZBD_API_KEY=\n"}),
    ("lnd", {"docker-compose.yml": "services:\n  lnd:\n    image: lightninglabs/lnd:v0.18.3-beta\n"}),
    # Quarkus extensions: the JDBC driver of a database and the mailer (SMTP)
    ("postgresql", {"server/pom.xml": '<project>\n  <dependencies>\n    <dependency>\n      <groupId>io.quarkus</groupId>\n      <artifactId>quarkus-jdbc-postgresql</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n'}),
    ("smtp", {"server/pom.xml": '<project>\n  <dependencies>\n    <dependency>\n      <groupId>io.quarkus</groupId>\n      <artifactId>quarkus-mailer</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n'}),
    # An app's SSO callback reading the IdP's SAMLResponse, its SAML library only in a lockfile
    ("saml", {"apps/web/app/api/auth/saml/callback/route.ts": 'import { handle } from "@/lib/sso";\n\nexport async function POST(req: Request) {\n'
              '  const form = await req.formData();\n  const response = form.get("SAMLResponse");\n  return handle(response);\n}\n'}),
    # Go: gopkg.in/ldap.v3 is go-ldap's old import path, still required by many Go apps
    ("ldap", {"go.mod": "module x\n\ngo 1.22\n\nrequire gopkg.in/ldap.v3 v3.1.0\n",
              "server/handles/ldap_login.go": 'package handles\n\nimport "gopkg.in/ldap.v3"\n\nfunc dial(addr string) { ldap.Dial("tcp", addr) }\n'}),
    # a hand-written GitHub sign-in: the SSO handler's authorize and token URLs, no OAuth library
    ("github-oauth", {"server/handles/ssologin.go": 'package handles\n\nfunc authURL(platform string) string {\n'
                      '\tswitch platform {\n\tcase "Github":\n\t\treturn "https://github.com/login/oauth/authorize?"\n\t}\n\treturn ""\n}\n'}),
    # Anubis as the compose stack's bot-challenge proxy in front of the web service
    ("anubis", {"docker-compose.yml": "services:\n  anubis:\n    image: ghcr.io/techarohq/anubis:latest\n"
                "    environment:\n      TARGET: http://web:8000\n      DIFFICULTY: \"4\"\n"
                "  web:\n    build: .\n"}),
    # a hand-written DingTalk sign-in: the login handler's authorize URL
    ("dingtalk-oauth", {"server/handles/ssologin.go": 'package handles\n\nfunc authURL(platform string) string {\n'
                        '\tswitch platform {\n\tcase "Dingtalk":\n\t\treturn "https://login.dingtalk.com/oauth2/auth?"\n\t}\n\treturn ""\n}\n'}),
    # the download clients' client libraries; qBittorrent's Web UI API path on a configured URL
    ("aria2", {"requirements.txt": "aria2p==0.12.0\n", "app/downloads.py": "import aria2p\n\nclient = aria2p.API(aria2p.Client(host=url, secret=secret))\n"}),
    ("qbittorrent", {"requirements.txt": "qbittorrent-api==2024.9.67\n", "app/downloads.py": "import qbittorrentapi\n\nqbt = qbittorrentapi.Client(host=url)\n"}),
    ("qbittorrent", {"pkg/qbittorrent/client.go": 'package qbittorrent\n\nfunc (c *client) add(u string) error {\n'
                     '\t_, err := c.post(c.url + "/api/v2/torrents/add", u)\n\treturn err\n}\n'}),
    ("transmission", {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/hekmon/transmissionrpc/v3 v3.0.0\n",
                      "internal/offline_download/transmission/client.go": 'package transmission\n\nimport "github.com/hekmon/transmissionrpc/v3"\n\n'
                      'func connect(u *url.URL) { transmissionrpc.New(u, nil) }\n'}),
    # Google Photos' Library API: uploads and media items from a photo-sync module
    ("google-photos", {"drivers/google_photo/driver.go": 'package google_photo\n\nconst uploads = "https://photoslibrary.googleapis.com/v1/uploads"\n'}),
    # registries read at run time: npm's registry API, NuGet's V3 API, Maven Central's repository
    ("npm-registry", {"src/lib/version.ts": 'export const latest = (name: string) => fetch(`https://registry.npmjs.org/-/package/${name}/dist-tags`);\n'}),
    ("nuget-gallery", {"src/main/java/org/acme/Repos.java": 'enum Repos {\n    NUGET("https://api.nuget.org/");\n    Repos(String u) {}\n}\n'}),
    ("maven-central", {"src/main/java/org/acme/Repos.java": 'enum Repos {\n    CENTRAL("https://repo1.maven.org/maven2/");\n    Repos(String u) {}\n}\n'}),
    # the Ruby Admin SDK gem; Action Mailbox through Mailgun; geocoder's IP lookup set to IPinfo
    ("google-workspace", {"Gemfile": 'source "https://rubygems.org"\ngem "google-apis-admin_directory_v1"\n',
                          "app/services/gsuite.rb": 'require "google/apis/admin_directory_v1"\nclass Gsuite\n  def client = Google::Apis::AdminDirectoryV1::DirectoryService.new\nend\n'}),
    ("mailgun", {"config/environments/production.rb": "Rails.application.configure do\n  config.action_mailbox.ingress = :mailgun\nend\n"}),
    ("ipinfo", {"config/initializers/geocoder.rb": "Geocoder.configure(\n  ip_lookup: :ipinfo_io,\n  ipinfo_io: { api_key: ENV['IP_KEY'] },\n)\n"}),
    # Mattermost's REST API v4 on the user's server, through a Tesla client with its base URL
    ("mattermost", {"lib/chat_api/mattermost/client.ex": 'defmodule ChatApi.Mattermost.Client do\n'
                    '  def send_message(params, auth) do\n    auth |> client() |> Tesla.post("/api/v4/posts", params)\n  end\nend\n'}),
    # SignalWire's Twilio-compatible client; a validator of SNS's signed deliveries (SES events via SNS)
    ("signalwire", {"package.json": '{"dependencies": {"@signalwire/compatibility-api": "^3.1.4"}}',
                    "src/destinations/signalwire.ts": 'import { RestClient } from "@signalwire/compatibility-api";\n'
                    'const client = RestClient(project, token, { signalwireSpaceUrl });\n'}),
    ("aws-sns", {"package.json": '{"dependencies": {"sns-payload-validator": "^2.1.0"}}',
                 "src/webhooks.ts": 'import Validator from "sns-payload-validator";\nawait new Validator().validate(payload);\n'}),
    # Elixir: ExAws's Lambda client (deploy/invoke functions), Expo's push SDK
    ("aws-lambda", {"mix.exs": 'defp deps do\n  [{:ex_aws, "~> 2.1"}, {:ex_aws_lambda, "~> 2.0"}]\nend\n'}),
    ("expo-push", {"mix.exs": 'defp deps do\n  [{:exponent_server_sdk, "~> 0.2.0"}]\nend\n'}),
    # multi-vendor notification libraries' per-vendor packages (nikoksr/notify and its forks, shoutrrr)
    ("discord", {"notification/discord.go": 'package notification\n\nimport "github.com/casdoor/notify2/service/discord"\n\nvar _ = discord.New\n'}),
    ("slack", {"notify/slack.go": 'package notify\n\nimport "github.com/nikoksr/notify/service/slack"\n\nvar _ = slack.New\n'}),
    ("gotify", {"notify/gotify.go": 'package notify\n\nimport "github.com/containrrr/shoutrrr/pkg/services/gotify"\n\nvar _ = gotify.Service{}\n'}),
    ("letsencrypt", {"object/site_cert_account.go": 'package object\n\nimport "github.com/casbin/lego/v4/lego"\n\nvar _ = lego.LEDirectoryProduction\n'}),
    # Java: JNDI LDAP context factory; the WhatsApp Cloud API body in a Jackson class.
    ("ldap", {"src/main/java/app/LdapProvider.java": 'class LdapProvider {\n  void c(java.util.Hashtable<String, String> env) {\n    env.put(javax.naming.Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");\n  }\n}\n'}),
    ("whatsapp", {"src/main/java/app/WhatsappMessage.java": 'class WhatsappMessage {\n    @JsonProperty("messaging_product")\n    private String messagingProduct = "whatsapp";\n}\n'}),
    ("openstreetmap-nominatim", {"config/initializers/geocoder.rb": "Geocoder.configure(lookup: :nominatim)\n"}),
    ("apple-sign-in", {"Gemfile": "gem 'apple_id', '~> 1.2'\n"}),
    # Auth.js's inline provider object (`type: "oidc"`), not an imported provider module.
    ("oidc", {"lib/auth.ts": 'providers.push({ id: "custom", type: "oidc", issuer: env.CUSTOM_OAUTH_ISSUER });\n'}),
    ("microsoft-teams", {".env.example": "TEAMS_BOT_APP_ID=\nTEAMS_BOT_APP_PASSWORD=\n"}),
    ("aws-cloudfront", {"requirements.txt": "boto3==1.35\n", "aws/cf.py": 'import boto3\ncf = boto3.client("cloudfront")\n'}),
    # python-social-auth's backend modules name the sign-in providers, as allauth's providers do.
    ("discord-oauth", {"requirements.txt": "social-auth-app-django==5.4.2\nsocial-auth-core==4.5.4\n",
                       "app/socialauth/apps.py": "from social_core.backends.discord import DiscordOAuth2\n"}),
    ("python-social-auth", {"requirements.txt": "social-auth-core==4.5.4\n", "app/views.py": "from social_core.exceptions import AuthFailed\n"}),
    ("duo-security", {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/duosecurity/duo_api_golang v0.3.0\n"}),
    ("forgejo", {"go.mod": "module x\n\ngo 1.22\n\nrequire codeberg.org/mvdkleijn/forgejo-sdk/forgejo/v3 v3.0.0\n"}),
    ("bitbucket-data-center", {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/neticdk/go-bitbucket v1.0.5\n"}),
    ("forgejo-oauth", {".env.example": "FORGEJO_CLIENT_ID=\nFORGEJO_CLIENT_SECRET=\n"}),
    ("bitbucket-data-center-oauth", {
        "server/forge/bitbucketdatacenter/bitbucketdatacenter.go": 'package bitbucketdatacenter\n\n'
        'func (c *client) Login(ctx context.Context) error {\n'
        '\t_ = oauth2.Endpoint{AuthURL: fmt.Sprintf("%s/oauth2/latest/authorize", c.url)}\n\treturn nil\n}\n'}),
    # Registry logins in a Woodpecker workflow: publishing to Docker Hub and Quay.
    ("docker-hub", {".woodpecker/docker.yaml": "steps:\n  publish:\n    image: woodpeckerci/plugin-docker-buildx\n"
                    "    settings:\n      logins:\n        - registry: https://index.docker.io/v1/\n"}),
    ("quay", {".woodpecker/docker.yaml": "steps:\n  publish:\n    image: woodpeckerci/plugin-docker-buildx\n"
              "    settings:\n      logins:\n        - registry: https://quay.io\n"}),
    # gtag.js loaded for an Analytics id in a Django template.
    ("google-analytics", {"templates/analytics.html": '<script async src="https://www.googletagmanager.com/gtag/js?id={{ settings.google_tracking_id }}"></script>\n'}),
    # Supabase Auth's and Better Auth's sign-in calls take the provider by name.
    ("apple-sign-in", {"package.json": '{"dependencies": {"@supabase/supabase-js": "^2.0.0"}}',
                       "hooks/use-oauth.ts": 'export type P = "google" | "apple";\nexport const signIn = (p: P) => supabase.auth.signInWithOAuth({ provider: p });\n'}),
    ("microsoft-oauth", {"package.json": '{"dependencies": {"@supabase/supabase-js": "^2.0.0"}}',
                         "auth/login.ts": 'await supabase.auth.signInWithOAuth({ provider: "azure", options: { scopes: "email" } });\n'}),
    ("github-oauth", {"package.json": '{"dependencies": {"better-auth": "^1.0.0"}}',
                      "lib/auth-client.ts": 'import { createAuthClient } from "better-auth/react";\nawait authClient.signIn.social({ provider: "github" });\n'}),
    ("postmark", {"webhooks/inbox.ts": 'export const POSTMARK_IPS = ["3.134.147.250"];\nconst { FromFull, OriginalRecipient } = await c.req.json();\n'}),
    ("haveibeenpwned", {"Gemfile": "gem 'pwned', '~> 2.4'\n"}),
    ("kubernetes", {"config/deploy/web.yaml.erb": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  <% if environment == 'staging' %>\n  replicas: 3\n  <% end %>\n  template:\n    spec:\n      containers:\n      - name: web\n        image: acme/web\n"}),
    # A docs site with server routes is an application: its API route's Redis counts.
    ("upstash-redis", {"apps/website/package.json": '{"dependencies": {"@upstash/redis": "^1.0.0"}}',
                       "apps/website/src/app/api/chat/route.ts": 'import { Redis } from "@upstash/redis";\nconst redis = Redis.fromEnv();\n'}),
    # Jira Service Management's ops API through Atlassian's API gateway.
    ("jira", {"server/jsm.js": 'const axios = require("axios");\nconst base = `https://api.atlassian.com/jsm/ops/api/${cloudId}/v1`;\naxios.post(`${base}/alerts`, {});\n'}),
    # The Laravel AI SDK's provider enum (`Lab::Anthropic`) selects the provider the app calls.
    *[(sid, {"composer.json": '{"require": {"laravel/ai": "^0.2"}}',
             "app/Ai/Providers.php": f"<?php\nuse Laravel\\Ai\\Enums\\Lab;\n$providers = [Lab::{case}];\n"})
      for sid, case in [("openai", "OpenAI"), ("anthropic", "Anthropic"), ("google-gemini", "Gemini"), ("groq", "Groq"),
                        ("xai", "xAI"), ("deepseek", "DeepSeek"), ("mistral", "Mistral"), ("ollama", "Ollama")]],
    # A hosted-checkout form posted to the gateway.
    ("payu", {"src/Payment/PayU.php": "<?php\nfunction url($sandbox) { return $sandbox ? 'https://test.payu.in/_payment' : 'https://secure.payu.in/_payment'; }\n"}),
    # Front-end scripts and pixels loaded from the vendor's host.
    ("pylon", {"web/loadChat.ts": "s.setAttribute('src', `https://widget.usepylon.com/widget/${appId}`)\n"}),
    ("headway", {"web/Headway.js": "loadScript('https://cdn.headwayapp.co/widget.js')\n"}),
    ("firstpromoter", {"web/fpr.js": "loadScript('https://cdn.firstpromoter.com/fpr.js').then(() => fpr('init', { cid }))\n"}),
    ("reo", {"package.json": '{"dependencies": {"reodotdev": "^1.0.0"}}',
             "web/api.ts": "import { loadReoScript } from 'reodotdev'\nloadReoScript({ clientID })\n"}),
    ("delighted", {"web/libs.js": "o.src = `https://d2yyd1h5u9mauk.cloudfront.net/integrations/web/v1/library/${r}/${n}.js`;\n"}),
    ("linkedin-insight", {"web/libs.js": 'window._linkedin_data_partner_ids = window._linkedin_data_partner_ids || [];\nb.src = "https://snap.licdn.com/li.lms-analytics/insight.min.js";\n'}),
    ("albacross", {"web/Home.tsx": "window._nQc = id\nscript.src = 'https://serve.albacross.com/track.js'\n"}),
    ("capterra", {"web/CreateOrg.tsx": "img.src = `https://ct.capterra.com/capterra_tracker.gif?vid=${v}&vkey=${k}`\n"}),
    # Datadog's US1-FED site among a region picker's API hosts.
    ("datadog", {"web/datadog.ts": "export const sites = [{ value: 'https://api.ddog-gov.com' }]\n"}),
    # CI: Storybook visual tests, a private package registry the build logs in to.
    ("chromatic", {".github/workflows/chromatic.yml": "on: push\njobs:\n  c:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: chromaui/action@v11\n        with:\n          projectToken: ${{ secrets.CHROMATIC_PROJECT_TOKEN }}\n"}),
    ("aws-codeartifact", {".github/actions/codeartifact-login/action.yml": "runs:\n  using: composite\n  steps:\n    - shell: bash\n      run: token=$(aws codeartifact get-authorization-token --domain acme --query authorizationToken --output text)\n"}),
    # A reusable publish workflow: Docker Hub credentials from repository variables.
    ("docker-hub", {".github/workflows/publish.yml": "on: workflow_call\njobs:\n  p:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          registry: ${{ inputs.registry }}\n          username: ${{ vars.DOCKERHUB_USERNAME_WRITE }}\n          password: ${{ secrets[inputs.password-secret] }}\n"}),
    # Sign-in providers of an app's own OIDC strategy folder, one file each.
    ("amazon-login", {"auth/oidc/provider_amazon.go": 'package oidc\n\nimport "golang.org/x/oauth2/amazon"\n\nvar c = oauth2.Config{Endpoint: amazon.Endpoint}\nconst me = "https://api.amazon.com/user/profile"\n'}),
    ("vk-oauth", {"auth/oidc/provider_vk.go": 'package oidc\n\nvar e = oauth2.Endpoint{AuthURL: "https://oauth.vk.com/authorize"}\nconst me = "https://api.vk.com/method/users.get"\n'}),
    ("line-login", {"auth/line.go": 'package auth\n\nconst issuer = "https://access.line.me"\nfunc provider() { oidc.NewProvider(ctx, issuer) }\n'}),
    ("lark-oauth", {"auth/oidc/provider_lark.go": 'package oidc\n\nvar e = oauth2.Endpoint{AuthURL: "https://passport.feishu.cn/suite/passport/oauth/authorize"}\n'}),
    ("netid", {"auth/oidc/provider_netid.go": 'package oidc\n\nconst host = "broker.netid.de"\nvar e = oauth2.Endpoint{AuthURL: "https://" + host + "/authorize"}\n'}),
    ("uaepass", {"auth/oidc/provider_uaepass.go": 'package oidc\n\nconst base = "https://id.uaepass.ae"\nvar e = oauth2.Endpoint{AuthURL: base + "/idshub/authorize"}\n'}),
    ("boxyhq-jackson", {"auth/oidc/provider_jackson.go": 'package oidc\n\nfunc (j *ProviderJackson) OAuth2() *oauth2.Config {\n\treturn &oauth2.Config{Endpoint: oauth2.Endpoint{AuthURL: j.url + "/api/oauth/authorize"}}\n}\n'}),
    # OpenTelemetry's Jaeger and Zipkin exporters for Go.
    ("jaeger", {"go.mod": "module x\n\nrequire go.opentelemetry.io/otel/exporters/jaeger v1.17.0\n"}),
    ("zipkin", {"go.mod": "module x\n\nrequire go.opentelemetry.io/otel/exporters/zipkin v1.44.0\n"}),
    # A host setting's default, no URL: the leaked-password check's host.
    ("haveibeenpwned", {"config/config.go": 'package config\n\nfunc (p *Config) Pwned() string {\n\treturn p.StringF(KeyHaveIBeenPwnedHost, "api.pwnedpasswords.com")\n}\n'}),
    # Publishing gems from CI.
    ("rubygems", {".github/workflows/release.yml": "on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: rubygems/configure-rubygems-credentials@main\n      - run: bundle exec rake gem:release\n"}),
    # A hand-written OIDC client fetching the issuer's discovery document.
    ("oidc", {"app/models/auth/strategies/oidc_strategy.rb": 'class OidcStrategy\n  def discovery\n    JSON.parse(http_get("#{config[:issuer]}/.well-known/openid-configuration"))\n  end\nend\n'}),
    # Piwik/Matomo tracking middleware and template helpers by their old name.
    ("matomo", {"Gemfile": "group :production do\n  gem 'rack-piwik', '0.3.0', require: 'rack/piwik'\nend\n"}),
    ("matomo", {"composer.json": '{"require": {"mnapoli/piwik-twig-extension": "^3.0"}}'}),
    # ActionMailer told to deliver over SMTP, with no SMTP gem or env var beside it.
    ("smtp", {"config/initializers/mailer.rb": "Rails.application.configure do\n  config.action_mailer.delivery_method = :smtp\n"
              "  config.action_mailer.smtp_settings = { address: AppConfig.mail.host }\nend\n"}),
    # Code branching on Doctrine DBAL's platform classes supports those databases.
    ("mysql", {"src/Command/InstallCommand.php": "<?php\nuse Doctrine\\DBAL\\Platforms\\MySQLPlatform;\nuse Doctrine\\DBAL\\Platforms\\PostgreSQLPlatform;\n"
               "use Doctrine\\DBAL\\Platforms\\SqlitePlatform;\nif ($p instanceof MySQLPlatform) {}\n"}),
    ("postgresql", {"src/Command/InstallCommand.php": "<?php\nuse Doctrine\\DBAL\\Platforms\\PostgreSQLPlatform;\nif ($p instanceof PostgreSQLPlatform) {}\n"}),
    ("sqlite", {"src/Command/InstallCommand.php": "<?php\nuse Doctrine\\DBAL\\Platforms\\SqlitePlatform;\nif ($p instanceof SqlitePlatform) {}\n"}),
    # A Rails app's database.yml template with a MySQL section beside a MariaDB dev container.
    ("mysql", {"Gemfile": "group :mysql, optional: true do\n  gem 'mysql2', '0.5.7'\nend\n",
               "config/database.yml.example": "mysql: &mysql\n  adapter: mysql2\n  port: 3306\n",
               "docker/develop/docker-compose.yml": "services:\n  db:\n    image: mariadb:lts\n"}),
    # django-storages' Azure backend selected by its settings (the SDK only a transitive pin).
    ("azure-blob-storage", {"requirements.in": "django-storages[azure]==1.14.3\n",
                            "app/settings.py": 'import os\nif os.getenv("AZURE_ACCOUNT_NAME"):\n    STORAGE = "storages.backends.azure_storage.AzureStorage"\n'}),
    # A Cloudron app package.
    ("cloudron", {"deploy/cloudron/CloudronManifest.json": '{"id": "io.acme.cloudronapp", "manifestVersion": 2, "addons": {"postgresql": {}}}\n'}),
    # GitLab CI logging in to the project's registry and pushing to it.
    ("gitlab-container-registry", {".gitlab-ci.yml": "build:\n  script:\n    - echo -n $CI_REGISTRY_PASSWORD | docker login -u $CI_REGISTRY_USER --password-stdin $CI_REGISTRY\n    - docker push $CI_REGISTRY_IMAGE:latest\n"}),
    # Chatwoot's live-chat widget run on a page.
    ("chatwoot", {"components/Support.vue": "<script>\nexport default {\n  mounted() {\n    window.addEventListener('chatwoot:ready', this.onReady)\n    window.chatwootSDK.run({ websiteToken: this.token, baseUrl: this.url })\n  },\n}\n</script>\n"}),
    # A file preview embedding Google's document viewer.
    ("google-docs-viewer", {"components/PreviewDocs.vue": '<template>\n  <iframe :src="`https://docs.google.com/gview?url=${encodedUrl}&embedded=true`" />\n</template>\n'}),
    # A Helm chart depending on Bitnami's MinIO chart.
    ("minio", {"deploy/helm/app/Chart.yaml": "apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: minio\n    version: 14.6.18\n    repository: https://charts.bitnami.com/bitnami\n"}),
    # Media metadata providers: a .NET client package, an API key in the query, a versioned base URL.
    ("themoviedb", {"Providers/Providers.csproj": '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="TMDbLib" />\n  </ItemGroup>\n</Project>\n'}),
    ("omdb", {"Providers/Omdb/OmdbProvider.cs": 'class OmdbProvider {\n    const string Url = "https://www.omdbapi.com?apikey=abc";\n}\n'}),
    ("musicbrainz", {"Providers/Providers.csproj": '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="MetaBrainz.MusicBrainz" />\n  </ItemGroup>\n</Project>\n'}),
    ("schedules-direct", {"LiveTv/Listings/SchedulesDirect.cs": 'class SchedulesDirect {\n    private const string ApiUrl = "https://json.schedulesdirect.org/20141201";\n}\n'}),
    # A hand-written OIDC client reading a configured provider's userinfo endpoint.
    ("oidc", {"crates/api/src/user/create.rs": '// OIDC sign-in\nasync fn user_info(p: &OAuthProvider, client: &Client) {\n  client.get(p.userinfo_endpoint.as_str()).send().await;\n}\n'}),
    # A self-hosted image service run beside the app.
    ("pict-rs", {"docker/docker-compose.yml": "services:\n  pictrs:\n    image: asonix/pictrs:0.5\n"}),
    # Publishing crates from CI; an Unraid Docker container template.
    ("crates-io", {".woodpecker.yml": "steps:\n  publish:\n    image: rust:1\n    commands:\n      - cargo publish --workspace --token \"$CARGO_API_TOKEN\"\n"}),
    ("docker", {"deployment/unraid/docker-templates/app.xml": "<?xml version=\"1.0\"?>\n<Container>\n  <Repository>acme/app</Repository>\n</Container>\n"}),
    # LLM providers reached through an OpenAI-compatible client: API host or provider env prefix (anything-llm).
    ("fireworks-ai", {"server/llm/fireworks.js": 'const client = new OpenAI({ baseURL: "https://api.fireworks.ai/inference/v1", apiKey: process.env.FIREWORKS_AI_LLM_API_KEY });\n'}),
    ("moonshot-ai", {"server/llm/moonshot.js": 'const client = new OpenAI({ baseURL: "https://api.moonshot.ai/v1", apiKey: process.env.MOONSHOT_AI_API_KEY });\n'}),
    ("ppio", {"server/llm/ppio.js": 'const basePath = "https://api.ppinfra.com/v3/openai/";\nconst key = process.env.PPIO_API_KEY;\n'}),
    ("zai", {"server/llm/zai.js": 'const client = new OpenAI({ baseURL: "https://api.z.ai/api/paas/v4", apiKey: process.env.ZAI_API_KEY });\n'}),
    ("gitee-ai", {"server/llm/gitee.js": 'const client = new OpenAI({ baseURL: "https://ai.gitee.com/v1", apiKey: process.env.GITEE_AI_API_KEY });\n'}),
    ("nvidia-nim", {".env.example": "NVIDIA_NIM_LLM_BASE_PATH=http://127.0.0.1:8000\n"}),
    ("lm-studio", {".env.example": "LMSTUDIO_BASE_PATH=http://localhost:1234/v1\n"}),
    ("lm-studio", {"package.json": '{"dependencies": {"@lmstudio/sdk": "^1.0.0"}}'}),
    ("localai", {".env.example": "LOCAL_AI_BASE_PATH=http://localhost:8080/v1\n"}),
    ("localai", {"docker-compose.yml": "services:\n  llm:\n    image: localai/localai:latest-aio-cpu\n"}),
    ("koboldcpp", {".env.example": "KOBOLD_CPP_BASE_PATH=http://127.0.0.1:5000/v1\n"}),
    ("text-generation-webui", {".env.example": "TEXT_GEN_WEB_UI_BASE_PATH=http://127.0.0.1:5000/v1\n"}),
    ("litellm", {".env.example": "LITE_LLM_BASE_PATH=http://127.0.0.1:4000\n"}),
    ("litellm", {"docker-compose.yml": "services:\n  proxy:\n    image: ghcr.io/berriai/litellm:main-latest\n"}),
    ("docker-model-runner", {".env.example": "DOCKER_MODEL_RUNNER_BASE_PATH=http://127.0.0.1:12434\n"}),
    ("foundry-local", {"requirements.txt": "foundry-local-sdk==0.3.1\n"}),
    ("lemonade", {".env.example": "LEMONADE_LLM_BASE_PATH=http://127.0.0.1:8000\n"}),
    ("omlx", {".env.example": "OMLX_LLM_BASE_PATH=http://127.0.0.1:8000/v1\n"}),
    ("privatemode", {".env.example": "PRIVATEMODE_LLM_BASE_PATH=http://127.0.0.1:8080/v1\n"}),
    ("kokoro-tts", {"server/tts/kokoro.js": 'const client = new OpenAI({ baseURL: process.env.TTS_KOKORO_ENDPOINT });\n'}),
    # Web search providers called by an agent (anything-llm, khoj).
    ("duckduckgo", {"server/search.js": 'const res = await fetch(`https://html.duckduckgo.com/html?q=${q}`);\n'}),
    ("serper", {"app/search.py": 'import os\nSERPER_DEV_API_KEY = os.getenv("SERPER_DEV_API_KEY")\nURL = "https://google.serper.dev/search"\n'}),
    ("bing-search", {"server/search.js": 'await fetch(`https://api.bing.microsoft.com/v7.0/search?q=${q}`);\n'}),
    ("brave-search", {"server/search.js": 'await fetch(`https://api.search.brave.com/res/v1/web/search?q=${q}`);\n'}),
    ("baidu-search", {"server/search.js": 'await fetch("https://qianfan.baidubce.com/v2/ai_search/web_search", { method: "POST" });\n'}),
    ("you-com", {"server/search.js": 'await fetch(`https://ydc-index.io/v1/search?query=${q}`);\n'}),
    ("searxng", {"server/search.js": 'const url = new URL(process.env.AGENT_SEARXNG_API_URL);\n'}),
    ("searxng", {"docker-compose.yml": "services:\n  search:\n    image: docker.io/searxng/searxng:latest\n"}),
    ("google-custom-search", {"app/search.py": 'import os\nGOOGLE_SEARCH_ENGINE_ID = os.getenv("GOOGLE_SEARCH_ENGINE_ID")\nURL = "https://www.googleapis.com/customsearch/v1"\n'}),
    ("olostep", {"app/scrape.py": 'OLOSTEP_API_URL = "https://agent.olostep.com/olostep-p2p-incomingAPI"\n'}),
    # Code sandboxes (khoj): the E2B SDK; a Terrarium container reached by URL.
    ("e2b", {"requirements.txt": "e2b-code-interpreter==1.0.0\n"}),
    ("terrarium", {"app/run_code.py": 'import os\nSANDBOX_URL = os.getenv("KHOJ_TERRARIUM_URL", "http://localhost:8080")\n'}),
    ("ipapi", {"web/utils.ts": 'const res = await fetch("https://ipapi.co/json");\n'}),
    ("kapa-ai", {"www/providers/assistant.tsx": '// kapa.ai assistant API\nconst url = threadId ? `/query/v1/thread/${threadId}/stream?query=${q}` : `/query/v1/stream?query=${q}`;\n'}),
    # Data connectors: self-hosted wikis and document archives reached on a configured base URL.
    ("confluence", {"collector/confluence.js": 'const url = `${baseUrl}/rest/api/content?spaceKey=${spaceKey}&expand=body.storage`;\n'}),
    ("paperless-ngx", {"collector/paperless.js": '// Fetches all documents from Paperless-ngx\nclass PaperlessNgxLoader {\n  async fetch() { return fetch(`${this.baseUrl}/api/documents/`); }\n}\n'}),
    ("drupal-wiki", {"collector/drupal.js": '// Drupal Wiki REST API\nconst url = `${baseUrl}/api/rest/scope/api/page/${pageId}`;\n'}),
    # Mail inspectors (postal): clamd INSTREAM, Rspamd's /checkv2, spamd's protocol line.
    ("clamav", {"lib/inspectors/clamav.rb": 'class Clamav\nsocket = TCPSocket.new(host, port)\nsocket.write("zINSTREAM\\0")\n'}),
    ("rspamd", {"lib/inspectors/rspamd.rb": 'class Rspamd\nrequest = Net::HTTP::Post.new("/checkv2")\n'}),
    ("spamassassin", {"lib/inspectors/spam_assassin.rb": 'class SpamAssassin\ntcp_socket.write("REPORT SPAMC/1.2\\r\\n")\n'}),
    # Vector databases: Zilliz Cloud by its env prefix; LanceDB by package.
    ("zilliz", {".env.example": "ZILLIZ_ENDPOINT=https://sample.api.gcp-us-west1.zillizcloud.com\nZILLIZ_API_TOKEN=\n"}),
    ("lancedb", {"package.json": '{"dependencies": {"@lancedb/lancedb": "0.15.0"}}'}),
    # Hosting: GCE by SDK, a Space's Dockerfile folder, Bunnyshell's config, ToDesktop's runtime.
    ("google-compute-engine", {"requirements.txt": "google-cloud-compute==1.19.0\n"}),
    ("huggingface-spaces", {"cloud-deployments/huggingface-spaces/Dockerfile": "FROM acme/app:render\n"}),
    ("bunnyshell", {".bunnyshell/templates/preview/bunnyshell.yaml": "kind: Environment\nname: preview\n"}),
    ("todesktop", {"desktop/package.json": '{"dependencies": {"@todesktop/runtime": "^1.6.0"}}'}),
    # Fields added to existing entries.
    ("aws-bedrock", {".env.example": "AWS_BEDROCK_LLM_API_KEY=\nAWS_BEDROCK_LLM_REGION=us-east-1\n"}),
    ("voyage-ai", {".env.example": "VOYAGEAI_API_KEY=\n"}),
    ("google-vertex-ai", {"app/llm.py": "import anthropic\n# Claude on Vertex AI\nclient = anthropic.AnthropicVertex(project_id=p, region=r)\n"}),
    ("openshift", {"cloud-deployments/openshift/Dockerfile": "FROM ubuntu:noble\n"}),
    ("slack", {".github/workflows/release.yml": "on: release\njobs:\n  n:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: slackapi/slack-github-action@v1.23.0\n"}),
    ("discord", {".github/workflows/release.yml": "on: release\njobs:\n  n:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: Ilshidur/action-discord@0.3.2\n"}),
    # bpay: fields added to existing payment/cache entries
    ("stripe", {"docker-compose.yml": "services:\n  stripe:\n    image: stripe/stripe-mock:latest\n"}),
    ("checkout-com", {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/checkout/checkout-sdk-go v1.0.0\n"}),
    ("flutterwave", {"composer.json": '{"require": {"flutterwavedev/flutterwave-v3": "^1.0"}}'}),
    ("payu", {"composer.json": '{"require": {"openpayu/openpayu": "^2.3"}}'}),
    ("redis", {"Gemfile": "gem 'kredis'\n"}),
    ("momento", {"Gemfile": "gem 'momento'\n"}),
    ("azure-cache-for-redis", {"App/App.csproj": '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Microsoft.Azure.StackExchangeRedis" Version="3.2.0" /></ItemGroup></Project>\n'}),
    # bai: a second way for AI and data APIs (including fields added to existing entries)
    ("ipinfo", {"lib/geo.ts": "const r = await fetch(`https://ipinfo.io/${ip}/json?token=${process.env.IPINFO_TOKEN}`);\n"}),
    ("libretranslate", {"app/translate.py": "r = requests.post(\"https://libretranslate.com/translate\", json={\"q\": text, \"source\": \"auto\", \"target\": \"en\"})\n"}),
    ("openweathermap", {"lib/weather.ts": "const r = await fetch(`https://api.openweathermap.org/data/2.5/weather?q=${city}&appid=${process.env.OPENWEATHER_API_KEY}`);\n"}),
    ("azure-ai-speech", {"package.json": "{\"dependencies\": {\"microsoft-cognitiveservices-speech-sdk\": \"^1.40.0\"}}"}),
    ("aws-textract", {"requirements.txt": "boto3==1.35\n", "app/ocr.py": "import boto3\ntextract = boto3.client(\"textract\")\ntextract.analyze_document(Document={\"Bytes\": b}, FeatureTypes=[\"TABLES\"])\n"}),
    ("assemblyai", {"build.gradle": "dependencies {\n    implementation 'com.assemblyai:assemblyai-java:1.2.0'\n}\n"}),
    ("ollama", {"Chat/Chat.csproj": "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"OllamaSharp\" Version=\"5.1.0\" />\n  </ItemGroup>\n</Project>\n"}),
    ("deepgram", {"Stt/Stt.csproj": "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"Deepgram\" Version=\"6.6.1\" />\n  </ItemGroup>\n</Project>\n"}),
    ("exa", {"requirements.txt": "langchain-exa==0.2.0\n"}),
    ("perplexity", {"requirements.txt": "perplexityai==0.10.0\n"}),
    ("mapbox", {"Gemfile": "source 'https://rubygems.org'\ngem 'mapbox-sdk'\n"}),
    ("cloudflare-turnstile", {"composer.json": "{\"require\": {\"ryangjchandler/laravel-cloudflare-turnstile\": \"^2.0\"}}"}),
    ("firecrawl", {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/mendableai/firecrawl-go v1.0.0\n"}),
    ("xai", {".env.example": "XAI_API_KEY=\n"}),
    # --- bapi: fields added to existing entries ---
    ("airtable", {"Gemfile": "source 'https://rubygems.org'\ngem 'airrecord'\n"}),
    ("zendesk", {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/nukosuke/go-zendesk v0.17.0\n"}),
    ("asana", {"composer.json": '{"require": {"asana/asana": "^1.0"}}'}),
    ("stream", {"composer.json": '{"require": {"get-stream/stream-chat": "^3.0"}}'}),
    ("google-calendar", {"requirements.txt": "gcsa==2.3.0\n"}),
    ("notion", {"Gemfile": "source 'https://rubygems.org'\ngem 'notion-ruby-client'\n"}),
    ("jitsi", {"static/meet.js": 'const api = new JitsiMeetExternalAPI("meet.example.org", { roomName: room });\n'}),
    ("woocommerce", {"app/Shop.php": "<?php\n$r = Http::get($store . '/wp-json/wc/v3/products');\n"}),
    ("bigbluebutton", {".env.example": "BBB_URL=https://bbb.example.org/bigbluebutton/\nBBB_SECRET=\n"}),
    ("calendly", {"static/book.js": 'Calendly.initPopupWidget({ url: "https://calendly.com/acme/30min" });\n'}),
    # bmail: fields added to existing email/SMS/push entries
    ("onesignal", {"composer.json": '{"require": {"onesignal/onesignal-php-api": "^2.2"}}'}),
    ("infobip", {"sms/infobip.py": 'import requests\nrequests.post("https://api.infobip.com/sms/2/text/advanced", json=body)\n'}),
    ("telnyx", {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/team-telnyx/telnyx-go v1.0.0\n"}),
    ("messagebird", {"sms/bird.ts": 'await fetch(`https://api.bird.com/workspaces/${ws}/channels/${ch}/messages`, { method: "POST" });\n'}),
    ("mailgun", {"requirements.txt": "mailgun==1.1.0\n"}),
    ("resend", {"composer.json": '{"require": {"symfony/resend-mailer": "^7.2"}}'}),
    ("twilio", {"composer.json": '{"require": {"laravel-notification-channels/twilio": "^4.0"}}'}),
    ("firebase-cloud-messaging", {"composer.json": '{"require": {"laravel-notification-channels/fcm": "^4.3"}}'}),
    # bhost: fields added to existing hosting/ci entries.
    ("render", workflow_with_steps('- run: curl -X POST "https://api.render.com/deploy/srv-abc123?key=${{ secrets.RENDER_KEY }}"')),
    ("heroku", {"package.json": '{"dependencies": {"heroku-client": "^3.1.0"}}'}),
    ("koyeb", workflow_with_steps("- uses: koyeb/action-git-deploy@v1", "  with:", "    app-name: acme")),
    ("aws-app-runner", workflow_with_steps("- uses: awslabs/amazon-app-runner-deploy@main", "  with:", "    service: app")),
    ("azure-static-web-apps", workflow_with_steps("- uses: Azure/static-web-apps-deploy@v1", "  with:", "    app_location: /")),
    ("google-cloud-functions", workflow_with_steps("- run: gcloud functions deploy api --gen2 --runtime=nodejs20 --trigger-http")),
    ("google-cloud-build", workflow_with_steps("- run: gcloud builds submit --tag gcr.io/acme/app")),
    ("depot", {"package.json": '{"devDependencies": {"@depot/cli": "^0.0.1-cli.2.80.0"}}'}),
    ("expo-eas", {"package.json": '{"devDependencies": {"eas-cli": "^12.0.0"}}'}),
    # e17c: an importer calling the EU region's export API; Search Console through its REST path
    # on the umbrella host; a feedback widget's loader; GORM v1's dialect import (the driver is
    # `// indirect` in go.mod); a Packer template building a marketplace image
    ("amplitude", {"importer/amplitude.ts": "const EU = 'https://analytics.eu.amplitude.com';\nexport const get = () => fetch(`${EU}/api/2/export`);\n"}),
    ("google-search-console", {"lib/gsc.ts": "export const list = (t: string) => fetch('https://www.googleapis.com/webmasters/v3/sites', {headers: {Authorization: t}});\n"}),
    ("google-search-console", {"routers/gsc.ts": "export const scopes = ['https://www.googleapis.com/auth/webmasters.readonly'];\n"}),
    ("userjot", {"src/root.tsx": "export const s = `document.head.appendChild(Object.assign(document.createElement('script'),{src:'https://cdn.userjot.com/sdk/v2/uj.js'}))`;\n"}),
    ("sqlite", {"go.mod": "module x\n\ngo 1.22\n\nrequire (\n\tgithub.com/jinzhu/gorm v1.9.16\n\tgithub.com/mattn/go-sqlite3 v1.14.22 // indirect\n)\n",
                "internal/config/db.go": 'package config\n\nimport (\n\t"github.com/jinzhu/gorm"\n\t_ "github.com/jinzhu/gorm/dialects/sqlite"\n)\n\nvar _ = gorm.Open\n'}),
    ("digitalocean", {"setup/cloud/digitalocean.json": '{"builders": [{"type": "digitalocean", "region": "fra1"}]}\n'}),
    # Elixir: a Hex dependency; the vendor a Swoosh mailer's adapter names; an Überauth strategy
    # package and an Assent strategy in config are sign-in with that provider
    ("postgresql", {"mix.exs": 'defp deps do\n  [{:ecto_sql, "~> 3.10"}, {:postgrex, ">= 0.0.0"}]\nend\n'}),
    ("postmark", {"config/prod.exs": "import Config\nconfig :app, App.Mailer, adapter: Swoosh.Adapters.Postmark, api_key: System.get_env(\"MAIL_KEY\")\n"}),
    # a Go app writing the Prometheus text format itself, its `/metrics` route in a file that says so
    ("prometheus", {"routes/api/metrics.go": 'package api\n\nfunc (h *MetricsHandler) RegisterRoutes(router chi.Router) {\n\tslog.Info("exposing prometheus metrics under /api/metrics")\n\tr := chi.NewRouter()\n\tr.Get("/", h.Get)\n\trouter.Mount("/metrics", r)\n}\n'}),
    # Laravel: an admin's mail settings applied to the SES mailer at runtime
    ("aws-ses", {"app/Providers/MailConfigProvider.php": "<?php\nnamespace App\\Providers;\n\nuse Illuminate\\Support\\Facades\\Config;\n\nclass MailConfigProvider\n{\n    public function apply(array $s): void\n    {\n        if ($s['mail_driver'] === 'ses') {\n            Config::set('services.ses.key', $s['mail_ses_key']);\n            Config::set('services.ses.secret', $s['mail_ses_secret']);\n        }\n    }\n}\n"}),
    ("aws-ses", {"config/runtime.exs": "import Config\nconfig :app, App.Mailer,\n  adapter: Swoosh.Adapters.AmazonSES,\n  region: System.get_env(\"AWS_REGION\")\n"}),
    ("github-oauth", {"mix.exs": 'defp deps do\n  [{:ueberauth, "~> 0.10"}, {:ueberauth_github, "~> 0.8"}]\nend\n'}),
    ("google-oauth", {"config/config.exs": "import Config\nconfig :app, :pow_assent, providers: [google: [strategy: Assent.Strategy.Google]]\n"}),
    # e18c: client packages added to existing warehouse, search and document-database entries
    ("trino", {"Gemfile": "source 'https://rubygems.org'\ngem 'trino-client'\n"}),
    ("clickhouse", {"Analytics/Analytics.csproj": '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="ClickHouse.Driver" Version="1.5.0" />\n  </ItemGroup>\n</Project>\n'}),
    ("clickhouse", {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/mailru/go-clickhouse/v2 v2.0.0\n"}),
    ("elasticsearch", {"composer.json": '{"require": {"ruflin/elastica": "^8.0"}}'}),
    ("couchbase", {"composer.json": '{"require": {"couchbase/couchbase": "^4.2"}}'}),
    ("scylladb", {"pom.xml": "<project><dependencies><dependency><groupId>com.scylladb</groupId><artifactId>scylla-driver-core</artifactId><version>3.11.5.3</version></dependency></dependencies></project>\n"}),
    ("cockroachdb", {"requirements.txt": "django-cockroachdb==5.0\n"}),
    ("bigquery", {"Cargo.toml": '[package]\nname = "app"\nversion = "0.1.0"\n\n[dependencies]\ngcp-bigquery-client = "0.24"\n'}),
    ("aws-redshift", {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/aws/aws-sdk-go-v2/service/redshiftdata v1.31.0\n"}),
    ("cloudflare-d1", {"package.json": '{"dependencies": {"kysely": "^0.27.0", "kysely-d1": "^0.3.0"}}'}),
    ("singlestore", {"docker-compose.yml": "services:\n  memsql:\n    image: memsql/cluster-in-a-box:latest\n"}),
    # e18c: a JDBC URL and a SQLAlchemy URL name the engine
    ("apache-hive", {"src/main/resources/application.properties": "spring.datasource.url=jdbc:hive2://hive:10000/default\n"}),
    ("presto", {".env.example": "SUPERSET_DATABASE_URI=presto://presto:8080/hive/default\n"}),
    # the v1 Go SDK's SES v2 client package (fider)
    ("aws-ses", {"app/services/email/awsses/awsses.go": 'package awsses\n\nimport ses "github.com/aws/aws-sdk-go/service/sesv2"\n\nvar client *ses.SESV2\n'}),
    # an HTTP(S) endpoint receiving SNS messages: the subscription handshake, the signing certificate (keila, listmonk)
    # an Express app receiving SNS deliveries: the header SNS sets, the subscription handshake's URL
    ("aws-sns", {"src/app.ts": "app.use((req, res, next) => {\n  if (req.get('x-amz-sns-message-type')) {\n    req.headers['content-type'] = 'application/json';\n  }\n  next();\n});\n"}),
    ("aws-sns", {"src/routes/bounces.ts": "export async function receive(req, res) {\n  if (req.body.SubscribeURL) {\n    console.info('SNS topic confirmation URL:', req.body.SubscribeURL);\n  }\n  res.json({ ok: true });\n}\n"}),
    ("aws-sns", {"lib/app_web/controllers/ses_webhook_controller.ex":
                 'defmodule AppWeb.SESWebhookController do\n  def webhook(conn = %{body_params: %{"Type" => "SubscriptionConfirmation"}}, _) do\n'
                 '    Req.get!(conn.body_params["SubscribeURL"])\n    Logger.info("Subscribed to SNS topic")\n  end\n  defp key(n), do: fetch_key(n["SigningCertURL"])\nend\n'}),
    # the classic analytics.js snippet in a page template, loader URL passed to its IIFE (fider)
    ("google-analytics", {"views/base.html": "<script>\n(function(i,s,o,g,r,a,m){i['GoogleAnalyticsObject']=r;})(window,document,'script',"
                          "'https://www.google-analytics.com/analytics.js','ga');\nga('create', '{{ .settings.googleAnalytics }}');\n</script>\n"}),
    # the community Ollama provider of the Vercel AI SDK (docmost)
    ("ollama", {"apps/server/package.json": '{"dependencies": {"ai": "^6.0.0", "ai-sdk-ollama": "^3.8.1"}}'}),
    # openid-client (a generic client library) with the OIDC provider an admin configures per workspace (docmost)
    ("oidc", {"apps/server/package.json": '{"dependencies": {"openid-client": "^6.8.2"}}',
              "apps/server/src/database/migrations/20250118-sso.ts":
              "export async function up(db) {\n  await db.schema.createTable('auth_providers')\n"
              "    .addColumn('oidc_issuer', 'varchar').addColumn('oidc_client_id', 'varchar').execute();\n}\n"}),
    # e18b: DB-IP's free MMDB database downloaded by a build task, read by an MMDB reader; a
    # libcluster Kubernetes strategy; Erlang's OIDC client; Plausible's snippet proxied through the
    # app's own domain in a Phoenix layout; Kraken.io's upload API; a Fly.io review-apps workflow and
    # a per-environment Fly config; Laravel Socialite's bundled Google provider picked by name
    ("db-ip", {"mix.exs": 'defp deps do\n  [{:geolix, "~> 2.0"}, {:geolix_adapter_mmdb2, "~> 0.6"}]\nend\n',
               "lib/mix/tasks/download_geoip.ex": 'defmodule Mix.Tasks.DownloadGeoip do\n  @base_url "https://download.db-ip.com/free"\n  def run(_), do: Req.get("#{@base_url}/dbip-country-lite-2025-01.mmdb.gz")\nend\n'}),
    ("kubernetes", {"config/prod.exs": "import Config\nconfig :libcluster,\n  topologies: [k8s: [strategy: Cluster.Strategy.Kubernetes.DNS, config: [service: \"app\"]]]\n"}),
    ("oidc", {"mix.exs": 'defp deps do\n  [{:oidcc, "~> 3.2"}]\nend\n'}),
    ("plausible", {"lib/app_web/components/layouts/root.html.heex":
                   '<script defer src={"https://s.#{@host}/js/script.js"}></script>\n<script>\n  window.plausible = window.plausible || function() { (window.plausible.q = window.plausible.q || []).push(arguments) }\n</script>\n'}),
    # casdoor/oss's vendor subpackage (its Azure SDK is only `// indirect` in go.mod)
    ("azure-blob-storage", {"storage/azure.go": 'package storage\n\nimport "github.com/casdoor/oss/azureblob"\n\nvar _ = azureblob.New\n'}),
    ("rackspace-cloud-files", {"composer.json": '{"require": {"league/flysystem-rackspace": "^1.0"}}'}),
    ("kraken-io", {"src/services/images.ts": 'const KRAKEN_URL = "https://api.kraken.io/v1/upload";\nexport const optimise = (body: FormData) => fetch(KRAKEN_URL, { method: "POST", body });\n'}),
    ("fly-io", workflow_with_steps("- uses: superfly/fly-pr-review-apps@1.3.0", "  with:", "    config: preview-fly.toml")),
    ("fly-io", {"fly.staging.toml": 'app = "acme-staging"\nprimary_region = "ams"\n'}),
    ("google-oauth", {"composer.json": '{"require": {"laravel/socialite": "^5.6"}}',
                      "app/Http/Controllers/GoogleAuthController.php": "<?php\nclass GoogleAuthController\n{\n    public function redirect()\n    {\n        return Socialite::driver('google')->redirect();\n    }\n}\n"}),
    # Google's discovery clients take the API's (name, version) pair, here through the app's own
    # `get_service()` wrapper around `googleapiclient.discovery.build` (a service-account client).
    ("google-calendar", {"pyproject.toml": '[project]\nname = "x"\ndependencies = ["google-api-python-client>=2"]\n', "app/plugins/google/calendar.py": 'from app.plugins.google.common import get_service\n\n\ndef client(cfg):\n    return get_service(cfg, "calendar", "v3", ["https://www.googleapis.com/auth/calendar"])\n'}),
    ("google-drive", {"pyproject.toml": '[project]\nname = "x"\ndependencies = ["google-api-python-client>=2"]\n', "app/plugins/google/drive.py": 'from app.plugins.google.common import get_service\n\n\ndef client(cfg):\n    return get_service(cfg, "drive", "v3", ["https://www.googleapis.com/auth/drive"])\n'}),
    ("google-docs", {"pyproject.toml": '[project]\nname = "x"\ndependencies = ["google-api-python-client>=2"]\n', "app/plugins/google/docs.py": 'from app.plugins.google.common import get_service\n\n\ndef client(cfg):\n    return get_service(cfg, "docs", "v1", ["https://www.googleapis.com/auth/documents"])\n'}),
    ("google-workspace", {"pyproject.toml": '[project]\nname = "x"\ndependencies = ["google-api-python-client>=2"]\n', "app/plugins/google/groups.py": 'from app.plugins.google.common import get_service\n\n\ndef client(cfg):\n    return get_service(cfg, "admin", "directory_v1", ["https://www.googleapis.com/auth/admin.directory.group"])\n'}),
    ("google-gmail", {"pyproject.toml": '[project]\nname = "x"\ndependencies = ["google-api-python-client>=2"]\n', "app/plugins/google/gmail.py": 'from app.plugins.google.common import get_service\n\n\ndef client(cfg):\n    return get_service(cfg, "gmail", "v1", ["https://www.googleapis.com/auth/gmail.send"])\n'}),
    ("google-sheets", {"pyproject.toml": '[project]\nname = "x"\ndependencies = ["google-api-python-client>=2"]\n', "app/plugins/google/sheets.py": 'from app.plugins.google.common import get_service\n\n\ndef client(cfg):\n    return get_service(cfg, "sheets", "v4", ["https://www.googleapis.com/auth/spreadsheets"])\n'}),
    ("google-docs", {"package.json": '{"dependencies": {"@googleapis/docs": "^3.0.0"}}'}),
    # Rails Active Storage's Azure adapter (`service: AzureBlob` in config/storage.yml) is the azure-blob gem.
    ("azure-blob-storage", {"Gemfile": "source 'https://rubygems.org'\ngem 'azure-blob', require: false\n"}),
    # An app behind an ALB that authenticates users verifies the ALB's signed claims with its regional keys.
    ("aws-elb", {"app/auth.py": 'import requests\n\n\ndef key(kid, region):\n    return requests.get(f"https://public-keys.auth.elb.{region}.amazonaws.com/{kid}").text\n'}),
    # AppAuth-JS, the OpenID Foundation's PKCE client for a browser app, against the admin's issuer.
    ("oidc", {"frontend/package.json": '{"dependencies": {"@openid/appauth": "^1.3.1"}}'}),
    # boto3's Secrets Manager read takes the secret's id.
    # GoSquared's embed snippet loads its tracker from the vendor's CloudFront distribution.
    ("gosquared", {"resources/views/partials/analytics.blade.php":
                   "<script>\n!function(g,s,q,r,d){r=g[r]=g[r]||function(){(r.q=r.q||[]).push(arguments)};d=s.createElement(q);"
                   "q=s.getElementsByTagName(q)[0];\nd.src='https://d1l6p2sc9645hc.cloudfront.net/tracker.js';"
                   "q.parentNode.insertBefore(d,q)}(window,document,'script','_gs');\n_gs('{{ $token }}');\n</script>\n"}),
    # Laravel's Slack notification channel: a notification's toSlack() building a SlackMessage.
    ("slack", {"app/Notifications/NewIncident.php":
               "<?php\nnamespace App\\Notifications;\n\nuse Illuminate\\Notifications\\Messages\\SlackMessage;\n\n"
               "class NewIncident extends Notification\n{\n    public function toSlack($notifiable)\n    {\n"
               "        return (new SlackMessage())->content('Incident');\n    }\n}\n"}),
    # Laravel 5's mandrill and sparkpost mail drivers, selected in the env template.
    ("mandrill", {".env.example": "MAIL_DRIVER=mandrill\n"}),
    ("sparkpost", {".env.example": "MAIL_DRIVER=sparkpost\n"}),
    ("aws-secrets-manager", {"requirements.txt": "boto3==1.35\n",
                             "app/config.py": 'import boto3\n\n\ndef load_secrets(name, region):\n    client = boto3.session.Session().client(service_name="secretsmanager", region_name=region)\n    return client.get_secret_value(SecretId=name)["SecretString"]\n'}),
    # etcd as a Go app's storage backend through the v3 client.
    ("etcd", {"go.mod": "module example.com/app\n\ngo 1.22\n\nrequire go.etcd.io/etcd/client/v3 v3.5.12\n",
              "storage/etcd/config.go": 'package etcd\n\nimport clientv3 "go.etcd.io/etcd/client/v3"\n\nfunc open(endpoints []string) (*clientv3.Client, error) {\n\treturn clientv3.New(clientv3.Config{Endpoints: endpoints})\n}\n'}),
    # A password sign-in against the operator's Keystone: Identity v3's token path on the configured host.
    ("openstack-keystone", {"connector/keystone/keystone.go": 'package keystone\n\nfunc (p *conn) tokenURL() string {\n\treturn p.Host + "/v3/auth/tokens/"\n}\n'}),
    # Crowd's REST root on the configured Crowd server (authenticate a user, list their groups).
    ("atlassian-crowd", {"auth/crowd.go": 'package auth\n\nimport "fmt"\n\nfunc (c *crowd) url(path string) string {\n\treturn fmt.Sprintf("%s/rest/usermanagement/1%s", c.BaseURL, path)\n}\n'}),
    # In-cluster Kubernetes API access by hand: the mounted service-account token, no client-go.
    ("kubernetes", {"storage/kubernetes/client.go": 'package kubernetes\n\nconst serviceAccountPath = "/var/run/secrets/kubernetes.io/serviceaccount/"\n\nfunc token() ([]byte, error) { return os.ReadFile(serviceAccountPath + "token") }\n'}),

    # The Go CDK's portable drivers (gocloud.dev), one package per vendor: the import names the cloud.
    ("google-cloud-storage", {"go.mod": "module x\n\ngo 1.22\n\nrequire gocloud.dev v0.46.0\n",
              "internal/store/open.go": "package store\n\nimport (\n\t\"gocloud.dev/blob\"\n\t\"gocloud.dev/blob/gcsblob\"\n)\n\nvar _ = gcsblob.Scheme\n"}),
    ("azure-blob-storage", {"go.mod": "module x\n\ngo 1.22\n\nrequire gocloud.dev v0.46.0\n",
              "internal/store/open.go": "package store\n\nimport (\n\t\"gocloud.dev/blob\"\n\t_ \"gocloud.dev/blob/azureblob\"\n)\n\nvar _ = blob.OpenBucket\n"}),
    ("aws-s3", {"go.mod": "module x\n\ngo 1.22\n\nrequire gocloud.dev v0.46.0\n",
              "internal/store/open.go": "package store\n\nimport (\n\t\"gocloud.dev/blob\"\n\t\"gocloud.dev/blob/s3blob\"\n)\n\nvar _ = s3blob.Scheme\n"}),
    ("aws-sqs", {"go.mod": "module x\n\ngo 1.22\n\nrequire gocloud.dev v0.46.0\n",
              "internal/store/open.go": "package store\n\nimport (\n\t\"gocloud.dev/pubsub\"\n\t\"gocloud.dev/pubsub/awssnssqs\"\n)\n\nvar _ = awssnssqs.SQSScheme\n"}),
    ("google-pubsub", {"go.mod": "module x\n\ngo 1.22\n\nrequire gocloud.dev v0.46.0\n",
              "internal/store/open.go": "package store\n\nimport (\n\t\"gocloud.dev/pubsub\"\n\t\"gocloud.dev/pubsub/gcppubsub\"\n)\n\nvar _ = gcppubsub.Scheme\n"}),
    ("azure-service-bus", {"go.mod": "module x\n\ngo 1.22\n\nrequire gocloud.dev v0.46.0\n",
              "internal/store/open.go": "package store\n\nimport (\n\t\"gocloud.dev/pubsub\"\n\t\"gocloud.dev/pubsub/azuresb\"\n)\n\nvar _ = azuresb.Scheme\n"}),
    ("aws-kms", {"go.mod": "module x\n\ngo 1.22\n\nrequire gocloud.dev v0.46.0\n",
              "internal/store/open.go": "package store\n\nimport (\n\t\"gocloud.dev/secrets\"\n\t\"gocloud.dev/secrets/awskms\"\n)\n\nvar _ = awskms.Scheme\n"}),
    ("google-cloud-kms", {"go.mod": "module x\n\ngo 1.22\n\nrequire gocloud.dev v0.46.0\n",
              "internal/store/open.go": "package store\n\nimport (\n\t\"gocloud.dev/secrets\"\n\t\"gocloud.dev/secrets/gcpkms\"\n)\n\nvar _ = gcpkms.Scheme\n"}),
    ("azure-key-vault", {"go.mod": "module x\n\ngo 1.22\n\nrequire gocloud.dev v0.46.0\n",
              "internal/store/open.go": "package store\n\nimport (\n\t\"gocloud.dev/secrets\"\n\t\"gocloud.dev/secrets/azurekeyvault\"\n)\n\nvar _ = azurekeyvault.Scheme\n"}),
    ("hashicorp-vault", {"go.mod": "module x\n\ngo 1.22\n\nrequire gocloud.dev v0.46.0\n",
              "internal/store/open.go": "package store\n\nimport (\n\t\"gocloud.dev/secrets\"\n\t\"gocloud.dev/secrets/hashivault\"\n)\n\nvar _ = hashivault.Scheme\n"}),
    # Segment's Go library v3 as published under gopkg.in
    ("segment", {"go.mod": "module x\n\ngo 1.22\n\nrequire gopkg.in/segmentio/analytics-go.v3 v3.1.0\n",
                 "internal/telemetry/telemetry.go": "package telemetry\n\nimport segment \"gopkg.in/segmentio/analytics-go.v3\"\n\nfunc New(key string) (segment.Client, error) {\n\treturn segment.NewWithConfig(key, segment.Config{})\n}\n"}),
    # Bitbucket Cloud's 2.0 API through ktrysmt/go-bitbucket (pull requests of an SCM integration)
    ("bitbucket", {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/ktrysmt/go-bitbucket v0.10.0\n",
                   "scm/bitbucket/client.go": "package bitbucket\n\nimport \"github.com/ktrysmt/go-bitbucket\"\n\nfunc New(token string) *bitbucket.Client {\n\tc, _ := bitbucket.NewOAuthbearerToken(token)\n\treturn c\n}\n"}),
    # Azure DevOps pull requests through Microsoft's Go client and its Node client
    ("azure-devops", {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/microsoft/azure-devops-go-api/azuredevops/v7 v7.1.0\n",
                      "scm/azure/azure.go": "package azure\n\nimport (\n\t\"github.com/microsoft/azure-devops-go-api/azuredevops/v7\"\n\tazuregit \"github.com/microsoft/azure-devops-go-api/azuredevops/v7/git\"\n)\n\nfunc New(ctx context.Context, org, pat string) (azuregit.Client, error) {\n\treturn azuregit.NewClient(ctx, azuredevops.NewPatConnection(org, pat))\n}\n"}),
    ("azure-devops", {"package.json": '{"name": "x", "dependencies": {"azure-devops-node-api": "^14.0.0"}}',
                      "src/ado.ts": "import * as azdev from 'azure-devops-node-api';\n\nexport const connect = (token: string) => new azdev.WebApi('https://dev.azure.com/acme', azdev.getPersonalAccessTokenHandler(token));\n"}),
    # Keygen license validation through its Go SDK
    ("keygen", {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/keygen-sh/keygen-go/v3 v3.3.0\n",
                "internal/license/license.go": "package license\n\nimport \"github.com/keygen-sh/keygen-go/v3\"\n\nfunc Validate(ctx context.Context, account, key string) error {\n\tkeygen.Account = account\n\tkeygen.LicenseKey = key\n\t_, err := keygen.Validate(ctx)\n\treturn err\n}\n"}),
    # Publishing the app's Protobuf API to the Buf Schema Registry from CI
    ("buf-schema-registry", workflow_with_steps("- uses: bufbuild/buf-setup-action@v1", "- run: buf push --git-metadata", "  env:", "    BUF_TOKEN: ${{ secrets.BUF_TOKEN }}")),
    # Perforce Helix Core through P4Python (the `P4` module) and the p4 CLI's settings
    ("perforce", {"pyproject.toml": '[project]\nname = "rb"\n\n[project.optional-dependencies]\np4 = ["p4python>=2022.1"]\n',
                  "app/scm/perforce.py": "def connect(port, user):\n    import P4\n    p4 = P4.P4()\n    p4.port = port\n    p4.user = user\n    p4.connect()\n    return p4\n"}),
    ("perforce", {"app/scm.py": 'import os\n\nPORT = os.environ["P4PORT"]\nUSER = os.environ.get("P4USER", "admin")\n'}),
    # django-storage-swift: Django's file storage on OpenStack Swift, named by its dotted path in settings
    ("openstack-swift", {"requirements.txt": "Django>=4.2\ndjango-storage-swift==1.4.0\n",
                         "app/settings.py": 'DEFAULT_FILE_STORAGE = "swift.storage.SwiftStorage"\nSWIFT_AUTH_URL = "https://keystone.example.com/v3"\n'}),
    ("openstack-swift", {"app/storage.py": "from swift.storage import SwiftStorage\n\nstore = SwiftStorage()\n"}),
    # Django's built-in cache backends named by their dotted path in CACHES
    ("memcached", {"app/settings.py": 'CACHES = {\n    "default": {\n        "BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",\n        "LOCATION": "127.0.0.1:11211",\n    }\n}\n'}),
    ("memcached", {"app/settings.py": 'CACHES = {"default": {"BACKEND": "django.core.cache.backends.memcached.PyLibMCCache", "LOCATION": CACHE_HOST}}\n'}),
    ("redis", {"app/settings.py": 'CACHES = {\n    "default": {\n        "BACKEND": "django.core.cache.backends.redis.RedisCache",\n        "LOCATION": REDIS_URL,\n    }\n}\n'}),
    # a managed instance group rolled onto a new template from a Cloud Build step (args one a line)
    ("google-compute-engine", {"cloudbuild/deploy.yaml": "steps:\n  - name: gcr.io/cloud-builders/gcloud\n    args:\n      - beta\n      - compute\n      - instance-groups\n      - managed\n      - rolling-action\n      - start-update\n      - web-group\n"}),
    # images a Cloud Build config pushes: its `images:` list, one item a line
    ("google-artifact-registry", {"cloudbuild.yaml": "steps:\n  - name: gcr.io/cloud-builders/docker\n    args: [build, -t, gcr.io/$PROJECT_ID/app, .]\nimages:\n  - gcr.io/$PROJECT_ID/app\n"}),
    ("google-compute-engine", workflow_with_steps("- run: gcloud compute instance-templates create-with-container web-$GITHUB_SHA --container-image=gcr.io/acme/web")),
    # a log service's ingest route for Heroku log drains, named by its log router (keywords: logplex)
    ("heroku", {"lib/app_web/router.ex": "defmodule AppWeb.Router do\n  use AppWeb, :router\n\n  scope \"/logs\", AppWeb do\n    post \"/logplex\", LogController, :syslog\n  end\nend\n"}),
]

# Registries' metadata APIs on their site hosts (pypi.org, rubygems.org, crates.io, hex.pm are
# links elsewhere), a vendor's path-style public bucket, the EU KEV feed, MinIO's client on S3.
MORE_CASES += [
    ("pypi", {"app/versioncheck.py": 'import requests\n\ndef latest():\n    return requests.get("https://pypi.org/pypi/Misago/json").json()["info"]["version"]\n'}),
    ("rubygems", {"lib/update_check.rb": 'require "net/http"\n\nURL = URI("https://rubygems.org/api/v1/versions/rails/latest.json")\nNet::HTTP.get(URL)\n'}),
    ("crates-io", {"src/datasource/crate.ts": 'export const crateVersions = (name: string) => fetch(`https://crates.io/api/v1/crates/${name}`);\n'}),
    ("crates-io", {"src/datasource/crate.ts": 'const INDEX = "https://index.crates.io";\nexport const entry = (path: string) => fetch(`${INDEX}/${path}`);\n'}),
    ("hex-pm", {"src/datasource/hex.ts": 'export const hexPackage = (name: string) => fetch(`https://hex.pm/api/packages/${name}`);\n'}),
    ("hex-pm", workflow_with_steps("- run: mix hex.publish --yes", "  env:", "    HEX_API_KEY: ${{ secrets.HEX_API_KEY }}")),
    ("osv", {"osv/src/main/java/org/acme/osv/OsvDataSourceFactory.java":
             'package org.acme.osv;\n\nfinal class OsvDataSourceFactory {\n    static final String DEFAULT_DATA_URL = "https://storage.googleapis.com/osv-vulnerabilities";\n}\n'}),
    ("enisa-kev", {"kev/src/main/java/org/acme/kev/EnisaKevDataSourceFactory.java":
                   'package org.acme.kev;\n\nfinal class EnisaKevDataSourceFactory {\n'
                   '    static final String URL = "https://raw.githubusercontent.com/enisaeu/CNW/main/advisories/eukev/eukev.json";\n}\n'}),
    ("aws-s3", {"storage/src/main/java/org/acme/storage/S3Storage.java":
                'package org.acme.storage;\n\nimport io.minio.MinioClient;\nimport io.minio.credentials.IamAwsProvider;\n\n'
                'final class S3Storage {\n    MinioClient client(String endpoint) {\n'
                '        return MinioClient.builder().endpoint(endpoint).credentialsProvider(new IamAwsProvider(null, null)).build();\n    }\n}\n'}),
]

# Server providers, Azure DevOps' Docker template, Azure OpenAI through the OpenAI SDK, a
# Puppeteer client of the Browserless container the compose file runs (twenty-fourth set).
MORE_CASES += [
    # the AWS SDK for PHP's EC2 client creating servers
    ("aws-ec2", {"composer.json": '{"require": {"aws/aws-sdk-php": "^3.300"}}\n',
                 "app/ServerProviders/AWS.php": '<?php\nnamespace App\\ServerProviders;\n\nuse Aws\\Ec2\\Ec2Client;\n\n'
                 'class AWS\n{\n    public function create(array $c): void\n    {\n'
                 '        $client = new Ec2Client([\'region\' => $c[\'region\'], \'version\' => \'latest\']);\n'
                 '        $client->runInstances([\'ImageId\' => $c[\'image\'], \'MinCount\' => 1, \'MaxCount\' => 1]);\n    }\n}\n'}),
    # the AWS SDK for Java v2's EC2 client
    ("aws-ec2", {"src/main/java/org/acme/cloud/Instances.java":
                 'package org.acme.cloud;\n\nimport software.amazon.awssdk.services.ec2.Ec2Client;\n\n'
                 'final class Instances {\n    Ec2Client client = Ec2Client.create();\n}\n'}),
    # the pipeline Azure DevOps generates for "Docker: build and push an image to Azure Container Registry"
    ("azure-container-registry", {"azure-pipelines.yml": (
        "trigger:\n- main\n\nvariables:\n  dockerRegistryServiceConnection: 'c6da80c0-0000-0000-0000-3b91c4f6b5dc'\n"
        "  imageRepository: 'acme'\n  containerRegistry: 'acme.azurecr.io'\n  tag: '$(Build.BuildId)'\n\n"
        "stages:\n- stage: Build\n  jobs:\n  - job: Build\n    pool:\n      vmImage: ubuntu-latest\n    steps:\n"
        "    - task: Docker@2\n      inputs:\n        command: buildAndPush\n        repository: $(imageRepository)\n"
        "        containerRegistry: $(dockerRegistryServiceConnection)\n        tags: |\n          $(tag)\n")}),
    # the OpenAI SDK pointed at an Azure resource's deployment path
    ("azure-openai", {"package.json": '{"dependencies": {"openai": "^4.104.0"}}\n',
                      "src/services/openai/client.ts": (
                          'import { OpenAI } from "openai";\n\nexport const azure = (baseURL: string, apiKey: string, model: string, version: string) =>\n'
                          '  new OpenAI({ apiKey, baseURL: `${baseURL}/openai/deployments/${model}`, defaultQuery: { "api-version": version } });\n')}),
    # Puppeteer connecting to the Browserless container the compose file runs
    ("browserless", {"compose.yml": "services:\n  chrome:\n    image: ghcr.io/browserless/chromium:latest\n    environment:\n      TOKEN: chrome_token\n",
                     "apps/server/src/printer/printer.service.ts": (
                         'import { connect } from "puppeteer-core";\n\nexport const browser = () =>\n'
                         '  connect({ browserWSEndpoint: `${process.env.CHROME_URL}?token=${process.env.CHROME_TOKEN}` });\n')}),
]

# certbot, Let's Encrypt's client, run by a server panel over SSH (a Blade view of shell commands)
MORE_CASES += [
    ("letsencrypt", {"resources/views/ssh/nginx/create-ssl.blade.php":
                     "if ! sudo certbot certonly --nginx --noninteractive --agree-tos --cert-name {{ $name }} -m {{ $email }} {{ $domains }}; then\n"
                     "    echo 'ERROR' && exit 1\nfi\n"}),
]

# LLM providers picked by an LLM router's model string (LiteLLM: "<provider>/<model>"), the
# provider word each catalog entry lists in `model_prefixes`.
MORE_CASES += [
    (sid, {"app/llm.py": f'import litellm\n\ndef ask(messages):\n    return litellm.completion(model="{prefix}/{model}", messages=messages)\n'})
    for sid, prefix, model in [
        ("openai", "openai", "gpt-4o-mini"), ("anthropic", "anthropic", "claude-3-5-sonnet-20240620"),
        ("google-gemini", "gemini", "gemini-1.5-flash"), ("google-vertex-ai", "vertex_ai", "gemini-1.5-pro"),
        ("openrouter", "openrouter", "meta-llama/llama-3-70b-instruct"), ("groq", "groq", "llama3-8b-8192"),
        ("mistral", "mistral", "mistral-small-latest"), ("cohere", "cohere_chat", "command-r"),
        ("deepseek", "deepseek", "deepseek-chat"), ("together-ai", "together_ai", "togethercomputer/Llama-2-7B-32K"),
        ("fireworks-ai", "fireworks_ai", "accounts/fireworks/models/llama-v3-70b-instruct"),
        ("perplexity", "perplexity", "sonar-pro"), ("xai", "xai", "grok-2-latest"), ("azure-openai", "azure", "my-gpt4o-deployment"),
        ("aws-bedrock", "bedrock", "anthropic.claude-3-sonnet-20240229-v1:0"), ("ollama", "ollama_chat", "llama3.1"),
        ("huggingface", "huggingface", "meta-llama/Meta-Llama-3-8B-Instruct"), ("replicate", "replicate", "meta/llama-2-70b-chat"),
        ("cerebras", "cerebras", "llama3.1-8b"), ("deepinfra", "deepinfra", "meta-llama/Llama-2-70b-chat-hf"),
        ("voyage-ai", "voyage", "voyage-3"),
    ]
]

# Remote browsers, lego's DNS providers, Vercel's flag provider, GTM's loader (twentieth set).
MORE_CASES += [
    # Playwright connecting over CDP to a browser container whose URL is configured, no local launch
    ("headless-chrome", {"app/fetchers/playwright.py": (
        "import os\nfrom playwright.async_api import async_playwright\n\n"
        "async def fetch(url):\n    async with async_playwright() as p:\n"
        "        browser = await p.chromium.connect_over_cdp(os.getenv('PLAYWRIGHT_DRIVER_URL', 'ws://chrome:3000'))\n"
        "        page = await browser.new_page()\n        await page.goto(url)\n        return await page.content()\n")}),
    # Puppeteer connecting to a headless Chrome container's websocket
    ("headless-chrome", {"src/render.ts": (
        'import puppeteer from "puppeteer-core";\n\nexport async function render(url: string) {\n'
        '  const browser = await puppeteer.connect({ browserWSEndpoint: process.env.CHROME_WS_URL });\n'
        '  const page = await browser.newPage();\n  await page.goto(url);\n  return page.content();\n}\n')}),
    # Selenium's Remote WebDriver against a configured Grid / standalone browser
    ("selenium", {"requirements.txt": "selenium~=4.31.0\n", "app/fetchers/webdriver.py": (
        "import os\nfrom selenium import webdriver\n\n"
        "def fetch(url):\n    driver = webdriver.Remote(command_executor=os.getenv('WEBDRIVER_URL'), options=webdriver.ChromeOptions())\n"
        "    driver.get(url)\n    return driver.page_source\n")}),
    # lego's DNS-01 providers: Route 53 and Cloudflare DNS answer the ACME challenges
    ("aws-route53", {"acme/providers/route53.go": (
        'package providers\n\nimport "github.com/go-acme/lego/v4/providers/dns/route53"\n\n'
        'func New() (*route53.DNSProvider, error) { return route53.NewDNSProviderConfig(route53.NewDefaultConfig()) }\n')}),
    ("cloudflare", {"acme/dns.go": (
        'package acme\n\nimport "github.com/go-acme/lego/v4/providers/dns/cloudflare"\n\n'
        'func New() (*cloudflare.DNSProvider, error) { return cloudflare.NewDNSProvider() }\n')}),
    # the Flags SDK's Vercel adapter
    ("vercel-flags", {"package.json": '{"dependencies": {"flags": "4.0.6", "@flags-sdk/vercel": "1.3.0"}}',
                      "lib/flags.ts": 'import { flag } from "flags/next";\nimport { vercelAdapter } from "@flags-sdk/vercel";\n\n'
                                      'export const newNav = flag({ key: "new-nav", adapter: vercelAdapter() });\n'}),
    # a script loader given GTM's container URL without its scheme
    ("google-tag-manager", {"src/plugins/gtm.ts": (
        'import { loadScript } from "../script-loader";\n\nexport function init(id: string) {\n'
        '  const src = "googletagmanager.com/gtm";\n  return loadScript(src, { www: true, js: true, query: "id=" + id });\n}\n')}),
]


# A platform that runs Traefik in front of the apps it deploys: it starts the Traefik container
# itself and writes its static config, whose ACME resolver gets certificates from Let's Encrypt.
TRAEFIK_SETUP_TS = """\
import { stringify } from "yaml";
export const TRAEFIK_VERSION = "3.6.1";
export const initializeTraefik = async () => {
	const imageName = `traefik:v${TRAEFIK_VERSION}`;
	await docker.createContainer({ name: "proxy", Image: imageName });
};
export const getDefaultTraefikConfig = () =>
	stringify({
		entryPoints: { websecure: { address: ":443", http: { tls: { certResolver: "letsencrypt" } } } },
		certificatesResolvers: {
			letsencrypt: {
				acme: { email: "admin@example.com", storage: "/etc/traefik/acme.json", httpChallenge: { entryPoint: "web" } },
			},
		},
	});
"""
TRAEFIK_PROXY_PHP = """\
<?php
function proxy_compose(): array
{
    return ['services' => ['traefik' => [
        'image' => 'traefik:v3.6',
        'command' => [
            '--certificatesresolvers.letsencrypt.acme.httpchallenge=true',
            '--certificatesresolvers.letsencrypt.acme.storage=/traefik/acme.json',
        ],
    ]]];
}
"""
MORE_CASES += [
    ("traefik", {"src/setup/traefik-setup.ts": TRAEFIK_SETUP_TS}),
    ("letsencrypt", {"src/setup/traefik-setup.ts": TRAEFIK_SETUP_TS}),
    ("traefik", {"bootstrap/helpers/proxy.php": TRAEFIK_PROXY_PHP}),
    ("letsencrypt", {"bootstrap/helpers/proxy.php": TRAEFIK_PROXY_PHP}),
]


# Secret stores and a git forge called over plain HTTP on the URL a user configured (no client
# library): a path only that product's API serves.
MORE_CASES += [
    ("hashicorp-vault", {"src/vault/hashicorp.ts": 'export const check = (c: Config) =>\n\tfetch(`${c.url}/v1/auth/token/lookup-self`, { headers: { "X-Vault-Token": c.token } });\n'}),
    ("infisical", {"src/vault/infisical.ts": 'export const login = (c: Config) =>\n\tfetch(`${c.siteUrl}/api/v1/auth/universal-auth/login`, { method: "POST", body: JSON.stringify({ clientId: c.clientId, clientSecret: c.clientSecret }) });\n'}),
    ("infisical", {"app/settings.py": 'import os\n\nINFISICAL_CLIENT_ID = os.environ["INFISICAL_CLIENT_ID"]\n', "requirements.txt": "infisicalsdk==1.0.3\n"}),
    ("gitea", {"src/providers/gitea.ts": 'export const repos = (baseUrl: string, token: string) =>\n\tfetch(`${baseUrl}/api/v1/user/repos?page=1&limit=50`, { headers: { Authorization: `token ${token}` } });\n'}),
]


# Backups to an S3 bucket through rclone's S3 backend, its credentials passed as flags.
MORE_CASES += [
    ("aws-s3", {"src/backups/upload.ts": 'export const upload = (d: Destination, file: string) =>\n\texec(`rclone copyto --s3-access-key-id=${d.accessKey} --s3-secret-access-key=${d.secret} --s3-region=${d.region} "${file}" ":s3:${d.bucket}/backups/"`);\n'}),
]


# An organisation's OIDC provider registered through better-auth's sso plugin.
MORE_CASES += [
    ("oidc", {"components/sso/register-oidc-dialog.tsx": '// Register an OIDC provider for the organization\nexport async function register(data: Form) {\n\tawait authClient.sso.register({\n\t\tproviderId: data.providerId,\n\t\tissuer: data.issuer,\n\t\toidcConfig: { clientId: data.clientId, clientSecret: data.clientSecret, pkce: true },\n\t});\n}\n'}),
]

# Rails gems of SAML and SES, a Statuspage embed, Socialite drivers of self-hosted sign-ins, the
# Dropbox Chooser drop-in, OAuth2 mail scopes of XOAUTH2 SMTP (twenty-first set).
MORE_CASES += [
    # Devise's SAML strategy gem (ruby-saml only under it in the lockfile)
    ("saml", {"Gemfile": "source 'https://rubygems.org'\ngem 'devise'\ngem 'devise_saml_authenticatable', '~> 1.9'\n",
              "app/models/user.rb": "class User < ApplicationRecord\n  devise :database_authenticatable, :saml_authenticatable\nend\n"}),
    # aws-ses-v4 as ActionMailer's delivery method
    ("aws-ses", {"Gemfile": "source 'https://rubygems.org'\ngem 'aws-ses-v4', require: 'aws/ses'\n",
                 "config/initializers/amazon_ses.rb": "ActionMailer::Base.add_delivery_method :ses, AWS::SES::Base,\n  server: 'email.us-east-1.amazonaws.com', signature_version: 4\n"}),
    # a layout loading the page's Statuspage status embed
    ("atlassian-statuspage", {"app/views/layouts/application.html.erb": '<% if Rails.env.production? %>\n  <script src="https://abc123xyz.statuspage.io/embed/script.js"></script>\n<% end %>\n'}),
    # Laravel Socialite drivers for a user's Mastodon or Nextcloud instance
    ("mastodon", {"composer.json": '{"require": {"laravel/socialite": "^5.18", "revolution/socialite-mastodon": "^1.4"}}\n'}),
    ("mastodon", {"composer.json": '{"require": {"laravel/socialite": "^5.18", "socialiteproviders/mastodon": "^4.0"}}\n'}),
    ("nextcloud", {"composer.json": '{"require": {"laravel/socialite": "^5.18", "socialiteproviders/nextcloud": "^4.0"}}\n'}),
    # a Vue component injecting the Dropbox Chooser script with the app key
    ("dropbox", {"resources/js/components/DropBoxChooser.vue": '<script setup lang="ts">\nconst s = document.createElement("script");\n'
                 's.setAttribute("src", "https://www.dropbox.com/static/api/2/dropins.js");\ns.setAttribute("data-app-key", props.apiKey);\n'
                 'document.head.appendChild(s);\n</script>\n'}),
    # XOAUTH2 SMTP: the OAuth2 config of a Microsoft 365 or Gmail mailbox
    ("outlook365", {"internal/smtp/oauth2.go": 'package smtp\n\nimport "golang.org/x/oauth2/microsoft"\n\nfunc cfg(t string) {\n'
                    '\t_ = microsoft.AzureADEndpoint(t)\n\t_ = []string{"offline_access", "https://outlook.office.com/SMTP.Send"}\n}\n'}),
    ("google-gmail", {"internal/smtp/oauth2.go": 'package smtp\n\nimport "golang.org/x/oauth2/google"\n\nfunc cfg() {\n'
                      '\t_ = google.Endpoint\n\t_ = []string{"https://mail.google.com/"}\n}\n'}),
    ("google-gmail", {"app/mail/gmail_auth.py": 'SCOPES = ["https://www.googleapis.com/auth/gmail.send"]\n'}),
]


# The twenty-fourth set's campsite and lasuite-docs: AWS ECS from Ruby, PlanetScale's Rails gem,
# Tenor's v2 API on Google's domain, ToDesktop's client packages, DocSpec's converter image,
# Scalingo's nginx buildpack config.
MORE_CASES += [
    # a Rails model starting a Fargate task with the ECS gem
    ("aws-ecs", {"Gemfile": "source 'https://rubygems.org'\ngem 'aws-sdk-ecs'\n",
                 "app/models/data_export.rb": "class DataExport\n  def trigger\n    client = Aws::ECS::Client.new(region: 'us-east-1')\n"
                 "    client.run_task(cluster: 'exporter', launch_type: 'FARGATE', task_definition: 'export')\n  end\nend\n"}),
    # boto3 starting a task (the weak package counts with the call)
    ("aws-ecs", {"requirements.txt": "boto3==1.35.0\n",
                 "jobs/export.py": 'import boto3\n\necs = boto3.client("ecs")\necs.run_task(cluster="exporter", taskDefinition="export")\n'}),
    # PlanetScale's Rails gem (branching rake tasks), beside the MySQL adapter
    ("planetscale", {"Gemfile": "source 'https://rubygems.org'\ngem 'trilogy'\ngroup :development do\n  gem 'planetscale_rails'\nend\n"}),
    # a deploy-request workflow
    ("planetscale", workflow_with_steps("- uses: planetscale/setup-pscale-action@v1",
                                        "- run: pscale deploy-request create app main")),
    # a Ruby client of Tenor's v2 API
    ("tenor", {"lib/tenor_client.rb": 'class TenorClient\n  def search(q)\n    Faraday.new(url: "https://tenor.googleapis.com/v2").get("search", q: q, key: @api_key)\n  end\nend\n'}),
    # ToDesktop's client library for the web app's desktop shell
    ("todesktop", {"apps/web/package.json": '{"dependencies": {"@todesktop/client-core": "^1.12.0"}}'}),
    # DocSpec's conversion API in compose, its URL read by the backend
    ("docspec", {"compose.yml": "services:\n  docspec:\n    image: ghcr.io/docspecio/api:3.0.1\n    ports:\n      - \"4000:4000\"\n"}),
    ("docspec", {"app/converters.py": 'import os\n\nimport requests\n\nDOCSPEC_API_URL = os.environ["DOCSPEC_API_URL"]\n\n\ndef convert(data):\n    return requests.post(DOCSPEC_API_URL, data=data).content\n'}),
    # Scalingo's nginx buildpack renders servers.conf.erb
    ("scalingo", {"deploy/paas/servers.conf.erb": "# see https://doc.scalingo.com/platform/deployment/buildpacks/nginx\nserver {\n  listen <%= ENV['PORT'] %>;\n}\n"}),
]


# Bug trackers of a test-management app (kiwi), the script tags of its pages (in-context
# translation, ads, a tracking pixel), its package upload and static analysis in CI, and a Go
# mail package (twenty-fourth set).
MORE_CASES += [
    ("redmine", {"requirements.txt": "python-redmine==2.5.0\n",
                 "app/issuetracker/redmine.py": "from redminelib import Redmine\n\n\ndef tracker(url, key):\n    return Redmine(url, key=key)\n"}),
    ("redmine", {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/mattn/go-redmine v0.0.0-20230112023401-3d6d6c4f3c2a\n"}),
    ("bugzilla", {"requirements.txt": "python-bugzilla==3.3.0\n",
                  "app/issuetracker/bz.py": "import bugzilla\n\n\ndef rpc(url, user, password):\n    return bugzilla.Bugzilla(url, user=user, password=password)\n"}),
    ("bugzilla", {"app/bugs.py": 'import requests\n\ndef bug(n):\n    return requests.get(f"https://bugzilla.redhat.com/rest/bug/{n}").json()\n'}),
    # Azure DevOps' work item tracking API on the project URL a user configured, and its Node SDK's client
    ("azure-boards", {"app/issuetracker/azure_boards.py": 'import requests\n\n\nclass AzureBoardsAPI:\n    def get_issue(self, issue_id):\n'
                      '        url = f"{self.base_url}/_apis/wit/workItems/{issue_id}?api-version=7.1"\n        return requests.get(url, auth=self.auth).json()\n'}),
    ("azure-boards", {"package.json": '{"dependencies": {"azure-devops-node-api": "^14.0.0"}}\n',
                      "src/boards.ts": 'import * as azdev from "azure-devops-node-api";\n\nexport async function wit(c: azdev.WebApi) {\n  return c.getWorkItemTrackingApi();\n}\n'}),
    ("crowdin", {"templates/base.html": '{% if LANGUAGE_CODE == "eo" %}\n<script src="//cdn.crowdin.com/jipt/jipt.js"></script>\n{% endif %}\n'}),
    ("crowdin", {"crowdin.yml": 'files:\n  - source: /locale/en/LC_MESSAGES/django.po\n    translation: /locale/%two_letters_code%/LC_MESSAGES/django.po\n'}),
    ("ethicalads", {"templates/include/ads.html": '<script async src="https://media.ethicalads.io/media/client/ethicalads.min.js"></script>\n'
                    '<div data-ea-publisher="acme" data-ea-type="text"></div>\n'}),
    ("scarf", {"templates/base.html": '<img referrerpolicy="no-referrer-when-downgrade" src="https://static.scarf.sh/a.png?x-pxid={{ pixel_id }}">\n'}),
    ("scarf", {"package.json": '{"name": "acme-lib", "dependencies": {"@scarf/scarf": "^1.4.0"}}\n'}),
    ("gemfury", {"Makefile": "upload-pkg:\n\tcurl -F p1=@dist/acme-$(VERSION).tar.gz https://$(TWINE_PASSWORD)@push.fury.io/acme/\n"}),
    ("gemfury", workflow_with_steps("- run: fury push dist/*.whl --account=acme", "  env:", "    FURY_TOKEN: ${{ secrets.GEMFURY_PUSH_TOKEN }}")),
    ("coverity-scan", workflow_with_steps(
        "- run: |", "    curl -o cov.tgz https://scan.coverity.com/download/linux64 --form token=$TOKEN",
        "    cov-analysis/bin/cov-build --dir cov-int make", "    curl https://scan.coverity.com/builds?project=acme --form file=@cov-int.tgz",
        "  env:", "    TOKEN: ${{ secrets.COVERITY_SCAN_TOKEN }}")),
    ("smtp", {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/go-mail/mail v2.3.1+incompatible\n",
              "pkg/email/smtp.go": 'package email\n\nimport "github.com/go-mail/mail"\n\nfunc dial(h string, p int, u, pw string) *mail.Dialer { return mail.NewDialer(h, p, u, pw) }\n'}),
]


# A home-server dashboard's widgets (glance) and a map site's services (openstreetmap-website):
# news feeds, self-hosted DNS and change-monitoring APIs, OpenStreetMap's community tile and
# routing servers, Wikimedia data and sign-in (twenty-fourth set).
MORE_CASES += [
    ("hacker-news", {"internal/widgets/hacker_news.go": 'package widgets\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nfunc top(sort string) (*http.Request, error) {\n\treturn http.NewRequest("GET", fmt.Sprintf("https://hacker-news.firebaseio.com/v0/%sstories.json", sort), nil)\n}\n'}),
    ("lobsters", {"internal/widgets/lobsters.go": 'package widgets\n\nfunc instance(u string) string {\n\tif u == "" {\n\t\tu = "https://lobste.rs/"\n\t}\n\treturn u\n}\n'}),
    ("changedetection-io", {"internal/widgets/changedetection.go": 'package widgets\n\nfunc (w *Widget) init() {\n\tif w.InstanceURL == "" {\n\t\tw.InstanceURL = "https://www.changedetection.io"\n\t}\n}\n'}),
    ("changedetection-io", {"docker-compose.yml": "services:\n  changedetection:\n    image: ghcr.io/dgtlmoon/changedetection.io:latest\n"}),
    ("pi-hole", {"internal/widgets/dns.go": 'package widgets\n\nimport "net/http"\n\nfunc pihole(base, token string) (*http.Request, error) {\n\treturn http.NewRequest("GET", base+"/admin/api.php?summaryRaw&topItems&auth="+token, nil)\n}\n'}),
    ("adguard-home", {"internal/widgets/dns.go": 'package widgets\n\nimport "net/http"\n\nfunc adguard(base string) (*http.Request, error) {\n\treturn http.NewRequest("GET", base+"/control/stats", nil)\n}\n'}),
    ("technitium-dns", {"internal/widgets/dns.go": 'package widgets\n\nimport "net/http"\n\nfunc technitium(base, token string) (*http.Request, error) {\n\treturn http.NewRequest("GET", base+"/api/dashboard/stats/get?token="+token+"&type=LastDay", nil)\n}\n'}),
    ("youtube", {"internal/widgets/videos.go": 'package widgets\n\nfunc feed(id string) string {\n\treturn "https://www.youtube.com/feeds/videos.xml?channel_id=" + id\n}\n'}),
    ("twitch", {"internal/widgets/shared.go": 'package widgets\n\nconst twitchGqlEndpoint = "https://gql.twitch.tv/gql"\n'}),
    ("matomo", {"app/assets/javascripts/matomo.js": 'if (OSM.MATOMO) {\n  $.ajax({ url: base + "matomo.js", dataType: "script", success: function () {\n    const t = Matomo.getTracker(base + "matomo.php", OSM.MATOMO.site);\n    t.trackPageView();\n  } });\n}\n'}),
    ("openstreetmap", {"app/controllers/export_controller.rb": 'class ExportController < ApplicationController\n  def finish\n    redirect_to "https://render.openstreetmap.org/cgi-bin/export?bbox=#{bbox}&format=png", :allow_other_host => true\n  end\nend\n'}),
    ("openstreetmap-france", {"src/map/layers.js": "L.tileLayer('https://{s}.tile.openstreetmap.fr/hot/{z}/{x}/{y}.png', { maxZoom: 19 }).addTo(map);\n"}),
    ("tracestrack", {"config/layers.yml": '- layerId: "tracestracktopo"\n  tileUrl: "https://tile.tracestrack.com/topo__/{z}/{x}/{y}.webp?key={apikey}"\n'}),
    ("fossgis-osrm", {"config/settings.yml": 'fossgis_osrm_url: "https://routing.openstreetmap.de/"\n'}),
    ("fossgis-valhalla", {"src/routing/valhalla.js": 'const URL = "https://valhalla1.openstreetmap.de/route";\nexport const route = (q) => fetch(URL + "?json=" + JSON.stringify(q));\n'}),
    ("wikidata", {"config/settings.yml": 'wikidata_api_url: "https://www.wikidata.org/w/api.php"\n'}),
    ("wikidata", {"package.json": '{"dependencies": {"wikibase-sdk": "^10.0.0"}}'}),
    ("wikimedia-commons", {"src/media/commons.py": 'import requests\nAPI = "https://commons.wikimedia.org/w/api.php"\nrequests.get(API, params={"action": "query"})\n'}),
    ("wikimedia-oauth", {"Gemfile": "source 'https://rubygems.org'\ngem 'omniauth'\ngem 'omniauth-mediawiki'\n",
                         "config/initializers/omniauth.rb": 'Rails.application.config.middleware.use OmniAuth::Builder do\n  provider :mediawiki, Settings.wikipedia_auth_id, Settings.wikipedia_auth_secret, :name => "wikipedia"\nend\n'}),
]


MORE_CASES += [
    # gtag.js for a measurement id kept in a setting named ga_code, printed by ERB.
    ("google-analytics", {"app/views/application/_ga_code.html.erb":
                          '<script defer src="https://www.googletagmanager.com/gtag/js?id=<%= AppConfig.ga_code %>"></script>\n'}),
    # Xapian: the Ruby bindings gem and `require 'xapian'`; Python's OS-packaged bindings;
    # Django Haystack's Xapian backend named in settings.
    ("xapian", {"Gemfile": "source 'https://rubygems.org'\ngem 'xapian-full', '~> 1.2'\n",
                "lib/search.rb": "require 'xapian'\nDB = Xapian::Database.new(ENV.fetch('XAPIAN_DB'))\n"}),
    ("xapian", {"app/search.py": "import xapian\n\ndb = xapian.WritableDatabase(path, xapian.DB_CREATE_OR_OPEN)\n"}),
    ("xapian", {"requirements.txt": "Django==5.0\ndjango-haystack==3.2\nxapian-haystack==3.1\n",
                "project/settings.py": "HAYSTACK_CONNECTIONS = {'default': {'ENGINE': 'xapian_backend.XapianEngine', 'PATH': INDEX_PATH}}\n"}),
    # A Varnish VCL the app ships for its front cache, named for Varnish.
    ("varnish", {"config/varnish-app.vcl": 'vcl 4.0;\nbackend default { .host = "127.0.0.1"; .port = "3000"; }\n'}),
    ("varnish", {"deploy/varnish/production.vcl": 'vcl 4.1;\nsub vcl_recv { if (req.method == "PURGE") { return (purge); } }\n'}),
    # Ruby's net/imap opening a mailbox.
    ("imap", {"app/mail/fetcher.rb": "require 'net/imap'\n\nimap = Net::IMAP.new(host, port: 993, ssl: true)\nimap.login(user, password)\n"}),
]


# A podcast site (changelog, twenty-fifth set): its secrets from 1Password (`op run --env-file`),
# the measurement prefixes before every episode's audio URL, the feed ping to Overcast, and the
# image its Dagger pipeline publishes to GHCR.
MORE_CASES += [
    ("1password", {"env.op": 'export DB_PASS="op://acme/db/password"\nexport STRIPE_SECRET="op://acme/stripe/secret"\n',
                   "scripts/start.sh": '#!/bin/sh\nexec op run --env-file=./env.op -- mix phx.server\n'}),
    ("1password", {".env.example": "OP_SERVICE_ACCOUNT_TOKEN=\nDATABASE_URL=op://acme/db/url\n"}),
    ("1password", {"package.json": '{"dependencies": {"@1password/sdk": "^0.3.0"}}\n',
                   "src/secrets.ts": 'import { createClient } from "@1password/sdk";\nexport const c = await createClient({ auth: process.env.OP_SERVICE_ACCOUNT_TOKEN });\n'}),
    ("1password", {"docker-compose.yml": "services:\n  op-connect-api:\n    image: 1password/connect-api:latest\n  op-connect-sync:\n    image: 1password/connect-sync:latest\n"}),
    ("op3", {"lib/app_web/views/episode_view.ex": 'defmodule AppWeb.EpisodeView do\n  defp prefix(url), do: String.replace_prefix(url, "", "https://op3.dev/e/")\nend\n'}),
    ("podscribe", {"lib/app_web/views/episode_view.ex": 'defmodule AppWeb.EpisodeView do\n  defp prefix(url), do: String.replace_prefix(url, "", "https://pscrb.fm/rss/p/")\nend\n'}),
    ("podtrac", {"app/models/episode.rb": 'class Episode\n  def enclosure_url = "https://dts.podtrac.com/redirect.mp3/#{audio_host}/#{file_name}"\nend\n'}),
    ("overcast", {"lib/app/pod_ping.ex": 'defmodule App.PodPing do\n  def overcast(url), do: HTTP.post("https://overcast.fm/ping", {:form, [{"urlprefix", url}]})\nend\n'}),
    ("github-container-registry", {"magefiles/image/main.go": 'package image\n\nfunc (i *Image) auth() {\n\ti.c = i.c.WithRegistryAuth(\n\t\t"ghcr.io",\n\t\tenv("GHCR_USERNAME"),\n\t\tsecret,\n\t)\n}\n'}),
    ("github-container-registry", {"ci/main.py": 'async def publish(c, token):\n    return await c.with_registry_auth("ghcr.io", "acme", token).publish("ghcr.io/acme/app:latest")\n'}),
]


# A payments platform's observability, tax, AI and video vendors, its Drive export and its
# chargeback alerts (twenty-fifth set).
MORE_CASES += [
    ("logfire", {"pyproject.toml": '[project]\nname = "app"\ndependencies = ["logfire[fastapi]>=4.0"]\n',
                 "app/observability.py": "import logfire\n\n\ndef setup(app, token):\n    logfire.configure(send_to_logfire='if-token-present', token=token)\n"
                 "    logfire.instrument_fastapi(app)\n"}),
    ("numeral", {"app/tax/numeral.py": 'import httpx\n\nclient = httpx.AsyncClient(base_url="https://api.numeralhq.com",\n'
                 '                           headers={"Authorization": f"Bearer {settings.NUMERAL_API_KEY}"})\n'}),
    ("pydantic-ai-gateway", {"app/config.py": "from pydantic_ai.providers.gateway import gateway_provider\n\n\n"
                             "def provider(key):\n    return gateway_provider('openai', api_key=key)\n"}),
    ("pydantic-ai-gateway", {"src/app/api/chat/route.ts": 'import { createAnthropic } from "@ai-sdk/anthropic";\n\n'
                             'const anthropic = createAnthropic({\n  apiKey: process.env.PYDANTIC_AI_GATEWAY_API_KEY,\n'
                             "  baseURL: 'https://gateway-us.pydantic.dev/proxy/anthropic/v1/',\n});\n"}),
    ("gram", {"src/app/api/assistant/route.ts": 'import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";\n\n'
              "const transport = new StreamableHTTPClientTransport(new URL('https://app.getgram.ai/mcp/acme-assistant'), {\n"
              "  requestInit: { headers: { Authorization: `Bearer ${process.env.GRAM_API_KEY}` } },\n});\n"}),
    ("cloudflare-stream", {"package.json": '{"dependencies": {"@cloudflare/stream-react": "^1.9.3"}}\n',
                           "src/components/Intro.tsx": 'import { Stream } from "@cloudflare/stream-react";\n\n'
                           'export const Intro = () => <Stream controls src="5d5bc37ffcf54c9b82e996823bffbb81" />;\n'}),
    ("chargeback-stop", {"app/integrations/chargeback_stop/endpoints.py":
                         'import hashlib, hmac\nfrom fastapi import APIRouter, Header, Request\nfrom app.config import settings\n\n'
                         'router = APIRouter(prefix="/integrations/chargeback-stop")\n\n\n@router.post("/webhook")\n'
                         'async def webhook(request: Request, x_signature: str = Header()):\n    body = await request.body()\n'
                         '    expected = hmac.new(settings.CHARGEBACK_STOP_WEBHOOK_SECRET.encode(), body, hashlib.sha512).hexdigest()\n'
                         '    return hmac.compare_digest(expected, x_signature)\n'}),
    ("google-drive", {"app/policy.py": 'import httpx\n\n_EXPORT_URL = "https://www.googleapis.com/drive/v3/files/{file_id}/export"\n\n\n'
                      'async def download(file_id, token):\n    async with httpx.AsyncClient() as c:\n'
                      '        return await c.get(_EXPORT_URL.format(file_id=file_id), headers={"Authorization": f"Bearer {token}"})\n'}),
]


# An invoicing app's card gateway, GELF log channel, VAT number check, and a video embed's
# oEmbed lookup (twenty-fifth set).
MORE_CASES += [
    # the Rapid SDK's client in a payment driver
    ("eway", {"composer.json": '{"require": {"eway/eway-rapid-php": "^1.3"}}\n',
              "app/PaymentDrivers/EwayPaymentDriver.php": '<?php\nnamespace App\\PaymentDrivers;\n\n'
              'class EwayPaymentDriver\n{\n    public function init(): self\n    {\n'
              '        $this->eway = \\Eway\\Rapid::createClient($this->key, $this->password, $this->endpoint);\n        return $this;\n    }\n}\n'}),
    # the Rapid API called over HTTP with its Node SDK's package
    ("eway", {"package.json": '{"dependencies": {"eway-rapid": "^1.3.0"}}\n',
              "src/payments/eway.js": 'const rapid = require("eway-rapid");\n'
              'const client = rapid.createClient(process.env.EWAY_API_KEY, process.env.EWAY_PASSWORD, "production");\n'
              'export const charge = (t) => client.createTransaction(rapid.Enum.Method.DIRECT, t);\n'}),
    # Laravel's GELF log channel (hedii/laravel-gelf-logger) to a Graylog server
    ("graylog", {"composer.json": '{"require": {"hedii/laravel-gelf-logger": "^9"}}\n',
                 "config/logging.php": "<?php\nreturn ['channels' => ['gelf' => [\n"
                 "    'driver' => 'custom',\n    'via' => \\Hedii\\LaravelGelfLogger\\GelfLoggerFactory::class,\n"
                 "    'transport' => 'udp',\n    'host' => env('GRAYLOG_SERVER', '127.0.0.1'),\n    'port' => 12201,\n]]];\n"}),
    # VIES's SOAP service, no VAT package
    ("eu-vies", {"app/Services/Tax/VatNumberCheck.php": '<?php\nnamespace App\\Services\\Tax;\n\nclass VatNumberCheck\n{\n'
                 '    public function check(string $country, string $number): bool\n    {\n'
                 '        $client = new \\SoapClient("https://ec.europa.eu/taxation_customs/vies/checkVatService.wsdl");\n'
                 "        return $client->checkVat(['countryCode' => $country, 'vatNumber' => $number])->valid;\n    }\n}\n"}),
    # YouTube's oEmbed endpoint: a pasted video's title and thumbnail for an editor's embed
    ("youtube", {"apps/web/src/components/YouTubeEmbed/utils.ts":
                 'export async function fetchYouTubeMetadata(url: string) {\n'
                 '  const res = await fetch(`https://www.youtube.com/oembed?url=${encodeURIComponent(url)}&format=json`);\n'
                 '  return res.ok ? res.json() : null;\n}\n'}),
]


# Cloudflare bindings of a Worker, a billing layer, a localization action, an inbound-email
# relay, a REST path on a configured endpoint, SQLite file URLs, better-auth's generic OAuth
# plugin (twenty-sixth set: papra, zero).
_WRANGLER_JSONC = """{
  "name": "api",
  "main": "src/index.ts",
  // the pooled Postgres connection and the Worker's KV stores
  "hyperdrive": [
    { "binding": "HYPERDRIVE", "id": "57834ddb6716440496c8836f6d99bc9a", },
  ],
  "kv_namespaces": [
    { "binding": "SESSIONS", "id": "cd3ff4a80734444c98aee76ea9166e3d" },
  ],
}
"""
MORE_CASES += [
    ("cloudflare-hyperdrive", {"apps/api/wrangler.jsonc": _WRANGLER_JSONC}),
    ("cloudflare-kv", {"apps/api/wrangler.jsonc": _WRANGLER_JSONC}),
    ("cloudflare-d1", {"wrangler.toml": 'name = "api"\nmain = "src/index.ts"\n\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "prod"\ndatabase_id = "xxxx"\n'}),
    ("cloudflare-queues", {"wrangler.toml": 'name = "api"\nmain = "src/index.ts"\n\n[[queues.producers]]\nqueue = "emails"\nbinding = "EMAILS"\n'}),
    # the Worker handing Hyperdrive's pooled connection string to its Postgres driver
    ("cloudflare-hyperdrive", {"src/db.ts": 'import postgres from "postgres";\nexport const db = (env: Env) => postgres(env.HYPERDRIVE.connectionString);\n'}),
    # Autumn's SDK metering a feature before an AI call
    ("autumn", {"apps/server/package.json": '{"dependencies": {"autumn-js": "0.0.22"}}\n',
                "apps/server/src/routes/chat.ts": 'import { Autumn } from "autumn-js";\n\nexport async function allowed(id: string) {\n'
                '  const { data } = await Autumn.check({ customer_id: id, feature_id: "chat-messages" });\n  return data?.allowed;\n}\n'}),
    # Lingo.dev's GitHub Action translating the locale files on push
    ("lingo-dev", workflow_with_steps("- uses: lingodotdev/lingo.dev@main", "  with:",
                                      "    api-key: ${{ secrets.LINGODOTDEV_API_KEY }}", "    pull-request: true")),
    # OwlRelay's SDK creating inbound addresses that forward to the app's webhook
    ("owlrelay", {"apps/server/package.json": '{"dependencies": {"@owlrelay/api-sdk": "^0.0.3"}}\n',
                  "apps/server/src/intake/owlrelay.ts": 'import { createClient } from "@owlrelay/api-sdk";\n\n'
                  'export const driver = (apiKey: string) => {\n  const client = createClient({ apiKey });\n'
                  '  return { create: (username: string, webhookUrl: string) => client.createEmail({ username, webhookUrl }) };\n};\n'}),
    # Azure Document Intelligence's REST API on the resource's configured endpoint, no SDK
    ("azure-document-intelligence", {"src/extraction/azure-di.ts": (
        'import { ofetch } from "ofetch";\n\nexport const analyze = (endpoint: string, apiKey: string, body: Blob) =>\n'
        '  ofetch.raw(`${endpoint}/documentintelligence/documentModels/prebuilt-layout:analyze`, {\n'
        '    method: "POST", headers: { "Ocp-Apim-Subscription-Key": apiKey }, body,\n  });\n')}),
    # libSQL/Drizzle's default local database, a SQLite file
    ("sqlite", {"apps/server/package.json": '{"dependencies": {"@libsql/client": "^0.14.0"}}\n',
                "apps/server/src/database.config.ts": "export const databaseConfig = {\n  url: { env: 'DATABASE_URL', default: 'file:./db.sqlite' },\n};\n"}),
    # better-auth's Generic OAuth plugin with operator-configured providers
    ("oidc", {"apps/server/src/auth.ts": 'import { betterAuth } from "better-auth";\nimport { genericOAuth } from "better-auth/plugins";\n\n'
              'export const auth = (providers) => betterAuth({\n  plugins: [genericOAuth({ config: providers })],\n});\n'}),
]


# Cloud KMS through Tink's envelope encryption, and an editor extension's two registries
# (twenty-sixth set).
MORE_CASES += [
    ("google-cloud-kms", {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/tink-crypto/tink-go-gcpkms v0.0.0-20230602082706-31d0d09ccc8d\n",
                          "pkg/encryption/cloudkms.go": 'package encryption\n\nimport (\n\t"context"\n\n'
                          '\t"github.com/tink-crypto/tink-go-gcpkms/integration/gcpkms"\n\t"google.golang.org/api/option"\n)\n\n'
                          'func client(keyURI string, creds []byte) {\n'
                          '\tgcpkms.NewClientWithOptions(context.Background(), keyURI, option.WithCredentialsJSON(creds))\n}\n'}),
    ("google-cloud-kms", {"requirements.txt": "google-cloud-kms==2.24.0\n",
                          "app/crypto.py": "from google.cloud import kms\n\nclient = kms.KeyManagementServiceClient()\n"}),
    ("vscode-marketplace", workflow_with_steps("- name: Publish to VS Code Marketplace", "  working-directory: editor",
                                               "  env:", "    VSCE_PAT: ${{ secrets.VSCE_PAT }}", "  run: pnpm run publish")),
    ("vscode-marketplace", workflow_with_steps("- run: npx @vscode/vsce publish -p ${{ secrets.MARKETPLACE_TOKEN }}")),
    ("svix", {"package.json": '{"dependencies": {"svix": "^1.40.0"}}',
              "src/webhooks/send.ts": 'import { Svix } from "svix";\n\nconst svix = new Svix(process.env.SVIX_API_KEY!);\n'
              'export const send = (app: string, e: object) => svix.message.create(app, { eventType: "run.done", payload: e });\n'}),
    ("open-vsx", workflow_with_steps("- run: npm install -g ovsx",
                                     "- run: ovsx publish hatchet-${{ steps.version.outputs.VERSION }}.vsix -p ${{ secrets.OPEN_VSX_REGISTRY_TOKEN }}")),
]


# PocketBase embedded as a Go framework: its SQLite store and its SMTP mailer; release channels
# by their CI publishing steps; Ookla's server list; an Apprise library (twenty-sixth set).
MORE_CASES += [
    ("sqlite", {"go.mod": "module example.com/app\n\ngo 1.24\n\nrequire github.com/pocketbase/pocketbase v0.30.0\n\nrequire modernc.org/sqlite v1.38.0 // indirect\n",
                "main.go": 'package main\n\nimport "github.com/pocketbase/pocketbase"\n\nfunc main() { _ = pocketbase.New().Start() }\n'}),
    ("smtp", {"internal/alerts/alerts.go": 'package alerts\n\nimport (\n\t"net/mail"\n\n\t"github.com/pocketbase/pocketbase/core"\n\t"github.com/pocketbase/pocketbase/tools/mailer"\n)\n\n'
              'func send(app core.App, to string) error {\n\tmsg := mailer.Message{From: mail.Address{Address: app.Settings().Meta.SenderAddress}, To: []mail.Address{{Address: to}}}\n'
              '\treturn app.NewMailClient().Send(&msg)\n}\n'}),
    ("homebrew", workflow_with_steps("- uses: mislav/bump-homebrew-formula-action@v3", "  with:", "    formula-name: app")),
    ("scoop", workflow_with_steps("- uses: goreleaser/goreleaser-action@v6", "  with:", "    args: release --clean", "  env:",
                                  "    SCOOP_BUCKET_GITHUB_TOKEN: ${{ secrets.SCOOP_BUCKET_GITHUB_TOKEN }}")),
    ("winget", workflow_with_steps("- uses: vedantmgoyal9/winget-releaser@main", "  with:", "    identifier: Acme.App")),
    ("chocolatey", workflow_with_steps("- run: choco push app.1.0.0.nupkg --source https://push.chocolatey.org/ --api-key $env:CHOCO_KEY"), ),
    ("snapcraft", workflow_with_steps("- uses: snapcore/action-publish@v1", "  with:", "    snap: app.snap", "    release: stable")),
    ("aur", workflow_with_steps("- uses: KSXGitHub/github-actions-deploy-aur@v3", "  with:", "    pkgname: app-bin")),
    ("ookla-speedtest", {"app/Actions/GetServers.php": "<?php\nuse Illuminate\\Support\\Facades\\Http;\n\n$servers = Http::get('https://www.speedtest.net/api/js/servers', ['engine' => 'js'])->json();\n"}),
    ("apprise", {"requirements.txt": "apprise==1.9.0\n", "app/notify.py": "import apprise\n\nobj = apprise.Apprise()\nobj.add(url)\nobj.notify(body=body)\n"}),
    # The twenty-seventh set: *arr predecessors by their client class, public metadata hosts, Trakt's SDK.
    ("couchpotato", {"src/Api/CouchPotato/CouchPotatoApi.cs": "namespace App.Api\n{\n    public class CouchPotatoApi : ICouchPotatoApi\n    {\n"
                     "        public Task<bool> AddMovie(string id, string key, Uri baseUrl) => _api.Get(baseUrl, $\"/api/{key}/movie.add?identifier={id}\");\n    }\n}\n"}),
    ("sickrage", {"src/Api/SickRage/SickRageApi.cs": "namespace App.Api\n{\n    public class SickRageApi : ISickRageApi\n    {\n"
                  "        public Task<object> Shows(string key, string baseUrl) => _api.Get($\"{baseUrl}/api/{key}/?cmd=shows\");\n    }\n}\n"}),
    ("cover-art-archive", {"app/covers.py": "import requests\n\ndef cover(mbid):\n    return requests.get(f'https://coverartarchive.org/release-group/{mbid}').json()\n"}),
    ("trakt", {"src/Api/Api.csproj": '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="TraktSharp.NetStandard2" Version="0.3.0" />\n  </ItemGroup>\n</Project>\n',
               "src/Api/Shows.cs": "using TraktSharp;\n\npublic class Shows\n{\n    private readonly TraktClient _client = new TraktClient();\n"
               "    public Task<object> Popular() => _client.Shows.GetPopularShowsAsync();\n}\n"}),
    ("trakt", {"package.json": '{"name": "app", "dependencies": {"trakt.tv": "^8.2.0"}}\n',
               "src/trakt.js": "const Trakt = require('trakt.tv');\nconst trakt = new Trakt({ client_id: process.env.TRAKT_CLIENT_ID });\nmodule.exports = () => trakt.shows.trending();\n"}),
    ("musicbrainz", {"src/Music/Music.csproj": '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="MusicBrainzAPI" Version="2.5.0" />\n  </ItemGroup>\n</Project>\n',
                     "src/Music/Search.cs": "using Hqub.MusicBrainz.API;\n\npublic class Search\n{\n    public Task<object> Artist(string q) => new MusicBrainzClient().Artists.SearchAsync(q);\n}\n"}),
    # ActionMailer's SMTP settings copied from a YAML config beside the net-smtp gem.
    ("smtp", {"Gemfile": "source 'https://rubygems.org'\ngem 'rails'\ngem 'net-smtp', '~> 0.5.1'\n",
              "lib/app/configuration.rb": "module App\n  module Configuration\n    def self.load(config)\n"
              "      %w(delivery_method smtp_settings sendmail_settings).each do |key|\n"
              "        ActionMailer::Base.send(\"#{key}=\", config['email_delivery'][key]) if config['email_delivery'][key]\n      end\n    end\n  end\nend\n"}),
    # `docker buildx build --push --tag acme/app`: the push flag before the tag.
    ("docker-hub", workflow_with_steps("- run: docker buildx build --push --tag acme/app:latest --platform linux/amd64,linux/arm64 .")),
]


# Media automation apps' download clients, indexers and metadata services: a module folder per
# vendor (`Download/Clients/<Vendor>/`, `Indexers/<Vendor>/`) whose proxy calls the user's daemon.
_ARR_PROXY = (
    "namespace App.Download.Clients.{ns}\n{{\n    public class {ns}Proxy\n    {{\n"
    "        public string Call(Settings settings)\n        {{\n"
    "            var request = new HttpRequestBuilder(settings.UseSsl, settings.Host, settings.Port, settings.UrlBase).Resource(\"{res}\").Build();\n"
    "            return _httpClient.Execute(request).Content;\n        }}\n    }}\n}}\n"
)
MORE_CASES += [
    (sid, {f"src/App.Core/Download/Clients/{ns}/{ns}Proxy.cs": _ARR_PROXY.format(ns=ns, res=res)})
    for sid, ns, res in [
        ("sabnzbd", "Sabnzbd", "api"), ("nzbget", "Nzbget", "jsonrpc"), ("nzbvortex", "NzbVortex", "api/app/apilevel"),
        ("deluge", "Deluge", "json"), ("rtorrent", "rTorrent", "RPC2"), ("utorrent", "uTorrent", "gui/"),
        ("vuze", "Vuze", "transmission/rpc"), ("flood", "Flood", "api/torrents"), ("hadouken", "Hadouken", "api"),
        ("rqbit", "RQBit", "torrents"), ("tribler", "Tribler", "downloads"), ("freebox", "FreeboxDownload", "login"),
    ]
] + [
    ("sabnzbd", {"docker-compose.yml": "services:\n  sabnzbd:\n    image: lscr.io/linuxserver/sabnzbd:latest\n"}),
    ("nzbget", {".env.example": "NZBGET_URL=http://localhost:6789\nNZBGET_USERNAME=\n"}),
    ("deluge", {"requirements.txt": "deluge-client==1.10.2\n", "app/dl.py": "from deluge_client import DelugeRPCClient\n\nc = DelugeRPCClient(host, 58846, user, pw)\nc.connect()\n"}),
    ("synology-download-station", {"src/App.Core/Download/Clients/DownloadStation/Proxies/TaskProxy.cs":
        'public class TaskProxy\n{\n    private const string Api = "SYNO.DownloadStation.Task";\n}\n'}),
    ("freebox", {"src/settings.py": 'FREEBOX_API = "https://mafreebox.freebox.fr/api/v8/"\n'}),
    ("kodi", {"app/kodi.py": 'import requests\n\ndef scan(kodi_url):\n    requests.post(kodi_url + "/jsonrpc", json={"jsonrpc": "2.0", "method": "VideoLibrary.Scan", "id": 1})\n'}),
    ("kodi", {"src/App.Core/Notifications/Xbmc/XbmcProxy.cs": _ARR_PROXY.format(ns="Xbmc", res="jsonrpc")}),
    ("emby", {"src/App.Core/Notifications/MediaBrowser/MediaBrowserProxy.cs":
        'public class MediaBrowserProxy\n{\n    void Auth(HttpRequest request, string key)\n    {\n        request.Headers.Add("X-MediaBrowser-Token", key);\n    }\n}\n'}),
    ("newznab", {"src/App.Core/Indexers/Newznab/NewznabRssParser.cs":
        'public class NewznabRssParser\n{\n    public static readonly XNamespace NS = "http://www.newznab.com/DTD/2010/feeds/attributes/";\n}\n'}),
    ("torznab", {"src/App.Core/Indexers/Torznab/TorznabRssParser.cs":
        'public class TorznabRssParser\n{\n    public static readonly XNamespace NS = "http://torznab.com/schemas/2015/feed";\n}\n'}),
    ("broadcasthenet", {"src/App.Core/Indexers/BroadcastheNet/Settings.cs": 'public class Settings\n{\n    public string BaseUrl { get; set; } = "https://api.broadcasthe.net/";\n}\n'}),
    ("iptorrents", {"app/indexers/iptorrents.py": 'RSS = "https://iptorrents.com/t.rss?u={uid};tp={passkey}"\n'}),
    ("nyaa", {"app/indexers/nyaa.py": 'import requests\n\ndef rss(q):\n    return requests.get("https://nyaa.si/?page=rss", params={"q": q})\n'}),
    ("fanzub", {"app/indexers/fanzub.py": 'BASE_URL = "http://fanzub.com/rss/"\n'}),
    ("thexem", {"src/App.Core/DataAugmentation/Xem/XemProxy.cs": 'public class XemProxy\n{\n    private const string ROOT_URL = "https://thexem.info/map/";\n}\n'}),
    ("sonarr-skyhook", {"src/App.Common/Cloud/CloudRequestBuilder.cs": 'public class CloudRequestBuilder\n{\n    public IHttpRequestBuilderFactory SkyHook = new HttpRequestBuilder("https://skyhook.sonarr.tv/v1/tvdb/{route}/en/");\n}\n'}),
]
# The twenty-ninth set: database drivers as Rust crate features, a Go mail library, web-map
# basemap tiles (Google, Esri), Cesium ion's REST API, DroneDB Hub, NodeODM through pyodm.
MORE_CASES += [
    ("sqlite", {"Cargo.toml": '[package]\nname = "app"\nversion = "0.1.0"\n\n[dependencies]\nsea-orm = { version = "1.1", features = ["macros", "sqlx-all", "runtime-tokio-rustls"] }\n'}),
    ("sqlite", {"Cargo.toml": '[package]\nname = "app"\nversion = "0.1.0"\n\n[dependencies]\nsqlx = { version = "0.8", features = ["runtime-tokio", "sqlite"] }\n'}),
    ("postgresql", {"Cargo.toml": '[package]\nname = "app"\nversion = "0.1.0"\n\n[dependencies.diesel]\nversion = "2.2"\nfeatures = ["postgres", "r2d2"]\n'}),
    ("mysql", {"Cargo.toml": '[package]\nname = "app"\nversion = "0.1.0"\n\n[dependencies]\nsea-orm = { version = "1.1", features = ["sqlx-mysql"] }\n'}),
    ("smtp", {"go.mod": "module example.com/app\n\ngo 1.23\n\nrequire zgo.at/blackmail v0.0.0-20251210171630-f1b7a42e3f87\n",
              "main.go": 'package main\n\nimport "zgo.at/blackmail"\n\nfunc mailer(smtp string) blackmail.Mailer { return blackmail.NewRelay(smtp, nil) }\n'}),
    ("google-maps", {"app/basemaps.py": "DEFAULT_BASEMAPS = [{'type': 'tms', 'url': '//{s}.google.com/vt/lyrs=s,h&x={x}&y={y}&z={z}', 'subdomains': 'mt0,mt1,mt2,mt3'}]\n"}),
    ("google-maps", {"src/map.js": "L.tileLayer('https://mt1.google.com/vt/lyrs=y&x={x}&y={y}&z={z}', { maxZoom: 20 }).addTo(map);\n"}),
    ("esri-arcgis-tiles", {"app/basemaps.py": "ESRI = {'label': 'ESRI Satellite', 'url': '//server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}'}\n"}),
    ("esri-arcgis-tiles", {"src/layers.js": "export const satellite = L.tileLayer('https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}');\n"}),
    ("cesium-ion", {"plugins/ion/globals.py": 'ION_API_URL = "https://api.cesium.com/v1"\n',
                    "plugins/ion/uploader.py": "import requests\nfrom .globals import ION_API_URL\n\ndef create_asset(token, body):\n"
                    "    return requests.post(f'{ION_API_URL}/assets', json=body, headers={'Authorization': f'Bearer {token}'}).json()\n"}),
    ("cesium-ion", {"src/viewer.js": "import * as Cesium from 'cesium';\n\nCesium.Ion.defaultAccessToken = import.meta.env.VITE_CESIUM_ION_TOKEN;\nconst viewer = new Cesium.Viewer('app');\n"}),
    ("dronedb", {"plugins/ddb/ddb.py": "import requests\n\nDEFAULT_HUB_URL = 'https://hub.dronedb.app'\n\n"
                 "def login(user, pwd, url=DEFAULT_HUB_URL):\n    return requests.post(url + '/users/authenticate', data={'username': user, 'password': pwd}).json()\n"}),
    ("nodeodm", {"requirements.txt": "Django==4.2\npyodm==1.5.11\n",
                 "nodes/models.py": "from pyodm import Node\n\ndef info(host, port, token):\n    return Node(host, port, token).info()\n"}),
]
# Application-security platforms a vulnerability manager imports findings from
# (defectdojo's `dojo/tools/api_<vendor>/api_client.py`), and MajorLeagueCyber's sign-in (ctfd).
MORE_CASES += [
    ("bugcrowd", {"app/tools/api_bugcrowd/api_client.py": 'import requests\n\nclass BugcrowdAPI:\n    url = "https://api.bugcrowd.com"\n\n    def submissions(self, token):\n        return requests.get(f"{self.url}/submissions", headers={"Authorization": f"Token {token}"})\n'}),
    ("cobalt", {"app/tools/api_cobalt/api_client.py": 'import requests\n\nCOBALT_API = "https://api.cobalt.io"\n\ndef findings(token):\n    return requests.get(COBALT_API + "/findings", headers={"Authorization": "Bearer " + token})\n'}),
    ("edgescan", {"app/tools/api_edgescan/api_client.py": 'import requests\n\nDEFAULT_URL = "https://live.edgescan.com"\n\ndef vulnerabilities(key):\n    return requests.get(DEFAULT_URL + "/api/v1/vulnerabilities/export.json", headers={"X-API-TOKEN": key})\n'}),
    ("blackduck", {"requirements.txt": "blackduck==1.1.3\n",
                   "app/tools/api_blackduck/api_client.py": "from blackduck import Client\n\ndef client(url, token):\n    return Client(base_url=url, token=token)\n"}),
    ("vulners", {"requirements.txt": "vulners==4.0.0\n",
                 "app/tools/api_vulners/api_client.py": "import vulners\n\ndef report(key):\n    return vulners.VulnersApi(api_key=key).vulnslist_report(limit=1000)\n"}),
    ("riskrecon", {"app/tools/risk_recon/api.py": 'import requests\n\nURL = "https://api.riskrecon.com/v1"\n\ndef toes(key):\n    return requests.get(URL + "/toes", headers={"Authorization": key})\n'}),
    ("majorleaguecyber", {"app/auth.py": 'import requests\n\ndef user(token):\n    return requests.get("https://api.majorleaguecyber.org/user", headers={"Authorization": "Bearer " + token})\n'}),
]
MORE_CASES += [
    # The twenty-ninth set: Rails' Action Push Native (APNs and FCM by the options a notification
    # carries), a Zeabur deploy template, a gem of a Gemfile variant.
    ("apns", {"Gemfile": 'source "https://rubygems.org"\n\ngem "action_push_native"\n',
              "app/models/push_target.rb": "class PushTarget\n  def deliver(devices)\n    ApplicationPushNotification.with_apple(aps: { category: 'x' }).with_data(title: 't').deliver_later_to(devices)\n  end\nend\n"}),
    ("firebase-cloud-messaging", {"Gemfile": 'source "https://rubygems.org"\n\ngem "action_push_native"\n',
                                  "app/models/push_target.rb": "class PushTarget\n  def deliver(devices)\n    ApplicationPushNotification.with_google(android: { notification: nil }).deliver_later_to(devices)\n  end\nend\n"}),
    ("zeabur", {"zeabur-template.yaml": "apiVersion: zeabur.com/v1\nkind: Template\nmetadata:\n  name: App\nspec:\n  services:\n    - name: app\n      template: PREBUILT\n      spec:\n        source:\n          image: acme/app:latest\n"}),
    ("prometheus", {"Gemfile.saas": 'eval_gemfile "Gemfile"\n\ngem "yabeda-prometheus-mmap"\n',
                    "lib/metrics.rb": "Yabeda::Prometheus::Exporter.start_metrics_server!\n"}),
]
MORE_CASES += [
    # A link unfurler rewriting tweet URLs to FxTwitter's proxy for their Open Graph tags.
    ("fxtwitter", {"app/models/opengraph/fetching.rb": 'FX_TWITTER_HOST = "fxtwitter.com"\n\ndef fetch(url)\n'
                   '  Net::HTTP.get(URI("https://api.fxtwitter.com/status/#{url.split("/").last}"))\nend\n'}),
    # Gmail's full-mailbox scope without its slash, as googleapis' consent URL takes it (XOAUTH2 mail).
    ("google-gmail", {"src/controllers/config.ts": 'const url = google.generateAuthUrl({\n  access_type: "offline",\n  scope: "https://mail.google.com",\n});\n'}),
]

MORE_CASES += [
    # An on-call app's phone provider calling Zvonok's call API.
    ("zvonok", {"app/phone/zvonok.py": 'import os\nimport requests\n\nCALL_URL = "https://zvonok.com/manager/cabapi_external/api/v1/phones/call/"\n\n'
                'def call(phone):\n    return requests.post(CALL_URL, data={"public_key": os.getenv("ZVONOK_API_KEY"), "phone": phone})\n'}),
    # Alert sources kept as one config module per vendor in a qualified integrations folder.
    ("kapacitor", {"engine/config_integrations/kapacitor.py": 'slug = "kapacitor"\ntitle = "Kapacitor"\nis_displayed_on_web = True\n'}),
    ("elastalert", {"engine/config_integrations/elastalert.py": 'slug = "elastalert"\ntitle = "Elastalert"\nis_displayed_on_web = True\n'}),
    ("kapacitor", {"docker-compose.yml": "services:\n  kapacitor:\n    image: kapacitor:1.7\n"}),
    ("elastalert", {"requirements.txt": "elastalert2==2.19.0\n"}),
    # An organisation's shared action that builds and pushes to Docker Hub.
    ("docker-hub", workflow_with_steps("- uses: acme/shared-workflows/actions/build-push-to-dockerhub@v0.3.0",
                                       "  with:", "    repository: acme/app", "    push: true")),
    # A release job uploading its artifact to a GCS bucket.
    ("google-cloud-storage", workflow_with_steps("- uses: google-github-actions/upload-cloud-storage@v2",
                                                 "  with:", "    path: dist/app.zip", "    destination: acme-releases/app")),
    # A Helm chart's cert-manager Issuer asking Let's Encrypt's ACME directory.
    ("letsencrypt", {"helm/app/templates/cert-issuer.yaml": '{{- if .Values.certManager.enabled }}\napiVersion: cert-manager.io/v1\nkind: Issuer\n'
                     'metadata:\n  name: letsencrypt-prod\nspec:\n  acme:\n    server: https://acme-v02.api.letsencrypt.org/directory\n'
                     '    email: ops@{{ .Values.base_url }}\n{{- end }}\n'}),
]


MORE_CASES += [
    # Social sign-in connectors of an identity server's monorepo (one package per vendor).
    ("xiaomi", {"packages/connectors/connector-xiaomi/src/constant.ts":
                "export const authorizationEndpoint = 'https://account.xiaomi.com/oauth2/authorize';\n"
                "export const accessTokenEndpoint = 'https://account.xiaomi.com/oauth2/token';\n"
                "export const userInfoEndpoint = 'https://open.account.xiaomi.com/user/profile';\n"}),
    ("kook", {"packages/connectors/connector-kook/src/constant.ts":
              "export const authorizationEndpoint = 'https://www.kookapp.cn/app/oauth2/authorize';\n"
              "export const userInfoEndpoint = 'https://www.kookapp.cn/api/v3/user/me';\n"}),
    # An SMS connector posting to GatewayAPI's REST endpoint.
    ("gatewayapi", {"src/sms/gatewayapi.ts":
                    "const res = await got.post('https://gatewayapi.com/rest/mtsms', {\n"
                    "  headers: { Authorization: `Token ${apiToken}` }, json: { sender, message, recipients },\n});\n"}),
]

MORE_CASES += [
    # Grafana Cloud's Loki push endpoint (a logs-prod-* stack)
    ("grafana-loki", {"src/logger.py": 'import requests\n\nLOKI = "https://logs-prod-006.grafana.net/loki/api/v1/push"\n\ndef ship(streams):\n    requests.post(LOKI, json={"streams": streams})\n'}),
]


# Frappe apps: the framework's RQ jobs, its outgoing and incoming Email Accounts, its SQLite
# full-text search (no rq/smtplib/imaplib/sqlite3 in the app's own code or manifest).
MORE_CASES += [
    ("rq", {"myapp/api/search.py": 'import frappe\n\n\n@frappe.whitelist()\ndef rebuild():\n    frappe.enqueue("myapp.search.build_index", queue="long")\n'}),
    ("smtp", {"myapp/doctype/ticket/ticket.py": 'import frappe\n\n\ndef notify(doc):\n    frappe.sendmail(recipients=[doc.raised_by], subject=doc.subject, message=doc.description)\n'}),
    ("imap", {"myapp/api/settings/email.py": 'import frappe\n\n\n@frappe.whitelist()\ndef create_email_account(data):\n'
              '    doc = frappe.get_doc({"doctype": "Email Account", "email_id": data["email_id"], "enable_incoming": 1, "use_imap": 1})\n'
              '    doc.append("imap_folder", {"append_to": "Ticket", "folder_name": "INBOX"})\n    doc.insert()\n'}),
    ("sqlite", {"myapp/search_sqlite.py": "from frappe.search.sqlite_search import SQLiteSearch\n\n\nclass TicketSearch(SQLiteSearch):\n    INDEX_NAME = 'tickets.db'\n"}),
]

# A YouTube front-end's backend: the MinIO SDK on the app's S3 settings, DeArrow thumbnails,
# Return YouTube Dislike through TeamPiped's proxy, LBRY/Odysee stream URLs.
MORE_CASES += [
    ("aws-s3", {"build.gradle": "dependencies {\n    implementation 'io.minio:minio:8.5.17'\n}\n",
                "src/main/java/app/Storage.java": 'package app;\n\nimport io.minio.MinioClient;\n\npublic class Storage {\n'
                '    static MinioClient client(Config c) {\n        return MinioClient.builder()\n                .endpoint(c.S3_ENDPOINT)\n'
                '                .credentials(c.S3_ACCESS_KEY, c.S3_SECRET_KEY)\n                .build();\n    }\n}\n'}),
    ("dearrow", {"src/main/java/app/Branding.java": 'package app;\n\nclass Branding {\n    static String thumb(String id, double t) {\n'
                 '        return "https://dearrow-thumb.ajay.app/api/v1/getThumbnail?videoID=" + id + "&time=" + t;\n    }\n}\n'}),
    ("return-youtube-dislike", {"src/main/java/app/Ryd.java": 'package app;\n\nclass Ryd {\n    static final String RYD = "https://ryd-proxy.kavin.rocks";\n'
                                '    static String votes(String id) { return Http.get(RYD + "/votes/" + id); }\n}\n'}),
    ("lbry", {"src/main/java/app/Lbry.java": 'package app;\n\nclass Lbry {\n    static String resolve(String ids) {\n'
              '        return Http.get("https://api.lbry.com/yt/resolve?video_ids=" + ids);\n    }\n}\n'}),
]

# A Go status page: Slack sign-in through x/oauth2's Slack endpoint and its authorize redirect;
# Let's Encrypt certificates with simplecert.
MORE_CASES += [
    ("slack-oauth", {"handlers/oauth_slack.go": 'package handlers\n\nimport (\n\t"golang.org/x/oauth2"\n\t"golang.org/x/oauth2/slack"\n)\n\n'
                     'func cfg(id, secret string) *oauth2.Config {\n\treturn &oauth2.Config{ClientID: id, ClientSecret: secret, Endpoint: slack.Endpoint}\n}\n'}),
    ("slack-oauth", {"frontend/src/forms/Login.vue": '<script>\nexport default {\n  methods: {\n    slackLogin() {\n'
                     '      window.location = `https://slack.com/oauth/authorize?client_id=${this.oauth.slack_client_id}&scope=identity.basic`\n    },\n  },\n}\n</script>\n'}),
    ("letsencrypt", {"go.mod": "module example.com/app\n\ngo 1.20\n\nrequire github.com/foomo/simplecert v1.7.5\n",
                     "handlers/server.go": 'package handlers\n\nimport "github.com/foomo/simplecert"\n\n'
                     'func cert(host, email string) error {\n\tcfg := simplecert.Default\n\tcfg.Domains = []string{host}\n\tcfg.SSLEmail = email\n\t_, err := simplecert.Init(cfg, nil)\n\treturn err\n}\n'}),
]


def _csproj(pkg: str) -> str:
    return f'<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="{pkg}" Version="1.0.0" />\n  </ItemGroup>\n</Project>\n'


MORE_CASES += [
    # .NET SDKs of Azure / Google Cloud services and SaaS vendors, declared in a project file
    ("azure-ai-vision", {"Vision/Vision.csproj": _csproj("Microsoft.Azure.CognitiveServices.Vision.ComputerVision")}),
    ("azure-signalr", {"Hub/Hub.csproj": _csproj("Microsoft.Azure.SignalR.Management")}),
    ("notifo", {"Notify/Notify.csproj": _csproj("Notifo.SDK")}),
    ("google-cloud-trace", {"Apm/Apm.csproj": _csproj("Google.Cloud.Trace.V2")}),
    # Prerender.io's recache API called on its fixed host
    ("prerender-io", {"Actions/Prerender.cs": 'class P {\n  void C(IServiceCollection s) {\n    s.AddHttpClient("Prerender", c => c.BaseAddress = new Uri("https://api.prerender.io"));\n  }\n}\n'}),
    # Google.Cloud.Diagnostics' exception logger reports to Error Reporting
    ("google-error-reporting", {"Apm/Plugin.cs": 'using Google.Cloud.Diagnostics.Common;\nclass P {\n  void C(string projectId) {\n    var logger = ContextExceptionLogger.Create(projectId, "svc", "1", null);\n  }\n}\n'}),
    # the legacy WindowsAzure.Storage SDK's queue namespace
    # OpenStreetMap's tile server under its short domain, in a Leaflet map
    ("openstreetmap", {"src/app/map.component.ts": "L.tileLayer('https://{s}.tile.osm.org/{z}/{x}/{y}.png', {maxZoom: 19}).addTo(map);\n"}),
    # a Microsoft account sign-in handler fetching the user's picture from the Live Connect API
    ("microsoft-oauth", {"Auth/MicrosoftHandler.cs": 'class MicrosoftHandler {\n  string Picture(string id) {\n    return $"https://apis.live.net/v5.0/{id}/picture";\n  }\n}\n'}),
    # an HTTP client for the Atlas Administration API (Atlas Search index management)
    ("mongodb-atlas", {"Data/AtlasServices.cs": 'class S {\n  void C(IServiceCollection s) {\n    s.AddHttpClient("Atlas", o => o.BaseAddress = new Uri("https://cloud.mongodb.com/"));\n  }\n}\n'}),
    ("azure-queue-storage", {"Queue/Send.cs": 'using Microsoft.WindowsAzure.Storage;\nusing Microsoft.WindowsAzure.Storage.Queue;\nclass S {\n  void Send(string cs) {\n    var q = CloudStorageAccount.Parse(cs).CreateCloudQueueClient();\n  }\n}\n'}),
    # IMAP mailbox reading through DirectoryTree's ImapEngine (Laravel helpdesks piping support mail)
    ("imap", {"composer.json": '{"require": {"php": "^8.2", "directorytree/imapengine": "^1.15"}}\n',
              "app/Console/Commands/FetchEmails.php": '<?php\n\nuse DirectoryTree\\ImapEngine\\Mailbox;\n\n$mailbox = new Mailbox([\'host\' => $host, \'port\' => 993]);\n$messages = $mailbox->inbox()->messages()->get();\n'}),
]

MORE_CASES += [
    # parcel carriers and a card gateway: an e-commerce app's module per vendor calling the vendor's API host
    ("ups", {"shipping/ups_rates.py": 'import requests\n\ndef rate(body, token):\n    return requests.post("https://onlinetools.ups.com/api/rating/v2403/Rate", json=body, headers={"Authorization": f"Bearer {token}"})\n'}),
    ("usps", {"src/carriers/usps.ts": "export const rateUrl = (xml: string) => `https://secure.shippingapis.com/ShippingAPI.dll?API=RateV4&XML=${encodeURIComponent(xml)}`;\n"}),
    ("fedex", {"Gemfile": "source 'https://rubygems.org'\ngem 'fedex', '~> 3.10'\n"}),
    ("dhl", {".env.example": "DHL_API_KEY=\n"}),
    ("canada-post", {"app/Shipping/CanadaPost.php": "<?php\nclass CanadaPost {\n  const PROD = 'https://soa-gw.canadapost.ca/rs/ship/price';\n  function quote($xml) { return Http::withBody($xml, 'application/vnd.cpc.ship.rate-v4+xml')->post(self::PROD); }\n}\n"}),
    ("beanstream", {"payments/bambora.js": "const axios = require('axios');\nexports.pay = (body, auth) => axios.post('https://api.na.bambora.com/v1/payments', body, { headers: { Authorization: auth } });\n"}),
    # Java classes named <Vendor><Group> in a group's implementation package of an integration module system
    ("ups", {"src/main/java/shop/modules/integration/shipping/impl/UPSShippingQuote.java": "package shop.modules.integration.shipping.impl;\n\npublic class UPSShippingQuote implements ShippingQuoteModule {\n  public String host(Config c) { return c.getHost(); }\n}\n"}),
    ("beanstream", {"src/main/java/shop/modules/integration/payment/impl/BeanStreamPayment.java": "package shop.modules.integration.payment.impl;\n\npublic class BeanStreamPayment implements PaymentModule {\n  public void pay(Config c) { }\n}\n"}),
    # a pom publishing through OSSRH (distributionManagement / Nexus staging), no CI job running it
    ("maven-central", {"pom.xml": "<project>\n  <distributionManagement>\n    <repository>\n      <id>ossrh</id>\n      <url>https://s01.oss.sonatype.org/service/local/staging/deploy/maven2/</url>\n    </repository>\n  </distributionManagement>\n</project>\n"}),
]
MORE_CASES += [
    # Hex's package search with the API root as an Elixir HTTP client's base URL (Req)
    ("hex-pm", {"lib/app/dependencies.ex": 'defmodule App.Dependencies do\n  def search(q) do\n    req = Req.new(base_url: "https://hex.pm/api")\n'
                '    Req.get(req, url: "/packages", params: [search: "name:#{q}*"])\n  end\nend\n'}),
]
MORE_CASES += [
    # IGDB through the Laravel client (a Twitch app's credentials), and its cover CDN in a view
    ("igdb", {"composer.json": '{"require": {"marcreichel/igdb-laravel": "^5.0"}}\n',
              "app/Jobs/FetchGame.php": "<?php\nnamespace App\\Jobs;\n\nuse MarcReichel\\IGDBLaravel\\Models\\Game;\n\n"
              "class FetchGame\n{\n    public function handle(int $id) { return Game::select(['name'])->findOrFail($id); }\n}\n"}),
    ("igdb", {"resources/views/game.blade.php": '<img src="https://images.igdb.com/igdb/image/upload/t_cover_big/{{ $game->cover[\'image_id\'] }}.jpg">\n'}),
    # Google Cloud Datastream's Node client creating connection profiles and a stream
    ("google-cloud-datastream", {"package.json": '{"dependencies": {"@google-cloud/datastream": "^4.0.0"}}\n',
                                 "src/warehouse.ts": 'import { DatastreamClient } from "@google-cloud/datastream";\n\n'
                                 'export const stream = (projectId: string, location: string) =>\n'
                                 '  new DatastreamClient().createStream({ parent: `projects/${projectId}/locations/${location}` });\n'}),
]



def _gemfile(*gems: str) -> str:
    return "source 'https://rubygems.org'\n\ngem 'rails'\ngem 'griddler'\n" + "".join(f"gem '{g}'\n" for g in gems)


MORE_CASES += [
    # Griddler's inbound-mail adapters, one gem per vendor's parse/inbound webhook
    ("sendgrid", {"Gemfile": _gemfile("griddler-sendgrid")}),
    ("mailgun", {"Gemfile": _gemfile("griddler-mailgun")}),
    ("mandrill", {"Gemfile": _gemfile("griddler-mandrill")}),
    ("postmark", {"Gemfile": _gemfile("griddler-postmark")}),
    ("sparkpost", {"Gemfile": _gemfile("griddler-sparkpost")}),
    ("aws-ses", {"Gemfile": _gemfile("griddler-ses")}),
    ("mailjet", {"Gemfile": _gemfile("griddler-mailjet")}),
    # gravtastic: `is_gravtastic` in a model, avatars from Gravatar
    ("gravatar", {"Gemfile": "source 'https://rubygems.org'\n\ngem 'rails'\ngem 'gravtastic'\n",
                  "app/models/user.rb": "class User < ApplicationRecord\n  include Gravtastic\n  is_gravtastic\n\n  def avatar\n    gravatar_url(size: 60)\n  end\nend\n"}),
]


MORE_CASES += [
    # Supermemory's SDK searching a user's memories
    ("supermemory", {"package.json": '{"dependencies": {"supermemory": "^4.11.1"}}\n',
                     "lib/memory.ts": 'import Supermemory from "supermemory";\nconst client = new Supermemory({ apiKey: process.env.SUPERMEMORY_API_KEY });\n'
                                      'export const search = (q: string) => client.search.execute({ q });\n'}),
    # a Loom importer calling Loom's oEmbed endpoint (www.loom.com share links alone are no use)
    ("loom", {"lib/loom.ts": 'export async function meta(id: string) {\n  const r = await fetch(`https://www.loom.com/v1/oembed?url=https://www.loom.com/share/${id}`);\n  return r.json();\n}\n'}),
    # a Tauri app's updater endpoint on CrabNebula Cloud, and its release action in CI
    ("crabnebula-cloud", {"src-tauri/src/updates.rs": 'const UPDATER_ENDPOINT: &str =\n    "https://cdn.crabnebula.app/update/acme/app/{{target}}/{{current_version}}";\n'}),
    ("crabnebula-cloud", {".github/workflows/release.yml": "on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n"
                                                           "      - uses: crabnebula-dev/cloud-release@v0\n        with:\n          command: release draft acme/app\n          api-key: ${{ secrets.CN_API_KEY }}\n"}),
    # SignPath code signing of a Windows build in CI
    ("signpath", {".github/workflows/release.yml": "on: push\njobs:\n  sign:\n    runs-on: windows-latest\n    steps:\n"
                                                   "      - uses: signpath/github-action-submit-signing-request@v1\n        with:\n          api-token: ${{ secrets.SIGNPATH_API_TOKEN }}\n"}),
    # publishing a browser extension through the Chrome Web Store API from CI
    ("chrome-web-store", {".github/workflows/publish.yml": "on: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n"
                                                           '          curl -X PUT -H "Authorization: Bearer $TOKEN" -T ext.zip "https://www.googleapis.com/upload/chromewebstore/v1.1/items/$EXT_ID"\n'}),
    # an app's Coolify one-click template beside its own docker-compose.yml
    ("coolify", {"docker-compose.coolify.yml": "services:\n  web:\n    image: ghcr.io/acme/web:latest\n    environment:\n      - SERVICE_URL_WEB_3000\n      - DB_PASSWORD=${SERVICE_PASSWORD_MYSQL}\n"}),
    # structlog's Sentry processor (structlog-sentry) in the requirements
    ("sentry", {"requirements.txt": "structlog==24.4\nstructlog-sentry==2.1\n"}),
    # extras that select a service: anymail's ESP, allauth's SAML, celery's broker
    ("aws-ses", {"requirements.in": "django-anymail[amazon-ses]==12.0\n"}),
    ("brevo", {"requirements.txt": "django-anymail[brevo]==12.0\n"}),
    ("mailgun", {"pyproject.toml": '[project]\nname = "x"\ndependencies = ["django-anymail[mailgun]>=12"]\n'}),
    ("saml", {"requirements/pip.txt": "django-allauth[socialaccount,saml,mfa]==65.17.0\n"}),
    ("aws-sqs", {"requirements.txt": "celery[sqs]==5.4.0\n"}),
    # boto3 clients by service name: EC2 Auto Scaling, and the `service_name=` keyword form
    ("aws-ec2", {"requirements.txt": "boto3==1.35.0\n",
                 "app/scaling.py": 'import boto3\n\nasg = boto3.client(\n    "autoscaling",\n    region_name="us-east-1",\n)\n'
                                   'asg.set_instance_protection(InstanceIds=["i-1"], AutoScalingGroupName="builders", ProtectedFromScaleIn=True)\n'}),
    ("aws-sqs", {"requirements.txt": "boto3==1.35.0\n",
                 "app/queue.py": 'import boto3\n\nsqs = boto3.client(service_name="sqs", region_name="eu-west-1")\n'
                                 'sqs.send_message(QueueUrl=URL, MessageBody="{}")\n'}),
    # a DigitalOcean app spec: mail through Brevo's SMTP relay, logs forwarded to Better Stack
    ("brevo", {".do/app.yaml": "name: acme\nservices:\n  - name: api\n    envs:\n      - key: MAIL_HOST\n        value: smtp-relay.brevo.com\n"
                               "      - key: MAIL_PORT\n        value: \"587\"\n"}),
    ("better-stack", {".do/app.yaml": "name: acme\nservices:\n  - name: api\n    log_destinations:\n      - name: LogTail\n        logtail:\n          token: XXX\n"}),
]

MORE_CASES += [
    # a Django relying party of Mozilla accounts: its FXA_* settings and the accounts host
    ("mozilla-accounts", {"app/settings.py": 'import os\nFXA_RP_CLIENT_ID = os.environ.get("FXA_RP_CLIENT_ID")\nFXA_OP_TOKEN_ENDPOINT = "https://oauth.accounts.firefox.com/v1/token"\n'}),
    # django-mozilla-product-details syncs Firefox release data from product-details.mozilla.org
    ("mozilla-product-details", {"requirements.txt": "django-mozilla-product-details==1.0.3\n"}),
    # a workflow pushing an image to DigitalOcean Container Registry
    ("digitalocean", {".github/workflows/docker.yml": "on: push\njobs:\n  push:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          registry: registry.digitalocean.com\n          username: ${{ secrets.DO_USER }}\n          password: ${{ secrets.DO_TOKEN }}\n      - uses: docker/build-push-action@v5\n        with:\n          push: true\n          tags: registry.digitalocean.com/acme/app:latest\n"}),
    # a login to Artifact Registry whose region is a workflow variable
    ("google-artifact-registry", {".github/workflows/build.yml": "on: push\njobs:\n  push:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          registry: ${{ env.GAR_LOCATION }}-docker.pkg.dev\n          username: oauth2accesstoken\n          password: ${{ steps.auth.outputs.access_token }}\n"}),
    # a Go web framework's session store picking its redis adapter
    ("redis", {"internal/web/session.go": 'package web\n\nimport (\n\t"github.com/go-macaron/session"\n\t_ "github.com/go-macaron/session/redis"\n)\n\nvar _ = session.Options{Provider: "redis"}\n'}),
    ("302-ai", {"app/constant.ts": 'export const AI302_BASE_URL = "https://api.302.ai";\n'}),
    ("tencent-hunyuan", {"app/constant.ts": 'export const TENCENT_BASE_URL = "https://hunyuan.tencentcloudapi.com";\n'}),
    ("iflytek-spark", {"llm/spark.py": 'import httpx\n\nasync def chat(body):\n    return await httpx.AsyncClient().post("https://spark-api-open.xf-yun.com/v1/chat/completions", json=body)\n'}),
    ("microsoft-edge-tts", {"app/utils/tts.ts": 'const SYNTH_URL = `wss://speech.platform.bing.com/consumer/speech/synthesize/readaloud/edge/v1?TrustedClientToken=${TOKEN}`;\nconst ws = new WebSocket(SYNTH_URL);\n'}),
    ("microsoft-edge-tts", {"requirements.txt": "edge-tts==7.0.2\n", "tts.py": "import edge_tts\n\nasync def speak(text):\n    await edge_tts.Communicate(text, 'en-US-AriaNeural').save('out.mp3')\n"}),
    ("openstack-swift", {"go.mod": "module example.com/backup\n\ngo 1.22\n\nrequire github.com/ncw/swift/v2 v2.0.3\n",
                         "store/swift.go": 'package store\n\nimport "github.com/ncw/swift/v2"\n\nfunc Conn(url, user, key string) *swift.Connection {\n\treturn &swift.Connection{AuthUrl: url, UserName: user, ApiKey: key}\n}\n'}),
    ("aws-s3", {"internal/storage/s3/s3.go": 'package s3\n\nimport (\n\t"github.com/minio/minio-go/v7"\n\t"github.com/minio/minio-go/v7/pkg/credentials"\n)\n\n'
                'func New(endpoint string) (*minio.Client, error) {\n\tcreds := credentials.NewChainCredentials([]credentials.Provider{\n'
                '\t\t&credentials.EnvAWS{},\n\t\t&credentials.FileAWSCredentials{},\n\t\t&credentials.IAM{},\n\t})\n'
                '\treturn minio.New(endpoint, &minio.Options{Creds: creds, Secure: true})\n}\n'}),
    ("google-analytics", {"app/layout.tsx": 'import { GoogleAnalytics } from "@next/third-parties/google";\n\n'
                          'export default function Layout({ children }) {\n  return <html><body>{children}<GoogleAnalytics gaId={process.env.GA_ID} /></body></html>;\n}\n'}),
    ("cloudflare-kv", {"app/api/share/route.ts": 'const url = `https://api.cloudflare.com/client/v4/accounts/${process.env.CLOUDFLARE_ACCOUNT_ID}/storage/kv/namespaces/${process.env.CLOUDFLARE_KV_NAMESPACE_ID}/values/${key}`;\n'
                       'export async function GET() { return fetch(url, { headers: { Authorization: `Bearer ${process.env.CLOUDFLARE_KV_API_KEY}` } }); }\n'}),
]

MORE_CASES += [
    # an Elixir app on the generated Google API clients (google_api_* hex packages)
    ("google-sheets", {"mix.exs": 'defp deps do\n  [{:google_api_sheets, "~> 0.29"}]\nend\n'}),
    ("dialogflow", {"mix.exs": 'defp deps do\n  [{:google_api_dialogflow, "~> 0.62"}]\nend\n'}),
    # a Tesla client posting to the Slides and Dialogflow REST hosts
    ("google-slides", {"lib/app/slides.ex": 'defmodule App.Slides do\n  @slide_url "https://slides.googleapis.com/v1/presentations"\n  def update(id, body), do: Tesla.post("#{@slide_url}/#{id}:batchUpdate", body)\nend\n'}),
    ("dialogflow", {"requirements.txt": "google-cloud-dialogflow==2.30.0\n"}),
    # address normalisation against Melissa's Global Address web service
    ("melissa", {"app/geo.py": 'import requests\nURL = "https://address.melissadata.net/v3/WEB/GlobalAddress/doGlobalAddress"\ndef normalize(a, key):\n    return requests.get(URL, params={"id": key, "a1": a}).json()\n'}),
    # a Django help-desk client configured from DESKPRO_* env vars
    ("deskpro", {"app/settings.py": 'import os\nDESKPRO_KEY = os.environ.get("DESKPRO_KEY")\nDESKPRO_URL = os.environ.get("DESKPRO_URL")\n'}),
    ("kaapi", {"config/runtime.exs": 'import Config\nconfig :app, kaapi_endpoint: System.get_env("KAAPI_ENDPOINT"), kaapi_api_key: System.get_env("KAAPI_API_KEY")\n'}),
    # a bulk IRR fetcher reading the RIRs' FTP dumps
    ("rir-irr-dumps", {"app/irr_bulk.py": 'from urllib.request import urlopen\nDUMP = "https://ftp.ripe.net/ripe/dbase/split/ripe.db.as-set.gz"\ndef fetch():\n    return urlopen(DUMP).read()\n'}),
    # port-43 queries against the IRR whois mirrors
    ("whois", {"app/settings.py": 'IRR_LOOKUP_SERVERS = [\n    {"host": "rr.ntt.net", "port": 43},\n    {"host": "whois.radb.net", "port": 43},\n]\n'}),
    # the rdap client library (20c's rdap on PyPI)
    ("iana-rdap", {"requirements.txt": "rdap==1.6.0\n"}),
]


# Qlty's CircleCI orb publishing coverage, Google Calendar through the Ruby google-api-client,
# google_visualr's Google charts (thirty-fourth set).
MORE_CASES += [
    ("codeclimate", {".circleci/config.yml": (
        "version: 2.1\norbs:\n  qlty: qltysh/qlty-orb@0.0\njobs:\n  build:\n    docker:\n      - image: cimg/ruby:3.3\n"
        "    steps:\n      - checkout\n      - run: bundle exec rspec\n      - qlty/coverage_publish:\n          files: coverage/.resultset.json\n"
        "workflows:\n  main:\n    jobs:\n      - build\n")}),
    ("google-calendar", {"Gemfile": "source 'https://rubygems.org'\ngem 'google-api-client'\n",
                         "app/services/calendar_uploader.rb": (
                             "require 'google/apis/calendar_v3'\n\nclass CalendarUploader\n  def initialize(token)\n"
                             "    @service = Google::Apis::CalendarV3::CalendarService.new\n    @service.authorization = token\n  end\n\n"
                             "  def upload(event)\n    @service.insert_event('primary', event)\n  end\nend\n")}),
    ("google-chart-api", {"Gemfile": "source 'https://rubygems.org'\ngem 'google_visualr', '>= 2.5'\n",
                          "app/controllers/stats_controller.rb": (
                              "class StatsController < ApplicationController\n  def index\n    data = GoogleVisualr::DataTable.new\n"
                              "    data.new_column('string', 'Work')\n    @chart = GoogleVisualr::Interactive::ColumnChart.new(data, {})\n  end\nend\n")}),
    # container registries and stores a release pipeline publishes to
    ("harbor", {"go.mod": "module example.com/app\n\ngo 1.22\n\nrequire github.com/goharbor/go-client v0.210.0\n"}),
    ("harbor", {"docker-compose.yml": "services:\n  core:\n    image: goharbor/harbor-core:v2.11.0\n"}),
    ("chrome-web-store", {"package.json": '{"devDependencies": {"chrome-webstore-upload-cli": "^3.3.0"}}'}),
    ("chrome-web-store", workflow_with_steps("- run: npx chrome-webstore-upload-cli upload --source ext.zip --auto-publish")),
    ("chrome-web-store", workflow_with_steps('- run: |\n          curl -X PUT -T ext.zip -H "Authorization: Bearer $TOKEN" "https://www.googleapis.com/upload/chromewebstore/v1.1/items/${CHROME_EXTENSION_ID}"')),
    ("firefox-addons", workflow_with_steps("- run: npx web-ext sign --channel listed --api-key $WEB_EXT_API_KEY --api-secret $WEB_EXT_API_SECRET")),
    ("app-store-connect", workflow_with_steps("- run: xcrun notarytool submit App.zip --key AuthKey.p8 --key-id $KEY_ID --issuer $ISSUER --wait")),
    ("app-store-connect", {"package.json": '{"devDependencies": {"@electron/notarize": "^2.5.0"}}'}),
    ("app-store-connect", {"scripts/testers.ts": "const res = await fetch('https://api.appstoreconnect.apple.com/v1/betaTesters', { headers: { Authorization: `Bearer ${token}` } });\n"}),
    ("google-play-console", workflow_with_steps("- uses: r0adkll/upload-google-play@v1\n        with:\n          packageName: com.acme.app\n          releaseFiles: app-release.aab")),
    ("signpath", workflow_with_steps("- uses: signpath/github-action-submit-signing-request@v1\n        with:\n          api-token: ${{ secrets.SIGNPATH_API_TOKEN }}")),
    ("azure-trusted-signing", workflow_with_steps("- uses: azure/trusted-signing-action@v0.5.1\n        with:\n          endpoint: https://eus.codesigning.azure.net/\n          files-folder: dist")),
    # identity-aware proxies: the app reads the identity header they forward
    ("cloudflare-access", {"src/middleware/access.ts": "export function user(req: Request) {\n  const jwt = req.headers.get('Cf-Access-Jwt-Assertion');\n  return verify(jwt, `https://${team}.cloudflareaccess.com/cdn-cgi/access/certs`);\n}\n"}),
    ("google-cloud-iap", {"app/auth.py": "def current_user(request):\n    return request.headers.get('X-Goog-Authenticated-User-Email', '').removeprefix('accounts.google.com:')\n"}),
    ("tailscale", {"internal/auth/tailscale.go": 'package auth\n\nimport "net/http"\n\nfunc User(r *http.Request) string { return r.Header.Get("Tailscale-User-Login") }\n'}),
    # Elixir's nimble_zta providers, picked by an identity-provider setting
    ("cloudflare-access", {"lib/app/config.ex": '@providers %{\n  "cloudflare" => NimbleZTA.Cloudflare,\n  "google_iap" => NimbleZTA.GoogleIAP,\n  "tailscale" => NimbleZTA.Tailscale\n}\n'}),
    ("google-cloud-iap", {"lib/app/config.ex": '@providers %{\n  "cloudflare" => NimbleZTA.Cloudflare,\n  "google_iap" => NimbleZTA.GoogleIAP,\n  "tailscale" => NimbleZTA.Tailscale\n}\n'}),
    ("tailscale", {"lib/app/config.ex": '@providers %{\n  "cloudflare" => NimbleZTA.Cloudflare,\n  "google_iap" => NimbleZTA.GoogleIAP,\n  "tailscale" => NimbleZTA.Tailscale\n}\n'}),
    ("tailscale", {"go.mod": "module example.com/app\n\ngo 1.22\n\nrequire tailscale.com v1.76.0\n"}),
    ("pomerium", {"server/auth.js": "function identity(req) {\n  return verifier.verifyJwt(req.get('X-Pomerium-Jwt-Assertion'));\n}\n"}),
    ("oauth2-proxy", {"docker-compose.yml": "services:\n  proxy:\n    image: quay.io/oauth2-proxy/oauth2-proxy:v7.6.0\n    environment:\n      OAUTH2_PROXY_PROVIDER: github\n"}),
    # media and game metadata APIs
    ("igdb", {"src/games/igdb.ts": "export const search = (q: string, h: HeadersInit) =>\n  fetch('https://api.igdb.com/v4/games', { method: 'POST', headers: h, body: `search \"${q}\"; fields name,cover;` });\n"}),
    ("thetvdb", {"metadata/tvdb.py": 'import httpx\n\nBASE = "https://api4.thetvdb.com/v4"\n\nasync def series(c, sid):\n    return (await c.get(f"{BASE}/series/{sid}/extended")).json()\n'}),
    ("discogs", {"requirements.txt": "python3-discogs-client==2.7\n"}),
    ("anilist", {"src/anime/anilist.js": "export const query = (q, v) => fetch('https://graphql.anilist.co', { method: 'POST', body: JSON.stringify({ query: q, variables: v }) });\n"}),
    ("myanimelist", {"lib/mal.rb": 'class Mal\n  BASE = "https://api.myanimelist.net/v2"\n  def anime(id) = HTTP.get("#{BASE}/anime/#{id}")\nend\n'}),
    ("jikan", {"src/jikan.ts": "export const top = () => fetch('https://api.jikan.moe/v4/top/anime').then(r => r.json());\n"}),
    ("kitsu", {"src/providers/kitsu.ts": "const BASE = 'https://kitsu.io/api/edge';\nexport const anime = (q: string) => fetch(`${BASE}/anime?filter[text]=${q}`);\n"}),
    ("open-library", {"books/isbn.py": 'import requests\n\ndef lookup(isbn):\n    return requests.get(f"https://openlibrary.org/isbn/{isbn}.json").json()\n'}),
    ("fanart-tv", {"providers/fanart.py": 'BASE_URL = "https://webservice.fanart.tv/v3"\n\ndef movie(c, tmdb_id, key):\n    return c.get(f"{BASE_URL}/movies/{tmdb_id}", params={"api_key": key})\n'}),
    # image hosting APIs
    ("imgbb", {"src/upload.ts": "export const upload = (fd: FormData, key: string) => fetch(`https://api.imgbb.com/1/upload?key=${key}`, { method: 'POST', body: fd });\n"}),
    ("imgbb", {"resources/js/upload-plugin.js": "const popup = () => window.open('https://imgbb.com/upload?PUP_WP=true', 'imgbb', 'width=720,height=690');\n"}),
    ("imgur", {".env.example": "IMGUR_CLIENT_ID=\n"}),
    # coordination stores
    ("etcd", {"go.mod": "module example.com/app\n\ngo 1.22\n\nrequire go.etcd.io/etcd/client/v3 v3.5.15\n"}),
    ("etcd", {"requirements.txt": "etcd3==0.12.0\n"}),
    ("consul", {"go.mod": "module example.com/app\n\ngo 1.22\n\nrequire github.com/hashicorp/consul/api v1.29.1\n"}),
    ("consul", {".env.example": "CONSUL_HTTP_ADDR=http://consul:8500\n"}),
    ("zookeeper", {"requirements.txt": "kazoo==2.10.0\n"}),
    ("zookeeper", {"build.gradle": "dependencies {\n    implementation 'org.apache.curator:curator-framework:5.7.0'\n}\n"}),
]

MORE_CASES += [
    # an OAuth-backed service module that lists the user's repositories and adds webhooks on
    # Bitbucket's 2.0 API: an API client, though its path says oauth and it signs in too
    ("bitbucket", {"app/oauth/services/bitbucket.py":
                   "from allauth.socialaccount.providers.bitbucket_oauth2.provider import BitbucketOAuth2Provider\n\n"
                   "class BitbucketService:\n    base_api_url = 'https://api.bitbucket.org'\n\n"
                   "    def sync(self, workspace):\n        return self.paginate(f'{self.base_api_url}/2.0/repositories/{workspace}')\n\n"
                   "    def setup_webhook(self, owner, repo, data):\n        return self.session.post(f'{self.base_api_url}/2.0/repositories/{owner}/{repo}/hooks', json=data)\n"}),
]


MORE_CASES += [
    # PHP's native database functions: an installer checking the connection it was given
    ("postgresql", {"app/Setup/DatabaseCheck.php":
                    "<?php\nclass DatabaseCheck {\n  public function check($r) {\n    switch ($r->driver) {\n      case 'pgsql':\n"
                    "        $conn = pg_connect(\"host={$r->host} port={$r->port} dbname={$r->name}\");\n        return pg_version($conn);\n    }\n  }\n}\n"}),
    ("mysql", {"install/db.php": "<?php\n$link = mysqli_connect($host, $user, $password, $database);\nif (!$link) { die(mysqli_connect_error()); }\n"}),
    ("mssql", {"lib/db.php": "<?php\n$conn = sqlsrv_connect($server, array('Database' => $db, 'UID' => $user, 'PWD' => $pass));\n"}),
]


MORE_CASES += [
    # Composio's SDK behind an app's connector service
    ("composio", {"app/services/composio_service.py":
                  "import os\nfrom composio import Composio\n\nclient = Composio(api_key=os.environ['COMPOSIO_API_KEY'])\n"
                  "def connect(user_id, toolkit):\n    return client.connected_accounts.initiate(user_id=user_id, auth_config_id=toolkit)\n"}),
    # OpenSandbox: the SDK creating a sandbox on the OpenSandbox server
    ("opensandbox", {"app/sandbox/providers/opensandbox.py":
                     "from opensandbox import Sandbox\nfrom opensandbox.config import ConnectionConfig\n\n"
                     "async def create(domain, key):\n    return await Sandbox.create('python:3.12', connection_config=ConnectionConfig(domain=domain, api_key=key))\n"}),
    ("opensandbox", {"docker-compose.yml": "services:\n  opensandbox-server:\n    image: opensandbox/server:v0.2.2\n"
                     "    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n"}),
    # Rocicorp Zero: the client package and the zero-cache container
    ("rocicorp-zero", {"web/components/ZeroProvider.tsx":
                       "import { ZeroProvider } from '@rocicorp/zero/react';\n"
                       "export function Provider({ children, zero }) {\n  return <ZeroProvider zero={zero}>{children}</ZeroProvider>;\n}\n"}),
    ("rocicorp-zero", {"docker-compose.yml": "services:\n  zero-cache:\n    image: rocicorp/zero:1.6.0\n"
                       "    environment:\n      ZERO_UPSTREAM_DB: postgresql://postgres:postgres@db:5432/app\n"}),
    # 2Captcha's legacy in.php/res.php API called directly
    ("2captcha", {"app/utils/captcha.py":
                  "import httpx\n\n_IN = 'http://2captcha.com/in.php'\n_RES = 'http://2captcha.com/res.php'\n\n"
                  "async def solve(key, sitekey, url):\n    async with httpx.AsyncClient() as c:\n"
                  "        r = await c.post(_IN, data={'key': key, 'method': 'userrecaptcha', 'googlekey': sitekey, 'pageurl': url, 'json': 1})\n"
                  "        return r.json()['request']\n"}),
    # DataImpulse's proxy gateway (a module per proxy vendor)
    ("dataimpulse", {"app/utils/proxy/providers/dataimpulse.py":
                     "import os\nimport requests\n\n"
                     "def fetch(url):\n    return requests.get(url, proxies={'https': 'http://' + os.environ['DATAIMPULSE_LOGIN'] + '@gw.dataimpulse.com:823'})\n"}),
    # Google AdSense's loader script on a page
    ("google-adsense", {"components/ads/adsense-script.tsx":
                        "import Script from 'next/script';\nconst CLIENT = process.env.NEXT_PUBLIC_GOOGLE_ADSENSE_CLIENT_ID;\n"
                        "export function AdSense() {\n  return <Script async src={`https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=${CLIENT}`} crossOrigin=\"anonymous\" />;\n}\n"}),
]

# rclone, a program the app runs to reach cloud storage: a Go backup tool's backend package for it,
# a compose service of its image, an app shipping its remotes' config.
MORE_CASES += [
    ("rclone", {"internal/backend/rclone/backend.go":
                'package rclone\n\nimport "os/exec"\n\nfunc run(remote string) *exec.Cmd {\n\treturn exec.Command("rclone", "serve", "restic", "--stdio", remote)\n}\n'}),
    ("rclone", {"docker-compose.yml": "services:\n  sync:\n    image: rclone/rclone:1.68\n    command: sync /data remote:backups\n    volumes:\n      - ./rclone.conf:/config/rclone/rclone.conf\n"}),
]


# sign-in through WorkOS AuthKit's social providers, named by WorkOS's provider strings
MORE_CASES += [
    ("github-oauth", {"lib/auth/workos.ts": 'export const url = (provider: string) => workos.userManagement.getAuthorizationUrl({\n  provider: provider === "github" ? "GitHubOAuth" : "GoogleOAuth",\n  clientId, redirectUri,\n});\n'}),
    ("google-oauth", {"lib/auth/workos.ts": 'export const url = () => workos.userManagement.getAuthorizationUrl({ provider: "GoogleOAuth", clientId, redirectUri });\n'}),
    # part-search providers, one class per vendor: Octopart through the Nexar GraphQL API, LCSC's
    # catalog endpoints, Canopy API's Amazon data
    ("octopart", {"src/Providers/OctopartProvider.php": "<?php\nclass OctopartProvider {\n    private const TOKEN_URL = 'https://identity.nexar.com/connect/token';\n"
                  "    public function search(string $q) { return $this->client->request('POST', 'https://api.nexar.com/graphql/', ['json' => ['query' => $q]]); }\n}\n"}),
    ("lcsc", {"src/Providers/LCSCProvider.php": "<?php\nclass LCSCProvider {\n    private const ENDPOINT_URL = 'https://wmsc.lcsc.com/ftps/wm';\n"
              "    public function get(string $id) { return $this->client->request('GET', self::ENDPOINT_URL . '/product/detail', ['query' => ['productCode' => $id]]); }\n}\n"}),
    ("canopy-api", {"app/services/amazon.py": "import os, requests\n\ndef search(q):\n    return requests.get('https://rest.canopyapi.co/api/amazon/search', params={'searchTerm': q},"
                    " headers={'API-KEY': os.environ['CANOPY_API_KEY']}).json()\n"}),
    # Watchtower's HTTP API triggering an update of the app's own container; its image in compose
    ("watchtower", {"src/Services/System/WatchtowerClient.php": "<?php\nclass WatchtowerClient {\n    public function run() {\n        return $this->http->request('POST', getenv('WATCHTOWER_API_URL') . '/v1/update',"
                    " ['headers' => ['Authorization' => 'Bearer ' . getenv('WATCHTOWER_API_TOKEN')]]);\n    }\n}\n"}),
    ("watchtower", {"docker-compose.yml": "services:\n  watchtower:\n    image: containrrr/watchtower:1.7.1\n    environment:\n      - WATCHTOWER_HTTP_API_UPDATE=true\n"}),
    # exchange-rate services of florianv/swap's chain, by the library's service names
    ("european-central-bank", {"config/packages/swap.yaml": "florianv_swap:\n  providers:\n    european_central_bank: ~\n    frankfurter: ~\n"}),
    ("frankfurter", {"config/packages/swap.yaml": "florianv_swap:\n  providers:\n    european_central_bank: ~\n    frankfurter: ~\n"}),
    ("fixer", {"config/swap.php": "<?php\nreturn [\n    'services' => [\n        'fixer' => ['access_key' => env('FIXER_ACCESS_KEY')],\n    ],\n];\n"}),
    ("european-central-bank", {"src/Rates.php": "<?php\nuse Exchanger\\Service\\EuropeanCentralBank;\n$service = new EuropeanCentralBank($client);\n"}),
    # .NET SDKs of Yubico OTP validation, Azure Table Storage and Azure Notification Hubs: the
    # project file's package and the code's `using` of it
    ("yubico", {"Core/Core.csproj": _csproj("YubicoDotNetClient"),
                "Core/Auth/YubicoOtpTokenProvider.cs": "using YubicoDotNetClient;\n\npublic class YubicoOtpTokenProvider\n{\n    public async Task<bool> ValidateAsync(string otp) {\n        var client = new YubicoClient(_clientId, _key);\n        var response = await client.VerifyAsync(otp);\n        return response.Status == YubicoResponseStatus.Ok;\n    }\n}\n"}),
    ("azure-table-storage", {"Core/Core.csproj": _csproj("Azure.Data.Tables"),
                             "Core/Repositories/EventRepository.cs": "using Azure.Data.Tables;\n\npublic class EventRepository\n{\n    private readonly TableClient _table;\n    public EventRepository(string connectionString) {\n        _table = new TableServiceClient(connectionString).GetTableClient(\"event\");\n    }\n}\n"}),
    ("azure-notification-hubs", {"Core/Core.csproj": _csproj("Microsoft.Azure.NotificationHubs"),
                                 "Core/Push/NotificationHubPushEngine.cs": "using Microsoft.Azure.NotificationHubs;\n\npublic class NotificationHubPushEngine\n{\n    private readonly NotificationHubClient _client = NotificationHubClient.CreateClientFromConnectionString(_connectionString, _hubName);\n}\n"}),
    # the 2FA Directory's API (sites supporting 2FA / passkeys), read by a password manager's report
    ("2fa-directory", {"src/Reports/GetPasskeyDirectoryQuery.cs":
                       'public class GetPasskeyDirectoryQuery\n{\n    private const string Url = "https://passkeys-api.2fa.directory/v1/all.json";\n'
                       '    public async Task<string> GetAsync() => await _httpClient.GetStringAsync(Url);\n}\n'}),
    # Bugsnag's JS SDK by name (the catalog lists its SDKs, not the whole @bugsnag scope)
    ("bugsnag", {"package.json": '{"dependencies": {"@bugsnag/js": "^8.0.0", "@bugsnag/plugin-react": "^8.0.0"}}',
                 "src/bugsnag.ts": 'import Bugsnag from "@bugsnag/js";\nBugsnag.start({ apiKey: process.env.BUGSNAG_API_KEY! });\n'}),
    # Google Cloud Pub/Sub by its topic and subscription names
    ("google-pubsub", {".env.example": "PUBSUB_TOPIC_NAME=projects/acme/topics/events\nPUBSUB_SUBSCRIPTION_NAME=events-worker\n"}),
]

# JVM vendor clients and hand-built vendor API calls (a Java chat server, a Kotlin CDN purger)
MORE_CASES += [
    ("aws-cloudfront", {"src/main/kotlin/app/cdn/CloudFrontPurger.kt":
                        "package app.cdn\n\nimport software.amazon.awssdk.services.cloudfront.CloudFrontClient\n"
                        "import software.amazon.awssdk.services.cloudfront.model.CreateInvalidationRequest\n\n"
                        "class CloudFrontPurger(private val client: CloudFrontClient) {\n"
                        "  fun purge(id: String) = client.createInvalidation(CreateInvalidationRequest.builder().distributionId(id).build())\n}\n"}),
    ("google-play-billing", {"src/main/java/app/billing/PlayBilling.java":
                             "package app.billing;\n\nimport com.google.api.services.androidpublisher.AndroidPublisher;\n\n"
                             "public class PlayBilling {\n  AndroidPublisher publisher;\n"
                             "  Object get(String pkg, String token) throws Exception {\n"
                             "    return publisher.purchases().subscriptionsv2().get(pkg, token).execute();\n  }\n}\n"}),
    ("foundationdb", {"pom.xml": "<project><modelVersion>4.0.0</modelVersion><groupId>a</groupId><artifactId>b</artifactId><version>1</version>"
                                 "<dependencies><dependency><groupId>org.foundationdb</groupId><artifactId>fdb-java</artifactId><version>7.3.68</version></dependency></dependencies></project>\n",
                      "src/main/java/app/store/FdbStore.java":
                      "package app.store;\n\nimport com.apple.foundationdb.Database;\nimport com.apple.foundationdb.FDB;\n\n"
                      "public class FdbStore {\n  final Database db = FDB.selectAPIVersion(730).open(\"/etc/foundationdb/fdb.cluster\");\n}\n"}),
    ("cloudflare", {"config/app.yml": "turn:\n  cloudflare:\n    apiToken: secret\n"
                                      "    endpoint: https://rtc.live.cloudflare.com/v1/turn/keys/KEYID/credentials/generate\n"}),
    ("google-cloud-storage", {"src/main/java/app/gcp/CanonicalRequestGenerator.java":
                              "package app.gcp;\n\nclass CanonicalRequestGenerator {\n"
                              "  String query(String cred) { return \"X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=\" + cred; }\n}\n"}),
    ("azure-front-door", {"src/main/kotlin/app/cdn/AzurePurger.kt":
                          'package app.cdn\n\nfun purgeUrl(sub: String, rg: String, profile: String, ep: String) =\n'
                          '  "https://management.azure.com/subscriptions/$sub/resourceGroups/$rg/providers/Microsoft.Cdn/profiles/$profile/afdEndpoints/$ep/purge?api-version=2023-05-01"\n'}),
    ("languagetool", {"src/main/kotlin/app/qa/LanguageToolApiClient.kt":
                      "package app.qa\n\nclass LanguageToolApiClient(private val url: String) {\n  fun check(text: String) = post(\"$url/v2/check\", text)\n}\n"}),
    ("languagetool", {"docker-compose.yml": "services:\n  languagetool:\n    image: erikvl87/languagetool:6.7\n    ports:\n      - 8010:8010\n"}),
    ("kubernetes", workflow_with_steps("- uses: nickgronow/kubectl@master",
                                       "  with:",
                                       "    args: '\"rollout restart deployment/app\"'",
                                       "    config_data: ${{ secrets.KUBE_CONFIG }}")),
    # Rails apps (thirty-fifth set): Clicky's snippet in a layout's analytics code, Flickr's gem and
    # OmniAuth strategy, gravatar-ultimate, Sidekiq's Redis connection, the Maps JavaScript API's
    # classes, an OpenFn inbox URL.
    ("clicky", {"config/environments/production.rb": 'Rails.application.configure do\n  config.analytics_code = <<-CLICKY\n'
                '    <script src="//static.getclicky.com/js" type="text/javascript"></script>\n'
                '    <script type="text/javascript">try{ clicky.init(100594260); }catch(e){}</script>\n  CLICKY\nend\n'}),
    ("clicky", {"app/views/layouts/_analytics.html.erb": '<script>var clicky_site_ids = clicky_site_ids || []; clicky_site_ids.push(<%= ENV["CLICKY_ID"] %>);</script>\n'}),
    ("flickr", {"Gemfile": "source 'https://rubygems.org'\ngem 'flickraw'\n",
                "app/models/photo.rb": "class Photo < ApplicationRecord\n  def self.fetch(id)\n    info = flickr.photos.getInfo(photo_id: id)\n    FlickRaw.url_z(info)\n  end\nend\n"}),
    ("flickr", {"package.json": '{"dependencies": {"flickr-sdk": "^7.0.0"}}\n',
                "src/flickr.js": "import { createFlickr } from 'flickr-sdk';\nconst { flickr } = createFlickr(process.env.FLICKR_API_KEY);\nexport const photos = (id) => flickr('flickr.people.getPhotos', { user_id: id });\n"}),
    ("flickr-oauth", {"Gemfile": "source 'https://rubygems.org'\ngem 'omniauth'\ngem 'omniauth-flickr'\n",
                      "config/initializers/omniauth.rb": "Rails.application.config.middleware.use OmniAuth::Builder do\n  provider :flickr, ENV['FLICKR_KEY'], ENV['FLICKR_SECRET'], scope: 'read'\nend\n"}),
    ("gravatar", {"Gemfile": "source 'https://rubygems.org'\ngem 'gravatar-ultimate'\n",
                  "app/helpers/application_helper.rb": "module ApplicationHelper\n  def avatar_url(member)\n    Gravatar.new(member.email).image_url(size: 80, default: :identicon, ssl: true)\n  end\nend\n"}),
    ("redis", {"Gemfile": "source 'https://rubygems.org'\ngem 'sidekiq'\n",
               "config/initializers/sidekiq.rb": "Sidekiq.configure_server do |config|\n  config.redis = { url: ENV.fetch('REDIS_URL', 'redis://localhost:6379/0') }\nend\n"}),
    ("redis", {"Gemfile": "source 'https://rubygems.org'\ngem 'resque'\n",
               "config/initializers/resque.rb": "Resque.redis = Redis.new(host: 'localhost', port: 6379)\n"}),
    ("google-maps", {"app/javascript/components/address-autocomplete.js":
                     "export function attach(input) {\n  const ac = new google.maps.places.Autocomplete(input, { types: ['geocode'] });\n  return ac;\n}\n"}),
    ("openfn", {"app/services/openfn_notifier.rb": "class OpenfnNotifier\n  INBOX = 'https://app.openfn.org/i/3f1c2a9e-7b1d-4c2e-9a51-2d6f0e8b4c11'\n"
                "  def notify(payload) = RestClient.post(INBOX, payload.to_json, content_type: :json)\nend\n"}),
]


# a log router's destinations: ConfigCat's Hex SDK, Last9's OTLP endpoints, Elasticsearch named
# `elastic` in an adapter module per vendor
MORE_CASES += [
    ("configcat", {"mix.exs": 'defp deps do\n  [{:configcat, "~> 4.0"}]\nend\n'}),
    ("last9", {"lib/app/otlp_sink.ex": 'defmodule App.OtlpSink do\n  @regions %{"US-WEST-1" => "https://otlp.last9.io", "AP-SOUTH-1" => "https://otlp-aps1.last9.io"}\n  def url(r), do: @regions[r] <> "/v1/logs"\nend\n'}),
    ("elasticsearch", {"lib/app/backends/adaptor/elastic_adaptor.ex": 'defmodule App.Backends.Adaptor.ElasticAdaptor do\n  def url(config), do: config.url\nend\n'}),
    ("elasticsearch", {".env.example": "ELASTIC_URL=http://localhost:9200\nELASTIC_USER=elastic\n"}),
    # images mirrored to ECR Public: docker/login-action to its registry
    ("aws-ecr", workflow_with_steps("- uses: docker/login-action@v3", "  with:", "    registry: public.ecr.aws")),
    # code hosting and bug trackers an app links repositories or tickets with
    ("gerrit", {"requirements.txt": "pygerrit2==2.0.15\n", "app/review.py": "from pygerrit2 import GerritRestAPI\napi = GerritRestAPI(url=settings.GERRIT_URL)\nchanges = api.get('/changes/?q=status:open')\n"}),
    ("sourceforge", {"app/sf.py": "import os\nTOKEN = os.environ['SOURCEFORGE_BEARER_TOKEN']\n"}),
    ("assembla", {"app/assembla.py": "import requests\ndef spaces(key):\n    return requests.get('https://api.assembla.com/v1/spaces.json', headers={'X-Api-Key': key}).json()\n"}),
    ("beanstalk", {"app/beanstalk.py": "import requests\ndef repos(account, auth):\n    return requests.get(f'https://{account}.beanstalkapp.com/api/repositories.json', auth=auth).json()\n"}),
    ("codebasehq", {"app/codebase.py": "import requests\ndef projects(auth):\n    return requests.get('https://api3.codebasehq.com/projects', auth=auth).json()\n"}),
    ("kiln", {"app/kiln.py": "import requests\ndef projects(account, token):\n    return requests.get(f'https://{account}.kilnhg.com/Api/1.0/Project', params={'token': token}).json()\n"}),
    ("unfuddle", {"app/unfuddle.py": "import requests\ndef repos(account, auth):\n    return requests.get(f'https://{account}.unfuddle.com/api/v1/repositories.json', auth=auth).json()\n"}),
    ("splat", {"app/splat.py": "import requests\ndef ticket(org, n):\n    return requests.get(f'https://hellosplat.com/api/orgs/{org}/tickets/{n}/').json()\n"}),
    ("fogbugz", {"requirements.txt": "fogbugz==1.0.5\n", "app/bugs.py": "from fogbugz import FogBugz\nfb = FogBugz('https://acme.fogbugz.com/', token)\nfb.search(q='assignedto:me')\n"}),
    ("versionone", {"requirements.txt": "v1pysdk==0.6.4\n", "app/v1.py": "from v1pysdk import V1Meta\nv1 = V1Meta(address='www14.v1host.com', instance='acme', password=token)\n"}),
    # a directory sync tool on kanidm's async LDAP client crate
    ("ldap", {"Cargo.toml": '[package]\nname = "ldap-sync"\nversion = "0.1.0"\n\n[dependencies]\nldap3_client = "0.8"\n',
              "src/main.rs": 'use ldap3_client::LdapClientBuilder;\nasync fn connect(uri: &url::Url) { let c = LdapClientBuilder::new(uri).build().await; }\n'}),
    # purging a GraphQL edge cache through Stellate's admin API; GraphCDN's API before the rename
    ("stellate", {"src/cache/purge.ts": 'export async function purge(service: string, token: string) {\n  return fetch(`https://admin.stellate.co/${service}`, {method: "POST", headers: {"stellate-token": token}, body: JSON.stringify({query: "mutation { _purgeAll }"})});\n}\n'}),
    # Nodemailer's SES transport: its options type, or createTransport({ SES: ... })
    ("aws-ses", {"src/sender/types.ts": "import SESTransport from 'nodemailer/lib/ses-transport';\nexport interface SESTransportOptions extends SESTransport.Options { type: 'ses' }\n"}),
    ("aws-ses", {"src/mail.js": "const nodemailer = require('nodemailer');\nconst transporter = nodemailer.createTransport({ SES: { ses, aws } });\n"}),
    ("stellate", {"scripts/orgs.mjs": "const apiUrl = 'https://api.graphcdn.io/api'\nexport const list = (token) => fetch(apiUrl, {method: 'POST', headers: {'graphcdn-token': token}})\n"}),
    # a self-hosted mesh VPN's stack: CrowdSec bouncer, coturn relay, certmagic's Route 53 solver,
    # authentik's API client
    ("crowdsec", {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/crowdsecurity/go-cs-bouncer v0.0.21\n"}),
    ("crowdsec", {"docker-compose.yml": "services:\n  crowdsec:\n    image: crowdsecurity/crowdsec:v1.7.7\n"}),
    ("coturn", {"docker-compose.yml": "services:\n  coturn:\n    image: coturn/coturn:4.6\n    network_mode: host\n"}),
    ("coturn", {"deploy/turnserver.conf": "listening-port=3478\nuse-auth-secret\nstatic-auth-secret=secret\nrealm=example.com\n"}),
    ("aws-route53", {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/libdns/route53 v1.5.0\n"}),
    ("authentik", {"go.mod": "module x\n\ngo 1.22\n\nrequire goauthentik.io/api/v3 v3.2023051.3\n"}),
    # Go's pkg/sftp as a client of a remote SFTP server (a storage driver)
    ("sftp", {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/pkg/sftp v1.13.6\n",
              "drivers/remote/client.go": 'package remote\n\nimport (\n\t"github.com/pkg/sftp"\n\t"golang.org/x/crypto/ssh"\n)\n\n'
                                          'func Dial(addr string, cfg *ssh.ClientConfig) (*sftp.Client, error) {\n\tconn, err := ssh.Dial("tcp", addr, cfg)\n'
                                          '\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn sftp.NewClient(conn)\n}\n'}),
]

# Bitcoin payment stacks (.NET BTCPayServer.Lightning handlers, NBXplorer, NBitcoin RPC), exchange
# rate feeds, TwentyTwenty.Storage providers, fido2-net-lib's metadata service
_CSPROJ = '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="{}" Version="1.0.0" />\n  </ItemGroup>\n</Project>\n'
MORE_CASES += [
    ("lnd", {"Hosting/Services.cs": 'using BTCPayServer.Lightning.LND;\nservices.AddSingleton<ILightningConnectionStringHandler>(p => new LndConnectionStringHandler(p.GetRequiredService<IHttpClientFactory>()));\n'}),
    ("core-lightning", {"Hosting/Services.cs": 'using BTCPayServer.Lightning.CLightning;\nservices.AddSingleton<ILightningConnectionStringHandler>(p => new CLightningConnectionStringHandler());\n'}),
    ("eclair", {"Hosting/Services.cs": 'using BTCPayServer.Lightning.Eclair;\nservices.AddSingleton<ILightningConnectionStringHandler>(p => new EclairConnectionStringHandler(http));\n'}),
    ("phoenixd", {"Hosting/Services.cs": 'using BTCPayServer.Lightning.Phoenixd;\nservices.AddSingleton<ILightningConnectionStringHandler>(p => new PhoenixdConnectionStringHandler(http));\n'}),
    ("lndhub", {"Hosting/Services.cs": 'using BTCPayServer.Lightning.LNDhub;\nservices.AddSingleton<ILightningConnectionStringHandler>(p => new LndHubConnectionStringHandler(http));\n'}),
    ("nbxplorer", {"App/App.csproj": _CSPROJ.format("NBXplorer.Client")}),
    ("bitcoin-core", {"Services/Wallet.cs": 'var info = await explorer.RPCClient.GetMempoolInfoAsync(cancellationToken);\n'}),
    ("bitcoin-core", {"lib/node.js": 'const Client = require("bitcoin-core");\nconst client = new Client({ host: "localhost", port: 8332 });\n', "package.json": '{"dependencies": {"bitcoin-core": "^4.2.0"}}\n'}),
    ("okx", {"Rates/OkexRateProvider.cs": 'class OkexRateProvider {\n    const string Url = "https://www.okex.com/api/v5/market/tickers?instType=SPOT";\n}\n'}),
    ("bitpay", {"Rates/BitpayRateProvider.cs": 'class BitpayRateProvider {\n    async Task Get() => await http.GetAsync("https://bitpay.com/rates");\n}\n'}),
    ("azure-blob-storage", {"App/App.csproj": _CSPROJ.format("TwentyTwenty.Storage.Azure")}),
    ("aws-s3", {"App/App.csproj": _CSPROJ.format("TwentyTwenty.Storage.Amazon")}),
    ("google-cloud-storage", {"App/App.csproj": _CSPROJ.format("TwentyTwenty.Storage.Google")}),
    ("fido-alliance-mds", {"Startup.cs": 'using Fido2NetLib;\nservices.AddFido2(o => o.ServerName = "App").AddCachedMetadataService(config => {\n    config.AddFidoMetadataRepository();\n});\n'}),
    ("docker-hub", {".circleci/config.yml": 'version: 2\njobs:\n  docker:\n    docker:\n      - image: cimg/base:stable\n    steps:\n      - run: docker login --username=$DOCKERHUB_USER --password=$DOCKERHUB_PASS\n'}),
    # vendors a multi-vendor PHP library reaches by an adapter class the app imports (Utopia messaging, logger)
    ("inforu", {"src/Workers/Sms.php": "<?php\n\nuse Utopia\\Messaging\\Adapter\\SMS\\Inforu;\n\nfunction sms($c) { return new Inforu($c['user'], $c['token']); }\n"}),
    ("inforu", {"lib/sms.ts": "export const send = (body: object) => fetch('https://capi.inforu.co.il/api/v2/SMS/SendSms', { method: 'POST', body: JSON.stringify(body) });\n"}),
    ("logowl", {"app/init/logger.php": "<?php\n\nuse Utopia\\Logger\\Adapter\\LogOwl;\n\n$adapter = new LogOwl($ticket, $host);\n"}),
    ("nhost", {"package.json": '{"dependencies": {"@nhost/nhost-js": "^3.1.0"}}'}),
    ("nhost", {"src/Workers/Migrations.php": "<?php\n\nuse Utopia\\Migration\\Sources\\NHost;\n\n$source = new NHost($subdomain, $region, $adminSecret);\n"}),
    # sign-in providers kept one class per vendor on an OAuth2 base
    ("zoho-oauth", {"api/authentication/provider/oauth/zoho.py": "class ZohoOAuthProvider:\n    pass\n"}),
    ("yammer-oauth", {"api/authentication/provider/oauth/yammer.py": "class YammerOAuthProvider:\n    pass\n"}),
    ("podio-oauth", {"api/authentication/provider/oauth/podio.py": "class PodioOAuthProvider:\n    pass\n"}),
    ("disqus-oauth", {"api/authentication/provider/oauth/disqus.py": "class DisqusOAuthProvider:\n    pass\n"}),
    ("bitly-oauth", {"api/authentication/provider/oauth/bitly.py": "class BitlyOAuthProvider:\n    pass\n"}),
    ("autodesk-oauth", {"api/authentication/provider/oauth/autodesk.py": "class AutodeskOAuthProvider:\n    pass\n"}),
    ("tradeshift-oauth", {"api/authentication/provider/oauth/tradeshift.py": "class TradeshiftOAuthProvider:\n    pass\n"}),
    # aws-elixir's generated modules, called fully qualified; ex_aws_kinesis
    ("aws-sns", {"lib/app/aws/sns.ex": "defmodule App.Aws.SNS do\n  def publish(client, body) do\n    AWS.SNS.publish_batch(client, body)\n  end\nend\n"}),
    ("aws-kinesis", {"lib/app/aws/kinesis.ex": "defmodule App.Aws.Kinesis do\n  def put(client, body), do: AWS.Kinesis.put_records(client, body)\nend\n"}),
    ("aws-kinesis", {"mix.exs": 'defmodule App.MixProject do\n  use Mix.Project\n  defp deps do\n    [{:ex_aws, "~> 2.5"}, {:ex_aws_kinesis, "~> 2.0"}]\n  end\nend\n'}),
    ("aws-sqs", {"lib/app/aws/sqs.ex": "defmodule App.Aws.SQS do\n  def send(client, body), do: AWS.SQS.send_message_batch(client, body)\nend\n"}),
    ("koala", {"package.json": '{"dependencies": {"@getkoala/browser": "^1.22.1"}}'}),
    ("kissmetrics", {"app/views/analytics/_kissmetrics.html.erb": "<script>\n  var _kmq = _kmq || [];\n  _kmq.push(['identify', '<%= current_user.id %>']);\n</script>\n"}),
    ("s2", {"lib/app/sinks/s2.ex": 'defmodule App.S2 do\n  def base_url(basin), do: "https://#{basin}.b.aws.s2.dev/v1/"\nend\n'}),
    ("s2", {"package.json": '{"dependencies": {"@s2-dev/streamstore": "^0.27.0"}}'}),
    ("webhook-site", {"lib/app/webhook_site.ex": 'defmodule App.WebhookSite do\n  def token, do: Req.post!("https://webhook.site/token")\nend\n'}),
    ("wistia", {"lib/app_web/components/layouts/root.html.heex": '<script src="https://fast.wistia.com/assets/external/E-v1.js" async></script>\n'}),
    ("wistia", {"package.json": '{"dependencies": {"@wistia/wistia-player-react": "^0.6.22"}}'}),
    ("webtranslateit", {"Gemfile": "source 'https://rubygems.org'\ngem 'web_translate_it'\n"}),
    ("sphinx", {"Gemfile": "source 'https://rubygems.org'\ngem 'thinking-sphinx', '~> 5.5'\n"}),
    ("convox", {"convox.yml": "services:\n  web:\n    build: .\n    port: 3000\n"}),
    ("convox", {".github/workflows/deploy.yml": "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: convox deploy --rack org/production\n"}),
    ("linkedin-oauth", {"Gemfile": "source 'https://rubygems.org'\ngem 'omniauth-linkedin-openid'\n"}),
    # storage vendors of a backup tool's per-vendor backends (.NET SDKs and API hosts)
    ("mega", {"App/App.csproj": _CSPROJ.format("MegaApiClient")}),
    ("storj", {"App/App.csproj": _CSPROJ.format("uplink.NET")}),
    ("tencent-cloud-cos", {"App/App.csproj": _CSPROJ.format("Tencent.QCloud.Cos.Sdk")}),
    ("xmpp", {"Notify/Jabber.cs": 'using Artalk.Xmpp.Client;\nvar client = new ArtalkXmppClient(host, user, password, port);\n'}),
    ("smb", {"App/App.csproj": _CSPROJ.format("SMBLibrary")}),
    ("smb", {"backup/share.py": "import smbclient\n\nsmbclient.register_session(server, username=user, password=pw)\n", "requirements.txt": "smbprotocol==1.13.0\n"}),
    ("sharepoint", {"Sync/SharePoint.cs": 'using Microsoft.SharePoint.Client;\nvar ctx = new ClientContext(siteUrl);\n'}),
    ("jottacloud", {"Storage/Jotta.cs": 'const string JFS_ROOT = "https://jfs.jottacloud.com/jfs";\nvar r = await http.GetAsync(JFS_ROOT + "/" + user);\n'}),
    ("filen", {"lib/filen.ts": "export const login = (body: object) => fetch('https://gateway.filen.io/v3/login', { method: 'POST', body: JSON.stringify(body) });\n"}),
    ("drime-cloud", {"Storage/Drime.cs": 'const string DEFAULT_API_URL = "https://app.drime.cloud/api/v1";\nvar r = await http.GetAsync(DEFAULT_API_URL + "/drive/file-entries");\n'}),
    ("movistar-cloud", {"Storage/Movistar.cs": 'const string BASE = "https://micloud.movistar.es";\nvar r = await http.PostAsync(BASE + "/sapi/login", body);\n'}),
    ("idrive-e2", {"Storage/E2.cs": 'var r = await http.PostAsync("https://api.idrivee2.com/api/service/get_region_end_point/", body);\n'}),
    # APILayer's gateway and the data sets and lookups billing apps fetch
    ("internet-bs", {"src/Registrar/InternetBs.php": "<?php\nfinal class InternetBs\n{\n    public function apiUrl(bool $test): string { return $test ? 'https://testapi.internet.bs' : 'https://api.internet.bs'; }\n}\n"}),
    ("apilayer", {"src/Currency/Rates.php": "<?php\n$response = $http->request('GET', 'https://api.apilayer.com/currency_data/live', ['headers' => ['apikey' => $key]]);\n"}),
    ("fixer", {"src/Currency/Rates.php": "<?php\n$response = $http->request('GET', 'https://api.apilayer.com/fixer/latest', ['headers' => ['apikey' => $key], 'query' => ['base' => 'EUR']]);\n"}),
    ("currencylayer", {"app/Traits/ExchangeRates.php": "<?php\n$url = 'http://api.currencylayer.com/live?access_key=' . $key . '&source=' . $base;\n$response = Http::get($url)->json();\n"}),
    ("public-suffix-list", {"src/Validate.php": "<?php\n$list = $http->request('GET', 'https://publicsuffix.org/list/public_suffix_list.dat')->getContent();\n"}),
    ("php-watch", {"src/Checks/PhpVersion.php": "<?php\n$versions = $http->request('GET', 'https://php.watch/api/v1/versions')->toArray();\n"}),
    ("fakefilter", {"src/Antispam.php": "<?php\n$list = file_get_contents('https://raw.githubusercontent.com/7c/fakefilter/main/txt/data.txt');\n"}),
    ("fakefilter", {"package.json": '{"dependencies": {"fakefilter": "^0.1.1476"}}'}),
    ("hostbybelle-ip-geolocation-db", {"src/GeoIP/Reader.php": "<?php\n$url = 'https://github.com/HostByBelle/IP-Geolocation-DB/releases/latest/download/cc0-both-country.mmdb';\ncopy($url, $path);\n"}),
    ("aws-checkip", {"src/Tools.php": "<?php\nforeach (['https://api64.ipify.org', 'https://checkip.global.api.aws'] as $url) {\n    $ip = trim(file_get_contents($url));\n}\n"}),
    ("whois", {"composer.json": '{"require": {"io-developer/php-whois": "^4.1"}}',
               "src/Registrar/Custom.php": "<?php\nuse Iodev\\Whois\\Factory;\n$free = Factory::get()->createWhois()->isDomainAvailable($domain);\n"}),
]


# A billing panel's provisioning and registrar modules, one PEAR-style class per vendor in a
# kind's role folder (`Server/Manager/Whm.php` declaring `Server_Manager_Whm`, all extending
# one base): the family of plugin classes names each vendor.
def _pear_family(kind: str, role: str, base: str, members: dict[str, str]) -> dict[str, str]:
    tree = {f"library/{kind}/{role}/{name}.php": f"<?php\nclass {kind}_{role}_{name} extends {parent}\n{{\n"
            f"    public function request(string $action, array $params): array\n    {{\n"
            f"        return $this->getHttpClient()->request('POST', $this->url . $action, ['body' => $params])->toArray();\n"
            f"    }}\n}}\n" for name, parent in members.items()}
    tree[f"library/{kind}/{base}.php"] = f"<?php\nabstract class {base}\n{{\n}}\n"
    return tree


_PANELS = _pear_family("Server", "Manager", "Server_Manager", {
    "Whm": "Server_Manager", "Plesk": "Server_Manager", "Directadmin": "Server_Manager",
    "Hestia": "Server_Manager", "CWP": "Server_Manager", "Custom": "Server_Manager"})
_REGISTRARS = _pear_family("Registrar", "Adapter", "Registrar_AdapterAbstract", {
    "Resellerclub": "Registrar_AdapterAbstract", "Netearthone": "Registrar_Adapter_Resellerclub",
    "Resellbiz": "Registrar_Adapter_Resellerclub", "Resellerid": "Registrar_Adapter_Resellerclub",
    "Internetbs": "Registrar_AdapterAbstract", "Namecheap": "Registrar_AdapterAbstract",
    "Custom": "Registrar_AdapterAbstract"})
MORE_CASES += [(sid, _PANELS) for sid in ("cpanel", "plesk", "directadmin", "hestiacp", "control-web-panel")]
MORE_CASES += [(sid, _REGISTRARS) for sid in ("netearthone", "resell-biz", "resellerid")]
_NOTIFY_ARMS = """pub async fn send(specifics: &NotificationPlatformSpecifics, msg: &str) -> Result<()> {
    let client = reqwest::Client::new();
    match specifics {
        NotificationPlatformSpecifics::Discord { url } => {
            client.post(url).json(&json!({"content": msg})).send().await?;
        }
        NotificationPlatformSpecifics::Gotify { url, token } => {
            client.post(format!("{url}/message")).header("X-Gotify-Key", token).json(&json!({"message": msg})).send().await?;
        }
    }
    Ok(())
}
"""
MORE_CASES += [
    ("plesk", {"composer.json": '{"require": {"plesk/api-php-lib": "^2.2"}}',
               "src/Hosting/PleskProvisioner.php": "<?php\nuse PleskX\\Api\\Client;\n$client = new Client($host, 8443);\n"}),
    ("resellerclub", {"library/Registrar/Resellerclub.php": "<?php\nclass Resellerclub\n{\n    public function apiUrl(bool $test): string\n    {\n        return $test ? 'https://test.httpapi.com/api/' : 'https://httpapi.com/api/';\n    }\n}\n"}),
    # a Python image build script (contrib/docker/build.py) pushing `owner/name` (Docker Hub) or `quay.io/owner/name`
    ("docker-hub", {"contrib/docker/build.py": "import subprocess\n\nIMAGE_NAME = 'acme/app'\n\ncmd = ['docker', 'buildx', 'build', '--platform', 'linux/amd64']\n"
                                                "if upload:\n    cmd.append('--push')\ncmd += ['-t', '%s:%s' % (IMAGE_NAME, version), '.']\nsubprocess.check_call(cmd)\n"}),
    ("quay", {"scripts/release.sh": "#!/bin/sh\nset -e\ndocker build -t quay.io/acme/app:$VERSION .\ndocker push quay.io/acme/app:$VERSION\n"}),
    # a CodeIgniter config listing the public WebSub hubs a podcast host pings on each feed update
    ("superfeedr", {"modules/WebSub/Config/WebSub.php": "<?php\nclass WebSub extends BaseConfig\n{\n    public array $hubs = [\n        'https://pubsubhubbub.appspot.com/',\n        'https://pubsubhubbub.superfeedr.com/',\n    ];\n}\n"}),
    ("websubhub", {"lib/feed_ping.rb": "HUBS = ['https://websubhub.com/hub'].freeze\n\ndef ping(feed)\n  HUBS.each { |h| Net::HTTP.post_form(URI(h), 'hub.mode' => 'publish', 'hub.url' => feed) }\nend\n"}),
    ("switchboard-p3k", {"src/websub.js": "const HUB = 'https://switchboard.p3k.io/';\nexport async function publish(feed) {\n  await fetch(HUB, { method: 'POST', body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': feed }) });\n}\n"}),
    # GitLab CI copying a Docker Hub login (file variable) into docker's config before `buildx --push`
    ("docker-hub", {".gitlab-ci.yml": "build:\n  image: docker:29-dind\n  before_script:\n    - mkdir -p /root/.docker\n    - cp ${DOCKER_HUB_CONFIG} /root/.docker/config.json\n  script:\n    - docker buildx build --push --tag ${DOCKER_IMAGE}:${CI_COMMIT_TAG} .\n"}),
    # a PHP CalDAV sync querying the user's calendar server with a REPORT calendar-query (Guzzle)
    ("caldav", {"app/Libraries/CalendarSync.php": "<?php\nuse GuzzleHttp\\Client;\n\nclass CalendarSync\n{\n    public function events(Client $client)\n    {\n        return $client->request('REPORT', '', [\n            'headers' => ['Depth' => '1', 'Content-Type' => 'application/xml'],\n            'body' => '<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"/>',\n        ]);\n    }\n}\n"}),
    ("caldav", {"package.json": '{"dependencies": {"tsdav": "^2.1.0"}}',
                "src/calendar.ts": "import { createDAVClient } from 'tsdav';\nexport const client = await createDAVClient({ serverUrl: url, credentials, authMethod: 'Basic', defaultAccountType: 'caldav' });\n"}),
    # PushPlus and ServerChan (WeChat push) called with curl from a PHP notifier
    ("pushplus", {"notify/pushplus.php": "<?php\n$ch = curl_init();\ncurl_setopt_array($ch, [CURLOPT_URL => 'https://www.pushplus.plus/send', CURLOPT_POST => true]);\ncurl_exec($ch);\n"}),
    ("serverchan", {"notify/serverchan.php": "<?php\n$url = \"https://sctapi.ftqq.com/{$key}.send\";\n$ch = curl_init($url);\ncurl_exec($ch);\n"}),
    ("serverchan", {"notify/serverchan.php": "<?php\n$url = \"https://{$num}.push.ft07.com/send/{$key}.send\";\n$ch = curl_init($url);\ncurl_exec($ch);\n"}),
    # DuckDuckGo's and Brave's image searches scraped for logos
    ("duckduckgo", {"logos/search.php": "<?php\n$r = curlGet(\"https://duckduckgo.com/i.js?{$params}\");\n"}),
    ("brave-search", {"logos/search.php": "<?php\n$url = \"https://search.brave.com/images?q={$query}\";\n$html = curlGet($url);\n"}),
    # Ollama's native API on the user's server, appended to its base URL
    ("ollama", {"includes/ai_client.php": "<?php\nif ($type === 'ollama') {\n    curl_setopt($ch, CURLOPT_URL, rtrim($host, '/') . '/api/generate');\n}\n"}),
    ("ollama", {"src/llm/local.ts": "// Ollama server\nexport const models = (base: string) => fetch(`${base}/api/tags`);\n"}),
    # Supabase Storage's REST API called with fetch on the project URL
    ("supabase-storage", {"src/lib/datasources/Supabase.ts": "export const save = (url: string, bucket: string, file: string, key: string, body: Buffer) =>\n  fetch(`${url}/storage/v1/object/${bucket}/${file}`, { method: 'POST', headers: { Authorization: `Bearer ${key}` }, body });\n"}),
    # a Discord execute-webhook payload built by hand and posted to the user's webhook URL
    ("discord", {"src/lib/discord.ts": "export async function notify(url: string, text: string) {\n  // discord webhook\n  const body = JSON.stringify({ username: 'bot', avatar_url: 'https://example.org/a.png', content: text, embeds: [{ title: text }] });\n  await fetch(url, { method: 'POST', body });\n}\n"}),
    # a hand-written OIDC client concatenating the issuer and the discovery path (PHP)
    ("oidc", {"includes/oidc.php": "<?php\nfunction discover($issuer) {\n    $url = $issuer . '/.well-known/openid-configuration';\n    return json_decode(file_get_contents($url), true);\n}\n"}),
    # The Go CDK's pubsub drivers, one package per broker (blank imports beside gocloud.dev/pubsub)
    ("kafka", {"go.mod": "module x\n\ngo 1.22\n\nrequire gocloud.dev v0.46.0\n",
               "app/main.go": "package main\n\nimport (\n\t\"gocloud.dev/pubsub\"\n\t_ \"gocloud.dev/pubsub/kafkapubsub\"\n)\n\nvar _ = pubsub.OpenTopic\n"}),
    ("nats", {"go.mod": "module x\n\ngo 1.22\n\nrequire gocloud.dev v0.46.0\n",
              "app/main.go": "package main\n\nimport (\n\t\"gocloud.dev/pubsub\"\n\t_ \"gocloud.dev/pubsub/natspubsub\"\n)\n\nvar _ = pubsub.OpenTopic\n"}),
    ("rabbitmq", {"go.mod": "module x\n\ngo 1.22\n\nrequire gocloud.dev v0.46.0\n",
                  "app/main.go": "package main\n\nimport (\n\t\"gocloud.dev/pubsub\"\n\t_ \"gocloud.dev/pubsub/rabbitpubsub\"\n)\n\nvar _ = pubsub.OpenSubscription\n"}),
    # Open Food Facts' sister databases (same association, same /api/v2/product API)
    ("open-food-facts", {"internal/product/lookup.go": 'package product\n\nimport "net/http"\n\nfunc Beauty(ean string) (*http.Response, error) {\n\treturn http.Get("https://world.openbeautyfacts.org/api/v2/product/" + ean + ".json")\n}\n'}),
    # a Node media server's search provider: a keyless Search API request (no package, no env)
    ("itunes", {"server/providers/iTunes.js": "const axios = require('axios')\n\nfunction search(term) {\n  return axios.get('https://itunes.apple.com/search', { params: { term, media: 'podcast' } })\n}\n"}),
    ("anime-lists", {"server/api/animelist.ts": "const MAPPING_URL = 'https://raw.githubusercontent.com/Anime-Lists/anime-lists/master/anime-list.xml';\n"
                                                "const res = await axios.get(MAPPING_URL, { responseType: 'text' });\n"}),
    ("audible", {"server/providers/Audible.js": "const axios = require('axios')\nconst url = 'https://api.audible.com/1.0/catalog/products?' + qs\nconst res = await axios.get(url)\n"}),
    ("audible", {"requirements.txt": "audible==0.9.1\n", "tools/library.py": "import audible\n\nauth = audible.Authenticator.from_file('auth.json')\n"}),
    ("audnexus", {"server/providers/Audnexus.js": "class Audnexus {\n  constructor() {\n    this.baseUrl = 'https://api.audnex.us'\n  }\n"
                                                  "  book(asin) {\n    return axios.get(`${this.baseUrl}/books/${asin}`)\n  }\n}\n"}),
    # Symfony + knpuniversity/oauth2-client-bundle: a generic client on league/oauth2-client's PrivacyPortal provider
    ("privacy-portal", {"composer.json": '{"require": {"knpuniversity/oauth2-client-bundle": "^2.18", "privacyportal/oauth2-privacyportal": "^0.1"}}',
                        "config/packages/knpu_oauth2_client.yaml": "knpu_oauth2_client:\n  clients:\n    privacyportal:\n      type: generic\n"
                                                                   "      provider_class: League\\OAuth2\\Client\\Provider\\PrivacyPortal\n"
                                                                   "      client_id: '%env(OAUTH_PRIVACYPORTAL_ID)%'\n",
                        "src/Security/PrivacyPortalAuthenticator.php": "<?php\nuse League\\OAuth2\\Client\\Provider\\PrivacyPortalResourceOwner;\n"
                                                                       "$client = $this->clientRegistry->getClient('privacyportal');\n"}),
    # league/oauth2-client's Azure provider (thenetworg/oauth2-azure) behind a knpu `azure` client
    ("microsoft-oauth", {"composer.json": '{"require": {"knpuniversity/oauth2-client-bundle": "^2.18", "thenetworg/oauth2-azure": "^2.2"}}',
                         "config/packages/knpu_oauth2_client.yaml": "knpu_oauth2_client:\n  clients:\n    azure:\n      type: azure\n"
                                                                    "      client_id: '%env(OAUTH_AZURE_ID)%'\n      tenant: '%env(OAUTH_AZURE_TENANT)%'\n"}),
    # AsyncAws's S3 client behind Flysystem's async-aws adapter (PHP)
    ("aws-s3", {"composer.json": '{"require": {"league/flysystem-async-aws-s3": "^3.0"}}',
                "src/Storage/S3Storage.php": "<?php\nuse AsyncAws\\S3\\S3Client;\nuse League\\Flysystem\\AsyncAwsS3\\AsyncAwsS3Adapter;\n\n$client = new S3Client(['region' => $region]);\n$adapter = new AsyncAwsS3Adapter($client, $bucket);\n"}),
    # an admin-configured OpenID Connect provider's endpoints read from settings (hand-written code flow)
    ("oidc", {"src/Auth/Oidc/ConfigProvider.php": "<?php\nnamespace App\\Auth\\Oidc;\n\nclass ConfigProvider\n{\n    public function getTokenEndpoint(): ?string\n    {\n        return $this->config->get('oidcTokenEndpoint');\n    }\n}\n"}),
    # PHP PDO on a SQLite file (PHP 8.4's Pdo\\Sqlite driver class or a plain PDO DSN)
    ("sqlite", {"services/DatabaseService.php": "<?php\nclass DatabaseService\n{\n    public function connect()\n    {\n        return new \\PDO\\Sqlite('sqlite:' . $this->dbPath());\n    }\n}\n"}),
    ("sqlite", {"src/Db.php": "<?php\n$pdo = new PDO('sqlite:' . __DIR__ . '/data/app.db');\n"}),
    # gtag.js loaded by a component for a GA4 measurement id, the formatter wrapping `${encodeURIComponent(` onto the next line
    ("google-analytics", {"src/components/GoogleAnalytics.tsx": "export default function GoogleAnalytics({ gaMeasurementId }) {\nconst loader = document.createElement('script');\nloader.src = `https://www.googletagmanager.com/gtag/js?id=${encodeURIComponent(\n  gaMeasurementId\n)}`;\n}\n"}),
    # Rails ActionMailer delivering through SES with aws-sdk-rails
    ("aws-ses", {"config/environments/production.rb": "Rails.application.configure do\n  Aws::Rails.add_action_mailer_delivery_method(\n    :ses,\n    region: ENV['AWS_REGION']\n  )\n  config.action_mailer.delivery_method = :ses\nend\n"}),
    # avatars drawn by Boring Avatars' hosted service from the user's name
    ("boring-avatars", {"src/components/Avatar.tsx": "export const Avatar = ({ name }) => (\n  <img src={`https://source.boringavatars.com/beam/120/${encodeURIComponent(name)}?colors=264653,2a9d8f`} alt={name} />\n);\n"}),
    # ruby-oembed falling back to Noembed for URLs without a registered provider
    ("noembed", {"Gemfile": "gem 'ruby-oembed'\n", "config/initializers/oembed.rb": "require 'oembed'\nOEmbed::Providers.register_all\nOEmbed::Providers.register_fallback(OEmbed::ProviderDiscovery, OEmbed::Providers::Noembed)\n"}),
    # the geocoder gem configured with IPinfo's key, the IP lookup chosen at runtime
    ("ipinfo", {"Gemfile": "gem 'geocoder'\n", "config/initializers/geocoder.rb": "Geocoder.configure(\n  timeout: 3,\n  ipinfo_io: {\n    api_key: ENV['GEOCODER_API_KEY'],\n    timeout: 2\n  }\n)\n"}),
    # self-hosted media servers an app syncs with, one module per vendor (and their images)
    ("komga", {"docker-compose.yml": "services:\n  komga:\n    image: gotson/komga:1.11\n"}),
    ("komga", {"crates/integration/src/yank/komga.rs": 'pub async fn books(client: &reqwest::Client, base_url: &str) {\n'
               '    client.post(format!("{base_url}/api/v1/books/list")).send().await.ok();\n}\n'}),
    ("audiobookshelf", {"docker-compose.yml": "services:\n  abs:\n    image: ghcr.io/advplyr/audiobookshelf:latest\n"}),
    ("audiobookshelf", {"src/integrations/audiobookshelf.ts": 'export const progress = (base: string) => fetch(`${base}/api/me/items-in-progress`);\n'}),
    ("mediatracker", {"crates/importer/mediatracker/src/lib.rs": 'pub async fn import(api_url: &str) {\n'
                      '    reqwest::get(format!("{api_url}/api/user")).await.ok();\n}\n'}),
    # Rust clients of MusicBrainz and of YouTube Music's web API, declared and used
    ("musicbrainz", {"Cargo.toml": '[package]\nname = "app"\nversion = "0.1.0"\n\n[dependencies]\nmusicbrainz_rs = { version = "0.12", features = ["async"] }\n',
                     "src/music.rs": "use musicbrainz_rs::entity::artist::Artist;\nuse musicbrainz_rs::Fetch;\n\npub async fn artist(id: &str) { Artist::fetch().id(id).execute().await.ok(); }\n"}),
    ("youtube", {"Cargo.toml": '[package]\nname = "app"\nversion = "0.1.0"\n\n[dependencies]\nrustypipe = "0.11"\n',
                 "src/music.rs": "use rustypipe::client::RustyPipe;\n\npub async fn search(q: &str) { RustyPipe::new().query().music_search_main(q).await.ok(); }\n"}),
    # self-hosted URL shorteners a PHP app forwards links to, one proxy class per vendor; a Python client
    ("shlink", {"lib/Proxy/ShlinkProxy.php": "<?php\nclass ShlinkProxy extends AbstractProxy {\n    protected function _getUrl(Configuration $conf): string { return $conf->getKey('apiurl', 'shlink'); }\n}\n"}),
    ("shlink", {"requirements.txt": "pyshlink==0.2.1\n", ".env.example": "SHLINK_API_KEY=\nSHLINK_URL=https://s.example.com\n"}),
    ("yourls", {"lib/Proxy/YourlsProxy.php": "<?php\nclass YourlsProxy extends AbstractProxy {\n    protected function _getUrl(Configuration $conf): string { return $conf->getKey('apiurl', 'yourls'); }\n}\n"}),
    ("yourls", {"src/shorten.js": "export const shorten = (base, sig, url) => fetch(`${base}/yourls-api.php?signature=${sig}&action=shorturl&format=json&url=${encodeURIComponent(url)}`);\n"}),
    # an importer reading boards from the Deck app of a user's Nextcloud
    ("nextcloud-deck", {"import/deck/deck.ts": "import fetch from 'node-fetch'\n\nexport const boards = (url: string, auth: string) =>\n"
                        "    fetch(`${url}/index.php/apps/deck/api/v1.0/boards`, {headers: {Authorization: auth}})\n"}),
    # a forum subscribing to IFTAS's domain denylists by default, and an avatar base URL from the env
    ("iftas", {"src/install.js": "async function blocklists() {\n\tconst lists = [\n\t\t'https://about.iftas.org/wp-content/uploads/2025/10/iftas-dni-latest.csv',\n\t];\n"
               "\tfor (const url of lists) { await fetch(url); }\n}\n"}),
    ("gravatar", {"server/config/custom.js": "module.exports.custom = {\n  gravatarBaseUrl: process.env.GRAVATAR_BASE_URL,\n};\n"}),
    # a file manager's NFS backend dialing the export with VMware's Go client
    ("nfs", {"go.mod": "module x\n\ngo 1.22\n\nrequire github.com/vmware/go-nfs-client v0.0.0-20190605212624-d43b92724c1b\n",
             "backend/nfs/index.go": 'package nfs\n\nimport "github.com/vmware/go-nfs-client/nfs"\n\n'
             'func mount(host, export string) (*nfs.Target, error) {\n\tm, err := nfs.DialMount(host)\n'
             '\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn m.Mount(export, nil)\n}\n'}),
    # Collabora Online (CODE) beside the app as the WOPI office server
    ("collabora-online", {"docker-compose.yml": "services:\n  office:\n    image: collabora/code:24.04.10.2.1\n"
                          "    environment:\n      - aliasgroup1=https://app.example.com:443\n"}),
    # Umami's tracker global called from the app's code, the script's URL in the app's config
    ("umami", {"app/lib/hooks.ts": "export const useTrack = () => (eventName: string, data?: object) => {\n"
               "  window.umami?.track(eventName, { ...data });\n};\n"}),
    # one branch per notification vendor over the app's enum of them, each sending the request
    ("gotify", {"crates/notification/src/lib.rs": _NOTIFY_ARMS}),
    ("discord", {"crates/notification/src/lib.rs": _NOTIFY_ARMS}),
    # the Search API's bare origin as a client's base URL, paths joined on it
    ("itunes", {"crates/providers/itunes/src/lib.rs": 'static URL: &str = "https://itunes.apple.com";\n\n'
                'pub async fn search(client: &reqwest::Client, q: &str) {\n'
                '    client.get(format!("{URL}/search")).query(&[("term", q)]).send().await.ok();\n}\n'}),
    # TanStack AI's provider adapters (papra's ai/adapters/anthropic/ on @tanstack/ai-anthropic)
    ("anthropic", {"package.json": '{"dependencies": {"@tanstack/ai": "^0.39.1", "@tanstack/ai-anthropic": "^0.16.0"}}',
                   "src/ai/anthropic.ts": "import { createAnthropicChat } from '@tanstack/ai-anthropic';\n"
                                          "export const chat = createAnthropicChat('claude-sonnet-4', process.env.ANTHROPIC_API_KEY);\n"}),
    # public data APIs of media, book, map and avatar apps: their API hosts and paths, not their pages
    ("abstractapi", {"src/geo.ts": "export const locate = (ip: string) => fetch(`https://ipgeolocation.abstractapi.com/v1/?api_key=${key}&ip_address=${ip}`);\n"}),
    ("coincap", {"src/prices.js": "const res = await fetch('https://rest.coincap.io/v3/assets?ids=bitcoin', {headers: {Authorization: `Bearer ${process.env.COINCAP_API_KEY}`}});\n"}),
    ("rawg", {"games/rawg.py": 'import requests\n\ndef search(q, key):\n    return requests.get("https://api.rawg.io/api/games", params={"search": q, "key": key}).json()\n'}),
    ("isbndb", {"app/services/isbndb.rb": 'class Isbndb\n  def book(isbn)\n    HTTP.headers(Authorization: ENV["ISBNDB_KEY"]).get("https://api2.isbndb.com/book/#{isbn}")\n  end\nend\n'}),
    ("deezer", {"server/artwork/deezer.go": 'package artwork\n\nconst searchURL = "https://api.deezer.com/search/artist?q=%s"\n\nfunc Find(c *http.Client, q string) (*http.Response, error) { return c.Get(fmt.Sprintf(searchURL, url.QueryEscape(q))) }\n'}),
    ("genius", {"requirements.txt": "lyricsgenius==3.0.1\n", "lyrics.py": "import lyricsgenius\n\ngenius = lyricsgenius.Genius(os.environ['GENIUS_ACCESS_TOKEN'])\n"}),
    ("lrclib", {"src/lyrics/lrclib.ts": "export const lyrics = (artist: string, track: string) =>\n  fetch(`https://lrclib.net/api/get?artist_name=${artist}&track_name=${track}`).then(r => r.json());\n"}),
    ("musixmatch", {"lyrics/mxm.py": 'import httpx\n\nasync def track(q):\n    return await httpx.AsyncClient().get("https://api.musixmatch.com/ws/1.1/track.search", params={"q": q})\n'}),
    ("simkl", {"src/trackers/simkl.ts": "const API = 'https://api.simkl.com';\nexport const sync = (token: string) => fetch(`${API}/sync/all-items`, {headers: {Authorization: `Bearer ${token}`}});\n"}),
    ("hardcover", {"src/books/hardcover.ts": "export const query = (q: string) => fetch('https://api.hardcover.app/v1/graphql', {method: 'POST', body: JSON.stringify({query: q})});\n"}),
    ("podcast-index", {"package.json": '{"dependencies": {"podcast-index-api": "^1.1.10"}}',
                       "server/search.js": "const api = require('podcast-index-api')(process.env.PODCASTINDEX_KEY, process.env.PODCASTINDEX_SECRET)\nmodule.exports = (q) => api.searchByTerm(q)\n"}),
    ("listen-notes", {"src/podcasts.ts": "export const search = (q: string) => fetch(`https://listen-api.listennotes.com/api/v2/search?q=${q}`, {headers: {'X-ListenAPI-Key': key}});\n"}),
    ("dicebear", {"src/components/Avatar.tsx": "export const Avatar = ({ seed }: { seed: string }) => <img src={`https://api.dicebear.com/9.x/identicon/svg?seed=${seed}`} />;\n"}),
    ("ui-avatars", {"app/Models/User.php": "<?php\nclass User {\n    public function avatarUrl(): string {\n        return 'https://ui-avatars.com/api/?name='.urlencode($this->name);\n    }\n}\n"}),
    ("pixabay", {"src/images.js": "export const search = (q) => fetch(`https://pixabay.com/api/?key=${process.env.PIXABAY_API_KEY}&q=${q}`);\n"}),
    ("openverse", {"media/openverse.py": 'import requests\n\ndef images(q):\n    return requests.get("https://api.openverse.org/v1/images/", params={"q": q}).json()\n'}),
    ("wikipedia", {"src/wiki.ts": "export const summary = (title: string) => fetch(`https://en.wikipedia.org/api/rest_v1/page/summary/${title}`);\n"}),
    ("thunderforest", {"src/map.js": "L.tileLayer(`https://tile.thunderforest.com/cycle/{z}/{x}/{y}.png?apikey=${key}`).addTo(map);\n"}),
    ("positionstack", {"geo/positionstack.py": 'import requests\n\ndef geocode(q, key):\n    return requests.get("http://api.positionstack.com/v1/forward", params={"access_key": key, "query": q})\n'}),
    ("openrouteservice", {"requirements.txt": "openrouteservice==2.3.3\n", "routes.py": "import openrouteservice\n\nclient = openrouteservice.Client(key=os.environ['ORS_API_KEY'])\n"}),
    ("graphhopper", {"src/route.ts": "export const route = (a: string, b: string) => fetch(`https://graphhopper.com/api/1/route?point=${a}&point=${b}&key=${key}`);\n"}),
    ("textbelt", {"notify/sms.py": 'import requests\n\ndef send(phone, msg, key):\n    requests.post("https://textbelt.com/text", data={"phone": phone, "message": msg, "key": key})\n'}),
    ("bulksms", {"src/sms.ts": "export const send = (to: string, body: string) => fetch('https://api.bulksms.com/v1/messages', {method: 'POST', body: JSON.stringify({to, body})});\n"}),
    ("vimeo", {"composer.json": '{"require": {"vimeo/vimeo-api": "^3.0"}}',
               "app/Services/VideoService.php": "<?php\nuse Vimeo\\Vimeo;\n\nclass VideoService {\n    public function client(): Vimeo { return new Vimeo(env('VIMEO_CLIENT'), env('VIMEO_SECRET'), env('VIMEO_ACCESS')); }\n}\n"}),
    ("jw-player", {"src/video.ts": "export const media = (id: string) => fetch(`https://cdn.jwplayer.com/v2/media/${id}`).then(r => r.json());\n"}),
    ("livepeer", {"package.json": '{"dependencies": {"livepeer": "^3.2.0"}}',
                  "src/video/livepeer.ts": "import { Livepeer } from 'livepeer';\nexport const lp = new Livepeer({ apiKey: process.env.LIVEPEER_API_KEY });\n"}),
    # a runner label chosen per repository in an expression (forks fall back to GitHub runners)
    ("ubicloud", workflow_with_steps("- run: make test", runs_on="${{ github.repository == 'acme/app' && 'ubicloud-standard-2' || 'ubuntu-latest' }}")),
    ("blacksmith", workflow_with_steps("- run: make test", runs_on="${{ github.repository_owner == 'acme' && 'blacksmith-4vcpu-ubuntu-2404' || 'ubuntu-latest' }}")),
    ("vercel-postgres", {"package.json": '{"dependencies": {"@vercel/postgres": "^0.10.0"}}',
                        "lib/db.ts": "import { sql } from '@vercel/postgres'\n\nexport const rows = await sql`SELECT * FROM users`\n"}),
    # next-s3-upload: a Next.js route handing the browser presigned S3 upload URLs
    ("aws-s3", {"package.json": '{"dependencies": {"next-s3-upload": "^0.3.4"}}',
               "src/app/api/s3-upload/route.ts": "import { POST as route } from 'next-s3-upload/route'\n\nexport const POST = route.configure({ bucket: process.env.S3_UPLOAD_BUCKET })\n"}),
    # PGMQ (Postgres extension queue): jobs sent with SQL through a query builder, no client package
    ("pgmq", {"jobs/enqueue.ts": "import { sql } from 'drizzle-orm'\nimport { db } from '@/db/client'\n\n"
                                 "export const enqueue = (payload: string) => db.execute(sql`SELECT pgmq.send('jobs', ${payload}::jsonb)`)\n"}),
    ("pgmq", {"requirements.txt": "pgmq==1.1.4\n",
              "worker.py": "from pgmq import PGMQueue\n\nqueue = PGMQueue()\nqueue.create_queue('jobs')\n"}),
    # Symfony Notifier bridges: the app declares `symfony/<vendor>-notifier` and configures its DSN
    ("twilio", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/twilio-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("vonage", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/vonage-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("slack", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/slack-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("discord", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/discord-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("telegram", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/telegram-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("microsoft-teams", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/microsoft-teams-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("google-chat", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/google-chat-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("mattermost", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/mattermost-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("rocketchat", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/rocket-chat-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("zulip", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/zulip-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("linkedin-api", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/linked-in-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("aws-sns", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/amazon-sns-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("clickatell", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/clickatell-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("esendex", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/esendex-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("mailjet", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/mailjet-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("messagebird", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/message-bird-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("sinch", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/sinch-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("smsapi", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/smsapi-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("telnyx", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/telnyx-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("brevo", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/brevo-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("ovhcloud", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/ovh-cloud-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("pushover", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/pushover-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("plivo", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/plivo-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("onesignal", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/one-signal-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("pagerduty", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/pager-duty-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("ntfy", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/ntfy-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("novu", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/novu-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("expo-push", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/expo-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("mastodon", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/mastodon-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("twitter", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/twitter-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("zendesk", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/zendesk-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("ringcentral", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/ring-central-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("bandwidth", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/bandwidth-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("clicksend", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/click-send-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("46elks", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/forty-six-elks-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("termii", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/termii-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("unifonic", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/unifonic-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("bluesky", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/bluesky-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("gatewayapi", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/gateway-api-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("seven-io", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/sms77-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("firebase-cloud-messaging", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/firebase-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("allmysms", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/all-my-sms-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("free-mobile", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/free-mobile-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("iqsms", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/iqsms-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("lightsms", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/light-sms-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("messagemedia", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/message-media-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("mobyt", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/mobyt-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("octopush", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/octopush-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("sms-biuras", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/sms-biuras-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("smsc", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/smsc-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("spot-hit", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/spot-hit-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("turbosms", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/turbo-sms-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("yunpian", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/yunpian-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    ("gitter", {"composer.json": '{"require": {"symfony/notifier": "^6.4", "symfony/gitter-notifier": "^6.4"}}',
        "config/packages/notifier.yaml": "framework:\n    notifier:\n        texter_transports:\n            main: '%env(NOTIFIER_DSN)%'\n"}),
    # Symfony Mailer bridges (`symfony/<vendor>-mailer`), MAILER_DSN selecting the vendor
    ("aws-ses", {"composer.json": '{"require": {"symfony/mailer": "^6.4", "symfony/amazon-mailer": "^6.4"}}',
        ".env": "MAILER_DSN=ses+api://KEY:SECRET@default\n"}),
    ("google-gmail", {"composer.json": '{"require": {"symfony/mailer": "^6.4", "symfony/google-mailer": "^6.4"}}',
        ".env": "MAILER_DSN=gmail+smtp://KEY:SECRET@default\n"}),
    ("mailtrap", {"composer.json": '{"require": {"symfony/mailer": "^6.4", "symfony/mailtrap-mailer": "^6.4"}}',
        ".env": "MAILER_DSN=mailtrap+api://KEY:SECRET@default\n"}),
    ("azure-communication-services", {"composer.json": '{"require": {"symfony/mailer": "^6.4", "symfony/azure-mailer": "^6.4"}}',
        ".env": "MAILER_DSN=azure+api://KEY:SECRET@default\n"}),
    # Payum gateways: a `payum/<gateway>` package configured as a gateway factory
    ("stripe", {"composer.json": '{"require": {"payum/payum-bundle": "^2.5", "payum/stripe": "^1.7"}}',
        "config/packages/payum.yaml": "payum:\n    gateways:\n        stripe_checkout:\n            factory: stripe_checkout\n"}),
    ("paypal", {"composer.json": '{"require": {"payum/payum-bundle": "^2.5", "payum/paypal-express-checkout-nvp": "^1.7"}}',
        "config/packages/payum.yaml": "payum:\n    gateways:\n        paypal_express_checkout:\n            factory: paypal_express_checkout\n"}),
    ("klarna", {"composer.json": '{"require": {"payum/payum-bundle": "^2.5", "payum/klarna-checkout": "^1.7"}}',
        "config/packages/payum.yaml": "payum:\n    gateways:\n        klarna_checkout:\n            factory: klarna_checkout\n"}),
    ("authorize-net", {"composer.json": '{"require": {"payum/payum-bundle": "^2.5", "payum/authorize-net-aim": "^1.7"}}',
        "config/packages/payum.yaml": "payum:\n    gateways:\n        authorize_net_aim:\n            factory: authorize_net_aim\n"}),
    ("be2bill", {"composer.json": '{"require": {"payum/payum-bundle": "^2.5", "payum/be2bill": "^1.7"}}',
        "config/packages/payum.yaml": "payum:\n    gateways:\n        be2bill_offsite:\n            factory: be2bill_offsite\n"}),
    ("payex", {"composer.json": '{"require": {"payum/payum-bundle": "^2.5", "payum/payex": "^1.7"}}',
        "config/packages/payum.yaml": "payum:\n    gateways:\n        payex:\n            factory: payex\n"}),
    ("aws-ses", {"composer.json": '{"require": {"async-aws/ses": "^1.3"}}',
        "src/Mailer/SesSender.php": "<?php\nuse AsyncAws\\Ses\\SesClient;\n\nfinal class SesSender {\n    public function __construct(private SesClient $ses) {}\n}\n"}),
    ("eu-vies", {"composer.json": '{"require": {"mpociot/vat-calculator": "^3.1"}}',
        "src/Tax/ValidateVat.php": "<?php\nuse Mpociot\\VatCalculator\\VatCalculator;\n\nfinal class ValidateVat {\n    public function __construct(private VatCalculator $calculator) {}\n"
                                   "    public function __invoke(string $number): bool { return $this->calculator->isValidVATNumber($number); }\n}\n"}),
    ("adorable-avatars", {"app/Http/Resources/PackageResource.php": "<?php\nclass PackageResource {\n    public function avatar(string $slug): string {\n        return 'https://api.adorable.io/avatars/285/' . $slug . '.png';\n    }\n}\n"}),
    ("laravel-nova", {"app/Stats.php": "<?php\nuse Illuminate\\Support\\Facades\\Http;\n\nclass Stats {\n    public function novaLatestVersion() {\n        return Http::get('https://nova.laravel.com/api/releases')->json('current_version');\n    }\n}\n"}),
    # s3-simple (a trimmed rust-s3) storing uploads in an S3 bucket from a Rust service
    ("aws-s3", {"Cargo.toml": '[package]\nname = "srv"\nversion = "0.1.0"\n\n[dependencies]\ns3-simple = "0.8"\n',
                "src/storage.rs": 'use s3_simple::{Bucket, Credentials, Region};\n\npub fn bucket(url: &str, name: &str) -> Bucket {\n'
                                  '    Bucket::new(url.parse().unwrap(), name.to_string(), Region("eu-west-1".into()), Credentials::new("k", "s"), None).unwrap()\n}\n'}),
    # Graph's user sendMail body built by hand (serde camelCase) and posted to a configured URL with a bearer token
    ("microsoft-graph", {"src/mail/graph.rs": '// mail sent through Microsoft Graph\n#[derive(serde::Serialize)]\n#[serde(rename_all = "camelCase")]\nstruct MicrosoftMessage {\n    message: Email,\n    save_to_sent_items: bool,\n}\n\n'
                         'pub async fn send(client: &reqwest::Client, uri: &str, token: &str, m: &MicrosoftMessage) {\n'
                         '    client.post(uri).bearer_auth(token).json(m).send().await.ok();\n}\n'}),
    # Cloudflare Tunnel's connector as a compose service beside the app
    ("cloudflare", {"docker-compose-extras.yml": "services:\n  tunnel:\n    image: cloudflare/cloudflared\n    command: tunnel --no-autoupdate run\n"
                                                  "    environment:\n      - TUNNEL_TOKEN=${CLOUDFLARE_TUNNEL_TOKEN}\n"}),
    # a self-hosted GoTrue (Supabase Auth) server configured by GOTRUE_* variables, its SAML SSO on
    ("supabase-auth", {"docker-compose.yml": "services:\n  gotrue:\n    image: acme/gotrue:latest\n    environment:\n"
                                             "      - GOTRUE_JWT_SECRET=${GOTRUE_JWT_SECRET}\n      - GOTRUE_SITE_URL=https://app.example.com\n"}),
    ("saml", {"docker-compose.yml": "services:\n  gotrue:\n    image: acme/gotrue:latest\n    environment:\n"
                                    "      - GOTRUE_SAML_ENABLED=${GOTRUE_SAML_ENABLED}\n      - GOTRUE_SAML_PRIVATE_KEY=${GOTRUE_SAML_PRIVATE_KEY}\n"}),
    # HCP Vault Secrets over its REST API (a key manager reading the app's encryption key)
    ("hashicorp-vault", {"internal/keys/hcpvault.go": 'package keys\n\nconst HCPAPIBaseURL = "https://api.cloud.hashicorp.com"\n'
                                                      'const tokenURL = "https://auth.idp.hashicorp.com/oauth/token"\n\n'
                                                      'func (k *HCPVault) open(ctx context.Context) (*http.Response, error) {\n'
                                                      '\treq, _ := http.NewRequestWithContext(ctx, "GET", HCPAPIBaseURL+"/secrets/2023-11-28/organizations/"+k.org+"/secrets/"+k.name+":open", nil)\n'
                                                      '\treturn k.client.Do(req)\n}\n'}),
    # a log sink writing objects to a customer's bucket at its regional virtual-hosted URL
    ("aws-s3", {"lib/sinks/s3.py": 'import requests\n\ndef put(bucket, region, key, body, headers):\n    url = f"https://{bucket}.s3.{region}.amazonaws.com/{key}"\n    return requests.put(url, data=body, headers=headers)\n'}),
    ("azure-blob-storage", workflow_with_steps("- run: az storage blob upload-batch --account-name acmeartifacts --destination releases --source dist")),
    # Datadog's logs intake built from the customer's site (datadoghq.com, datadoghq.eu, ...)
    ("datadog", {"lib/acme/datadog/api_client.ex": 'defmodule Acme.Datadog.APIClient do\n  def post(site, key, body) do\n    Req.post("https://http-intake.logs.#{site}/api/v2/logs", body: body, headers: [{"dd-api-key", key}])\n  end\nend\n'}),
    # Azure Monitor's Logs Ingestion API (a Sentinel log sink): a data collection endpoint and the token audience
    ("azure-monitor", {"app/sinks/sentinel.py": 'import requests\n\nDCE = "https://acme-abcd.eastus-1.ingest.monitor.azure.com"\n\ndef send(token, dcr, stream, rows):\n    return requests.post(f"{DCE}/dataCollectionRules/{dcr}/streams/{stream}?api-version=2023-01-01", json=rows, headers={"Authorization": f"Bearer {token}"})\n'}),
    ("azure-monitor", {"app/sinks/token.py": 'def token(cred):\n    return cred.get_token("https://monitor.azure.com//.default")\n'}),
    ("google-play-console", {"scripts/release/play-store.sh": '#!/usr/bin/env bash\nset -euo pipefail\nAPI="https://androidpublisher.googleapis.com/androidpublisher/v3/applications/$PACKAGE_NAME"\nEDIT_ID=$(curl --fail --request POST "$API/edits" -H "Authorization: Bearer $ACCESS_TOKEN" | jq -r .id)\n'}),
    # an Entra token for Azure Database for PostgreSQL (passwordless sign-in), not Azure SQL
    ("azure-database-postgresql", {"app/db_token.py": 'from azure.identity import DefaultAzureCredential\n\ndef password():\n    return DefaultAzureCredential().get_token("https://ossrdbms-aad.database.windows.net/.default").token\n'}),
    ("kandji", {"app/mdm/kandji.py": 'import requests\n\ndef devices(subdomain, token):\n    return requests.get(f"https://{subdomain}.api.kandji.io/api/v1/devices", headers={"Authorization": f"Bearer {token}"}).json()\n'}),
    ("microsoft-intune", {"src/posture/intune.ts": "export const devices = (token: string) => fetch('https://graph.microsoft.com/v1.0/deviceManagement/managedDevices?$select=id,deviceName', { headers: { Authorization: `Bearer ${token}` } });\n"}),
    ("ibm-qradar", {"app/siem/qradar.py": 'import os\nimport requests\n\nHOST = os.environ["QRADAR_HOST"]\n\ndef offenses():\n    return requests.get(f"https://{HOST}/api/siem/offenses", headers={"SEC": os.environ["QRADAR_SEC_TOKEN"], "Version": "19.0"}).json()\n'}),
    ("firebase-app-distribution", workflow_with_steps("- run: firebase appdistribution:distribute app-release.aab --app $FIREBASE_APP_ID --groups testers")),
    # flask-fs(2): the storage backends are extras of the package, the Swift one its own module
    ("openstack-swift", {"setup.cfg": "[options]\ninstall_requires =\n    flask-fs2[swift]==0.8.2\n",
                         "app/stores/file_store.py": "import flask_fs\n\npictures = flask_fs.Storage('pictures', overwrite=True)\n"}),
    ("openstack-swift", {"app/stores/files.py": "from flask_fs.backends.swift import SwiftBackend\n\nbackend = SwiftBackend('movies', config)\n"}),
    ("aws-s3", {"requirements.txt": "flask-fs2[s3]==0.8.2\n",
                "app/stores/file_store.py": "import flask_fs\n\nmovies = flask_fs.Storage('movies', overwrite=True)\n"}),
    # exchangerate.host's rates API, called without a key on its old free plan
    ("exchangerate-host", {"app/currency.py": "import requests\n\n\ndef get_rates():\n"
                                              "    return requests.get('https://api.exchangerate.host/latest?base=USD').json()['rates']\n"}),
    # a Leaflet map's topographic base layer
    ("opentopomap", {"src/map.ts": "import L from 'leaflet';\nexport const topo = L.tileLayer('https://{s}.tile.opentopomap.org/{z}/{x}/{y}.png', { maxZoom: 17 });\n"}),
    # the Python projects' Coveralls upload action
    ("coveralls", {".github/workflows/pytest.yml": "name: pytest\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
                                                   "      - uses: actions/checkout@v4\n      - run: pytest --cov\n"
                                                   "      - name: Upload coverage\n        uses: AndreMiras/coveralls-python-action@develop\n"}),
    # Google's favicon service on its googleusercontent host
    ("google-favicon", {"src/icons/favicon.ts": "export const icon = (url: string) => fetch(`https://s2.googleusercontent.com/s2/favicons?domain_url=${url}`);\n"}),
    # Transformers.js pipelines download their model weights from the Hugging Face Hub
    ("huggingface", {"package.json": '{"dependencies": {"@huggingface/transformers": "^3.8.1"}}',
                     "src/embeddings.ts": "export async function embed(texts: string[]) {\n  const { pipeline } = await import('@huggingface/transformers');\n"
                                          "  const extractor = await pipeline('feature-extraction', 'Xenova/all-MiniLM-L6-v2');\n  return extractor(texts, { pooling: 'mean' });\n}\n"}),
    # browser-side IP geolocation and reverse geocoding (keyless endpoints) in a weather widget
    ("ipwhois", {"src/components/Weather.tsx": "async function locate() {\n  const res = await fetch('https://ipwhois.app/json/');\n  return res.json();\n}\n"}),
    ("ipwhois", {"src/geo.ts": "export const whereAmI = () => fetch('https://ipwho.is/').then((r) => r.json());\n"}),
    ("bigdatacloud", {"src/components/Weather.tsx": "async function city(lat: number, lon: number) {\n"
                                                    "  const res = await fetch(`https://api-bdc.io/data/reverse-geocode-client?latitude=${lat}&longitude=${lon}&localityLanguage=en`);\n  return res.json();\n}\n"}),
    ("bigdatacloud", {"lib/geo.py": 'import requests\n\ndef city(lat, lon):\n    return requests.get("https://api.bigdatacloud.net/data/reverse-geocode-client", params={"latitude": lat, "longitude": lon}).json()\n'}),
    # a plugin manager installing the plugins an admin picks from the npm registry at run time
    ("npm-registry", {"package.json": '{"dependencies": {"live-plugin-manager": "^1.1.0"}}',
                      "src/plugins/installer.ts": "import { PluginManager } from 'live-plugin-manager';\n\nconst manager = new PluginManager({ pluginsPath: './plugins' });\n"
                                                  "export const install = (name: string) => manager.install(name);\n"}),
    # publishing with a pnpm-style wrapper client (gnpm) from a release workflow
    ("npm-registry", {".github/workflows/release.yml": "on:\n  release:\n    types: [published]\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n"
                                                        "      - uses: actions/checkout@v4\n      - run: gnpm install --frozen-lockfile\n      - run: gnpm publish --no-git-checks\n"
                                                        "        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n"}),
    # a WebSocket backend behind API Gateway answering its connections through the management API
    ("aws-api-gateway", {"package.json": '{"dependencies": {"@aws-sdk/client-apigatewaymanagementapi": "^3.400.0"}}',
                         "src/ws/send.ts": "import { ApiGatewayManagementApiClient, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';\n\n"
                                           "const client = new ApiGatewayManagementApiClient({ endpoint: process.env.WEBSOCKETS_API_URL });\n"
                                           "export const send = (id: string, data: string) => client.send(new PostToConnectionCommand({ ConnectionId: id, Data: data }));\n"}),
    ("aws-api-gateway", {"requirements.txt": "boto3==1.34.0\n",
                         "ws/push.py": "import boto3\n\nclient = boto3.client('apigatewaymanagementapi', endpoint_url=ENDPOINT)\n\ndef push(cid, data):\n    client.post_to_connection(ConnectionId=cid, Data=data)\n"}),
    # LocalStack shipped as the AWS stand-in of a self-hosting compose stack
    ("localstack", {"docker-compose.yml": "services:\n  server:\n    image: acme/server:latest\n    environment:\n      SQS_ENDPOINT: http://localstack:4566\n"
                                          "  localstack:\n    image: localstack/localstack:3.0\n    environment:\n      SERVICES: sns,sqs\n"}),
    # .NET Aspire: the AppHost's resources and the services' client integrations (packages and registrations)
    ("openai", {"src/Catalog.API/Extensions/Extensions.cs": "public static class Extensions\n{\n    public static void AddApplicationServices(this IHostApplicationBuilder builder)\n    {\n        builder.AddOpenAIClientFromConfiguration(\"textEmbeddingModel\").AddEmbeddingGenerator();\n    }\n}\n"}),
    ("openai", {"src/Api/Api.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="Aspire.OpenAI" Version="9.5.0" />\n  </ItemGroup>\n</Project>\n'}),
    ("azure-openai", {"src/AppHost/Program.cs": "var builder = DistributedApplication.CreateBuilder(args);\nvar ai = builder.AddAzureOpenAI(\"openai\");\nai.AddDeployment(\"chat\", \"gpt-4o-mini\", \"2024-07-18\");\nbuilder.Build().Run();\n"}),
    ("azure-openai", {"src/Api/Api.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="Aspire.Azure.AI.OpenAI" Version="9.5.0-preview.1" />\n  </ItemGroup>\n</Project>\n'}),
    ("ollama", {"src/WebApp/Extensions.cs": "public static class Extensions\n{\n    public static void AddChat(this IHostApplicationBuilder builder)\n    {\n        builder.AddOllamaApiClient(\"chat\").AddChatClient();\n    }\n}\n"}),
    ("ollama", {"src/AppHost/AppHost.csproj": '<Project Sdk="Aspire.AppHost.Sdk/9.5.0">\n  <ItemGroup>\n    <PackageReference Include="CommunityToolkit.Aspire.Hosting.Ollama" Version="9.8.0" />\n  </ItemGroup>\n</Project>\n'}),
    ("docker", {"src/AppHost/Program.cs": "var builder = DistributedApplication.CreateBuilder(args);\nvar cache = builder.AddRedis(\"cache\").WithLifetime(ContainerLifetime.Persistent);\nbuilder.AddProject<Projects.Api>(\"api\").WithReference(cache);\nbuilder.Build().Run();\n"}),
    ("docker", {"src/AppHost/Program.cs": "var builder = DistributedApplication.CreateBuilder(args);\nbuilder.AddContainer(\"mailpit\", \"axllent/mailpit\").WithHttpEndpoint(targetPort: 8025);\nbuilder.Build().Run();\n"}),
    ("redis", {"src/Basket.API/Basket.API.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="Aspire.StackExchange.Redis" Version="9.5.0" />\n  </ItemGroup>\n</Project>\n'}),
    ("postgresql", {"src/AppHost/AppHost.csproj": '<Project Sdk="Aspire.AppHost.Sdk/9.5.0">\n  <ItemGroup>\n    <PackageReference Include="Aspire.Hosting.PostgreSQL" Version="9.5.0" />\n  </ItemGroup>\n</Project>\n'}),
    ("rabbitmq", {"src/EventBus/EventBus.csproj": '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="Aspire.RabbitMQ.Client" Version="9.5.0" />\n  </ItemGroup>\n</Project>\n'}),
    # Java: the embedded HSQLDB, Last.fm's Java client, a reCAPTCHA v2 verifier
    ("hsqldb", {"pom.xml": '<project><modelVersion>4.0.0</modelVersion><groupId>a</groupId><artifactId>b</artifactId><version>1</version><dependencies><dependency><groupId>org.hsqldb</groupId><artifactId>hsqldb</artifactId><version>2.7.2</version></dependency></dependencies></project>\n'}),
    ("hsqldb", {"src/main/java/app/db/Backup.java": "package app.db;\n\nimport org.hsqldb.lib.tar.DbBackupMain;\n\nclass Backup {\n  void run(String dir) throws Exception { DbBackupMain.main(new String[] {\"--save\", dir}); }\n}\n"}),
    ("lastfm", {"pom.xml": '<project><modelVersion>4.0.0</modelVersion><groupId>a</groupId><artifactId>b</artifactId><version>1</version><dependencies><dependency><groupId>de.u-mass</groupId><artifactId>lastfm-java</artifactId><version>0.1.2</version></dependency></dependencies></project>\n'}),
    ("lastfm", {"src/main/java/app/LastFmService.java": "package app;\n\nimport de.umass.lastfm.Artist;\n\nclass LastFmService {\n  Object similar(String name, String key) { return Artist.getSimilar(name, key); }\n}\n"}),
    ("recaptcha", {"src/main/java/app/RecoverController.java": "package app;\n\nimport de.triology.recaptchav2java.ReCaptcha;\n\nclass RecoverController {\n  boolean ok(String secret, String response) { return new ReCaptcha(secret).isValid(response); }\n}\n"}),
    # a hand-written SMTP client in PHP: a socket to the configured host and the EHLO greeting written to it
    ("smtp", {"system/library/mail/smtp.php": "<?php\nclass Smtp {\n    public function send(): void {\n        $handle = fsockopen($this->hostname, $this->port, $errno, $errstr, 5);\n"
                                               "        fwrite($handle, 'EHLO ' . $servername . \"\\r\\n\");\n    }\n}\n"}),
    # a Sonos music service (SMAPI) implementing the SOAP port generated from Sonos's WSDL
    ("sonos", {"src/main/java/app/service/SonosService.java": "package app.service;\n\nimport com.sonos.services._1_1.SonosSoap;\n\npublic class SonosService implements SonosSoap {\n}\n"}),
    # a Travis CI job logging in with no registry argument (Docker Hub) before pushing `$IMAGE`
    ("docker-hub", {".travis.yml": "language: java\nservices:\n  - docker\nafter_success:\n  - docker login -u $DOCKER_USER -p $DOCKER_PASS\n  - export IMAGE=acme/api\n  - docker build -t $IMAGE:$COMMIT .\n  - docker push $IMAGE\n"}),
    # a form server calling Enketo Express's API with its key from settings
    ("enketo", {"app/settings.py": "import os\n\nENKETO_URL = os.environ.get('ENKETO_URL', 'http://enketo.local')\nENKETO_API_KEY = os.environ['ENKETO_API_KEY']\n",
                "app/forms.py": "import requests\nfrom django.conf import settings\n\ndef survey_url(form_id):\n    r = requests.post(f'{settings.ENKETO_URL}/api/v2/survey', data={'form_id': form_id}, auth=(settings.ENKETO_API_KEY, ''))\n    return r.json()['url']\n"}),
    # Vimeo's legacy Simple API for a video's thumbnail, by its id
    ("vimeo", {"app/javascript/campaigns/admin.js": "const thumb = (id) => request.get(`http://vimeo.com/api/v2/video/${id}.json`).then(r => r.body[0].thumbnail_large)\n"}),
    # GraphHopper as a routing engine's configured base URL
    ("graphhopper", {"config/settings.yml": "graphhopper_url: \"https://graphhopper.com/api/1/route\"\n",
                     "app/assets/javascripts/directions/graphhopper.js": "const route = (q) => fetch(OSM.GRAPHHOPPER_URL + '?' + q)\n"}),
    # ruby-oembed's built-in providers registered by a Rails model that embeds talks' videos and slides
    ("youtube", {"Gemfile": "gem 'ruby-oembed'\n", "app/models/commercial.rb": "require 'oembed'\n\nclass Commercial\n  def self.register_provider\n    OEmbed::Providers.register(OEmbed::Providers::Youtube)\n  end\nend\n"}),
    ("vimeo", {"Gemfile": "gem 'ruby-oembed'\n", "app/models/commercial.rb": "require 'oembed'\n\nclass Commercial\n  def self.register_provider\n    OEmbed::Providers.register(OEmbed::Providers::Vimeo)\n  end\nend\n"}),
    ("flickr", {"Gemfile": "gem 'ruby-oembed'\n", "app/models/commercial.rb": "require 'oembed'\n\nclass Commercial\n  def self.register_provider\n    OEmbed::Providers.register(OEmbed::Providers::Flickr)\n  end\nend\n"}),
    ("instagram", {"Gemfile": "gem 'ruby-oembed'\n", "app/models/commercial.rb": "require 'oembed'\n\nclass Commercial\n  def self.register_provider\n    OEmbed::Providers.register(OEmbed::Providers::Instagram)\n  end\nend\n"}),
    ("slideshare", {"Gemfile": "gem 'ruby-oembed'\n", "app/models/commercial.rb": "require 'oembed'\n\nclass Commercial\n  def self.register_provider\n    OEmbed::Providers.register(OEmbed::Providers::Slideshare)\n  end\nend\n"}),
    # Transifex Live's in-page script, loaded by a Rails layout when its API key is set
    ("transifex", {"app/views/layouts/application.html.haml": "%head\n  - if ENV.fetch('APP_TRANSIFEX_APIKEY', nil)\n    = javascript_include_tag '//cdn.transifex.com/live.js'\n"}),
    ("transifex", {"package.json": '{"dependencies": {"@transifex/native": "^7.0.0"}}', "src/i18n.js": "import { tx } from '@transifex/native';\ntx.init({ token: process.env.TRANSIFEX_TOKEN });\n"}),
    # a chat integration calling Rocket.Chat's REST methods on the server URL from its settings
    ("rocketchat", {"app/api/chat/rocket_chat.py": "import requests\n\nclass RocketChat:\n    def __init__(self, api_url):\n        self.api_url = api_url\n\n"
                    "    def create_group(self, name, headers):\n        return requests.post(self.api_url + '/api/v1/groups.create', json={'name': name}, headers=headers)\n"}),
    # a Rails worker transcoding uploads to HLS with AWS MediaConvert / Elastic Transcoder
    ("aws-mediaconvert", {"Gemfile": 'source "https://rubygems.org"\ngem "aws-sdk-mediaconvert"\n',
                          "app/workers/transcode_worker.rb": "class TranscodeWorker\n  def perform(key)\n    client = Aws::MediaConvert::Client.new(endpoint: ENV['MEDIACONVERT_ENDPOINT'])\n    client.create_job(role: ENV['MEDIACONVERT_ROLE'], settings: settings_for(key))\n  end\nend\n"}),
    ("aws-elastic-transcoder", {"Gemfile": 'source "https://rubygems.org"\ngem "aws-sdk-elastictranscoder"\n',
                                "app/workers/hls_worker.rb": "class HlsWorker\n  def perform(key)\n    Aws::ElasticTranscoder::Client.new.create_job(pipeline_id: ENV['HLS_PIPELINE_ID'], input: { key: key })\n  end\nend\n"}),
    ("aws-mediaconvert", {"requirements.txt": "boto3==1.34.0\n",
                          "media/transcode.py": "import boto3\n\nclient = boto3.client('mediaconvert', endpoint_url=ENDPOINT)\nclient.create_job(Role=ROLE, Settings=settings)\n"}),
    # rpush: the push server gem; its `Rpush::Fcm::App` names FCM
    ("firebase-cloud-messaging", {"Gemfile": 'source "https://rubygems.org"\ngem "rpush"\n',
                                  "app/services/android_push_app.rb": "class AndroidPushApp\n  def create!\n    app = Rpush::Fcm::App.new(name: 'android', firebase_project_id: ENV['FCM_PROJECT'], json_key: ENV['FCM_JSON_KEY'])\n    app.save!\n  end\nend\n"}),
    # Koala's Graph API object (not only its OAuth helper for Facebook Login)
    ("facebook", {"Gemfile": 'source "https://rubygems.org"\ngem "koala"\n',
                  "app/models/facebook_profile.rb": "class FacebookProfile\n  def fetch(token, uid)\n    Koala::Facebook::API.new(token).get_object(uid, fields: 'name,picture')\n  end\nend\n"}),
    # a Rails app behind Cloudflare's proxy trusting its edge IPs
    ("cloudflare", {"Gemfile": 'source "https://rubygems.org"\ngem "rails"\ngem "cloudflare-rails", group: :production\n'}),
    # Strava's v3 API read with the token of the app's own connect flow
    ("strava", {"integrations/strava_sync.py": "import requests\n\ndef activities(token):\n    return requests.get('https://www.strava.com/api/v3/athlete/activities', headers={'Authorization': f'Bearer {token}'}).json()\n"}),
    ("strava", {"requirements.txt": "stravalib==2.1\n", "sync/strava.py": "from stravalib import Client\n\nclient = Client(access_token=token)\nfor a in client.get_activities(limit=10):\n    print(a.name)\n"}),
    ("sunrisesunset-io", {"providers/sun.py": "import requests\n\nAPI_BASE_URL = 'https://api.sunrisesunset.io/json'\n\ndef times(lat, lng, date):\n    return requests.get(API_BASE_URL, params={'lat': lat, 'lng': lng, 'date': date}).json()\n"}),
    ("flagcdn", {"commands/download_flags.py": "import requests\n\ndef flag(code):\n    res = requests.get(f'https://flagcdn.com/h240/{code}.png')\n    res.raise_for_status()\n    return res.content\n"}),
    ("hdx", {"requirements.txt": "hdx-python-api==6.3\n", "publish.py": "from hdx.api.configuration import Configuration\nfrom hdx.data.dataset import Dataset\n\nConfiguration.create(hdx_site='prod', user_agent='app')\nDataset.read_from_hdx('acled-data')\n"}),
    ("hdx", {"src/Hxl/Publish.php": "<?php\n$base = getenv('HDX_URL') ?: 'https://data.humdata.org';\n$client->post($base . '/api/3/action/package_create', ['json' => $dataset]);\n"}),
    ("frontlinesms", {"src/Sms/FrontlineSms.php": "<?php\nclass FrontlineSms\n{\n    protected $server = 'https://cloud.frontlinesms.com/';\n    public function send($to, $msg)\n    {\n        return $this->client->request('POST', $this->server . 'api/1/webhook', ['json' => ['apiKey' => $this->key, 'payload' => ['message' => $msg]]]);\n    }\n}\n"}),
    ("httpsms", {"sms/httpsms.py": "import requests\n\ndef send(to, body):\n    return requests.post('https://api.httpsms.com/v1/messages/send', headers={'x-api-key': KEY}, json={'to': to, 'content': body})\n"}),
    ("infobip", {"composer.json": '{"require": {"infobip-community/infobip-api-php-sdk": "1.*"}}',
                 "src/Sms/InfobipSender.php": "<?php\nuse Infobip\\Api\\SmsApi;\n\n$api = new SmsApi(config: $configuration);\n$api->sendSmsMessage($request);\n"}),
    ("rackspace-cloud-files", {"config/storage.php": "<?php\nreturn ['cdn' => ['driver' => 'rackspace', 'username' => env('RS_USERNAME'), 'key' => env('RS_APIKEY'),\n    'authUrl' => 'https://lon.identity.api.rackspacecloud.com/v2.0/', 'container' => env('RS_CONTAINER')]];\n"}),
    ("umami", {"package.json": '{"dependencies": {"@lukulent/svelte-umami": "^0.0.3"}}',
               "src/routes/+layout.svelte": "<script>\n  import { UmamiAnalyticsEnv } from '@lukulent/svelte-umami';\n</script>\n\n<UmamiAnalyticsEnv />\n<slot />\n"}),
    # Supabase Auth's SAML SSO by the workspace's email domain
    ("saml", {"package.json": '{"dependencies": {"@supabase/supabase-js": "^2.45.0"}}',
              "app/modules/auth/service.server.ts": "export async function signInWithSso(domain: string) {\n  const { data, error } = await getSupabaseAdmin().auth.signInWithSSO({ domain, options: { redirectTo } });\n  if (error) throw error;\n  return data.url;\n}\n"}),
    # captcha solvers called by a scraper logging in to a site behind reCAPTCHA
    ("anti-captcha", {"requirements.txt": "python-anticaptcha==1.0.0\n",
                      "scraper/captcha.py": "from python_anticaptcha import AnticaptchaClient, NoCaptchaTaskProxylessTask\n\n\ndef solve(key, url, site_key):\n    client = AnticaptchaClient(key)\n    job = client.createTask(NoCaptchaTaskProxylessTask(url, site_key))\n    job.join()\n    return job.get_solution_response()\n"}),
    ("deathbycaptcha", {"scraper/dbc.py": "import requests\n\nHTTP_BASE_URL = 'http://api.dbcapi.me/api'\n\n\ndef upload(user, password, image):\n    return requests.post(HTTP_BASE_URL + '/captcha', data={'username': user, 'password': password}, files={'captchafile': image})\n"}),
    # GA4 Measurement Protocol events sent from a Python back end with ga4mp
    ("google-analytics", {"app/analytics.py": "from ga4mp import GtagMP\n\ntracker = GtagMP(api_secret=SECRET, measurement_id='G-XXXXXXX', client_id='1')\n\n\ndef track(name):\n    event = tracker.create_new_event(name=name)\n    tracker.send(events=[event])\n"}),
    # deep_translator's Google translator (the package wraps other vendors too: the class names Google)
    ("google-translate", {"app/translate.py": "from deep_translator import GoogleTranslator\n\n\ndef translate(text, lang):\n    return GoogleTranslator(source='auto', target=lang).translate(text)\n"}),
    # a Rails initializer storing CarrierWave uploads on S3 through fog
    ("aws-s3", {"config/initializers/carrierwave.rb": "CarrierWave.configure do |config|\n  config.storage = :fog\n  config.fog_credentials = {\n    provider: \"AWS\",\n    aws_access_key_id: ENV.fetch(\"AWS_KEY\"),\n    aws_secret_access_key: ENV.fetch(\"AWS_SECRET\")\n  }\n  config.fog_directory = ENV.fetch(\"AWS_BUCKET\")\nend\n"}),
    # the recaptcha gem's keys in a Rails initializer
    ("recaptcha", {"config/initializers/recaptcha.rb": "Recaptcha.configure do |config|\n  config.site_key = ENV['SITE_KEY']\n  config.secret_key = ENV['SECRET_KEY']\nend\n"}),
    # PayPal's and Cashfree's browser checkout SDKs loaded on a payment module's Razor view
    ("paypal", {"Views/Shared/Components/PaypalLanding/Default.cshtml": '<div id="paypal-button"></div>\n<script src="https://www.paypalobjects.com/api/checkout.js"></script>\n'}),
    ("cashfree", {"Views/Shared/Components/CashfreeLanding/Default.cshtml": '<script src="https://www.cashfree.com/assets/cashfree.sdk.v1.2.js" type="text/javascript"></script>\n'}),
    # Cashfree's legacy hosted checkout: a PHP form posted to its sandbox's /checkout/post/submit
    ("cashfree", {"app/Payments/Cashfree.php": "<?php\nclass Cashfree\n{\n    public function action(bool $test): string\n    {\n        return $test ? 'https://test.cashfree.com/billpay/checkout/post/submit' : 'https://www.cashfree.com/checkout/post/submit';\n    }\n}\n"}),
    # AWS Systems Manager Parameter Store: ASP.NET data-protection keys, a Node config loader, boto3
    ("aws-ssm-parameter-store", {"src/App.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="Amazon.AspNetCore.DataProtection.SSM" Version="3.2.1" /></ItemGroup></Project>',
                                 "src/Program.cs": 'builder.Services.AddDataProtection().PersistKeysToAWSSystemsManager("/app/production/dataprotection/");\n'}),
    ("aws-ssm-parameter-store", {"package.json": '{"dependencies": {"@aws-sdk/client-ssm": "^3.600.0"}}',
                                 "src/config.ts": "import { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';\nconst ssm = new SSMClient({});\nexport const secret = (Name: string) => ssm.send(new GetParameterCommand({ Name, WithDecryption: true }));\n"}),
    ("aws-ssm-parameter-store", {"requirements.txt": "boto3==1.34.0\n",
                                 "app/config.py": "import boto3\n\nssm = boto3.client('ssm')\nvalue = ssm.get_parameter(Name='/app/db_password', WithDecryption=True)['Parameter']['Value']\n"}),
    # the Rust Playground's API: the crates it offers, fetched by a crate page
    ("rust-playground", {"src/lib/utils/playground.ts": "const PLAYGROUND_CRATES_URL = 'https://play.rust-lang.org/meta/crates';\nexport async function loadPlaygroundCrates() {\n  const response = await fetch(PLAYGROUND_CRATES_URL);\n  return (await response.json()).crates;\n}\n"}),
    ("rust-playground", {"bot/src/eval.rs": "let res = client.post(\"https://play.rust-lang.org/execute\").json(&req).send().await?;\n"}),
    # Chinese SDKs: WxJava (weixin-java-*), QCloud SMS, Aliyun SMS, Gitee Go pipelines
    ("wechat-pay", {"pom.xml": "<project><dependencies><dependency><groupId>com.github.binarywang</groupId><artifactId>weixin-java-pay</artifactId><version>4.1.0</version></dependency></dependencies></project>\n",
                    "src/main/java/shop/PayService.java": "package shop;\nimport com.github.binarywang.wxpay.service.WxPayService;\nclass PayService { WxPayService wx; }\n"}),
    ("wechat-pay", {"pages/order/pay.js": "Page({\n  pay(p) {\n    wx.requestPayment({ timeStamp: p.timeStamp, nonceStr: p.nonceStr, package: p.packageValue, signType: 'MD5', paySign: p.paySign })\n  }\n})\n"}),
    ("wechat-mini-program", {"pom.xml": "<project><dependencies><dependency><groupId>com.github.binarywang</groupId><artifactId>weixin-java-miniapp</artifactId><version>4.1.0</version></dependency></dependencies></project>\n",
                             "src/main/java/shop/QCode.java": "package shop;\nimport cn.binarywang.wx.miniapp.api.WxMaService;\nclass QCode { WxMaService wx; byte[] code(String s) throws Exception { return wx.getQrcodeService().createWxaCodeUnlimitBytes(s, \"pages/index/index\", 430, true, null, false); } }\n"}),
    ("wechat-official-account", {"requirements.txt": "wechatpy==1.8.18\n", "app/wx.py": "from wechatpy import WeChatClient\nclient = WeChatClient(APP_ID, SECRET)\n"}),
    ("wechat-oauth", {"server/auth.js": "const url = `https://api.weixin.qq.com/sns/jscode2session?appid=${appId}&secret=${secret}&js_code=${code}&grant_type=authorization_code`\n"}),
    ("wechat-oauth", {"src/main/java/shop/Auth.java": "package shop;\nclass Auth {\n  // login_by_weixin\n  Object loginByWeixin(String code) throws Exception { return wxService.getUserService().getSessionInfo(code); }\n}\n"}),
    ("tencent-cloud-sms", {"pom.xml": "<project><dependencies><dependency><groupId>com.github.qcloudsms</groupId><artifactId>qcloudsms</artifactId><version>1.0.6</version></dependency></dependencies></project>\n",
                           "src/main/java/shop/Sms.java": "package shop;\nimport com.github.qcloudsms.SmsSingleSender;\nclass Sms { SmsSingleSender s = new SmsSingleSender(appid, appkey); }\n"}),
    ("alibaba-cloud-sms", {"src/main/java/shop/AliyunSms.java": "package shop;\nimport com.aliyuncs.CommonRequest;\nimport com.aliyuncs.dysmsapi.model.v20170525.SendSmsRequest;\nclass AliyunSms { SendSmsRequest r = new SendSmsRequest(); }\n"}),
    ("gitee-go", {".workflow/MasterPipeline.yml": "version: '1.0'\nname: master-pipeline\ndisplayName: MasterPipeline\nstages:\n  - name: compile\n    steps:\n      - step: build@maven\n        name: build_maven\n        jdkVersion: '8'\n"}),
    ("backblaze-b2", {"go.mod": "module example.com/backup\n\ngo 1.21\n\nrequire gopkg.in/kothar/go-backblaze.v0 v0.0.0-20210124194846-35409b867216\n",
                      "blob/b2/b2.go": "package b2\n\nimport backblaze \"gopkg.in/kothar/go-backblaze.v0\"\n\nfunc open(id, key string) (*backblaze.B2, error) {\n\treturn backblaze.NewB2(backblaze.Credentials{KeyID: id, ApplicationKey: key})\n}\n"}),
    ("thingsboard", {"integration/thingsboard.rs": "pub async fn send(server: &str, token: &str, body: String) -> Result<()> {\n    let url = format!(\"{}/api/v1/{}/telemetry\", server, token);\n    reqwest::Client::new().post(url).body(body).send().await?;\n    Ok(())\n}\n"}),
    ("blynk", {"requirements.txt": "blynklib==0.2.6\n", "device.py": "import blynklib\nblynk = blynklib.Blynk(BLYNK_AUTH)\n"}),
    # Featurebase's feedback widget booted from a Phoenix layout with a signed user JWT
    ("featurebase", {"lib/app_web/components/layouts.ex": 'defmodule AppWeb.Layouts do\n  def featurebase_sdk(assigns) do\n    ~H"""\n    <script src="https://do.featurebase.app/js/sdk.js" id="featurebase-sdk"></script>\n'
                                                            '    <script>\n      Featurebase("boot", {appId: "<%= @app_id %>", featurebaseJwt: "<%= @jwt %>"});\n    </script>\n    """\n  end\nend\n',
                     "config/runtime.exs": 'config :app, featurebase_app_id: System.get_env("FEATUREBASE_APP_ID")\n'}),
    # an NVR's detector plug-in posting frames to a DeepStack / CodeProject.AI server
    ("deepstack", {"app/detectors/plugins/deepstack.py": 'import requests\n\nclass DeepStack:\n    def __init__(self, api_url="http://localhost:80/v1/vision/detection"):\n        self.api_url = api_url\n\n'
                                                           '    def detect(self, jpeg):\n        return requests.post(self.api_url, files={"image": jpeg}).json()\n'}),
    ("degirum", {"requirements.txt": "degirum == 0.16.*\n",
                 "app/detectors/plugins/degirum.py": 'import degirum as dg\n\nzoo = dg.connect("@cloud", "https://hub.degirum.com", token)\nmodel = zoo.load_model("yolov8n")\n'}),
    ("llama-cpp", {"docker-compose.yml": "services:\n  llm:\n    image: ghcr.io/ggml-org/llama.cpp:server\n    command: -m /models/model.gguf --port 8080\n",
                   ".env.example": "LLAMA_CPP_URL=http://llm:8080\n"}),
    ("aws-s3", {".github/workflows/release.yml": "on: push\njobs:\n  upload:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          aws s3 sync dist s3://builds.example-app.io/app\n"}),
    ("google-oauth", {"package.json": '{"dependencies": {"@clerk/nextjs": "^5.0.0"}}',
                      "src/app/(auth)/oauth-signin.tsx": 'import { useSignIn } from "@clerk/nextjs"\nconst providers = [{ name: "Google", strategy: "oauth_google" }]\nexport function OAuth() {\n  const { signIn } = useSignIn()\n  return providers.map((p) => signIn.authenticateWithRedirect({ strategy: p.strategy, redirectUrl: "/sso-callback" }))\n}\n'}),
    ("imap", {"src/DataSource/Email/Email.php": '<?php\nclass Email {\n    public function fetch($inbox, $username, $password) {\n        $connection = @imap_open($inbox, $username, $password, 0, 1);\n        return imap_search($connection, "UNSEEN");\n    }\n}\n'}),
]

# Arcjet's bot and rate-limit decisions in a Next.js middleware; BaseHub's CMS client with its token
MORE_CASES += [
    ("arcjet", {"package.json": '{"dependencies": {"@arcjet/next": "1.0.0-beta.7"}}',
                "middleware.ts": 'import arcjet, { detectBot } from "@arcjet/next";\n\nconst aj = arcjet({ key: process.env.ARCJET_KEY!, rules: [detectBot({ mode: "LIVE" })] });\n'
                                 "export default async function middleware(req) {\n  const decision = await aj.protect(req);\n  return decision;\n}\n"}),
    ("basehub", {"package.json": '{"dependencies": {"basehub": "^8.2.7"}}',
                 "lib/cms.ts": 'import { basehub } from "basehub";\n\nexport const posts = () => basehub({ token: process.env.BASEHUB_TOKEN }).query({ blog: { posts: { items: { _title: true } } } });\n'}),
]
# intuit's `auto shipit` releases the package to npm (its default npm plugin)
MORE_CASES += [("npm-registry", workflow_with_steps("- run: npx auto shipit", "  env:", "    NPM_TOKEN: ${{ secrets.NPM_TOKEN }}"))]

# an-mixed (headscale, lasuite-meet): versioned MkDocs docs pushed to gh-pages by `mike deploy
# --push`, Helm charts published as a Pages repository by a helm-gh-pages action, and a Go
# update check through go-latest's GithubTag.
MORE_CASES += [
    ("github-pages", workflow_with_steps("- run: mike deploy --push --update-aliases ${GITHUB_REF_NAME#v} stable latest")),
    ("github-pages", workflow_with_steps("- uses: numerique-gouv/helm-gh-pages@add-overwrite-option",
                                         "  with:", "    charts_dir: ./src/helm", "    token: ${{ secrets.GITHUB_TOKEN }}")),
    ("github", {"go.mod": "module example.com/app\n\ngo 1.22\n\nrequire github.com/tcnksm/go-latest v0.0.0-20170313132115-e3007ae9052e\n",
                "cmd/app/root.go": 'package main\n\nimport "github.com/tcnksm/go-latest"\n\nfunc check(v string) {\n\tres, _ := latest.Check(&latest.GithubTag{Owner: "acme", Repository: "app"}, v)\n\t_ = res\n}\n'}),
]


# an-mixed (bike-index): a Pixel's base code in a Rails component template (no package, no
# env), Google's keyless website-translate endpoint (`client=gtx`), new vendors
# (Translation.io's gem and initializer, exchangeratesapi.io, a Cloud 66 redeploy hook,
# Protomaps' daily basemap builds streamed by a workflow).
MORE_CASES += [
    ("meta-pixel", {"app/components/footer/component.html.erb":
                    "<script>\n!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){};t=b.createElement(e);t.src=v}(window,\n"
                    "document,'script','https://connect.facebook.net/en_US/fbevents.js');\n"
                    "fbq('init', <%= raw FACEBOOK_PIXEL_ID.to_json %>);\nfbq('track', \"PageView\");\n</script>\n"}),
    ("google-translate", {"app/javascript/google_translate.js":
                          'export function translate(text, lang) {\n  return fetch(`https://translate.googleapis.com/translate_a/single?client=gtx&sl=auto&tl=${lang}&dt=t&q=${encodeURI(text)}`)\n}\n'}),
    ("translation-io", {"Gemfile": 'source "https://rubygems.org"\ngem "rails"\ngem "translation"\n',
                        "config/initializers/translation.rb": 'TranslationIO.configure do |config|\n  config.api_key = ENV["TRANSLATION_IO_API_KEY"]\nend\n'}),
    ("exchangeratesapi", {"app/services/integrations/exchange_rate_api_client.rb":
                          'class ExchangeRateAPIClient\n  BASE_URL = ENV.fetch("EXCHANGE_RATE_API_BASE_URL", "https://api.exchangeratesapi.io")\n'
                          '  def latest\n    Faraday.new(url: BASE_URL).get("latest", access_key: ENV["EXCHANGE_RATE_API_KEY"])\n  end\nend\n'}),
    ("cloud66", workflow_with_steps("- name: Deploy to Cloud66 production", "  run: |",
                                    '    curl -X POST -d "" https://hooks.cloud66.com/stacks/redeploy/${{ secrets.CLOUD66_REDEPLOYMENT_KEY }}')),
    ("protomaps", workflow_with_steps("- name: Resolve build URL", "  run: |",
                                      "    key=$(curl -fsSL https://build-metadata.protomaps.dev/builds.json | jq -r '.[-1].key')",
                                      '    rclone copyurl "https://build.protomaps.com/$key" r2:maps/tiles.pmtiles')),
]


# Deploy-tool integrations (a Rails deploy tool's plug-ins, a code-review app's billing page):
# CircleCI's root circle.yml, the Atlassian Bitbucket omniauth gem, Slack's OAuth token endpoint
# by URL, STS through Ruby's aws-sdk-core, the gcloud CLI shelled out to (Cloud Build, images on
# GCR / Artifact Registry, GKE cluster credentials), Flowdock, Assertible, Solano CI's (Tddium)
# build webhook, Churn Buster's card-update page.
MORE_CASES += [
    ("circleci", {"circle.yml": "version: 2\njobs:\n  build:\n    docker:\n      - image: circleci/ruby:2.7.1-node-browsers\n    steps:\n      - checkout\n      - run: bundle exec rake\n"}),
    ("bitbucket-oauth", {"Gemfile": "source 'https://rubygems.org'\ngem 'omniauth-atlassian-bitbucket'\n",
                         "config/initializers/omniauth.rb": "Rails.application.config.middleware.use OmniAuth::Builder do\n  require 'omniauth-atlassian-bitbucket'\n  provider :bitbucket, ENV.fetch('BITBUCKET_KEY'), ENV.fetch('BITBUCKET_SECRET')\nend\n"}),
    ("slack-oauth", {"app/controllers/slack_app_controller.rb": "class SlackAppController < ApplicationController\n  def oauth\n    response = Faraday.post 'https://slack.com/api/oauth.access',\n      client_id: ENV['SLACK_CLIENT_ID'], client_secret: ENV['SLACK_CLIENT_SECRET'], code: params[:code]\n    JSON.parse(response.body).fetch('access_token')\n  end\nend\n"}),
    ("aws-sts", {"Gemfile": "source 'https://rubygems.org'\ngem 'aws-sdk-core'\n",
                 "lib/sts.rb": "require 'aws-sdk-core'\n\nmodule Sts\n  def self.client\n    Aws::STS::Client.new(region: ENV['STS_AWS_REGION'])\n  end\n\n  def self.creds(arn)\n    client.assume_role(role_arn: arn, role_session_name: 'deploy')\n  end\nend\n"}),
    ("google-cloud-build", {"app/controllers/gcloud_controller.rb": "class GcloudController < ApplicationController\n  def sync\n    command = [\n      \"gcloud\", \"container\", \"builds\", \"describe\", build.gcr_id, \"--format\", \"json\"\n    ]\n    output, status = Open3.capture2e(*command)\n  end\nend\n"}),
    ("google-cloud-build", {"deploy/build.py": "import subprocess\n\ndef build(tag):\n    subprocess.run(f\"gcloud builds submit --tag {tag} .\", shell=True, check=True)\n"}),
    ("google-artifact-registry", {"lib/image_tagger.rb": "module ImageTagger\n  def self.tag(digest, base, tag)\n    command = [\n      \"gcloud\", \"container\", \"images\", \"add-tag\", digest, \"#{base}:#{tag}\", \"--quiet\"\n    ]\n    Samson::CommandExecutor.execute(*command, timeout: 10)\n  end\nend\n"}),
    ("google-kubernetes-engine", {"app/controllers/gke_clusters_controller.rb": "class GkeClustersController < ApplicationController\n  def create\n    command = [\n      \"gcloud\", \"container\", \"clusters\", \"get-credentials\", \"--zone\", zone, cluster\n    ]\n    Samson::CommandExecutor.execute(*command, env: {'KUBECONFIG' => path})\n  end\nend\n"}),
    ("google-kubernetes-engine", {"main.tf": 'resource "google_container_cluster" "primary" {\n  name     = "app"\n  location = "us-central1"\n}\n'}),
    ("flowdock", {"Gemfile": "source 'https://rubygems.org'\ngem 'flowdock'\n",
                  "lib/flowdock_service.rb": "require 'flowdock'\n\nclass FlowdockService\n  def notify(msg)\n    Flowdock::Client.new(api_token: ENV['FLOWDOCK_API_TOKEN']).post_to_thread(msg)\n  end\nend\n"}),
    ("assertible", {"lib/assertible.rb": "module Assertible\n  def self.deployed(deploy)\n    Faraday.new(url: 'https://assertible.com').post('/deployments') do |req|\n      req.body = { service: ENV['ASSERTIBLE_SERVICE_KEY'], environmentName: deploy.stage.name }.to_json\n    end\n  end\nend\n"}),
    # (a build webhook's controller among the other CI vendors' in one `integrations/` family)
    ("tddium", {f"app/controllers/integrations/{ci}_controller.rb":
                f"class Integrations::{ci.title()}Controller < Integrations::BaseController\n  protected\n\n"
                f"  def deploy?\n    params[:status] == 'passed'\n  end\n\n  def commit\n    params[:commit_id]\n  end\nend\n"
                for ci in ("tddium", "travis", "circleci", "semaphore", "buildkite")}),
    ("churn-buster", {"app/views/application/update_billing.html.erb": "<html>\n  <head>\n    <script src=\"https://proxy-assets.churnbuster.io/v3/scripts.js\"></script>\n    <script>ChurnBuster.load('<%= ENV.fetch(\"CHURN_BUSTER_ACCOUNT_ID\") %>');</script>\n  </head>\n</html>\n"}),
]

# Laravel Reverb installed and selected for broadcasting; OpenAI through orhanerday/open-ai
MORE_CASES += [
    ("laravel-reverb", {"composer.json": '{"require": {"laravel/framework": "^11.0", "laravel/reverb": "^1.0"}}',
                        ".env.example": "BROADCAST_CONNECTION=reverb\nREVERB_APP_ID=\nREVERB_APP_KEY=\n"}),
    ("openai", {"composer.json": '{"require": {"orhanerday/open-ai": "^4.7"}}',
                "app/Services/Story.php": "<?php\nuse Orhanerday\\OpenAi\\OpenAi;\n\nclass Story {\n    public function write($token) {\n        return (new OpenAi($token))->chat(['model' => 'gpt-4o']);\n    }\n}\n"}),
]
# RevenueCat's REST API from Rails through the Tarpon gem
MORE_CASES += [("revenuecat", {"Gemfile": 'source "https://rubygems.org"\ngem "tarpon"\n',
                               "app/models/revenue_cat/sync.rb": "class RevenueCat::Sync\n  def run(id)\n    Tarpon::Client.subscriber(id).get_or_create\n  end\nend\n"})]
# Concourse: `fly set-pipeline` in a release script
MORE_CASES += [("concourse", {"scripts/deploy.sh": "#!/bin/sh\nfly -t main set-pipeline -p app -c ci/pipeline.yml\n"})]

# Stripe Connect's OAuth (a platform's users connect their own Stripe account) through the
# Stripe SDKs' OAuth helpers and its token URL; Sign in with PeeringDB from a Socialite provider
# file; an LTI 1.3 tool library; django-allauth's `fxa` provider is Mozilla accounts; the Meta
# Pixel's base code in a component named by its old name.
MORE_CASES += [
    ("stripe-connect-oauth", {"src/service/payment.service.ts":
        "import Stripe from 'stripe'\nexport class PaymentService {\n  url(state: string) {\n"
        "    return this.stripe.oauth.authorizeUrl({ client_id: STRIPE_CONNECT_CLIENT_ID, state })\n  }\n}\n"}),
    ("stripe-connect-oauth", {"app/Http/Controllers/StripeConnectController.php":
        "<?php\nclass StripeConnectController {\n  public function completed($code) {\n"
        "    return \\Stripe\\OAuth::token(['grant_type' => 'authorization_code', 'code' => $code]);\n  }\n}\n"}),
    ("stripe-connect-oauth", {"app/api/helpers/payment.py":
        "import requests\n\ndef organizer_credentials(code):\n"
        "    return requests.post('https://connect.stripe.com/oauth/token', data={'code': code}).json()\n"}),
    ("peeringdb-oauth", {"data/SocialiteProviders/src/PeeringDB/Provider.php":
        "<?php\nnamespace SocialiteProviders\\PeeringDB;\nclass Provider extends AbstractProvider {\n"
        "  protected function getAuthUrl($state) {\n"
        "    return $this->buildAuthUrlFromBase('https://auth.peeringdb.com/oauth2/authorize', $state);\n  }\n}\n"}),
    ("lti", {"requirements.txt": "Django==5.1\nPyLTI1p3==2.0.0\n",
             "lti/views.py": "from pylti1p3.contrib.django import DjangoMessageLaunch\n\ndef launch(request):\n"
                             "    return DjangoMessageLaunch(request, tool_conf).get_launch_data()\n"}),
    ("mozilla-accounts", {"app/settings.py": "INSTALLED_APPS = [\n    'allauth.socialaccount',\n"
                          "    'allauth.socialaccount.providers.fxa',\n]\n"}),
    ("meta-pixel", {"src/components/CustomCode.tsx":
        "const FacebookPixel = ({ trackCode }) => (\n  <ScriptElement html={`\n    <script>\n"
        "      !function (f, b, e, v) { f.fbq = n }(window, document, 'script', 'https://connect.facebook.net/en_US/fbevents.js');\n"
        "      fbq('init', '${trackCode}');\n    </script>\n  `} />\n)\n"}),
]

# Cloudflare's Workers products reached over their REST routes on api.cloudflare.com (shared by
# every Cloudflare API) or by their own marks: AI Gateway's host and auth header, Workers AI's
# `@cf/` model ids, Vectorize's and Email Sending's routes, an Images binding's type, the
# Containers SDK.
MORE_CASES += [
    ("cloudflare-ai-gateway", {"src/ai.ts": "export const url = (acct: string, gw: string) =>\n  `https://gateway.ai.cloudflare.com/v1/${acct}/${gw}/openai/chat/completions`\n"}),
    ("cloudflare-ai-gateway", {"src/ai.ts": "export async function run(body: string, token: string) {\n  return fetch(process.env.GATEWAY_URL!, { method: 'POST', body, headers: { 'cf-aig-authorization': `Bearer ${token}` } })\n}\n"}),
    ("cloudflare-workers-ai", {"src/embed.ts": "export async function embed(env: Env, text: string) {\n  return env.AI.run('@cf/baai/bge-base-en-v1.5', { text: [text] })\n}\n"}),
    ("cloudflare-vectorize", {"src/vectorize.ts": "const base = 'https://api.cloudflare.com/client/v4'\nexport async function del(acct: string, index: string, ids: string[]) {\n  return fetch(`${base}/accounts/${acct}/vectorize/v2/indexes/${index}/delete_by_ids`, { method: 'POST', body: JSON.stringify({ ids }) })\n}\n"}),
    ("cloudflare-email-sending", {"app/send-email.server.ts": "export async function sendEmail(acct: string, token: string, body: string) {\n  return fetch(`https://api.cloudflare.com/client/v4/accounts/${acct}/email/sending/send`, {\n    method: 'POST', headers: { authorization: `Bearer ${token}` }, body,\n  })\n}\n"}),
    ("cloudflare-images", {"wrangler.jsonc": '{\n  "name": "site",\n  "main": "src/index.ts",\n  "images": { "binding": "IMAGES" },\n}\n',
                           "src/media.ts": "export async function resize(env: { IMAGES: ImagesBinding }, body: ReadableStream) {\n  return env.IMAGES.input(body).transform({ width: 400 }).output({ format: 'image/webp' })\n}\n"}),
    ("cloudflare-containers", {"package.json": '{"dependencies": {"@cloudflare/sandbox": "^0.7.16"}}'}),
]

# RubyGems.org's API by its versioned base URL joined with a path later, and its gem index
# read with RubyGems' own client; the Ruby Advisory Database refreshed at run time by bundler-audit.
MORE_CASES += [
    ("rubygems", {"app/jobs/gem_update_job.rb": "class GemUpdateJob < ApplicationJob\n  def fetch(path)\n    url = File.join \"https://rubygems.org/api/v1\", path\n    HttpService.client.get url\n  end\nend\n"}),
    ("rubygems", {"app/jobs/gems_sync_job.rb": "class GemsSyncJob < ApplicationJob\n  def names\n    ::Gem::Source.new(\"https://rubygems.org\").load_specs(:latest).map(&:name)\n  end\nend\n"}),
    ("ruby-advisory-db", {"app/jobs/advisories_sync_job.rb": "class AdvisoriesSyncJob < ApplicationJob\n  def perform\n    Bundler::Audit::Database.update!\n    Bundler::Audit::Database.new.advisories.each { import it }\n  end\nend\n"}),
]

# packagecloud: .deb/.rpm packages pushed with its package_cloud CLI from a Makefile release target
MORE_CASES += [
    ("packagecloud", {"Makefile": "packagecloud-deb:\n\t# PACKAGECLOUD_TOKEN env must be set\n\tpackage_cloud push acme/app/debian/bookworm PACKAGES/*.deb\n"}),
]

# Page tags an app injects per customer from a React component, the id a prop: Meta Pixel's
# base code (fbevents.js) in a `FacebookPixel` component that never says "meta" or "pixel" as a
# word of its own, and gtag.js for a GA "tracking code"
MORE_CASES += [
    ("meta-pixel", {"src/Render/CustomCode.tsx": (
        "const FacebookPixel: FC<{ trackCode: string }> = ({ trackCode }) => (\n"
        "  <ScriptElement html={`<script>\n"
        "    !function (f, b, e, v, n, t, s) { if (f.fbq) return; n = f.fbq = function () {};\n"
        "    }(window, document, 'script', 'https://connect.facebook.net/en_US/fbevents.js');\n"
        "    fbq('init', '${trackCode}');\n"
        "  </script>`} />\n)\n")}),
    ("google-analytics", {"src/Render/CustomCode.tsx": (
        "const GoogleAnalytics: FC<{ trackCode: string }> = ({ trackCode }) => (\n"
        "  <ScriptElement html={`<script src=\"https://www.googletagmanager.com/gtag/js?id=${trackCode}\" />`} />\n)\n")}),
]
# The GA4 Measurement Protocol from PHP (br33f/php-ga4-mp), and a Go server's `--ga-key` flag
# read from GA_KEY (urfave/cli's `EnvVars`)
MORE_CASES += [
    ("google-analytics", {"composer.json": '{"require": {"br33f/php-ga4-mp": "^0.1.5"}}',
                          "src/Connector/Ga4.php": "<?php\nuse Br33f\\Ga4\\MeasurementProtocol\\Service;\n\n$s = new Service($secret, $id);\n"}),
    ("google-analytics", {"cmd/cmd.go": 'package cmd\n\nvar flags = []cli.Flag{\n\t&cli.StringFlag{\n\t\tName:    "ga-key",\n\t\tEnvVars: []string{"GA_KEY"},\n\t},\n}\n'}),
]
# UserVoice's feedback widget key read by a Go server's flag, and its widget snippet
MORE_CASES += [
    ("uservoice", {"cmd/cmd.go": 'package cmd\n\nvar flags = []cli.Flag{\n\t&cli.StringFlag{\n\t\tName:    "uservoice-key",\n\t\tEnvVars: []string{"USERVOICE_KEY"},\n\t},\n}\n'}),
    ("uservoice", {"templates/layout.html": "<script>\nUserVoice=window.UserVoice||[];(function(){var uv=document.createElement('script');uv.src='https://widget.uservoice.com/abc.js'})();\nUserVoice.push(['set', {accent_color: '#448dd6'}]);\n</script>\n"}),
]
# Visitor Analytics' snippet: its loader URL an argument of the IIFE (no `src=`)
MORE_CASES += [
    ("visitor-analytics", {"app/views/application/_visitor_analytics.html.erb": (
        "<% if ENV[\"VISITOR_ANALYTICS\"].present? %>\n<script>\n"
        "(function(v,i,s,a,t){v[t]=v[t]||function(){};if(!v._visaSettings){v._visaSettings={}}})"
        "(window,document,'//app-worker.visitor-analytics.io/main.js','<%= ENV[\"VISITOR_ANALYTICS\"] %>','va')\n"
        "</script>\n<% end %>\n")}),
]
# Network operators' data services: RIPE Atlas and the RIPE Database REST API, bgp.tools'
# ASN list and whois, the IEEE OUI list (data downloads, not API-shaped URLs); Microsoft's
# terminology service on its umbrella domain; Bugzilla's REST API on bugzilla.mozilla.org; a
# Google Artifact Registry image tag built in a workflow's run step
MORE_CASES += [
    ("ripe-atlas", {"app/Services/RipeAtlas/ApiCall.php": "<?php\nclass ApiCall {\n    public function probes($asn) {\n        return Http::get(\"https://atlas.ripe.net/api/v2/probes/?asn_v4={$asn}\");\n    }\n}\n"}),
    ("ripe-database", {"app/Services/RipeRestApi.php": "<?php\nclass RipeRestApi {\n    public const string RIPE_DB_PRODUCTION = 'https://rest.db.ripe.net';\n    public function update($type, $key, $data) {\n        return Http::put(self::RIPE_DB_PRODUCTION . '/RIPE/' . $type . '/' . $key, $data);\n    }\n}\n"}),
    ("bgp-tools", {"app/Console/Commands/UpdateAsnDatabase.php": "<?php\nclass UpdateAsnDatabase extends Command {\n    private string $bgpToolsUrl = 'https://bgp.tools/asns.csv';\n    public function handle(FileFetcher $fetcher) {\n        $csv = $fetcher->fetch($this->bgpToolsUrl);\n    }\n}\n"}),
    ("ieee-oui", {"app/Utils/OUI.php": "<?php\nclass OUI {\n    public $file = 'https://standards-oui.ieee.org/oui/oui.txt';\n    public function load() {\n        return file_get_contents($this->file);\n    }\n}\n"}),
    ("microsoft-terminology", {"app/machinery/views.py": "import requests\n\ndef microsoft_terminology(text, locale):\n    return requests.post('https://api.terminology.microsoft.com/Terminology.svc', data=text)\n"}),
    ("bugzilla", {"app/static/js/bugs.js": "export function bugs(locale) {\n  return fetch('https://bugzilla.mozilla.org/rest/bug?component=' + locale);\n}\n"}),
    ("google-artifact-registry", {".github/workflows/docker.yml": "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Tag image\n        run: |\n          GAR_TAG=\"us-docker.pkg.dev/${GCP_PROJECT_ID}/prod/app:${GITHUB_SHA}\"\n          docker tag app:latest ${GAR_TAG}\n"}),
]


def test_fluent_localization_imports_are_no_fluentd(tmp_path, scanner):
    """Project Fluent's `fluent.syntax` / `fluent.runtime` share fluent-logger's namespace."""
    write_tree(tmp_path, {"app/l10n.py": "from fluent.syntax import FluentParser\nimport fluent.runtime\n",
                          "requirements.txt": "fluent.syntax==0.19.0\nfluent.runtime==0.4.0\n"})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "fluentd" not in {u.id for u in inv.services}


def test_fluent_logger_handler_import_is_fluentd(tmp_path, scanner):
    write_tree(tmp_path, {"app/logs.py": "import logging\nfrom fluent.handler import FluentHandler\n\nlogging.getLogger().addHandler(FluentHandler('app', host='fluentd'))\n"})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "fluentd" in {u.id for u in inv.services}

# AWS S3 through minio-go in a Go package the app names `s3` (its S3 data backend, any endpoint)
MORE_CASES += [("aws-s3", {
    "go.mod": "module example.com/share\n\ngo 1.22\n\nrequire github.com/minio/minio-go/v7 v7.0.70\n",
    "server/data/s3/s3.go": "// Package s3 stores uploads in a bucket.\npackage s3\n\nimport (\n\t\"github.com/minio/minio-go/v7\"\n"
                            "\t\"github.com/minio/minio-go/v7/pkg/credentials\"\n)\n\n"
                            "func NewBackend(config *Config) (*minio.Client, error) {\n"
                            "\treturn minio.New(config.Endpoint, &minio.Options{\n"
                            "\t\tCreds:  credentials.NewStaticV4(config.AccessKeyID, config.SecretAccessKey, \"\"),\n"
                            "\t\tSecure: config.UseSSL,\n\t})\n}\n"})]

# Cloud 66: the stack's manifest in the repository's `.cloud66/` folder
MORE_CASES += [("cloud66", {".cloud66/manifest.yml": "rails:\n   configuration:\n     ruby_version: 3.4.3\n"})]

# Mozilla's developer services (Taskcluster, Pulse, hg.mozilla.org, Glean's probe dictionary,
# Lando), TuneIn's AIR API, and CARTO's older Fastly-hosted tile URLs
MORE_CASES += [
    ("taskcluster", {"requirements.in": "taskcluster==88.0.5\n"}),
    ("taskcluster", {"app/tc.py": "import requests\n\nROOT_URL = 'https://firefox-ci-tc.services.mozilla.com'\n\n"
                                  "def task(tid):\n    return requests.get(f'{ROOT_URL}/api/queue/v1/task/{tid}').json()\n"}),
    ("mozilla-pulse", {"app/pulse.py": "import requests\n\nPULSE_GUARDIAN_URL = \"https://pulseguardian.mozilla.org/\"\n\n"
                                       "def bindings(queue):\n    return requests.get(f'{PULSE_GUARDIAN_URL}queue/{queue}/bindings').json()\n"}),
    ("mozilla-hg", {"app/pushlog.py": "import requests\n\nBUILDID_MAPPING = \"https://hg.mozilla.org/mozilla-central/json-firefoxreleases\"\n\n"
                                      "def releases():\n    return requests.get(BUILDID_MAPPING).json()\n"}),
    ("mozilla-telemetry", {"app/probes.py": "import requests\n\ndef probes(app):\n"
                                            "    return requests.get(f\"https://dictionary.telemetry.mozilla.org/data/{app}/index.json\").json()\n"}),
    ("mozilla-lando", {"ui/constants.js": "export const treeStatus = {\n  apiUrl: 'https://lando.moz.tools/api/treestatus/',\n};\n"}),
    ("tunein", {"src/Connector/TuneIn.php": "<?php\nclass TuneIn {\n    public function dispatch(array $q): void {\n"
                                            "        $this->httpClient->get('https://air.radiotime.com/Playing.ashx', ['query' => $q]);\n    }\n}\n"}),
    ("carto-basemaps", {"src/Map.vue": "<script setup>\nimport { tileLayer } from 'leaflet';\n"
                                       "const tileUrl = `https://cartodb-basemaps-{s}.global.ssl.fastly.net/${theme}_all/{z}/{x}/{y}.png`;\n"
                                       "tileLayer(tileUrl).addTo(map);\n</script>\n"}),
]

# Nuxt's GTM modules
MORE_CASES += [
    ("google-tag-manager", {"client/package.json": '{"dependencies": {"nuxt": "^3.12.0", "@zadigetvoltaire/nuxt-gtm": "^0.0.13"}}'}),
    ("google-tag-manager", {"package.json": '{"dependencies": {"nuxt": "^2.17.0", "@nuxtjs/gtm": "^2.4.0"}}'}),
]

# Renderers of Notion pages as a CMS (the blocks come from Notion)
MORE_CASES += [
    ("notion", {"client/package.json": '{"dependencies": {"nuxt": "^3.12.0", "vue-notion": "^3.0.0"}}'}),
    ("notion", {"package.json": '{"dependencies": {"next": "^14.0.0", "react-notion": "^0.10.0"}}'}),
]

# A generic OpenID Connect driver an app registers with Laravel Socialite (no provider package names it)
MORE_CASES += [
    ("oidc", {"app/Listeners/RegisterOpenId.php": "<?php\n\nnamespace App\\Listeners;\n\nuse App\\Providers\\Socialite\\OpenId;\n"
                                                  "use SocialiteProviders\\Manager\\SocialiteWasCalled;\n\nclass RegisterOpenId\n{\n"
                                                  "    public function handle(SocialiteWasCalled $socialiteWasCalled)\n    {\n"
                                                  "        $socialiteWasCalled->extendSocialite('openid', OpenId::class);\n    }\n}\n"}),
    ("oidc", {"app/Providers/SocialiteServiceProvider.php": "<?php\n\nclass SocialiteServiceProvider extends ServiceProvider\n{\n"
                                                            "    public function boot(Factory $socialite): void\n    {\n"
                                                            "        $socialite->extend('oidc', fn ($app) => $socialite->buildProvider(Provider::class, config('services.oidc')));\n"
                                                            "    }\n}\n"}),
]

# Capistrano deploying to the EC2 instances found by tag (capistrano-aws, in the deploy group);
# discordrb's webhook-only gem; a Google map embedded in a page's frame (Haml's `%{...}` URL of
# the legacy `output=embed` form, the share dialog's `/maps/embed?pb=`), never a plain map link
MORE_CASES += [
    ("aws-ec2", {"Gemfile": "source 'https://rubygems.org'\ngem 'rails'\n\ngroup :development do\n"
                            "  gem 'capistrano', require: false\n  gem 'capistrano-aws', require: false\nend\n"}),
    ("discord", {"Gemfile": "source 'https://rubygems.org'\ngem 'discordrb-webhooks', '~> 3.5'\n"}),
    ("google-maps", {"app/views/shared/_venue.html.haml": "  .col-md-6\n    %iframe{ width: '100%', height: '350', "
                     "src: %{https://maps.google.com/maps?f=q&hl=en&q=#{address.for_map}&ie=UTF8&t=m&z=15&output=embed} }\n"}),
    ("google-maps", {"templates/contact.html": "<section>\n  <iframe src=\"https://www.google.com/maps/embed?pb=!1m18!1m12\" "
                     "width=\"600\" height=\"450\" loading=\"lazy\"></iframe>\n</section>\n"}),
]

# .NET services of an e-commerce app: the LiteDB embedded store, App Configuration as a
# configuration source, Key Vault wrapping ASP.NET Core's data-protection keys (central package
# management: versions in Directory.Packages.props, references in the project), the ECB's rates
# at its former www.ecb.int address, and SonarQube Cloud's automatic-analysis file
_CPM = "<Project>\n  <ItemGroup>\n    <PackageVersion Include=\"{0}\" Version=\"1.0.0\" />\n  </ItemGroup>\n</Project>\n"
_CSPROJ = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"{0}\" />\n  </ItemGroup>\n</Project>\n"
MORE_CASES += [
    ("litedb", {"src/Data/Data.csproj": _CSPROJ.format("LiteDB"),
                "src/Data/LiteDbRepository.cs": "using LiteDB;\n\npublic class Repo {\n    public Repo(string cs) { _db = new LiteDatabase(cs); }\n"
                                                "    private readonly LiteDatabase _db;\n}\n"}),
    ("azure-app-configuration", {"Directory.Packages.props": _CPM.format("Microsoft.Azure.AppConfiguration.AspNetCore"),
                                 "src/Infrastructure/Infrastructure.csproj": _CSPROJ.format("Microsoft.Azure.AppConfiguration.AspNetCore")}),
    ("azure-key-vault", {"src/Web/Web.csproj": _CSPROJ.format("Azure.Extensions.AspNetCore.DataProtection.Keys"),
                         "src/Web/Startup.cs": "public static class DataProtection {\n    public static void Add(IDataProtectionBuilder b, string key) {\n"
                                               "        b.ProtectKeysWithAzureKeyVault(new Uri(key), new DefaultAzureCredential());\n    }\n}\n"}),
    ("european-central-bank", {"src/Plugins/Rates/Constant.cs": "public static class Constant\n{\n"
                                                               "    public static string EcbUrl => \"http://www.ecb.int/stats/eurofxref/eurofxref-daily.xml\";\n}\n",
                               "src/Plugins/Rates/EcbExchange.cs": "public class EcbExchange {\n"
                                                                  "    public async Task<Stream> Get(HttpClient c) => await c.GetStreamAsync(Constant.EcbUrl);\n}\n"}),
    ("sonarcloud", {".sonarcloud.properties": "sonar.language=cs\nsonar.exclusions=src/Tests/**\n"}),
]

# GitHub's API through a GITHUB_OAUTH_TOKEN access token
# Uberspace: a CI job that rsyncs the build onto the account's uberspace.de server (a deploy by
# SSH to a catalogued hosting host); GitHub's API through a GITHUB_OAUTH_TOKEN access token
MORE_CASES += [
    ("uberspace", workflow_with_steps(
        "- run: rsync -e \"ssh -i .key\" -a --delete wheel staging@despina.uberspace.de:~")),
    ("github", {"components/stars.tsx": "export async function stars() {\n"
                "  const res = await fetch('https://example.org/stars', {\n"
                "    headers: { Authorization: `Bearer ${process.env.GITHUB_OAUTH_TOKEN}` },\n  });\n"
                "  return res.json();\n}\n"}),
]
# SMTP through emersion/go-smtp (with go-sasl auth), the old javax.mail:mail artifact, and Hutool's
# mail helper (MailAccount host/port, Mail.create(account).send()); Combot's CAS ban list; the
# Minecraft game-server installers' vendors (Mojang's version manifest, Forge's and NeoForge's Maven
# repositories, SteamCMD from media.steampowered.com); a GitHub Releases asset downloaded at run time
MORE_CASES += [
    ("smtp", {"email/smtp.go": "package email\n\nimport (\n\t\"github.com/emersion/go-sasl\"\n\t\"github.com/emersion/go-smtp\"\n)\n\n"
                               "func Send(host, from, to string, data io.Reader) error {\n"
                               "\tauth := sasl.NewPlainClient(\"\", user, pass)\n"
                               "\treturn smtp.SendMail(host, auth, from, []string{to}, data)\n}\n"}),
    ("smtp", {"pom.xml": "<project><dependencies><dependency><groupId>javax.mail</groupId><artifactId>mail</artifactId>"
                         "<version>1.4.7</version></dependency></dependencies></project>\n"}),
    ("smtp", {"src/main/java/com/acme/service/EmailServiceImpl.java":
              "package com.acme.service;\n\nimport cn.hutool.extra.mail.Mail;\nimport cn.hutool.extra.mail.MailAccount;\n\n"
              "public class EmailServiceImpl {\n    public void send(EmailConfig c, String to) {\n"
              "        MailAccount account = new MailAccount();\n        account.setHost(c.getHost());\n"
              "        Mail.create(account).setTos(to).setTitle(\"hi\").send();\n    }\n}\n"}),
    ("combot-cas", {"lib/detector.go": "package lib\n\nconst casAPI = \"https://api.cas.chat\"\n\n"
                                       "func (d *Detector) isCasSpam(id int64) (bool, error) {\n"
                                       "\tresp, err := d.client.Get(fmt.Sprintf(\"%s/check?user_id=%d\", casAPI, id))\n"
                                       "\treturn resp != nil, err\n}\n"}),
    ("mojang", {"operations/mojangdl/mojangdl.go": "package mojangdl\n\n"
                "const VersionJsonUrl = \"https://launchermeta.mojang.com/mc/game/version_manifest.json\"\n\n"
                "func Run() error {\n\tresponse, err := http.Get(VersionJsonUrl)\n\t_ = response\n\treturn err\n}\n"}),
    ("minecraftforge", {"operations/forgedl/forgedl.go": "package forgedl\n\n"
                        "const PromoUrl = \"https://files.minecraftforge.net/net/minecraftforge/forge/promotions_slim.json\"\n\n"
                        "func Run() error {\n\tresponse, err := http.Get(PromoUrl)\n\t_ = response\n\treturn err\n}\n"}),
    ("neoforged", {"operations/neoforge/neoforgedl.go": "package neoforge\n\n"
                   "const MetadataUrl = \"https://maven.neoforged.net/releases/net/neoforged/neoforge/maven-metadata.xml\"\n\n"
                   "func Run() error {\n\tresponse, err := http.Get(MetadataUrl)\n\t_ = response\n\treturn err\n}\n"}),
    ("steam", {"operations/steamgamedl/steamgamedl.go": "package steamgamedl\n\n"
               "const SteamMetadataServerLink = \"https://media.steampowered.com/client/\"\n\n"
               "func Run() error {\n\tresponse, err := http.Get(SteamMetadataServerLink + \"steam_cmd_linux\")\n\t_ = response\n\treturn err\n}\n"}),
    ("github", {"operations/steamgamedl/metadata_linux.go": "package steamgamedl\n\n"
                "const DepotDownloaderLink = \"https://github.com/SteamRE/DepotDownloader/releases/download/DepotDownloader_2.7.3/DepotDownloader-linux-x64.zip\"\n\n"
                "func Install() error {\n\treturn DownloadFile(DepotDownloaderLink, \"depotdownloader.zip\")\n}\n"}),
]


def test_a_homebrew_formula_url_is_no_github_release_download(tmp_path, scanner):
    """A Homebrew formula's `url "..."` is the package's source, which brew fetches at install:
    not a GitHub Releases download the app makes."""
    write_tree(tmp_path, {"Formula/acme.rb": 'class Acme < Formula\n  desc "CLI"\n  on_macos do\n'
                          '    url "https://github.com/acme/acme/releases/download/v2.30.0/acme-darwin-arm64.tar.gz"\n'
                          '    sha256 "3c28"\n  end\nend\n'})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "github" not in {u.id for u in inv.services}


# Airflow's Celery executor (its provider package or extra); a deploy job purging Cloudflare's
# edge cache; MITRE's CWE catalog downloaded by a vulnerability tool
MORE_CASES += [
    ("celery", {"scheduler/requirements.txt": "apache-airflow==2.10.4\napache-airflow-providers-celery==3.8.5\n"}),
    ("celery", {"requirements.txt": "apache-airflow[celery,postgres]==2.10.4\n"}),
    ("cloudflare", {".github/workflows/deploy.yaml": "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n"
                                                     "      - name: Purge Cloudflare Edge Cache\n"
                                                     "        uses: jakejarvis/cloudflare-purge-action@master\n"
                                                     "        env:\n          CLOUDFLARE_TOKEN: ${{ secrets.CF_TOKEN }}\n"}),
    ("mitre-cwe", {"dags/includes/constants.py": 'WEAKNESSES_XML_ZIP_URL = "https://cwe.mitre.org/data/xml/cwec_latest.xml.zip"\n',
                   "dags/includes/utils.py": "import requests\n\ndef download(url):\n    return requests.get(url, timeout=60).content\n"}),
]

# A Rails app as DiscourseConnect provider for its forum (Discourse's single_sign_on.rb copied
# into lib/, no discourse_api gem); Stamen's map tiles through tile.stamen.js's Leaflet layer
MORE_CASES += [
    ("discourse", {"app/controllers/discourse_sso_controller.rb":
                   "class DiscourseSsoController < ApplicationController\n  def sso\n"
                   "    secret = Rails.configuration.app.discourse_secret\n"
                   "    sso = SingleSignOn.parse(request.query_string, secret)\n    sso.email = current_user.email\n"
                   "    sso.sso_secret = secret\n    redirect_to sso.to_url(Rails.configuration.app.discourse_url)\n  end\nend\n"}),
    ("stamen", {"app/assets/javascripts/map.js": "var layer = new L.StamenTileLayer('terrain');\nmap.addLayer(layer);\n"}),
    ("stamen", {"app/helpers/mapping_helper.rb": "def map_provider_dependencies\n  {\n"
                "    'stamen' => ['http://maps.stamen.com/js/tile.stamen.js?v1.2.3'],\n  }[map_provider]\nend\n"}),
]

# PyPI Stats: the `pypistats` client a package directory calls for download counts.
MORE_CASES += [
    ("pypistats", {"pyproject.toml": '[project]\nname = "site"\ndependencies = ["django>=5.1", "pypistats>=1.7"]\n',
                   "package/management/commands/pypi_stats.py":
                       'import json\nimport pypistats\n\ndef fetch(slug):\n'
                       '    return json.loads(pypistats.recent(slug, "month", format="json"))\n'}),
]

# The AWS CDK's per-service construct modules (yopass's deploy/cdk): a Lambda function and
# the API Gateway REST API fronting it, defined by the app's infrastructure code.
_CDK_GO = ('package main\n\nimport (\n\t"github.com/aws/aws-cdk-go/awscdk/v2"\n'
           '\t"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"\n\t"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"\n)\n\n'
           'func NewStack(scope awscdk.App) {\n\tfn := awslambda.NewFunction(scope, nil, nil)\n'
           '\tawsapigateway.NewLambdaRestApi(scope, nil, &awsapigateway.LambdaRestApiProps{Handler: fn})\n}\n')
_CDK_TS = ('import * as cdk from "aws-cdk-lib";\nimport * as lambda from "aws-cdk-lib/aws-lambda";\n'
           'import * as apigw from "aws-cdk-lib/aws-apigateway";\n\nexport class ApiStack extends cdk.Stack {\n'
           '  constructor(scope: cdk.App, id: string) {\n    super(scope, id);\n'
           '    const fn = new lambda.Function(this, "Api", { runtime: lambda.Runtime.PROVIDED_AL2023, handler: "bootstrap", code: lambda.Code.fromAsset("dist") });\n'
           '    new apigw.LambdaRestApi(this, "Gateway", { handler: fn });\n  }\n}\n')
MORE_CASES += [
    ("aws-lambda", {"deploy/cdk/main.go": _CDK_GO}),
    ("aws-api-gateway", {"deploy/cdk/main.go": _CDK_GO}),
    ("aws-lambda", {"deploy/cdk/lib/api-stack.ts": _CDK_TS}),
    ("aws-api-gateway", {"deploy/cdk/lib/api-stack.ts": _CDK_TS}),
    ("aws-lambda", {"infra/src/main/java/com/acme/ApiStack.java": "package com.acme;\n\nimport software.amazon.awscdk.Stack;\nimport software.amazon.awscdk.services.lambda.Function;\n\npublic class ApiStack extends Stack {}\n"}),
    ("aws-api-gateway", {"infra/stacks/api.py": "import aws_cdk as cdk\nimport aws_cdk.aws_apigateway as apigw\n\nclass ApiStack(cdk.Stack):\n    def __init__(self, scope, fn):\n        super().__init__(scope, 'Api')\n        apigw.LambdaRestApi(self, 'Gateway', handler=fn)\n"}),
]

# A Slack incoming-webhook payload built by hand (ploi-roadmap): legacy `attachments` with their
# `fallback`/`pretext`, posted to the webhook URL an admin set for a "slack" notification channel.
MORE_CASES += [
    ("slack", {"app/Jobs/SendWebhookJob.php": "<?php\nclass SendWebhookJob\n{\n    public function handle()\n    {\n"
               "        Http::post($this->receiver['webhook'], match ($this->receiver['type']) {\n"
               "            'slack' => [\n                'username' => config('app.name'),\n"
               "                'attachments' => [\n                    [\n                        'fallback' => 'New item: ' . $this->item->title,\n"
               "                        'pretext' => 'New item: ' . $this->item->title,\n                    ],\n                ],\n            ],\n        });\n    }\n}\n"}),
]
# A release job announcing on Telegram through appleboy/telegram-action; an app's "litellm"
# provider whose default base URL is the LiteLLM proxy's port 4000; a generic OAuth2 sign-in's
# GitLab preset (gitlab.com/oauth/authorize)
MORE_CASES += [
    ("telegram", {".github/workflows/release.yml": "on: release\njobs:\n  notify:\n    runs-on: ubuntu-latest\n    steps:\n"
                                                   "      - name: Announce\n        uses: appleboy/telegram-action@v0.1.1\n"
                                                   "        with:\n          to: ${{ secrets.TELEGRAM_CHAT }}\n"
                                                   "          token: ${{ secrets.TELEGRAM_TOKEN }}\n          message: released\n"}),
    ("litellm", {"server/ai/provider.ts": "import { createOpenAI } from '@ai-sdk/openai';\n\n"
                                          "export function model(config: Config) {\n  switch (config.provider) {\n"
                                          "    case 'litellm':\n      return createOpenAI({\n        apiKey: config.apiKey,\n"
                                          "        baseURL: config.baseURL || 'http://localhost:4000/v1',\n"
                                          "      }).languageModel(config.model);\n  }\n}\n"}),
    ("gitlab-oauth", {"web/src/idp.ts": "export const templates = [{\n  title: 'GitLab',\n  config: {\n"
                                        "    authUrl: 'https://gitlab.com/oauth/authorize',\n"
                                        "    tokenUrl: 'https://gitlab.com/oauth/token',\n"
                                        "    userInfoUrl: 'https://gitlab.com/oauth/userinfo',\n  },\n}];\n"}),
]

# SES's bounce and complaint notifications read off an SNS delivery (swetrix's /webhook/sns):
# `bounce.bouncedRecipients` and `complaint.complainedRecipients` are SES's message fields only.
# Rasa's REST channel path on a configured bot server; the Rasa SDK for custom actions.
MORE_CASES += [
    ("aws-ses", {"src/webhook/webhook.controller.ts": "@Post('/sns')\nasync snsWebhook(@Body() body) {\n"
                 "  const message = JSON.parse(body.Message)\n  switch (message.eventType) {\n"
                 "    case 'Bounce': {\n      const { emailAddress } = message.bounce.bouncedRecipients[0]\n"
                 "      await this.unsubscribe(emailAddress)\n      break\n    }\n"
                 "    case 'Complaint': {\n      const { emailAddress } = message.complaint.complainedRecipients[0]\n"
                 "      await this.unsubscribe(emailAddress)\n    }\n  }\n}\n"}),
    ("rasa", {"bot/client.py": "import os\nimport requests\n\nRASA_URL = os.environ.get('BOT_URL', 'http://localhost:5005')\n\n"
              "def ask(sender, text):\n    return requests.post(f\"{RASA_URL}/webhooks/rest/webhook\", json={'sender': sender, 'message': text}).json()\n"}),
    ("rasa", {"actions/actions.py": "from rasa_sdk import Action\n\nclass ActionHello(Action):\n    def name(self):\n        return 'action_hello'\n",
              "requirements.txt": "rasa-sdk==3.8.0\n"}),
]


def test_gitlab_oauth_preset_is_no_gitlab_api(tmp_path, scanner):
    """GitLab's OAuth endpoints in a sign-in preset are its sign-in, not a use of its REST API."""
    write_tree(tmp_path, {"web/src/idp.ts": "export const templates = [{\n  title: 'GitLab',\n  config: {\n"
                                            "    authUrl: 'https://gitlab.com/oauth/authorize',\n"
                                            "    tokenUrl: 'https://gitlab.com/oauth/token',\n  },\n}];\n"})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "gitlab" not in {u.id for u in inv.services}


def test_port_4000_alone_is_no_litellm(tmp_path, scanner):
    """A dev server on port 4000 (Phoenix's default) is no LiteLLM proxy without the provider's name."""
    write_tree(tmp_path, {"web/src/api.ts": "const API = process.env.API_URL || 'http://localhost:4000/v1';\n"
                                            "export const get = (p: string) => fetch(`${API}${p}`);\n"})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "litellm" not in {u.id for u in inv.services}

# blind-set misses (checkmate, cronicle, vita-min): a mailer library over SMTP, CircleCI's Slack orb,
# an ad pixel, a platform deployed by git push, a map style's demo tiles
MORE_CASES += [
    ("smtp", {"package.json": '{"name": "sched", "dependencies": {"pixl-mail": "^1.1.7"}}\n',
              "lib/job.js": "const PixlMail = require('pixl-mail');\n"
                            "const mail = new PixlMail(this.server.config.get('smtp_hostname'), this.server.config.get('smtp_port'));\n"}),
    ("slack", {".circleci/config.yml": "version: 2.1\norbs:\n  slack: circleci/slack@5.1.1\njobs:\n  test:\n"
                                       "    docker:\n      - image: cimg/ruby:3.4\n    steps:\n      - checkout\n"
                                       "      - slack/notify:\n          event: fail\n          template: basic_fail_1\n"}),
    ("the-trade-desk", {"app/views/shared/_trade_desk_pixel.html.erb":
                        '<script src="https://js.adsrvr.org/up_loader.1.1.0.js" type="text/javascript"></script>\n'
                        "<script>\n  ttd_dom_ready(function() {\n    var api = new TTDUniversalPixelApi();\n"
                        "    api.init('<%= pixel_id %>', ['<%= pixel_id_2 %>'], 'https://insight.adsrvr.org/track/up');\n  });\n</script>\n"}),
    ("aptible", {".circleci/config.yml": "version: 2.1\njobs:\n  deploy:\n    docker:\n      - image: cimg/ruby:3.4\n"
                                         "    steps:\n      - checkout\n      - run:\n          name: Deploy to Aptible\n"
                                         "          command: git push git@beta.aptible.com:acme-prod/acme-prod.git $CIRCLE_SHA1:master\n"}),
    ("aptible", {".aptible.yml": "before_release:\n  - bundle exec rake db:migrate\n"}),
    ("maplibre-demotiles", {"src/map/style.json": '{"version": 8, "glyphs": "https://demotiles.maplibre.org/font/{fontstack}/{range}.pbf",\n'
                                                  ' "sources": {"m": {"type": "vector", "url": "https://demotiles.maplibre.org/tiles/tiles.json"}},\n'
                                                  ' "layers": [{"id": "c", "type": "fill", "source": "m"}]}\n',
                            "src/map/Map.jsx": "import maplibregl from 'maplibre-gl';\nimport style from './style.json';\n"
                                               "export const draw = (el) => new maplibregl.Map({container: el, style});\n"}),
]


# A CI job scanning dependencies with FOSSA's action; an Electron app publishing its installers
# to GitHub Releases through Electron Forge's GitHub publisher (a devDependency named in forge.config)
MORE_CASES += [
    ("fossa", {".github/workflows/ci.yaml": "on: push\njobs:\n  fossa-scan:\n    runs-on: ubuntu-latest\n    steps:\n"
                                             "      - uses: actions/checkout@v4\n"
                                             "      - name: Run FOSSA Scan\n        uses: fossas/fossa-action@v1\n"
                                             "        with:\n          api-key: ${{secrets.FOSSA_API_KEY}}\n"}),
    ("github", {"apps/desktop/package.json": '{"name": "desktop", "scripts": {"publish": "electron-forge publish"},\n'
                                             ' "devDependencies": {"@electron-forge/cli": "^7.4.0",\n'
                                             '  "@electron-forge/publisher-github": "^7.4.0"}}\n',
                "apps/desktop/forge.config.ts": "const config = {\n  publishers: [\n    {\n"
                                                "      name: '@electron-forge/publisher-github',\n"
                                                "      config: { repository: { owner: 'acme', name: 'app' }, draft: true },\n"
                                                "    },\n  ],\n};\nexport default config;\n"}),
]

# @coderabbitai/bitbucket's two entry points (Bitbucket Data Center's `/server`, Cloud's `/cloud`);
# a hand-written Gerrit client stripping the XSSI prefix of its JSON; Zoekt's webserver URL read
# by a code search app
MORE_CASES += [
    ("bitbucket-data-center", {"src/bitbucket.ts": "import { createBitbucketServerClient } from '@coderabbitai/bitbucket/server';\n\n"
                                                   "export const client = (url: string, token: string) =>\n"
                                                   "  createBitbucketServerClient({ baseUrl: `${url}/rest`, headers: { Authorization: `Bearer ${token}` } });\n"}),
    ("bitbucket", {"src/bitbucket.ts": "import { createBitbucketCloudClient } from '@coderabbitai/bitbucket/cloud';\n\n"
                                       "export const client = (token: string) =>\n"
                                       "  createBitbucketCloudClient({ headers: { Authorization: `Bearer ${token}` } });\n"}),
    ("gerrit", {"src/gerrit.ts": "export const fetchProjects = async (config: GerritConnectionConfig) => {\n"
                                 "  const url = config.url;\n"
                                 "  const res = await fetch(`${url}projects/?S=0`);\n"
                                 "  const text = await res.text();\n"
                                 "  return JSON.parse(text.replace(\")]}'\\n\", '')); // Gerrit's XSSI protection prefix\n};\n"}),
    ("zoekt", {"src/env.ts": "export const env = {\n  ZOEKT_WEBSERVER_URL: process.env.ZOEKT_WEBSERVER_URL ?? 'http://localhost:6070',\n};\n"}),
]
# Linear's release action recording a release in Linear from CI
MORE_CASES += [
    ("linear", workflow_with_steps("- uses: linear/linear-release-action@v0\n        with:\n"
                                   "          access_key: ${{ secrets.LINEAR_ACCESS_KEY }}\n          version: ${{ github.ref_name }}")),
]


def test_xssi_prefix_outside_a_gerrit_file_is_no_gerrit(tmp_path, scanner):
    """Angular-style JSON guards strip the same `)]}'` prefix: only a file naming Gerrit is its client."""
    write_tree(tmp_path, {"src/api.ts": "export const parse = (text: string) => JSON.parse(text.replace(\")]}'\\n\", ''));\n",
                          # Google's RPC guard in a reviews fetcher (the file gate's word "review")
                          "maps/fetch.py": "# Reviews of a place\n_XSSI_PREFIX = \")]}'\"\nREVIEW_URL = '/maps/preview/review'\n"})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "gerrit" not in {u.id for u in inv.services}
# FerretDB run from its image as the app's MongoDB-wire database; Meteor's MAIL_URL (its `email`
# package's SMTP server); a Sandstorm package definition; Seerr/Overseerr/Jellyseerr, Tracearr,
# Streamystats and Sportarr modules of a media-server tool; a Fider board's API key in CI tooling
MORE_CASES += [
    ("ferretdb", {"docker-compose.yml": "services:\n  ferretdb:\n    image: ghcr.io/ferretdb/ferretdb:2\n"
                                        "    environment:\n      - FERRETDB_POSTGRESQL_URL=postgres://u:p@postgres:5432/postgres\n"
                                        "  app:\n    image: example/app\n    environment:\n"
                                        "      - MONGO_URL=mongodb://ferretdb:27017/app\n"}),
    ("smtp", {"server/mail.js": "Meteor.startup(() => {\n  if (!process.env.MAIL_URL) {\n"
                                "    process.env.MAIL_URL = settings.mailUrl();\n  }\n});\n"}),
    ("sandstorm", {".sandstorm/sandstorm-pkgdef.capnp": "@0xa5275bd3ad124e12;\nusing Spk = import \"/sandstorm/package.capnp\";\n"
                                                        "const pkgdef :Spk.PackageDefinition = (\n  id = \"abc\",\n);\n"}),
    ("seerr", {"src/modules/api/seerr-api/helpers/seerr-api.helper.ts": "import { ExternalApiService } from '../../external-api/external-api.service';\n\n"
               "export class SeerrApi extends ExternalApiService {\n  constructor({ url, apiKey }: { url: string; apiKey: string }) {\n"
               "    super(url, {}, { headers: { 'X-Api-Key': apiKey } });\n  }\n}\n"}),
    ("tracearr", {"src/modules/api/tracearr-api/helpers/tracearr-api.helper.ts": "import { ExternalApiService } from '../../external-api/external-api.service';\n\n"
                  "export class TracearrApi extends ExternalApiService {\n  constructor({ url, apiKey }: { url: string; apiKey: string }) {\n"
                  "    super(`${url}/api/v2/public`, {}, { headers: { Authorization: `Bearer ${apiKey}` } });\n  }\n}\n"}),
    ("streamystats", {"src/modules/api/streamystats-api/helpers/streamystats-api.helper.ts": "import { ExternalApiService } from '../../external-api/external-api.service';\n\n"
                      "export class StreamystatsApi extends ExternalApiService {\n  constructor({ url, apiKey }: { url: string; apiKey: string }) {\n"
                      "    super(url, {}, { headers: { Authorization: `MediaBrowser Token=\"${apiKey}\"` } });\n  }\n}\n"}),
    ("sportarr", {"src/modules/api/servarr-api/helpers/sportarr.helper.ts": "import { ServarrApi } from '../servarr-api.service';\n\n"
                  "export class SportarrApi extends ServarrApi {\n  events() {\n    return this.get('/event');\n  }\n}\n"}),
    ("fider", {"tools/fider-stale.mjs": "const { FIDER_HOST, FIDER_API_KEY } = process.env;\n"
                                        "const res = await fetch(`${FIDER_HOST}/api/v1/posts`, "
                                        "{ headers: { Authorization: `Bearer ${FIDER_API_KEY}` } });\n"}),
]


def test_oracle_identity_manager_flag_is_no_oracle_database(tmp_path, scanner):
    """ORACLE_OIM_ENABLED (an OIDC variant for Oracle Identity Manager) names the vendor, not its database."""
    write_tree(tmp_path, {"server/authentication.js": "if (process.env.ORACLE_OIM_ENABLED === 'true') {\n"
                                                      "  config.loginStyle = 'redirect';\n}\n"})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "oracle" not in {u.id for u in inv.services}


def test_oracle_database_env_names_are_found(tmp_path, scanner):
    """The database's own settings (the official images' ORACLE_PWD, a client's ORACLE_SID) still name it."""
    write_tree(tmp_path, {"docker-compose.yml": "services:\n  app:\n    image: example/app\n    environment:\n"
                                                "      - ORACLE_SID=FREE\n      - ORACLE_PWD=secret\n"})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "oracle" in {u.id for u in inv.services}


# Azure OpenAI's client class from langchain_openai (the package is OpenAI's), one supplier of several
MORE_CASES += [
    ("azure-openai", {"pyproject.toml": '[project]\nname = "core"\ndependencies = ["langchain-openai>=0.3.0"]\n',
                      "core/llm/endpoint.py": "from langchain_openai import AzureChatOpenAI, ChatOpenAI\n\n"
                                              "def build(config):\n"
                                              "    if config.supplier == 'azure':\n"
                                              "        return AzureChatOpenAI(azure_endpoint=config.base_url, api_version=config.version)\n"
                                              "    return ChatOpenAI(model=config.model)\n"}),
]


# Transifex's GitHub integration file at the repository's root
MORE_CASES += [
    ("transifex", {"transifex.yml": "filters:\n- filter_type: file\n  file_format: KEYVALUEJSON\n  source_language: en\n"
                                    "  source_file: frontend/src/i18n/en.json\n  translation_files_expression: 'frontend/src/i18n/<lang>.json'\n"}),
]


# Slack through the slack_client_rs crate, renamed `slack` in a Cargo workspace
MORE_CASES += [
    ("slack", {"Cargo.toml": '[package]\nname = "core"\nversion = "0.1.0"\n\n[dependencies]\n'
                             'slack = { version = "2.0.0", package = "slack_client_rs", default-features = false }\n',
               "src/alert/notify.rs": "pub async fn send(url: String, text: String) -> anyhow::Result<()> {\n"
                                      "  let slack = ::slack::Client::new(url);\n"
                                      "  slack.send_owned_message_single(&text, None, None).await?;\n  Ok(())\n}\n"}),
]


# OpenTelemetry's OTLP endpoint as a logging setting the app passes to its logger (no SDK declared directly)
MORE_CASES += [
    ("opentelemetry", {"src/logger.rs": "pub struct LogConfig {\n  pub level: String,\n  /// Export traces to an OpenTelemetry collector over OTLP\n"
                                        "  pub otlp_endpoint: String,\n}\n"}),
]

# python-social-auth's SAML extra, in a PEP 621 optional-dependency group (sign-in by SAML)
MORE_CASES += [
    ("saml", {"pyproject.toml": '[project]\nname = "x"\ndependencies = ["social-auth-app-django (>=5.9,<5.10)"]\n\n'
                                '[project.optional-dependencies]\nsso = [ "social-auth-core[saml] (>=4.9.1,<4.10)" ]\n'}),
]
# The AWS SDK v2's service clients built on a lower-case binding (`const aws = require('aws-sdk')`,
# `new aws.SES({...})` as Nodemailer's SES transport), not only on `AWS`
MORE_CASES += [
    ("aws-ses", {"package.json": '{"dependencies": {"aws-sdk": "^2.601.0", "nodemailer": "^6.0.0"}}',
                 "server/lib/mailers.js": "const nodemailer = require('nodemailer');\nconst aws = require('aws-sdk');\n\n"
                                          "function transport(settings) {\n"
                                          "    const options = {\n"
                                          "        SES: new aws.SES({apiVersion: '2010-12-01', accessKeyId: settings.key,\n"
                                          "                          secretAccessKey: settings.secret, region: settings.region}),\n"
                                          "        sendingRate: settings.rate\n    };\n"
                                          "    return nodemailer.createTransport(options);\n}\n"}),
    # passport-ldapjs: Passport's LDAP-bind strategy on ldapjs, the directory (not a provider `ldapjs`)
    ("ldap", {"server/lib/passport.js": "const passport = require('passport');\n"
                                        "let LdapStrategy;\ntry {\n"
                                        "    LdapStrategy = require('passport-ldapjs').Strategy;\n"
                                        "} catch (exc) {}\n"
                                        "passport.use(new LdapStrategy({server: {url: 'ldap://' + config.ldap.host}}, verify));\n"}),
]


def test_passport_ldapjs_is_no_oauth_provider(tmp_path, scanner):
    """A Passport strategy for LDAP is the directory the app binds to, not a sign-in provider `ldapjs`."""
    write_tree(tmp_path, {"server/lib/passport.js": "const passport = require('passport');\n"
                                                    "const LdapStrategy = require('passport-ldapjs').Strategy;\n"
                                                    "passport.use(new LdapStrategy({base: config.ldap.baseDN}, verify));\n"})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "ldapjs-oauth" not in {u.id for u in inv.services}


# Cloud sandboxes an app hosts its users' code in (CodeSandbox's SDK, Freestyle's deploys), an
# in-app bug-report widget (Gleap) and a B2B visitor-identification snippet (RB2B, loaded from
# its CloudFront distribution with the site's script ID)
MORE_CASES += [
    ("codesandbox", {"packages/provider/package.json": '{"name": "provider", "dependencies": {"@codesandbox/sdk": "^1.1.6"}}\n',
                     "packages/provider/src/csb.ts": "import { CodeSandbox } from '@codesandbox/sdk';\n"
                     "const sdk = new CodeSandbox(process.env.CSB_API_KEY);\nexport const fork = (id: string) => sdk.sandboxes.create({ id });\n"}),
    ("freestyle", {"apps/web/package.json": '{"name": "web", "dependencies": {"freestyle-sandboxes": "^0.0.78"}}\n',
                   "apps/web/src/server/deploy.ts": "import { FreestyleSandboxes } from 'freestyle-sandboxes';\n"
                   "export const api = new FreestyleSandboxes({ apiKey: process.env.FREESTYLE_API_KEY! });\n"}),
    ("gleap", {"apps/web/package.json": '{"name": "web", "dependencies": {"gleap": "^14.8.8"}}\n',
               "apps/web/src/feedback.tsx": "import Gleap from 'gleap';\nGleap.initialize(process.env.NEXT_PUBLIC_GLEAP_API_KEY);\n"}),
    ("rb2b", {"src/components/rb2b-loader.tsx": "export function load(id: string) {\n  const script = document.createElement('script');\n"
              "  script.src = `https://ddwl4m2hdecbv.cloudfront.net/b/${id}/${id}.js.gz`;\n  document.body.appendChild(script);\n}\n"}),
]


# certbot run by a self-hosting install script, its options before the subcommand on a
# continued line: Let's Encrypt issues the server's certificate
MORE_CASES += [
    ("letsencrypt", {"install.sh": '#!/bin/bash\nif certbot --email "$EMAIL" --agree-tos -w /var/www/html \\\n'
                     '    -d "$HOST" --deploy-hook "systemctl reload nginx" certonly; then\n  echo ok\nfi\n'}),
]


# Laravel's SendGrid mail transport, APNs through PHP's pushok client or Laravel's APN channel,
# and the PHP Geocoder's Google Maps / Google Places providers
MORE_CASES += [
    ("sendgrid", {"composer.json": '{"name": "x/y", "require": {"s-ichikawa/laravel-sendgrid-driver": "^4.0"}}\n'}),
    ("apns", {"composer.json": '{"name": "x/y", "require": {"edamov/pushok": "^0.16"}}\n'}),
    ("apns", {"composer.json": '{"name": "x/y", "require": {"laravel-notification-channels/apn": "^5.0"}}\n'}),
    ("google-maps", {"composer.json": '{"name": "x/y", "require": {"geocoder-php/google-maps-provider": "^4.7"}}\n'}),
    ("google-maps", {"composer.json": '{"name": "x/y", "require": {"geocoder-php/google-maps-places-provider": "^1.4"}}\n'}),
]


# PHP's mysqli_init() (then ->real_connect() with TLS options) is a MySQL connection
MORE_CASES += [
    ("mysql", {"include/mysqli.php": "<?php\nfunction db_connect($host, $user, $passwd) {\n    global $__db;\n"
                                     "    if (!($__db = mysqli_init()))\n        return NULL;\n"
                                     "    return $__db->real_connect($host, $user, $passwd);\n}\n"}),
]


# Symfony Mailer's SMTP transport built by the app's own mail driver (EsmtpTransportFactory)
MORE_CASES += [
    ("smtp", {"src/Mail/SmtpDriver.php": "<?php\nnamespace App\\Mail;\n\n"
                                         "use Symfony\\Component\\Mailer\\Transport\\Smtp\\EsmtpTransportFactory;\n\n"
                                         "class SmtpDriver\n{\n    public function __construct(protected EsmtpTransportFactory $factory) {}\n}\n"}),
]


# SocketCluster (Laravel broadcaster default, the server's image), OSRM's public demo router,
# Amazon EKS and ECS (springload's ecs-tool) from a deploy workflow's commands
MORE_CASES += [
    ("socketcluster", {"config/broadcasting.php": "<?php\nreturn [\n    'default' => env('BROADCAST_DRIVER', 'socketcluster'),\n];\n"}),
    ("socketcluster", {"docker-compose.yml": "services:\n  socket:\n    image: socketcluster/socketcluster:v17.4.0\n"}),
    ("osrm", {"config/environment.js": "module.exports = function () {\n  return { osrm: { host: getenv('OSRM_HOST', 'https://router.project-osrm.org') } };\n};\n"}),
    ("aws-eks", {".github/workflows/deploy.yml": "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n"
                                                  "      - run: aws eks update-kubeconfig --name prod --region eu-west-1\n"
                                                  "      - run: helm upgrade -i app infra/helm\n"}),
    ("aws-ecs", {".github/workflows/cd.yml": "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n"
                                              "      - run: ./ecs-tool deploy --cluster prod -s app\n"}),
]


# The Postman CLI logging in and running a workspace's collections in CI
MORE_CASES += [
    ("postman", {".github/actions/contract/action.yml": "name: API contract\nruns:\n  using: composite\n  steps:\n"
                                                        "    - shell: bash\n      run: curl -fsSL -o- \"https://dl-cli.pstmn.io/install/linux64.sh\" | sh\n"
                                                        "    - shell: bash\n      run: postman login --with-api-key \"${{ inputs.postman-api-key }}\"\n"
                                                        "    - shell: bash\n      run: postman collection run \"$COLLECTION_ID\"\n"}),
]


# A docker login with an OAuth access token (username oauth2accesstoken): only Google's registries take it
MORE_CASES += [
    ("google-artifact-registry", {".github/workflows/gcp-cd.yml": "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
                                                                  "      - uses: 'docker/login-action@v3'\n        with:\n"
                                                                  "          registry: ${{ env.REGISTRY_HOST }}\n          username: 'oauth2accesstoken'\n"
                                                                  "          password: '${{ steps.auth.outputs.access_token }}'\n"}),
]


# SQLite through a published fork of node-sqlite3 (prebuilt binaries), given to knex's sqlite3 dialect
MORE_CASES += [
    ("sqlite", {"package.json": '{"name": "srv", "dependencies": {"@louislam/sqlite3": "~15.1.6", "knex": "~2.5.1"}}',
                "backend/database.ts": 'import knex from "knex";\nimport sqlite from "@louislam/sqlite3";\n'}),
    ("sqlite", {"package.json": '{"name": "srv", "dependencies": {"@vscode/sqlite3": "5.1.6"}}'}),
]

# Google Drive's REST base kept in a constant, the resource appended where it is requested
MORE_CASES += [
    ("google-drive", {"app/drive.py": 'import httpx\n\nDRIVE_UPLOAD_API_BASE = "https://www.googleapis.com/upload/drive/v3"\n'
                                      'DRIVE_API_BASE = "https://www.googleapis.com/drive/v3"\n\n'
                                      'async def get(fid: str, token: str):\n'
                                      '    async with httpx.AsyncClient() as c:\n'
                                      '        return await c.get(f"{DRIVE_API_BASE}/files/{fid}", headers={"Authorization": token})\n'}),
]

# SFTP sessions opened by Python's SSH libraries (asyncssh, Paramiko)
MORE_CASES += [
    ("sftp", {"pyproject.toml": '[project]\nname = "x"\ndependencies = ["asyncssh>=2.14"]\n',
              "app/sftp_service.py": "import asyncssh\n\nasync def upload(host: str, path: str) -> None:\n"
                                     "    async with asyncssh.connect(host) as conn:\n"
                                     "        async with conn.start_sftp_client() as sftp:\n"
                                     "            await sftp.put(path, '/upload/')\n"}),
    ("sftp", {"requirements.txt": "paramiko==3.4.0\n",
              "app/export.py": "import paramiko\n\ndef push(host, path):\n    ssh = paramiko.SSHClient()\n"
                               "    ssh.connect(host)\n    sftp = ssh.open_sftp()\n    sftp.put(path, '/in/' + path)\n"}),
]


# Bitwarden vaults read through the `bw` CLI run as a subprocess, and through its Secrets Manager SDK
MORE_CASES += [
    ("bitwarden", {"app/services/vault.py": "import asyncio\n\nasync def unlock_bitwarden() -> str:\n"
                                            "    cmd = [\"bw\", \"unlock\", \"--passwordenv\", \"BW_PASSWORD\", \"--raw\"]\n"
                                            "    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)\n"
                                            "    out, _ = await proc.communicate()\n    return out.decode()\n"}),
    ("bitwarden", {"requirements.txt": "bitwarden-sdk==1.0.0\n",
                   "app/secrets.py": "from bitwarden_sdk import BitwardenClient\n\nclient = BitwardenClient()\n"}),
]


# Fern: the API definition folder's fern.config.json, and a CI job publishing the docs Fern hosts
MORE_CASES += [
    ("fern", {"fern/fern.config.json": '{"organization": "acme", "version": "0.66.0"}\n',
              "fern/docs.yml": "instances:\n  - url: acme.docs.buildwithfern.com\n"}),
    ("fern", {".github/workflows/publish-docs.yml": "on:\n  push:\n    branches: [main]\njobs:\n  run:\n"
                                                   "    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
                                                   "      - run: npm install -g fern-api\n"
                                                   "      - env:\n          FERN_TOKEN: ${{ secrets.FERN_TOKEN }}\n"
                                                   "        run: fern generate --docs\n"}),
]


# A Teams connector webhook on the bare webhook.office.com host, as an alert destination preset;
# ServiceNow's Table API on a customer's instance (`<instance>.service-now.com`)
MORE_CASES += [
    ("microsoft-teams", {"src/destinations.rs": 'pub fn teams() -> Endpoint {\n'
                                                '  Endpoint { url: "https://webhook.office.com/webhookb2/TEAMS-WEBHOOK".to_string(), method: Post }\n}\n'}),
    ("servicenow", {"src/incident.py": "import requests\n\ndef open_incident(auth, body):\n"
                                       "    return requests.post('https://acme42.service-now.com/api/now/table/incident', auth=auth, json=body)\n"}),
]

# object_store's (Apache Arrow) cloud backends are Cargo features of one crate: a build with
# `aws`, `azure`, `gcp` offers S3, Azure Blob and GCS stores
MORE_CASES += [
    (sid, {"Cargo.toml": '[package]\nname = "infra"\nversion = "0.1.0"\n\n[dependencies]\n'
                         'object_store = { version = "0.13.2", features = ["aws", "azure", "gcp"] }\n'})
    for sid in ("aws-s3", "azure-blob-storage", "google-cloud-storage")
]

# Threat-intelligence and security-operations APIs a SOAR registry's YAML action template calls
# (`url:` beside `method:` in a step), and two through their SDK or credentials in code
MORE_CASES += [
    ("virustotal", {"registry/templates/tools/virustotal/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://www.virustotal.com/api/v3/ip_addresses/${{ inputs.ip }}\n      method: GET\n"}),
    ("shodan", {"registry/templates/tools/shodan/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://api.shodan.io/shodan/host/${{ inputs.ip }}\n      method: GET\n"}),
    ("abuseipdb", {"registry/templates/tools/abuseipdb/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://api.abuseipdb.com/api/v2/check\n      method: GET\n"}),
    ("greynoise", {"registry/templates/tools/greynoise/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://api.greynoise.io/v3/community/${{ inputs.ip }}\n      method: GET\n"}),
    ("urlscan", {"registry/templates/tools/urlscan/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://urlscan.io/api/v1/scan/\n      method: GET\n"}),
    ("censys", {"registry/templates/tools/censys/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://api.platform.censys.io/v3/global/search/query\n      method: GET\n"}),
    ("hybrid-analysis", {"registry/templates/tools/hybrid-analysis/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://www.hybrid-analysis.com/api/v2/search/hash\n      method: GET\n"}),
    ("anyrun", {"registry/templates/tools/anyrun/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://api.any.run/v1/analysis\n      method: GET\n"}),
    ("threatfox", {"registry/templates/tools/threatfox/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://threatfox-api.abuse.ch/api/v1/\n      method: GET\n"}),
    ("urlhaus", {"registry/templates/tools/urlhaus/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://urlhaus-api.abuse.ch/v1/url/\n      method: GET\n"}),
    ("emailrep", {"registry/templates/tools/emailrep/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://emailrep.io/${{ inputs.email }}\n      method: GET\n"}),
    ("hackerone", {"registry/templates/tools/hackerone/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://api.hackerone.com/v1/reports/${{ inputs.id }}\n      method: GET\n"}),
    ("rootly", {"registry/templates/tools/rootly/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://api.rootly.com/v1/incidents\n      method: GET\n"}),
    ("projectdiscovery", {"registry/templates/tools/projectdiscovery/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://api.projectdiscovery.io/v1/scans\n      method: GET\n"}),
    ("leakcheck", {"registry/templates/tools/leakcheck/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://leakcheck.io/api/v2/query/${{ inputs.email }}\n      method: GET\n"}),
    ("dehashed", {"registry/templates/tools/dehashed/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://api.dehashed.com/v2/search\n      method: GET\n"}),
    ("hudsonrock", {"registry/templates/tools/hudsonrock/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://api.hudsonrock.com/json/v3/search-by-domain\n      method: GET\n"}),
    ("anomali-threatstream", {"registry/templates/tools/anomali-threatstream/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://api.threatstream.com/api/v2/intelligence/\n      method: GET\n"}),
    ("microsoft-defender-endpoint", {"registry/templates/tools/microsoft-defender-endpoint/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://api.securitycenter.microsoft.com/api/alerts\n      method: GET\n"}),
    ("rippling", {"registry/templates/tools/rippling/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://rest.ripplingapis.com/users/\n      method: GET\n"}),
    ("socket-dev", {"registry/templates/tools/socket-dev/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://api.socket.dev/v0/purl\n      method: GET\n"}),
    ("crowdstrike", {"registry/templates/tools/crowdstrike/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://api.crowdstrike.com/devices/queries/devices/v1\n      method: GET\n"}),
    ("freshservice", {"registry/templates/tools/freshservice/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://acme-it.freshservice.com/api/v2/tickets\n      method: GET\n"}),
    ("crowdsec", {"registry/templates/tools/crowdsec/lookup.yml": "steps:\n  - ref: lookup\n    action: core.http_request\n    args:\n      url: https://cti.api.crowdsec.net/v2/smoke/${{ inputs.ip }}\n      method: GET\n"}),
    ("crowdstrike", {"integrations/falcon.py": "from falconpy import APIHarnessV2\n\ndef call(op):\n    return APIHarnessV2(client_id=ID, client_secret=SECRET).command(op)\n",
                     "pyproject.toml": '[project]\nname = "x"\ndependencies = ["crowdstrike-falconpy>=1.4"]\n'}),
    ("freshservice", {"app/freshservice.py": "import os\nimport httpx\n\nKEY = os.environ['FRESHSERVICE_API_KEY']\n"
                      "def tickets(base):\n    return httpx.get(f'{base}/api/v2/tickets', auth=(KEY, 'X')).json()\n"}),
]


# Blind set (jackson, briefer): a libSQL driver for TypeORM and libSQL's server image; next-auth's
# BoxyHQ SAML provider; a CloudFront cache invalidation in a release workflow.
MORE_CASES += [
    ("turso", {"npm/package.json": '{"name": "x", "dependencies": {"@libsql/sqlite3": "0.3.1", "typeorm": "0.3.22"}}\n'}),
    ("turso", {".github/workflows/test.yml": "jobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n"
               "      libsql:\n        image: ghcr.io/tursodatabase/libsql-server:v0.24.32\n    steps:\n      - run: npm test\n"}),
    ("boxyhq-jackson", {"lib/nextAuth.ts": 'import NextAuth from "next-auth";\nimport BoxyHQSAMLProvider from "next-auth/providers/boxyhq-saml";\n'
                        "export default NextAuth({ providers: [BoxyHQSAMLProvider({ issuer: process.env.JACKSON_URL })] });\n",
                        "package.json": '{"name": "x", "dependencies": {"next-auth": "4.24.0"}}\n'}),
    ("aws-cloudfront", {".github/workflows/helm.yaml": "on: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n"
                        "      - run: aws s3 cp index.yaml s3://charts.example.org/\n"
                        "      - run: aws cloudfront create-invalidation --distribution-id E2ABC --paths '/*'\n"}),
]


_GEOIP_CONFIG = ("<?php\n\nreturn [\n    'log_failures' => true,\n    // Supported: \"maxmind_database\", \"maxmind_api\", \"ipapi\"\n"
                 "    'service' => '{service}',\n    'services' => [\n"
                 "        'maxmind_api' => [\n            'class'       => \\Torann\\GeoIP\\Services\\MaxMindWebService::class,\n"
                 "            'user_id'     => env('MAXMIND_USER_ID'),\n        ],\n"
                 "        'ipapi' => [\n            'class'  => \\Torann\\GeoIP\\Services\\IPApi::class,\n"
                 "            'secure' => true,\n            'key'    => env('IPAPI_KEY'),\n        ],\n    ],\n];\n")

# torann/geoip's config with ip-api.com chosen as the service (the package's default) is ip-api.
MORE_CASES += [
    ("ip-api", {"composer.json": '{"require": {"torann/geoip": "^3.0"}}',
                "config/geoip.php": _GEOIP_CONFIG.replace("{service}", "ipapi")}),
]


def test_torann_geoip_with_maxmind_chosen_is_no_ip_api(tmp_path, scanner):
    # the same config choosing MaxMind's web service still lists the IPApi class: no ip-api.com
    write_tree(tmp_path, {"composer.json": '{"require": {"torann/geoip": "^3.0"}}',
                          "config/geoip.php": _GEOIP_CONFIG.replace("{service}", "maxmind_api")})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "ip-api" not in {u.id for u in inv.services}


# A CI job scanning the code with Checkmarx One: its GitHub action, or its CLI's `cx scan create`.
MORE_CASES += [
    ("checkmarx", workflow_with_steps("- name: Checkmarx One scan", "  uses: checkmarx/ast-github-action@8e887bb93dacc44e0f5b64ee2b06d5815f89d4fc",
                                      "  with:", "    cx_client_id: ${{ secrets.CX_CLIENT_ID }}",
                                      "    cx_client_secret: ${{ secrets.CX_CLIENT_SECRET }}", "    cx_tenant: ${{ secrets.CX_TENANT }}")),
    ("checkmarx", workflow_with_steps("- run: ./cx scan create --project-name app -s . --branch main --agent github")),
]

# freegeoip.net, the free IP geolocation API that became ipstack, called from an admin page's
# jQuery plug-in (Piwigo's jquery.geoip.js).
MORE_CASES += [
    ("ipstack", {"admin/themes/default/js/jquery.geoip.js":
                 "GeoIp = {\n  get: function(ip, callback) {\n    jQuery.ajax({\n"
                 "      url: \"http://freegeoip.net/json/\" + ip,\n      dataType: \"jsonp\",\n"
                 "      success: function(data) { callback(data); }\n    });\n  }\n};\n"}),
]

# Elevation services a fitness tracker fills missing GPX altitudes from, by the base URL of an
# instance (public or self-hosted) read from settings: Open-Elevation's lookup, Valhalla's /height.
MORE_CASES += [
    ("open-elevation", {"app/config.py": "import os\n\nclass Config:\n    OPEN_ELEVATION_API_URL = os.environ.get('OPEN_ELEVATION_API_URL', '')\n",
                        "app/elevation/open_elevation.py": "import requests\n\ndef lookup(base_url, points):\n"
                        "    return requests.post(f'{base_url}/api/v1/lookup', json={'locations': points}, timeout=10).json()\n"}),
    ("fossgis-valhalla", {"app/config.py": "import os\n\nclass Config:\n    VALHALLA_API_URL = os.environ.get('VALHALLA_API_URL', '')\n",
                          "app/elevation/valhalla.py": "import requests\n\ndef heights(base_url, shape):\n"
                          "    return requests.post(f'{base_url}/height', json={'shape': shape}, timeout=10).json()['height']\n"}),
]


# Fanout's GRIP libraries publishing realtime messages through a GRIP proxy (Pushpin or Fastly
# Fanout) at its control URL: the npm package in code, GRIP_URL in compose, Python's gripcontrol
MORE_CASES += [
    ("pushpin", {"package.json": '{"name": "api", "dependencies": {"@fanoutio/grip": "^4.3.0", "@fanoutio/serve-grip": "^2.0.0"}}\n',
                 "src/grip.ts": 'import { ServeGrip } from "@fanoutio/serve-grip/node";\n\nexport const serveGrip = new ServeGrip({ grip: [{ control_uri: process.env.GRIP_URL, key: process.env.GRIP_KEY }] });\n'}),
    ("pushpin", {"docker-compose.yml": "services:\n  api:\n    image: acme/api\n    environment:\n      GRIP_URL: http://pushpin:5561/\n"}),
    ("pushpin", {"requirements.txt": "django-grip==3.5.2\n", "app/views.py": "from gripcontrol import WebSocketMessageFormat\n"}),
]

# Crystal shards: shard.yml's dependencies and `require "<shard>"` in src/*.cr name the database
# drivers (crystal-pg, crystal-sqlite3, crystal-mysql, crystal-redis)
MORE_CASES += [
    ("postgresql", {"shard.yml": "name: app\nversion: 0.1.0\ndependencies:\n  pg:\n    github: will/crystal-pg\n"}),
    ("sqlite", {"src/imports.cr": 'require "sqlite3"\n\ndef read(path)\n  DB.open("sqlite3://" + path) { |db| db.query_all("SELECT 1", as: Int32) }\nend\n'}),
    ("mysql", {"shard.yml": "name: app\nversion: 0.1.0\ndependencies:\n  mysql:\n    github: crystal-lang/crystal-mysql\n"}),
    ("redis", {"shard.yml": "name: app\nversion: 0.1.0\ndependencies:\n  redis:\n    github: jgaskins/redis\n"}),
]


# GitHub's CLI run by a release script as an argument list: `gh pr create` / `gh release view`
# are GitHub API calls made with the script's GH_TOKEN
MORE_CASES += [
    ("github", {"scripts/create-release.py": 'import os\nimport subprocess\n\nREPO = os.environ["GITHUB_REPOSITORY"]\n\ndef open_pr(repo, branch, body):\n'
                '    subprocess.run(["gh", "pr", "create", "--repo", repo, "--head", branch, "--body", body], check=True)\n'}),
    ("github", {"extra/release/lib.mjs": 'import childProcess from "child_process";\n\n// releases on GitHub\nexport function released(version) {\n'
                '  return childProcess.spawnSync("gh", ["release", "view", version, "--json", "tagName"]).status === 0;\n}\n'}),
]


# The U.S. Treasury's keyless data services called from a Rust bond-pricing provider (a CUSIP
# lookup on TreasuryDirect, the daily yield-curve XML of home.treasury.gov).
MORE_CASES += [
    ("us-treasury", {"src/provider/treasury.rs": 'pub async fn lookup(client: &reqwest::Client, cusip: &str) -> Result<String> {\n'
                     '    let url = format!("https://www.treasurydirect.gov/TA_WS/securities/search?cusip={}&format=json", cusip);\n'
                     '    Ok(client.get(&url).send().await?.text().await?)\n}\n'}),
    ("us-treasury", {"app/yields.py": "import httpx\n\nURL = 'https://home.treasury.gov/resource-center/data-chart-center/interest-rates/pages/xml'\n"
                     "def curve(month):\n    return httpx.get(URL, params={'data': 'daily_treasury_yield_curve', 'field_tdr_date_value_month': month}).text\n"}),
]

# Frappe apps and PostHog's snippet (frappe-lms, frappe-insights blind misses): an Event doc the app
# switches to `sync_with_google_calendar` is pushed to Google Calendar by the framework's Google
# integration; PostHog's JS snippet kept in the app's own file (no posthog-js package) loads
# `<api_host>/static/array.js`.
MORE_CASES += [
    ("google-calendar", {"myapp/myapp/doctype/live_class/live_class.py":
                         "import frappe\n\n\ndef sync(event, calendar):\n    event.update({\n"
                         "        \"sync_with_google_calendar\": 1,\n        \"google_calendar\": calendar,\n    })\n"
                         "    event.save()\n"}),
    ("google-calendar", {"myapp/events.py": "def push(event):\n    event.sync_with_google_calendar = 1\n    event.save()\n"}),
    ("posthog", {"frontend/posthog.js":
                 "!(function (t, e) {\n\tvar o, n, p, r\n\te.__SV ||\n\t\t((window.posthog = e),\n"
                 "\t\t(e.init = function (i, s, a) {\n\t\t\t;((p = t.createElement('script')).type = 'text/javascript'),\n"
                 "\t\t\t\t(p.src = s.api_host + '/static/array.js'),\n"
                 "\t\t\t\t(r = t.getElementsByTagName('script')[0]).parentNode.insertBefore(p, r)\n"
                 "\t\t}), (e.__SV = 1))\n})(document, window.posthog || [])\n"}),
    ("posthog", {"src/lib/snippets/posthog.js":
                 "p.src = s.api_host.replace('.i.posthog.com', '-assets.i.posthog.com') + '/static/array.js'\n"}),
]


# Supabase's Go, .NET and Rust clients stay full packages of the database (only the JS client,
# which serves Auth alone too, is weak): declared, they show it.
MORE_CASES += [
    ("supabase", {"go.mod": "module example.com/app\n\ngo 1.22\n\nrequire github.com/supabase-community/supabase-go v0.0.4\n"}),
    ("supabase", {"App/App.csproj": '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Supabase" Version="1.1.1" /></ItemGroup></Project>\n'}),
]

# clearflask and cabot blind misses: vendors' SDKs and CI/deploy commands the catalog did not know.
# Castle's server and browser SDKs; check-mail.org's RapidAPI host; react-linkedin-insight; Java's
# ACME client acme4j (Let's Encrypt); python-jenkins; Graphite's render API read from GRAPHITE_API;
# a pom publishing to GitHub Packages; a workflow pushing the gh-pages branch; the AWS CLI finding
# EC2 instances in a deploy Makefile; the old Codecov uploader run bare on Travis.
MORE_CASES += [
    ("castle", {"pom.xml": "<project><dependencies><dependency><groupId>io.castle</groupId>"
                "<artifactId>castle-java</artifactId><version>2.3.2</version></dependency></dependencies></project>\n"}),
    ("castle", {"package.json": '{"name": "web", "dependencies": {"@castleio/castle-js": "^2.1.0"}}\n'}),
    ("check-mail", {"src/main/java/app/EmailValidator.java":
                    "class EmailValidator {\n    static final String URL = \"https://mailcheck.p.rapidapi.com/?domain=\";\n"
                    "    Response check(String domain) { return http.get(URL + domain).header(\"x-rapidapi-key\", key).execute(); }\n}\n"}),
    ("linkedin-insight", {"package.json": '{"name": "web", "dependencies": {"react-linkedin-insight": "^0.1.3"}}\n'}),
    ("letsencrypt", {"pom.xml": "<project><dependencies><dependency><groupId>org.shredzone.acme4j</groupId>"
                     "<artifactId>acme4j-client</artifactId><version>3.4.0</version></dependency></dependencies></project>\n"}),
    ("jenkins", {"requirements.txt": "Django==2.2\npython-jenkins==0.4.15\n"}),
    ("graphite", {"app/config.py": "import os\n\nGRAPHITE_API = os.environ.get('GRAPHITE_API')\nGRAPHITE_USER = os.environ.get('GRAPHITE_USER')\n"}),
    ("github-packages", {"pom.xml": "<project><distributionManagement><repository><id>github</id>"
                         "<url>https://maven.pkg.github.com/acme/app</url></repository></distributionManagement></project>\n"}),
    ("github-pages", {".github/workflows/helm-release.yml":
                      "on: workflow_dispatch\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - uses: actions/checkout@v4\n        with:\n          ref: gh-pages\n"
                      "      - run: |\n          helm repo index . --merge index.yaml\n          git commit -am 'index'\n          git push origin gh-pages\n"}),
    ("aws-ec2", {"Makefile": "deploy-singlehost-%:\n\tscp target/app.war $$(aws ec2 describe-instances --filters "
                 "'Name=tag:Name,Values=web' --output text --query 'Reservations[*].Instances[*].PublicDnsName'):/opt/app.war\n"}),
    ("codecov", {".travis.yml": "language: python\nscript:\n  - tox\nafter_success:\n  - sudo pip install codecov\n  - codecov\n"}),
]


# ...and what those rules leave alone: a push to another branch (`main`, `gh-pages-backup-notes`) is
# no Pages deploy; a coverage step that only runs `coverage report` (codecov named in a comment) is no Codecov.
@pytest.mark.parametrize("sid, files", [
    ("github-pages", {".github/workflows/ci.yml": "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: git push origin main\n      - run: git push origin gh-pages-backup-notes\n"}),
    ("codecov", {".travis.yml": "language: python\nscript:\n  - coverage run -m pytest\nafter_success:\n  - coverage report  # codecov later\n"}),
    # A commented-out call of a shared Slack workflow posts nothing; a Beanstalk key with no value
    # (a heading of the file's own settings) names no application deployed.
    ("slack", {".github/workflows/ci.yml": "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n"
               "  # notify:\n  #   uses: acme/workflows/.github/workflows/slack.yml@main\n"}),
    ("aws-elastic-beanstalk", {".github/workflows/ci.yml": "on: push\nenv:\n  elasticbeanstalk_environment:\njobs:\n  t:\n"
                               "    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n"}),
])
def test_catalog_entry_is_not_found_on_other_ci_lines(tmp_path, sid, files, scanner):
    write_tree(tmp_path, files)
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert sid not in {u.id for u in inv.services}


# AWS Batch (openreplay blind miss): a Go service submitting jobs through the v1 SDK's
# `service/batch` package (the module is one for all services, the import names the service),
# or the v2 SDK's own module.
MORE_CASES += [
    ("aws-batch", {"go.mod": "module example.com/app\n\ngo 1.22\n\nrequire github.com/aws/aws-sdk-go v1.55.5\n",
                   "pkg/jobs/service.go": 'package jobs\n\nimport (\n\t"github.com/aws/aws-sdk-go/aws/session"\n'
                   '\t"github.com/aws/aws-sdk-go/service/batch"\n)\n\nfunc Submit(sess *session.Session) error {\n'
                   '\tclient := batch.New(sess)\n\t_, err := client.SubmitJobWithContext(ctx, &batch.SubmitJobInput{})\n'
                   '\treturn err\n}\n'}),
    ("aws-batch", {"go.mod": "module example.com/app\n\ngo 1.22\n\nrequire github.com/aws/aws-sdk-go-v2/service/batch v1.40.0\n"}),
]

# Incoming mail and push (plots2, saltcorn blind misses): the mailman gem polling a POP3 or IMAP
# mailbox (`Mailman.config.pop3 = {...}`), the mail gem's `retriever_method :pop3`, and
# firebase-admin's messaging of a named app (`admin.messaging(app).send(...)`), not only `messaging()`.
MORE_CASES += [
    ("pop3", {"lib/mail_receiver.rb": 'require "mailman"\n\nMailman.config.pop3 = {\n  server: ENV["SERVER_ADDRESS"],\n'
                                      '  port: 995,\n  ssl: true,\n  username: ENV["USERNAME"],\n  password: ENV["EMAIL_PASSWORD"]\n}\n'}),
    ("imap", {"lib/mail_receiver.rb": 'require "mailman"\n\nMailman.config.imap = {\n  server: "imap.example.org",\n  port: 993,\n  ssl: true\n}\n'}),
    ("pop3", {"Gemfile": 'source "https://rubygems.org"\ngem "mail"\n',
              "app/jobs/fetch_replies_job.rb": 'Mail.defaults do\n  retriever_method :pop3, address: ENV["POP_HOST"], port: 995, enable_ssl: true\nend\n'}),
    ("firebase-cloud-messaging", {
        "package.json": '{"name": "app", "dependencies": {"firebase-admin": "^12.0.0"}}\n',
        "src/push.ts": 'import admin from "firebase-admin";\n\nexport async function push(app: admin.app.App, token: string) {\n'
                       '  return admin.messaging(app).send({ token, data: { type: "sync" } });\n}\n'}),
]

# Kimi's own API domain is Moonshot AI's; Sber's GigaChat by its hosts and SDK; Alibaba Cloud
# Container Registry logged into through docker/login-action with the registry in an Aliyun secret.
MORE_CASES += [
    ("moonshot-ai", {"src/ai/constants.ts": "export const KIMI_CODING_BASE_URL = 'https://api.kimi.com/coding';\n"
                     "export const client = new Anthropic({ baseURL: KIMI_CODING_BASE_URL });\n"}),
    ("gigachat", {"src/llm/gigachat.ts": "const BASE_URL = 'https://gigachat.devices.sberbank.ru/api/v1';\n"
                  "const res = await fetch(`${BASE_URL}/chat/completions`, { method: 'POST' });\n"}),
    ("gigachat", {"package.json": '{"name": "app", "dependencies": {"langchain-gigachat": "^0.0.14"}}\n'}),
    ("alibaba-cloud-container-registry", {".github/workflows/release.yml":
        "on: push\njobs:\n  push:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - name: Login to Aliyun Container Registry\n        uses: docker/login-action@v2\n        with:\n"
        "          registry: ${{ secrets.ALI_DOCKER_REGISTRY }}\n          username: ${{ secrets.ALI_DOCKER_USERNAME }}\n"
        "          password: ${{ secrets.ALI_DOCKER_PASSWORD }}\n"}),
]

# Cloudflare Stream through its account API path on Cloudflare's shared API host.
MORE_CASES += [
    ("cloudflare-stream", {"src/utils/file/upload.ts":
        "const url = `https://api.cloudflare.com/client/v4/accounts/${accountId}/stream`;\n"
        "const res = await fetch(url, { method: 'POST', headers, body: formData });\n"}),
]

# IP geolocation lookups an app offers as backends (one class each, the API URL inside); CRMs
# a marketing app syncs contacts with, one `<Vendor>Integration` class each (SugarCRM and vtiger
# on the customer's own instance, so the class name is what names them); Packagist's JSON API
# read at run time (a plugin marketplace); Zapier's embed widget; LightSAML's Symfony bundle.
MORE_CASES += [
    ("extreme-ip-lookup", {"src/IpLookup/ExtremeIpLookup.php":
                           "<?php\nclass ExtremeIpLookup extends AbstractRemoteDataLookup\n{\n"
                           "    protected function getUrl(): string\n    {\n"
                           "        return 'https://extreme-ip-lookup.com/json/'.$this->ip;\n    }\n}\n"}),
    ("geobytes", {"src/IpLookup/GeobytesLookup.php":
                  "<?php\nclass GeobytesLookup extends AbstractRemoteDataLookup\n{\n"
                  "    protected function getUrl(): string\n    {\n"
                  "        return \"http://getcitydetails.geobytes.com/GetCityDetails?fqcn={$this->ip}\";\n    }\n}\n"}),
    ("telize", {"src/IpLookup/TelizeLookup.php":
                "<?php\nclass TelizeLookup extends AbstractRemoteDataLookup\n{\n"
                "    protected function getUrl(): string\n    {\n"
                "        return \"https://telize-v1.p.mashape.com/geoip/{$this->ip}\";\n    }\n}\n"}),
    ("microsoft-dynamics-crm", {"src/crm/dynamics.ts":
                                "const base = `https://${org}.crm4.dynamics.com/api/data/v9.2`\n"
                                "export const contacts = () => fetch(`${base}/contacts`, { headers })\n"}),
    ("sugarcrm", {"plugins/CrmBundle/Integration/SugarcrmIntegration.php":
                  "<?php\nnamespace Plugin\\CrmBundle\\Integration;\n\nclass SugarcrmIntegration extends CrmAbstractIntegration\n{\n"
                  "    public function getAccessTokenUrl(): string\n    {\n"
                  "        return $this->keys['sugarcrm_url'].'/rest/v10/oauth2/token';\n    }\n}\n"}),
    ("vtiger", {"plugins/CrmBundle/Integration/VtigerIntegration.php":
                "<?php\nnamespace Plugin\\CrmBundle\\Integration;\n\nclass VtigerIntegration extends CrmAbstractIntegration\n{\n"
                "    public function getApiUrl(): string\n    {\n"
                "        return sprintf('%s/webservice.php', $this->keys['url']);\n    }\n}\n"}),
    ("packagist", {"src/Marketplace/Api/Connection.php":
                   "<?php\nclass Connection\n{\n    public function getPlugins(int $page): array\n    {\n"
                   "        return $this->makeRequest(\"https://packagist.org/search.json?page={$page}&type=acme-plugin\");\n    }\n\n"
                   "    public function getPackage(string $name): array\n    {\n"
                   "        return $this->makeRequest(\"https://packagist.org/packages/{$name}.json\");\n    }\n}\n"}),
    ("zapier", {"plugins/ZapierBundle/Config/config.php":
                "<?php\nreturn [\n    'description' => '<div id=\"zaps\"></div>\n"
                "<script src=\"https://zapier.com/apps/embed/widget.js?services=acme&html_id=zaps\"></script>',\n];\n"}),
    ("saml", {"composer.json": '{"require": {"php": ">=8.1", "lightsaml/sp-bundle": "^4.0"}}\n'}),
]


# go-scm's forge drivers (harness blind misses): one module, one package per forge, each imported
# by the app that imports repositories from (or runs CI for) that forge; Google Cloud Profiler's Go
# agent started in-process.
_GO_SCM_MOD = "module example.com/app\n\ngo 1.22\n\nrequire github.com/drone/go-scm v1.38.4\n"


def _go_scm(driver: str, call: str) -> dict[str, str]:
    return {"go.mod": _GO_SCM_MOD, "app/importer/provider.go":
            f'package importer\n\nimport (\n\t"github.com/drone/go-scm/scm"\n'
            f'\t"github.com/drone/go-scm/scm/driver/{driver}"\n)\n\n'
            f"func client(host string) (*scm.Client, error) {{\n\treturn {call}\n}}\n"}


MORE_CASES += [
    ("github", _go_scm("github", "github.New(host)")),
    ("gitlab", _go_scm("gitlab", "gitlab.New(host)")),
    ("bitbucket", _go_scm("bitbucket", "bitbucket.New(host)")),
    ("bitbucket-data-center", _go_scm("stash", "stash.New(host)")),
    ("gitea", _go_scm("gitea", "gitea.New(host)")),
    ("gogs", _go_scm("gogs", "gogs.New(host)")),
    ("azure-devops", _go_scm("azure", 'azure.New(host, "org", "project")')),
    ("google-cloud-profiler", {
        "go.mod": "module example.com/app\n\ngo 1.22\n\nrequire cloud.google.com/go/profiler v0.4.1\n",
        "profiler/gcp.go": 'package profiler\n\nimport "cloud.google.com/go/profiler"\n\n'
                           "func start(name string) error {\n\treturn profiler.Start(profiler.Config{Service: name})\n}\n"}),
]

# OpenStack's compute and bare-metal clients (ralph blind miss): a sync of a cloud's projects and
# instances through novaclient, beside Keystone (which alone stays openstack-keystone).
MORE_CASES += [
    ("openstack", {"requirements/openstack.txt": "python-keystoneclient==2.3.0\npython-novaclient==3.2.0\nopenstacksdk==1.5.0\n",
                   "app/openstack/client.py": "from keystoneauth1 import session\nfrom novaclient import client as novac\n\n\n"
                   "def servers(auth):\n    nova = novac.Client('2', session=session.Session(auth=auth))\n"
                   "    return nova.servers.list()\n"}),
]

# Firebase's web client calling the app's callable functions (rowy's Action columns): the
# umbrella `firebase` package shows Cloud Functions for Firebase where `firebase/functions` is used;
# and a GitHub Action that posts the release to X with the app's API keys (rowy's tweet workflow).
MORE_CASES += [
    ("firebase-functions", {"package.json": '{"name": "x", "dependencies": {"firebase": "^9.12.1"}}\n',
                            "src/components/ActionFab.tsx":
                            'import { getFunctions, httpsCallable } from "firebase/functions";\n'
                            "export const run = (app, ref) => httpsCallable(getFunctions(app), 'actionScript')({ ref });\n"}),
    ("twitter", {".github/workflows/tweet_release.yml":
                 "name: tweet\non:\n  release:\n    types: [published]\njobs:\n  tweet:\n    runs-on: ubuntu-latest\n"
                 "    steps:\n      - uses: julb/action-post-twitter-status@v1\n        with:\n          message: New release\n"
                 "          twitter_app_consumer_api_key: ${{ secrets.TWITTER_API_KEY }}\n"}),
]

# fasthttp/session's Redis provider (authelia's session store, with Sentinel failover)
MORE_CASES += [
    ("redis", {"internal/session/provider_config.go": 'package session\n\nimport (\n\t"github.com/fasthttp/session/v2"\n'
               '\t"github.com/fasthttp/session/v2/providers/redis"\n)\n\nfunc newProvider(c Config) (session.Provider, error) {\n'
               '\treturn redis.New(redis.Config{Addr: c.Host})\n}\n'}),
]

# Sign in with Fly.io, Snapchat (Login Kit) and Vercel (Marketplace SSO): one provider file each in
# an auth server's `internal/api/provider/` (supabase-auth), named by the provider type it declares;
# and the Pwned Passwords check through Go's supabase/hibp client.
MORE_CASES += [
    ("fly-io-oauth", {"internal/api/provider/fly.go": 'package provider\n\nimport "golang.org/x/oauth2"\n\ntype flyProvider struct {\n\t*oauth2.Config\n}\n\nfunc NewFlyProvider(ext conf.OAuthProviderConfiguration) (OAuthProvider, error) {\n\treturn &flyProvider{Config: &oauth2.Config{ClientID: ext.ClientID, Endpoint: oauth2.Endpoint{\n\t\tAuthURL: "https://api.fly.io/oauth/authorize", TokenURL: "https://api.fly.io/oauth/token"}}}, nil\n}\n\nfunc (p flyProvider) GetUserData(ctx context.Context, tok *oauth2.Token) (*UserProvidedData, error) {\n\treturn nil, nil\n}\n'}),
    ("snapchat-oauth", {"internal/api/provider/snapchat.go": 'package provider\n\nimport "golang.org/x/oauth2"\n\ntype snapchatProvider struct {\n\t*oauth2.Config\n}\n\nfunc NewSnapchatProvider(ext conf.OAuthProviderConfiguration) (OAuthProvider, error) {\n\treturn &snapchatProvider{Config: &oauth2.Config{ClientID: ext.ClientID, Endpoint: oauth2.Endpoint{\n\t\tAuthURL: "https://accounts.snapchat.com/accounts/oauth2/auth", TokenURL: "https://accounts.snapchat.com/accounts/oauth2/token"}}}, nil\n}\n\nfunc (p snapchatProvider) GetUserData(ctx context.Context, tok *oauth2.Token) (*UserProvidedData, error) {\n\treturn nil, nil\n}\n'}),
    ("vercel-oauth", {"internal/api/provider/vercel_marketplace.go": 'package provider\n\nimport "golang.org/x/oauth2"\n\ntype vercelMarketplaceProvider struct {\n\t*oauth2.Config\n}\n\nfunc NewVercelMarketplaceProvider(ext conf.OAuthProviderConfiguration) (OAuthProvider, error) {\n\treturn &vercelMarketplaceProvider{Config: &oauth2.Config{ClientID: ext.ClientID, Endpoint: oauth2.Endpoint{\n\t\tAuthURL: "https://api.vercel.com/oauth/v2/authorization", TokenURL: "https://api.vercel.com/oauth/v2/accessToken"}}}, nil\n}\n\nfunc (p vercelMarketplaceProvider) GetUserData(ctx context.Context, tok *oauth2.Token) (*UserProvidedData, error) {\n\treturn nil, nil\n}\n'}),
    ("haveibeenpwned", {"go.mod": "module example.com/auth\n\ngo 1.23\n\nrequire github.com/supabase/hibp v0.0.0-20231124125943-d225752ae869\n",
                        "internal/api/api.go": 'package api\n\nimport "github.com/supabase/hibp"\n\nvar pwned = &hibp.PwnedClient{UserAgent: "auth"}\n'}),
]

# osu-web blind misses: Xsolla's PHP SDK (a games payment vendor, new entry); the IPtoASN
# database download (new entry); Datadog through Laravel's chaseconey/laravel-datadog-helper
# (its facade and middleware).
MORE_CASES += [
    ("xsolla", {"composer.json": '{"require": {"php": "^8.2", "xsolla/xsolla-sdk-php": "*"}}\n',
                "app/Payments/XsollaCreateToken.php": "<?php\n\nnamespace App\\Payments;\n\n"
                "use Xsolla\\SDK\\API\\XsollaClient;\n\nclass XsollaCreateToken\n{\n    public function run($cfg)\n    {\n"
                "        return XsollaClient::factory(['merchant_id' => $cfg['merchant_id'], 'api_key' => $cfg['api_key']]);\n    }\n}\n"}),
    ("iptoasn", {"app/Libraries/Ip2AsnUpdater.php": "<?php\n\nclass Ip2AsnUpdater\n{\n    public static function fetch(string $v): string\n    {\n"
                 "        return gzdecode(file_get_contents(\"https://iptoasn.com/data/ip2asn-{$v}.tsv.gz\"));\n    }\n}\n"}),
    ("datadog", {"composer.json": '{"require": {"php": "^8.2", "chaseconey/laravel-datadog-helper": ">=1.2.1"}}\n',
                 "app/Http/Middleware/DatadogMetrics.php": "<?php\n\nnamespace App\\Http\\Middleware;\n\n"
                 "use ChaseConey\\LaravelDatadogHelper\\Middleware\\LaravelDatadogMiddleware;\n\n"
                 "class DatadogMetrics extends LaravelDatadogMiddleware\n{\n}\n"}),
]

# US government services: GSA's api.data.gov gateway (an agency's app creating API keys through
# its admin API) and the Digital Analytics Program's shared script on a federal site.
# The US government's Digital Analytics Program: its shared script on a federal site.
MORE_CASES += [
    ("digital-analytics-program", {"templates/index.html": '<html><body>\n<script id="_fed_an_ua_tag"\n'
                                   '  src="https://dap.digitalgov.gov/Universal-Federated-Analytics-Min.js?agency=FEC">'
                                   '</script>\n</body></html>\n'}),
]

# A Tag Manager container id as a string of its own (a domain config that a shared loader reads),
# GA4 through govuk_publishing_components' analytics bundle, GOV.UK Notify's clients (mail-notify's
# ActionMailer delivery, the Python client) and the Pact Broker's client and settings (signon).
MORE_CASES += [
    ("google-tag-manager", {"app/assets/javascripts/domain-config.js":
                            "window.GOVUK.vars.extraDomains = [\n  {\n    name: 'production',\n"
                            "    domains: ['signon.example.gov.uk'],\n    initialiseGA4: true,\n    id: 'GTM-KHZP7S7Q'\n  }\n]\n"}),
    ("google-analytics", {"app/views/layouts/application.html.erb":
                          '<% content_for :head do %>\n  <%= javascript_include_tag "govuk_publishing_components/load-analytics" %>\n<% end %>\n'}),
    ("govuk-notify", {"Gemfile": 'source "https://rubygems.org"\ngem "rails"\ngem "mail-notify"\n',
                      "app/mailers/application_mailer.rb": "class ApplicationMailer < Mail::Notify::Mailer\nend\n"}),
    ("govuk-notify", {"requirements.txt": "notifications-python-client==9.1.0\n",
                      "app/notify.py": "import os\nfrom notifications_python_client.notifications import NotificationsAPIClient\n\n"
                      "client = NotificationsAPIClient(os.environ['NOTIFY_API_KEY'])\n"}),
    ("pact-broker", {"Gemfile": 'source "https://rubygems.org"\ngroup :test do\n  gem "pact"\n  gem "pact_broker-client"\nend\n',
                     "test/service_consumers/pact_helper.rb":
                     'Pact.service_provider "Signon" do\n  honours_pacts_from_pact_broker do\n'
                     '    pact_broker_base_url ENV.fetch("PACT_BROKER_BASE_URL", "https://pact-broker.example.org")\n  end\nend\n'}),
]


# A hand-written OIDC client's endpoint settings for Facebook Login (hypothesis-h's config: the
# Login dialog and the code-for-token exchange on graph.facebook.com); a job's inputs naming the
# Elastic Beanstalk application it deploys, passed to an organisation's shared deploy workflow;
# and a shared reusable workflow named for Slack that posts CI failures.
MORE_CASES += [
    ("facebook-login", {"app/config.py": "def configure(settings):\n"
                        "    settings.setdefault('oidc_authorizationurl_facebook', 'https://www.facebook.com/v11.0/dialog/oauth')\n"
                        "    settings.setdefault('oidc_tokenurl_facebook', 'https://graph.facebook.com/v11.0/oauth/access_token')\n"}),
    ("aws-elastic-beanstalk", {".github/workflows/deploy.yml":
                               "name: Deploy\non:\n  push:\n    branches: [main]\njobs:\n  production:\n"
                               "    uses: acme/workflows/.github/workflows/deploy.yml@main\n    with:\n      operation: deploy\n"
                               "      aws_region: us-west-1\n      elasticbeanstalk_application: web\n"
                               "      elasticbeanstalk_environment: prod\n    secrets: inherit\n"}),
    # The app's own sign-in routes under an OpenID Connect prefix (hypothesis-h's ORCID sign-in)
    ("orcid-oauth", {"h/routes.py": 'def includeme(config):\n    config.add_route("oidc.login.orcid", "/oidc/login/orcid")\n'
                     '    config.add_route("oidc.redirect.orcid", "/oidc/redirect/orcid")\n'}),
    # Mandrill's SMTP relay as the default of an env-backed mail host setting (hypothesis-h)
    ("mandrill", {"app/config.py": 'def configure(settings_manager):\n    settings_manager.set(\n'
                  '        "mail.host", "MANDRILL_HOST", default="smtp.mandrillapp.com"\n    )\n'}),
    ("slack", {".github/workflows/slack.yml":
               "name: Slack\non:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\njobs:\n  on-failure:\n"
               "    if: ${{ github.event.workflow_run.conclusion == 'failure' }}\n"
               "    uses: acme/workflows/.github/workflows/slack.yml@main\n    with:\n      payload: |\n"
               "        channel: \"C0000000\"\n    secrets: inherit\n"}),
]


# Sign-in providers of Auth.js, Socialite Providers, aspnet-contrib and Passport the catalog
# lacked: one realistic declaration each (a provider package, an Auth.js provider module, its
# authorize host, a hand-written client's OAuth endpoint).
MORE_CASES += [
    ("42-school-oauth", {"auth.ts": 'import NextAuth from "next-auth"\nimport FortyTwo from "next-auth/providers/42-school"\n'
                         'export const { handlers, auth } = NextAuth({ providers: [FortyTwo] })\n',
                         "package.json": '{"dependencies": {"next-auth": "^5.0.0-beta.25"}}'}),
    ("bungie-oauth", {"Web.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="AspNet.Security.OAuth.BungieNet" Version="9.0.0" /></ItemGroup></Project>\n'}),
    ("dribbble-oauth", {"composer.json": '{"require": {"socialiteproviders/dribbble": "^4.1"}}'}),
    ("eveonline-oauth", {"app/sso.py": 'AUTHORIZE_URL = "https://login.eveonline.com/v2/oauth/authorize"\n'
                         'TOKEN_URL = "https://login.eveonline.com/v2/oauth/token"\n'}),
    ("faceit-oauth", {"composer.json": '{"require": {"socialiteproviders/faceit": "^4.1"}}'}),
    ("foursquare-oauth", {"Web.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="AspNet.Security.OAuth.Foursquare" Version="9.0.0" /></ItemGroup></Project>\n'}),
    ("osu-oauth", {"auth.ts": 'import NextAuth from "next-auth"\nimport Osu from "next-auth/providers/osu"\n'
                   'export const { handlers, auth } = NextAuth({ providers: [Osu] })\n',
                   "package.json": '{"dependencies": {"next-auth": "^5.0.0-beta.25"}}'}),
    ("simplelogin", {"src/Provider/SimpleLogin.php": "<?php\nnamespace App\\Provider;\n\nclass SimpleLogin extends AbstractProvider\n{\n"
                     "    public function getBaseAuthorizationUrl(): string\n    {\n        return 'https://app.simplelogin.io/oauth2/authorize';\n    }\n}\n"}),
    ("vipps-login", {"composer.json": '{"require": {"socialiteproviders/vipps": "^4.1"}}'}),
    ("lichess-oauth", {"package.json": '{"dependencies": {"passport-lichess": "^2.0.0"}}'}),
    ("stackexchange-oauth", {"composer.json": '{"require": {"socialiteproviders/stackexchange": "^4.1"}}'}),
    # aspnet-contrib's handlers for providers the catalog had without them
    ("lark-oauth", {"Web.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="AspNet.Security.OAuth.Feishu" Version="9.0.0" /></ItemGroup></Project>\n'}),
    ("bitbucket-oauth", {"Web.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="AspNet.Security.OAuth.Bitbucket" Version="9.0.0" /></ItemGroup></Project>\n'}),
]



# Regional payment processors and gateways (Omnipay/ActiveMerchant gateways, shop plug-ins): each
# found from its SDK package, its API host in a client, or its checkout script.
MORE_CASES += [
    ("instamojo", {"requirements.txt": "django==4.2\ninstamojo-wrapper==1.2.0\n",
                   "shop/pay.py": "import os\nfrom instamojo_wrapper import Instamojo\n\n"
                   "api = Instamojo(api_key=os.environ['INSTAMOJO_API_KEY'], auth_token=os.environ['INSTAMOJO_AUTH_TOKEN'])\n"}),
    ("yookassa", {"requirements.txt": "yookassa==3.0.0\n",
                  "billing/pay.py": "from yookassa import Configuration, Payment\n\n"
                  "def create(amount):\n    return Payment.create({'amount': {'value': amount, 'currency': 'RUB'}})\n"}),
    ("yookassa", {"composer.json": '{"require": {"yoomoney/yookassa-sdk-php": "^3.0"}}\n'}),
    ("cloudpayments", {"templates/checkout.html": '<script src="https://widget.cloudpayments.ru/bundles/cloudpayments.js"></script>\n'
                       "<script>\nvar widget = new cp.CloudPayments();\nwidget.pay('charge', {publicId: '{{ public_id }}'});\n</script>\n"}),
    ("tinkoff-acquiring", {"app/payments/tinkoff.py": "import httpx\n\nINIT_URL = 'https://securepay.tinkoff.ru/v2/Init'\n\n"
                           "def init(payload):\n    return httpx.post(INIT_URL, json=payload).json()\n"}),
    ("yoco", {"src/payments/yoco.ts": "const res = await fetch('https://payments.yoco.com/api/checkouts', {\n"
              "  method: 'POST',\n  headers: { Authorization: `Bearer ${process.env.YOCO_SECRET_KEY}` },\n"
              "  body: JSON.stringify({ amount, currency: 'ZAR' }),\n})\n"}),
    ("line-pay", {"app/services/line_pay.rb": "class LinePayClient\n  BASE = 'https://sandbox-api-pay.line.me'\n\n"
                  "  def request_payment(body)\n    HTTP.post(\"#{BASE}/v3/payments/request\", json: body)\n  end\nend\n"}),
    ("gmo-payment-gateway", {"config/initializers/gmo.rb": "GMO_PG_URL = Rails.env.production? ? 'https://p01.mul-pay.jp' : 'https://pt01.mul-pay.jp'\n"}),
    ("komoju", {"app/services/komoju.rb": "class KomojuClient\n  def create_session(params)\n"
                "    HTTP.basic_auth(user: ENV['KOMOJU_SECRET_KEY'], pass: '').post('https://komoju.com/api/v1/sessions', json: params)\n  end\nend\n"}),
    ("nmi", {"src/gateways/nmi.js": "const ENDPOINT = 'https://secure.nmi.com/api/transact.php'\n\n"
             "export async function sale(fields) {\n  return fetch(ENDPOINT, { method: 'POST', body: new URLSearchParams(fields) })\n}\n"}),
    ("mangopay", {"package.json": '{"name": "market", "dependencies": {"mangopay2-nodejs-sdk": "^1.40.0"}}\n'}),
    ("airwallex", {"package.json": '{"name": "shop", "dependencies": {"@airwallex/components-sdk": "^1.0.0"}}\n'}),
    ("rapyd", {"payments/rapyd.py": "import os\nimport requests\n\nBASE = 'https://sandboxapi.rapyd.net/v1'\n\n"
               "def create_checkout(body, headers):\n    return requests.post(f'{BASE}/checkout', json=body, headers=headers).json()\n"}),
    ("sumup", {"src/sumup.ts": "const res = await fetch('https://api.sumup.com/v0.1/checkouts', {\n"
               "  method: 'POST',\n  headers: { Authorization: `Bearer ${process.env.SUMUP_API_KEY}` },\n})\n"}),
    ("moneris", {"app/views/checkout.html.erb": '<script src="https://gatewayt.moneris.com/chkt/js/chkt_v1.00.js"></script>\n'}),
    ("opayo", {"composer.json": '{"require": {"league/omnipay": "^3.2", "omnipay/sagepay": "^4.1"}}\n'}),
    ("multisafepay", {"composer.json": '{"require": {"multisafepay/php-sdk": "^5.0"}}\n'}),
    ("buckaroo", {"composer.json": '{"require": {"buckaroo/sdk": "^1.0"}}\n'}),
    ("pin-payments", {"composer.json": '{"require": {"league/omnipay": "^3.2", "omnipay/pin": "^3.0"}}\n'}),
    ("global-payments", {"composer.json": '{"require": {"globalpayments/php-sdk": "^12.0"}}\n'}),
    ("liqpay", {"app/payments/liqpay.py": "import base64\n\nCHECKOUT_URL = 'https://www.liqpay.ua/api/3/checkout'\n\n"
                "def form(data, signature):\n    return {'action': CHECKOUT_URL, 'data': data, 'signature': signature}\n"}),
    ("wayforpay", {"app/payments/wayforpay.py": "import requests\n\ndef purchase(fields):\n"
                   "    return requests.post('https://secure.wayforpay.com/pay', data=fields)\n"}),
    ("robokassa", {"app/payments/robokassa.py": "PAY_URL = 'https://auth.robokassa.ru/Merchant/Index.aspx'\n"}),
    ("sezzle", {"src/sezzle.js": "const BASE = 'https://sandbox.gateway.sezzle.com/v2'\n"
                "export const auth = (keys) => fetch(`${BASE}/authentication`, { method: 'POST', body: JSON.stringify(keys) })\n"}),
    ("paytabs", {"app/Services/PayTabs.php": "<?php\nclass PayTabs\n{\n    const URL = 'https://secure.paytabs.sa/payment/request';\n}\n"}),
    ("culqi", {"templates/pay.html": '<script src="https://checkout.culqi.com/js/v4"></script>\n'}),
    ("transbank", {"requirements.txt": "transbank-sdk==5.0.0\n",
                   "shop/webpay.py": "from transbank.webpay.webpay_plus.transaction import Transaction\n\n"
                   "def start(order):\n    return Transaction().create(order.code, order.session, order.total, order.return_url)\n"}),
    ("wompi", {"src/wompi.ts": "const WOMPI_API = 'https://production.wompi.co/v1'\n"
               "export const getTransaction = (id: string) => fetch(`${WOMPI_API}/transactions/${id}`)\n"}),
    ("viva-wallet", {"app/viva.py": "TOKEN_URL = 'https://demo-accounts.vivapayments.com/connect/token'\n"
                     "ORDERS_URL = 'https://demo-api.vivapayments.com/checkout/v2/orders'\n"}),
    ("chapa", {"app/chapa.py": "import os\nimport requests\n\ndef initialize(body):\n"
               "    return requests.post('https://api.chapa.co/v1/transaction/initialize', json=body,\n"
               "                         headers={'Authorization': f\"Bearer {os.environ['CHAPA_SECRET_KEY']}\"})\n"}),
    ("paymentwall", {"composer.json": '{"require": {"paymentwall/paymentwall-php": "^2.2"}}\n'}),
    ("monnify", {"src/monnify.js": "const BASE = 'https://sandbox.monnify.com/api/v1'\n"
                 "export const login = (auth) => fetch(`${BASE}/auth/login`, { method: 'POST', headers: { Authorization: auth } })\n"}),
    ("coinpayments", {"app/coinpayments.py": "import requests\n\ndef call(fields, hmac):\n"
                      "    return requests.post('https://www.coinpayments.net/api.php', data=fields, headers={'HMAC': hmac})\n"}),
    ("asaas", {"src/asaas.ts": "const ASAAS = 'https://api.asaas.com/v3'\n"
               "export const customers = () => fetch(`${ASAAS}/customers`, { headers: { access_token: process.env.ASAAS_API_KEY! } })\n"}),
    ("iugu", {"app/views/checkout.html.erb": '<script src="https://js.iugu.com/v2"></script>\n'}),
    ("paysafe", {"app/paysafe.py": "BASE = 'https://api.test.paysafe.com/paymenthub/v1'\n"}),
    ("elavon-converge", {"app/converge.py": "import requests\n\ndef sale(fields):\n"
                         "    return requests.post('https://api.demo.convergepay.com/VirtualMerchantDemo/processxml.do', data=fields)\n"}),
    ("fawry", {"app/fawry.py": "CHARGE_URL = 'https://atfawry.fawrystaging.com/ECommerceWeb/Fawry/payments/charge'\n"}),
    ("epayco", {"templates/pay.html": '<script src="https://checkout.epayco.co/checkout.js"></script>\n'}),
    ("skrill", {"app/skrill.py": "PAY_URL = 'https://pay.skrill.com'\n\ndef form(fields):\n    return {'action': PAY_URL, **fields}\n"}),
    ("payone", {"app/payone.py": "import requests\n\ndef preauthorize(fields):\n"
                "    return requests.post('https://api.pay1.de/post-gateway/', data=fields)\n"}),
]

# Omnipay's gateway packages (league/omnipay with one package per gateway) and the checkout scripts
# of processors the catalog already lists.
MORE_CASES += [
    ("windcave", {"composer.json": '{"require": {"league/omnipay": "^3.2", "omnipay/paymentexpress": "^3.1"}}\n'}),
    ("netaxept", {"composer.json": '{"require": {"league/omnipay": "^3.2", "omnipay/netaxept": "^3.0"}}\n'}),
    ("first-data", {"composer.json": '{"require": {"league/omnipay": "^3.2", "omnipay/firstdata": "^3.0"}}\n'}),
    ("worldpay", {"composer.json": '{"require": {"league/omnipay": "^3.2", "omnipay/worldpay": "^3.0"}}\n'}),
    ("mollie", {"resources/views/checkout.blade.php": '<script src="https://js.mollie.com/v1/mollie.js"></script>\n'}),
    ("authorize-net", {"templates/pay.html": '<script src="https://jstest.authorize.net/v1/Accept.js" charset="utf-8"></script>\n'}),
    ("adyen", {"templates/pay.html": '<script src="https://checkoutshopper-test.adyen.com/checkoutshopper/sdk/5.53.2/adyen.js"></script>\n'}),
]

# European and other gateways of shop plug-ins: an SDK in composer.json, or the API host in a client.
MORE_CASES += [
    ("fondy", {"app/fondy.py": "import requests\n\ndef checkout(req):\n"
               "    return requests.post('https://pay.fondy.eu/api/checkout/url/', json={'request': req}).json()\n"}),
    ("tap-payments", {"src/tap.ts": "const res = await fetch('https://api.tap.company/v2/charges', {\n"
                      "  method: 'POST',\n  headers: { Authorization: `Bearer ${process.env.TAP_SECRET_KEY}` },\n})\n"}),
    ("bluesnap", {"app/bluesnap.py": "BASE = 'https://sandbox.bluesnap.com/services/2'\n"}),
    ("helcim", {"src/helcim.js": "export const initialize = (body, token) => fetch('https://api.helcim.com/v2/helcim-pay/initialize', {\n"
                "  method: 'POST', headers: { 'api-token': token }, body: JSON.stringify(body) })\n"}),
    ("nuvei", {"app/nuvei.py": "OPEN_ORDER = 'https://ppp-test.safecharge.com/ppp/api/v1/openOrder.do'\n"}),
    ("payrexx", {"composer.json": '{"require": {"payrexx/payrexx": "^1.8"}}\n'}),
    ("wallee", {"composer.json": '{"require": {"wallee/sdk": "^4.0"}}\n'}),
    ("datatrans", {"app/datatrans.py": "INIT_URL = 'https://api.sandbox.datatrans.com/v1/transactions'\n"}),
    ("saferpay", {"app/saferpay.py": "INIT_URL = 'https://test.saferpay.com/api/Payment/v1/PaymentPage/Initialize'\n"}),
    ("unzer", {"composer.json": '{"require": {"unzerdev/php-sdk": "^3.0"}}\n'}),
]

@pytest.mark.parametrize("sid, files", MORE_CASES, ids=[f"{sid}-{i}" for i, (sid, _) in enumerate(MORE_CASES)])
def test_catalog_entry_is_found_another_way(tmp_path, sid, files, scanner):
    write_tree(tmp_path, files)
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert sid in {u.id for u in inv.services}


@pytest.mark.parametrize("sid, files", [
    # newman runs a collection file locally: no Postman service
    ("postman", {"package.json": '{"name": "x", "scripts": {"test:api": "newman run test/api.postman_collection.json"}, "devDependencies": {"newman": "^6.0.0"}}\n'}),
    # A link to a package's Packagist page (no JSON API path) reads nothing from Packagist.
    ("packagist", {"src/Helper/About.php": "<?php\nclass About\n{\n    public const URL = 'https://packagist.org/packages/acme/acme-core';\n}\n"}),
    # A link to Zapier's site (no embed widget) embeds nothing.
    ("zapier", {"src/views/help.php": "<?php\necho '<a href=\"https://zapier.com/apps/acme/integrations\">Zapier</a>';\n"}),
    # Freshservice (Freshworks' IT service desk) is a product and API of its own, no Freshdesk.
    ("freshdesk", {"app/freshservice.py": "import os\nimport httpx\n\nKEY = os.environ['FRESHSERVICE_API_KEY']\n"
                   "BASE = os.environ['FRESHSERVICE_BASE_URL']\ndef tickets():\n    return httpx.get(f'{BASE}/api/v2/tickets', auth=(KEY, 'X')).json()\n"}),
    # A link to a place on Google Maps (no `output=embed`, no `/maps/embed`) embeds no map.
    ("google-maps", {"app/views/shared/_venue.html.haml": "  = link_to 'View larger map', "
                     "%{https://maps.google.com/maps?f=q&hl=en&q=#{address.for_map}&ie=UTF8&z=15}\n"}),
    # Stripe's own payments (a payment intent, Connect's express dashboard link) are no Connect OAuth.
    ("stripe-connect-oauth", {"src/pay.ts": "import Stripe from 'stripe'\nconst stripe = new Stripe(KEY)\n"
                              "await stripe.paymentIntents.create({ amount: 100 })\n"
                              "export const dashboard = 'https://connect.stripe.com/express_login'\n"}),
    # Kibana is Elasticsearch's UI: a kibana container proves no Logstash pipeline.
    ("logstash", {"docker-compose.yml": "services:\n  kibana:\n    image: docker.elastic.co/kibana/kibana:7.17.0\n"}),
    # Django's `serializer.save(...)` / `user.save(using=...)` beside django-storages is no Google Cloud Storage.
    ("google-cloud-storage", {"pyproject.toml": '[project]\nname = "x"\ndependencies = ["django-storages>=1.14"]\n',
                              "app/views.py": "def perform_create(self, serializer):\n    serializer.save(environment=env)\n    obj.save(update)\n"}),
    # The LinkedIn Insight tag's partner setting is no LinkedIn sign-in.
    ("linkedin-oauth", {"app/settings.py": "import os\nLINKEDIN_PARTNER_TRACKING = os.environ.get('LINKEDIN_PARTNER_TRACKING')\n"}),
    # Ruby >= 3.1 apps list the mail protocol gems for ActionMailer's mail gem: no mailbox read.
    ("imap", {"Gemfile": "gem 'net-imap', require: false\ngem 'net-pop', require: false\ngem 'net-smtp', require: false\n"}),
    ("pop3", {"Gemfile": "gem 'net-imap', require: false\ngem 'net-pop', require: false\ngem 'net-smtp', require: false\n"}),
    # ... nor SMTP delivery: ActionMailer may send through SES or sendmail.
    ("smtp", {"Gemfile": "gem 'net-imap', require: false\ngem 'net-pop', require: false\ngem 'net-smtp', require: false\n",
              "config/environments/production.rb": "Rails.application.configure do\n  config.action_mailer.delivery_method = :ses\nend\n"}),
    # Doctrine's keyword lists and abstract platform name no database.
    ("mysql", {"src/Schema.php": "<?php\nuse Doctrine\\DBAL\\Platforms\\AbstractPlatform;\nuse Doctrine\\DBAL\\Platforms\\Keywords\\MySQLKeywords;\n"}),
    # A page on musicbrainz.org linked by id from a music app's UI calls no API; nor does a crate's dry run.
    ("musicbrainz", {"ui/src/album/Links.jsx": "export const link = (id) => `https://musicbrainz.org/release/${id}`;\n"}),
    # An OIDC provider's own discovery document writes the key; it is no client of another provider.
    ("oidc", {"app/controllers/discovery_controller.rb": "class DiscoveryController\n  def show\n    render json: {userinfo_endpoint: user_info_url}\n  end\nend\n"}),
    ("crates-io", {".github/workflows/ci.yml": "on: push\njobs:\n  c:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cargo publish --dry-run\n"}),
    # A GitLab job pulling from the project's registry is no publish.
    ("gitlab-container-registry", {".gitlab-ci.yml": "test:\n  image: $CI_REGISTRY_IMAGE/ci:latest\n  script:\n    - pytest\n"}),
    # A link to Google Docs is no embedded viewer.
    ("google-docs-viewer", {"help/links.js": 'export const GUIDE = "https://docs.google.com/document/d/abc/edit";\n'}),
    # An app's own setting whose name ends with Rails 8's `JOB_CONCURRENCY` is no Solid Queue.
    ("solid-queue", {"apps/worker/boot.ts": "export const n = Number(process.env.EVENT_JOB_CONCURRENCY || '10');\n"}),
    # An MMDB reader reading DB-IP's downloaded database is DB-IP's client, no MaxMind.
    ("maxmind", {"mix.exs": 'defp deps do\n  [{:geolix_adapter_mmdb2, "~> 0.6"}]\nend\n',
                 "lib/mix/tasks/download_geoip.ex": 'defmodule Mix.Tasks.DownloadGeoip do\n  @base_url "https://download.db-ip.com/free"\nend\n'}),
    # Laravel's stock `rackspace` disk in config/filesystems.php: the framework's menu, unused.
    ("rackspace-cloud-files", {"config/filesystems.php": "<?php\nreturn ['disks' => ['rackspace' => [\n    'driver' => 'rackspace',\n    'username' => env('RACKSPACE_USERNAME'),\n    'key' => env('RACKSPACE_KEY'),\n    'endpoint' => 'https://identity.api.rackspacecloud.com/v2.0/',\n]]];\n"}),
    # A schema-validation middleware on a webhook route is no Twilio signature check.
    ("twilio", {"src/routers/hooks.ts": 'router.post(\n  "/event-webhooks",\n  validateRequestMiddleware({ body: schema }),\n  controller.create,\n);\n'}),
    # A coding agent's skill script reading the npm registry is a developer's tool, not the app's.
    ("npm-registry", {".agents/skills/pnpm-upgrade/scripts/check-age.mjs": 'const r = await fetch(`https://registry.npmjs.org/${encodeURIComponent(name)}`);\n'}),
    # Rails 8's generated puma.rb names Solid Queue in every new app, whatever its job backend.
    ("solid-queue", {"config/puma.rb": 'port ENV.fetch("PORT", 3000)\nplugin :solid_queue if ENV["SOLID_QUEUE_IN_PUMA"]\n'}),
    # googleauth's user consent flow authorizing a Google API client is no sign-in with Google.
    ("google-oauth", {"app/services/gsuite.rb": 'require "googleauth"\nclass Gsuite\n  def authorizer = Google::Auth::UserAuthorizer.new(Google::Auth::ClientId.from_hash(h), SCOPE, store)\nend\n'}),
    # An app's own `/metrics` JSON route, Prometheus named nowhere in the file.
    ("prometheus", {"src/routes/stats.ts": 'router.get("/metrics", async (req, res) => {\n  res.json(await collectUsageStats());\n});\n'}),
    # A remote Chrome as an option beside a local launch: no companion browser service.
    ("headless-chrome", {"lib/browser.ts": 'import { chromium } from "playwright";\nexport async function browser() {\n'
                         '  if (process.env.PLAYWRIGHT_WS_URL) return chromium.connectOverCDP(process.env.PLAYWRIGHT_WS_URL);\n'
                         '  return chromium.launch({ headless: true });\n}\n'}),
    # Puppeteer's CDP client beside the Browserless container it connects to: Browserless, no other Chrome.
    ("headless-chrome", {"compose.yml": "services:\n  chrome:\n    image: ghcr.io/browserless/chromium:latest\n",
                         "src/printer.ts": 'import { connect } from "puppeteer-core";\nexport const b = () => connect({ browserWSEndpoint: process.env.CHROME_URL });\n'}),
    # certbot asking another ACME CA (`--server`) is no Let's Encrypt.
    ("letsencrypt", {"scripts/ssl.php": "<?php\n$cmd = 'certbot certonly --webroot -w /var/www --server https://acme.zerossl.com/v2/DV90 -d ' . $domain;\n"}),
    # Selenium driving a browser in the test suite only.
    ("selenium", {"Gemfile": 'group :test do\n  gem "selenium-webdriver"\nend\n',
                  "spec/support/capybara.rb": 'Capybara.register_driver :remote_chrome do |app|\n'
                  '  Capybara::Selenium::Driver.new(app, browser: :remote, url: ENV["SELENIUM_REMOTE_URL"])\nend\n'}),
    # pydantic's `SecretStr.get_secret_value()` beside boto3 reads no AWS secret.
    ("aws-secrets-manager", {"requirements.txt": "boto3==1.35\npydantic==2.9\n",
                             "app/config.py": 'import boto3\nfrom pydantic import SecretStr\n\n\ndef show_secrets(obj: SecretStr):\n    return obj.get_secret_value()\n'}),
    # A "Listen on Overcast" link to a show's page is for listeners: no feed ping.
    ("overcast", {"lib/app_web/views/podcast_view.ex": 'defmodule AppWeb.PodcastView do\n  def overcast_url(p), do: "https://overcast.fm/itunes#{p.itunes_id}"\nend\n'}),
    # An env file with one literal value beside its `op://` references is no reference template.
    ("1password", {"env.op": "DB_PASS=op://acme/db/password\nAPI_KEY=abc123def456\n"}),
    # A MIME header class (SwiftMailer's `Headers/UnstructuredHeader.php`) is no Unstructured module.
    # the svix library verifying Clerk's webhooks is no Svix client of the app's
    ("svix", {"package.json": '{"dependencies": {"svix": "^1.40.0"}}',
              "app/api/webhooks/clerk/route.ts": 'import { Webhook } from "svix";\n\nexport async function POST(req: Request) {\n'
              '  const wh = new Webhook(process.env.CLERK_WEBHOOK_SECRET!);\n  return wh.verify(await req.text(), headers);\n}\n'}),
    ("unstructured", {"libs/mailer/Mime/Headers/UnstructuredHeader.php": "<?php\nclass Mailer_Mime_Headers_UnstructuredHeader extends Mailer_Mime_Headers_AbstractHeader\n{\n}\n"}),
    # net/imap required for its modified UTF-7 codec only opens no mailbox.
    ("imap", {"lib/normalize_string.rb": "require 'net/imap'\n\ndef from_utf7(s)\n  Net::IMAP.decode_utf7(s)\nend\n"}),
    # A Fastly custom VCL is no Varnish.
    ("varnish", {"fastly/main.vcl": "sub vcl_recv {\n#FASTLY recv\n  return(lookup);\n}\n"}),
    # A button opening the user's webmail (`url: 'https://mail.google.com/'`) is no Gmail OAuth scope.
    ("google-gmail", {"src/auth/open-email-provider.tsx": "const providers = [\n  { name: 'Gmail', url: 'https://mail.google.com/', hosts: ['gmail.com'] },\n"
                      "  { name: 'Outlook', url: 'https://outlook.live.com/mail/', hosts: ['outlook.com'] },\n];\n"}),
    # `brew install` in CI installs a build tool; a GoReleaser brew entry with skip_upload publishes nothing.
    ("homebrew", workflow_with_steps("- run: brew install jq goreleaser")),
    ("homebrew", {".goreleaser.yml": "brews:\n  - name: app\n    skip_upload: true\n"}),
    # Tika's Java library detecting MIME types in-process calls no Tika server.
    ("apache-tika", {"build.gradle": "dependencies {\n    implementation 'org.apache.tika:tika-core:2.9.2'\n}\n",
                     "src/main/java/app/FileTypes.java": "package app;\n\nimport org.apache.tika.Tika;\n\npublic class FileTypes {\n    public static String detect(byte[] b) { return new Tika().detect(b); }\n}\n"}),
    # @bugsnag/cuid is an id generator the Bugsnag scope publishes, no error tracking.
    ("bugsnag", {"packages/core/package.json": '{"name": "core", "dependencies": {"@bugsnag/cuid": "^3.1.1"}}',
                 "packages/core/src/ids.ts": 'import cuid from "@bugsnag/cuid";\nexport const newId = () => cuid();\n'}),
    # @upstash/ratelimit over the app's own Redis (an ioredis adapter): no Upstash account.
    ("upstash-redis", {"apps/web/package.json": '{"dependencies": {"@upstash/ratelimit": "^1.1.3", "ioredis": "^5.3.0"}}',
                       "apps/web/app/services/rateLimiter.server.ts": 'import { Ratelimit } from "@upstash/ratelimit";\nimport Redis from "ioredis";\n'
                       'const redis = new Redis(process.env.REDIS_URL!);\nexport const limiter = new Ratelimit({ redis: adapt(redis), limiter: Ratelimit.slidingWindow(10, "10 s") });\n'}),
    # `wrangler deploy --dry-run` in CI bundles a Worker and uploads nothing.
    ("cloudflare-workers", workflow_with_steps("- run: npx wrangler deploy --dry-run --outdir dist")),
    # A Redis pub/sub pool's PUBSUB_REDIS_* settings are Redis's, not Google Cloud Pub/Sub's.
    ("google-pubsub", {"app/env.server.ts": 'export const env = {\n  host: process.env.PUBSUB_REDIS_HOST,\n  port: process.env.PUBSUB_REDIS_PORT,\n};\n'}),
    # webhook.site as a webhook form's placeholder URL: an example for the user, no capture endpoint made.
    ("webhook-site", {"web/components/WebhookForm.tsx": 'export const Form = () => <input name="url" placeholder="https://webhook.site/your-id" />;\n'}),
    # A docs builder's Sphinx backend (the documentation generator) is no Sphinx Search.
    ("sphinx", {"app/doc_builder/backends/sphinx.py": 'import subprocess\n\nclass SphinxBuilder:\n    def build(self):\n        subprocess.run(["sphinx-build", "docs", "_build"])\n'}),
    # A GITHUB_OAUTH_TOKEN is an API access token (a star count fetch), no GitHub sign-in.
    ("github-oauth", {".env.example": "GITHUB_OAUTH_TOKEN=\n",
                      "env.mjs": "export const env = { token: process.env.GITHUB_OAUTH_TOKEN };\n"}),
    # `ssh -T git@github.com` in CI checks a deploy key: no hosting deploy of any kind.
    ("github-pages", workflow_with_steps("- run: ssh -T git@github.com || true")),
    # A finding's link to its CWE definition page is for people: no download of the CWE catalog.
    ("mitre-cwe", {"app/templatetags/cwe.py": 'def cwe_url(cwe_id):\n    return f"https://cwe.mitre.org/data/definitions/{cwe_id}.html"\n'}),
    # "freestyle" as an everyday word (a drawing tool's mode) is no Freestyle sandbox.
    ("freestyle", {"src/tools/freestyle.ts": "export const FREESTYLE_MODE = 'freestyle';\nexport function freestyle(ctx) { return ctx.draw({ mode: FREESTYLE_MODE }); }\n"}),
    # A worker's loop count named LOOPS_BEFORE_UPLOAD is no Loops account (exact env names only).
    ("loops", {"connectors/worker.py": "import os\n\nLOOPS_BEFORE_UPLOAD = int(os.getenv('LOOPS_BEFORE_UPLOAD', 5))\n"}),
], ids=["postman-newman-local-run", "packagist-package-page-link", "zapier-site-link", "freshdesk-freshservice-product", "google-maps-plain-map-link", "stripe-payments-only", "logstash-kibana", "gcs-django-save", "linkedin-partner", "imap-mail-gem-deps", "pop3-mail-gem-deps", "smtp-mail-gem-deps-ses", "mysql-doctrine-abstract", "musicbrainz-page-link", "oidc-provider-discovery", "crates-dry-run", "gitlab-registry-pull", "google-docs-link", "solid-queue-app-setting", "maxmind-dbip-mmdb", "rackspace-laravel-stock-disk", "twilio-schema-middleware", "npm-registry-agent-skill-script", "solid-queue-rails-puma-template", "google-oauth-api-consent-flow", "prometheus-own-metrics-json",
        "headless-chrome-remote-or-local-launch", "headless-chrome-browserless-container", "letsencrypt-certbot-other-ca", "selenium-test-suite-only", "secrets-manager-pydantic-secretstr",
        "overcast-listen-link", "1password-env-file-with-a-literal", "svix-library-verifying-clerk-webhooks", "unstructured-mime-header-class", "imap-ruby-utf7-codec-only", "varnish-fastly-custom-vcl", "gmail-webmail-link", "homebrew-ci-brew-install", "homebrew-goreleaser-skip-upload", "apache-tika-java-library-in-process",
        "bugsnag-cuid-utility", "upstash-ratelimit-over-ioredis", "cloudflare-workers-wrangler-dry-run", "google-pubsub-redis-pubsub-pool", "webhook-site-form-placeholder", "sphinx-docs-builder-backend", "github-oauth-api-access-token", "github-pages-ssh-key-check", "mitre-cwe-definition-page-link", "freestyle-drawing-mode-word", "loops-loop-count-setting"])
def test_catalog_entry_is_not_found_from_lookalikes(tmp_path, sid, files, scanner):
    write_tree(tmp_path, files)
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert sid not in {u.id for u in inv.services}


def test_graph_api_call_is_no_facebook_login(tmp_path, scanner):
    """A Graph API request on graph.facebook.com (a page's feed with a page token) is the API, not
    the Login dialog or its token exchange."""
    write_tree(tmp_path, {"app/feed.py": "import requests\n\n\ndef feed(page, token):\n"
                          "    return requests.get(f'https://graph.facebook.com/v19.0/{page}/feed', params={'access_token': token}).json()\n"})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "facebook-login" not in {u.id for u in inv.services}


def test_the_smarty_template_engines_own_names_are_no_smartystreets(tmp_path, scanner):
    """The Smarty PHP template engine (a copy in `include/smarty/`) reads SMARTY_* names of its
    own (`$_SERVER['SMARTY_PHPUNIT_DISABLE_HEADERS']`): no Smarty (SmartyStreets) address API."""
    write_tree(tmp_path, {"include/smarty/src/Smarty.php": (
        "<?php\nnamespace Smarty;\nclass Smarty extends TemplateBase {\n"
        "    public function cacheModifiedCheck() {\n"
        "        if (!empty($_SERVER['SMARTY_PHPUNIT_DISABLE_HEADERS'])) {\n"
        "            $_SERVER['SMARTY_PHPUNIT_HEADERS'][] = '304 Not Modified';\n        }\n    }\n}\n")})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "smarty" not in {u.id for u in inv.services}


def test_slack_app_install_authorize_url_is_no_sign_in(tmp_path, scanner):
    """An "Add to Slack" authorize URL asks for bot scopes: the Slack integration, not Sign in
    with Slack (identity.* scopes), which the MORE_CASES entry above finds."""
    write_tree(tmp_path, {"lib/integrations/slack/install.ts":
                          'export const installUrl = (clientId: string, state: string) =>\n'
                          '  `https://slack.com/oauth/v2/authorize?client_id=${clientId}&scope=chat:write,commands&state=${state}`;\n'})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "slack-oauth" not in {u.id for u in inv.services}


def test_youtube_through_yt_dlp_and_its_data_api_path(tmp_path, scanner):
    """yt-dlp is a YouTube downloader first; `googleapis.com/youtube/v3` is a path only the
    YouTube Data API serves, a use on its own behind the umbrella www.googleapis.com host."""
    write_tree(tmp_path / "a", {"requirements.txt": "yt-dlp[default]==2025.1.1\n"})
    write_tree(tmp_path / "b", {"app/commands/video/retrieve.rb":
                                'def api_url = "https://www.googleapis.com/youtube/v3/videos?id=#{id}&part=snippet&key=#{key}"\n'})
    for app in ("a", "b"):
        inv, _ = build_inventory(scanner, [tmp_path / app], tmp_path / app, analysis_date="2026-01-01")
        assert "youtube" in {u.id for u in inv.services}, app


def test_an_own_get_current_user_helper_is_no_amplify_auth(tmp_path, scanner):
    """`getCurrentUser()` is Amplify's too, but every app names its own session helper so: beside
    the AWS SDK (a weak package of Cognito) it proves no Cognito sign-in."""
    write_tree(tmp_path, {"package.json": '{"dependencies": {"aws-sdk": "^2.1500.0"}}\n',
                          "actions/admin.ts": 'import { getCurrentUser } from "@/lib/session";\n'
                                              'export async function requireAdmin() {\n  const user = await getCurrentUser();\n  if (!user) throw new Error("Unauthorized");\n  return user;\n}\n'})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "aws-cognito" not in {u.id for u in inv.services}



def test_an_own_get_auth_method_is_no_firebase_auth(tmp_path, scanner):
    """Firebase's `getAuth()` takes no argument or the app; a controller's own `getAuth(...)`
    method (a Java endpoint returning credentials) beside firebase-admin, used only for push
    messages, is no Firebase Authentication."""
    write_tree(tmp_path, {
        "pom.xml": "<project><modelVersion>4.0.0</modelVersion><groupId>a</groupId><artifactId>b</artifactId><version>1</version>"
                   "<dependencies><dependency><groupId>com.google.firebase</groupId><artifactId>firebase-admin</artifactId><version>9.2.0</version></dependency></dependencies></project>\n",
        "src/main/java/app/CredentialsController.java":
            "package app;\n\npublic class CredentialsController {\n"
            "  public Credentials getAuth(@Auth final AuthenticatedDevice auth) {\n    return generator.generateFor(auth.id());\n  }\n"
            "  public Credentials other() throws Exception { return getAuth(null); }\n}\n"})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "firebase-auth" not in {u.id for u in inv.services}



def test_serving_sftp_over_an_own_ssh_server_is_no_sftp_storage(tmp_path, scanner):
    """Go's pkg/sftp serves SFTP too: an app answering the sftp subsystem of its own SSH server
    (`sftp.NewServer(channel)`) stores nothing on another server."""
    write_tree(tmp_path, {
        "go.mod": "module x\n\ngo 1.22\n\nrequire github.com/pkg/sftp v1.13.6\n",
        "ssh/server/sftp.go": 'package server\n\nimport "github.com/pkg/sftp"\n\n'
                              'func serve(ch io.ReadWriteCloser) error {\n\ts, err := sftp.NewServer(ch)\n'
                              '\tif err != nil {\n\t\treturn err\n\t}\n\treturn s.Serve()\n}\n'})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "sftp" not in {u.id for u in inv.services}


def test_an_xml_namespace_factory_class_is_no_namespace_runner(tmp_path, scanner):
    """Namespace (hosted CI runners) is named with an everyday word of code (catalog `word_name`):
    a `NamespaceXmlFactory` writing XML with namespaces is no vendor module."""
    write_tree(tmp_path, {"src/main/kotlin/org/acme/infrastructure/xml/NamespaceXmlFactory.kt":
                          "package org.acme.infrastructure.xml\n\nimport com.fasterxml.jackson.dataformat.xml.XmlFactory\n\n"
                          "class NamespaceXmlFactory(\n  private val defaultNamespace: String? = null,\n) : XmlFactory()\n"})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "namespace" not in {u.id for u in inv.services}


def test_vercel_storage_env_names_alone_are_no_vercel_postgres(tmp_path, scanner):
    """POSTGRES_PRISMA_URL / POSTGRES_URL_NON_POOLING are set by every Vercel storage integration
    (Neon, Supabase) and kept by apps for any Postgres: with Prisma on them, the app uses PostgreSQL,
    not Vercel Postgres (whose evidence is @vercel/postgres or a *.postgres.vercel-storage.com host)."""
    write_tree(tmp_path, {
        ".env.example": "POSTGRES_PRISMA_URL=postgresql://postgres:1234@localhost\nPOSTGRES_URL_NON_POOLING=postgresql://postgres:1234@localhost\n",
        "prisma/schema.prisma": 'datasource db {\n  provider  = "postgresql"\n  url       = env("POSTGRES_PRISMA_URL")\n  directUrl = env("POSTGRES_URL_NON_POOLING")\n}\n',
        "src/lib/env.ts": "export const url = process.env.POSTGRES_PRISMA_URL\n"})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    ids = {u.id for u in inv.services}
    assert "vercel-postgres" not in ids
    assert "postgresql" in ids
def test_supabase_js_for_sign_in_only_is_supabase_auth_not_the_database(tmp_path, scanner):
    """@supabase/supabase-js made on the vendor's own auth domain and used for sign-in alone is
    Supabase Auth: with no table query, RPC, realtime channel, edge function or client made on a
    SUPABASE_ URL, the hosted database is not used."""
    write_tree(tmp_path, {
        "package.json": '{"name": "web", "dependencies": {"@supabase/supabase-js": "^2.95.3"}}\n',
        "src/auth/provider.tsx": (
            'import { createClient } from "@supabase/supabase-js";\n\n'
            'const AUTH_URL = import.meta.env.CONNECT_AUTH_URL ?? "https://auth.example-vendor.app";\n'
            'const supabase = createClient(AUTH_URL, import.meta.env.CONNECT_AUTH_PUBLISHABLE_KEY);\n\n'
            'export async function signIn(email: string, password: string) {\n'
            '  const { data, error } = await supabase.auth.signInWithPassword({ email, password });\n'
            '  if (error) throw error;\n  return data.session;\n}\n')})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    ids = {u.id for u in inv.services}
    assert "supabase-auth" in ids
    assert "supabase" not in ids


def test_supabase_js_with_table_queries_is_the_database(tmp_path, scanner):
    """The same client querying tables is the hosted database (its package weak: the query confirms it)."""
    write_tree(tmp_path, {
        "package.json": '{"name": "web", "dependencies": {"@supabase/supabase-js": "^2.95.3"}}\n',
        "src/db/items.ts": (
            'import { createClient } from "@supabase/supabase-js";\n\n'
            'const supabase = createClient(import.meta.env.VITE_API_URL, import.meta.env.VITE_KEY);\n\n'
            'export async function items() {\n'
            '  const { data } = await supabase.from("items").select("*");\n  return data;\n}\n')})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "supabase" in {u.id for u in inv.services}


def test_vat_calculator_computing_rates_only_is_no_vies(tmp_path, scanner):
    """VatCalculator's tax rates are a table in the library: an app computing a gross price with it
    (no `isValidVATNumber`/`getVATDetails`) calls no VIES service."""
    write_tree(tmp_path, {
        "composer.json": '{"require": {"mpociot/vat-calculator": "^3.1"}}',
        "src/Tax/Gross.php": "<?php\nuse Mpociot\\VatCalculator\\VatCalculator;\n\nfinal class Gross {\n"
                             "    public function __construct(private VatCalculator $c) {}\n"
                             "    public function of(float $net, string $country): float { return $this->c->calculate($net, $country); }\n}\n"})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "eu-vies" not in {u.id for u in inv.services}
def test_a_heap_profiler_module_is_no_heap_analytics(tmp_path, scanner):
    """Heap (product analytics) is named with an everyday word of code (catalog `word_name`): a
    `Profiler/HeapProfiler.ts` writing V8 heap snapshots is no vendor module."""
    write_tree(tmp_path, {"packages/auth/src/Domain/Profiler/HeapProfiler.ts":
                          "import { writeHeapSnapshot } from 'v8'\n\nexport class HeapProfiler {\n"
                          "  takeHeapSnapshot(): string {\n    return writeHeapSnapshot()\n  }\n}\n"})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "heap" not in {u.id for u in inv.services}
def test_docker_login_named_in_a_message_is_no_docker_hub_login(tmp_path, scanner):
    """A composite action's error text naming `docker login` ("... they break docker login") is
    no login: the bare-login rule needs a credential option after the command."""
    write_tree(tmp_path, {".github/actions/setup/action.yml":
                          "runs:\n  using: composite\n  steps:\n    - shell: bash\n      run: |\n"
                          '        echo "Paths like ghcr.io/org are not allowed as they break docker login"\n'})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "docker-hub" not in {u.id for u in inv.services}
def test_a_custom_http_sms_client_is_no_httpsms(tmp_path, scanner):
    """httpSMS (the Android gateway) is named with an everyday phrase (catalog `word_name`): an
    `HttpSmsClient` posting to the endpoint an admin configures is the app's generic SMS client."""
    write_tree(tmp_path, {"object/sms_custom_http.go":
                          'package object\n\nimport "net/http"\n\ntype HttpSmsClient struct {\n\tendpoint string\n}\n\n'
                          "func (c *HttpSmsClient) SendMessage(to string) error {\n"
                          "\t_, err := http.Post(c.endpoint, \"text/plain\", nil)\n\treturn err\n}\n"})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "httpsms" not in {u.id for u in inv.services}
def test_a_circle_so_client_is_no_circleci(tmp_path, scanner):
    """CircleCI is known by its own variables, not a CIRCLE_ prefix: a `CircleApi` service for
    Circle.so (community platform) with CIRCLE_API_KEY is that vendor's, not CircleCI."""
    write_tree(tmp_path, {
        ".env.example": "CIRCLE_API_KEY=\n",
        "app/services/circle_api.rb": 'class CircleApi\n  include HTTParty\n  base_uri "https://app.circle.so/api/v1"\n\n'
                                      '  def members\n    self.class.get("/community_members", headers: { "Authorization" => "Token #{ENV.fetch("CIRCLE_API_KEY")}" })\n  end\nend\n',
    })
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "circleci" not in {u.id for u in inv.services}
def test_an_s3_cli_command_pointed_at_another_endpoint_is_no_aws_s3(tmp_path, scanner):
    """`aws s3 sync ... \\` continued with `--endpoint-url` uploads to an S3-compatible store (R2,
    MinIO): a command continued on the next line, or naming another endpoint, is not read as S3."""
    write_tree(tmp_path, {".github/workflows/ci.yml":
                          "on: push\njobs:\n  upload:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n"
                          '          aws s3 sync "${SOURCE_DIR}" "s3://${BUCKET}/" \\\n'
                          '            --endpoint-url "${S3_ENDPOINT}" --acl public-read\n'
                          "      - run: aws s3 cp build.zip s3://previews/ --endpoint-url https://example.r2.cloudflarestorage.com\n"})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "aws-s3" not in {u.id for u in inv.services}
def test_mike_deploy_without_push_is_no_github_pages(tmp_path, scanner):
    """`mike deploy` without `--push` only commits the docs version to the local gh-pages
    branch (a preview build): no Pages deployment."""
    write_tree(tmp_path, workflow_with_steps("- run: mike deploy dev && mike serve"))
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "github-pages" not in {u.id for u in inv.services}
def test_facebook_sdk_script_is_no_meta_pixel(tmp_path, scanner):
    """connect.facebook.net's JS SDK (`sdk.js`, the page plugin) is no Pixel: the Pixel's base
    code is `fbevents.js` and `fbq('init')`."""
    write_tree(tmp_path, {"app/views/layouts/application.html.erb":
                          '<div id="fb-root"></div>\n<script async src="https://connect.facebook.net/en_GB/sdk.js#xfbml=1&version=v18.0"></script>\n'})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "meta-pixel" not in {u.id for u in inv.services}


@pytest.mark.parametrize("sid, files", [
    # CircleCI reads circle.yml at the repository's root only: one in a sub-project runs nothing.
    ("circleci", {"vendor/lib/circle.yml": "machine:\n  ruby:\n    version: 2.2.0\n"}),
    # gcloud named in a comment, or another gcloud command (auth, config), is no Cloud Build / GKE / registry.
    ("google-kubernetes-engine", {"lib/gcloud.rb": "module Gcloud\n  # see gcloud container clusters get-credentials\n  def self.login\n    system('gcloud', 'auth', 'activate-service-account')\n  end\nend\n"}),
    ("google-cloud-build", {"lib/gcloud.rb": "module Gcloud\n  def self.project\n    `gcloud config get-value project`.strip\n  end\nend\n"}),
    ("google-artifact-registry", {"lib/gcloud.rb": "module Gcloud\n  def self.version\n    `gcloud version`[/Google Cloud SDK (.*)/, 1]\n  end\nend\n"}),
    # Slack's v2 token endpoint alone is a bot installation (the Slack integration), no sign-in.
    ("slack-oauth", {"app/api/slack/callback/route.ts": 'export async function GET(req: Request) {\n  const code = new URL(req.url).searchParams.get("code")\n  const res = await fetch("https://slack.com/api/oauth.v2.access", { method: "POST", body: new URLSearchParams({ code: code ?? "" }) })\n  return Response.json(await res.json())\n}\n'}),
])
def test_deploy_tool_lookalikes_are_not_the_service(tmp_path, sid, files, scanner):
    write_tree(tmp_path, files)
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert sid not in {u.id for u in inv.services}


# Django apps' vendors named by a settings value, a header, a config file or a subclassed backend
# (djangoproject, takahe, pythondotorg misses): SendGrid's SMTP relay as EMAIL_HOST, the
# pykismet3 client, the Transifex CLI's project file, the Fastly API's key header, a
# django-storages S3 backend subclass, Haystack's Solr engine, HCP Terraform's `cloud` block,
# the Next-Gen WAF's Terraform provider and a Fastly service streaming logs to Datadog.
# (Its own list and test: MORE_CASES' parametrize above has already read that list.)
DJANGO_APP_CASES = [
    ("sendgrid", {"app/settings.py": 'EMAIL_HOST = "smtp.sendgrid.net"\nEMAIL_PORT = 587\nEMAIL_HOST_USER = "apikey"\n'}),
    ("akismet", {"requirements.txt": "Django==5.0\npykismet3==0.1.1\n",
                 "contact/forms.py": "from pykismet3 import Akismet\n\nakismet = Akismet(api_key=KEY, blog_url=URL)\n"}),
    ("transifex", {".tx/config": "[main]\nhost = https://www.transifex.com\n\n[o:org:p:site:r:main]\n"
                                 "file_filter = locale/<lang>/LC_MESSAGES/django.po\nsource_lang = en\n"}),
    ("fastly", {"docs/management/commands/purge_cache.py":
                "import requests\nfrom django.conf import settings\n\n\ndef purge(url):\n"
                "    s = requests.Session()\n"
                '    s.headers.update({"Fastly-Key": settings.FASTLY_API_KEY, "Accept": "application/json"})\n'
                "    return s.post(url).json()\n"}),
    ("aws-s3", {"requirements.txt": "django-storages[boto3]~=1.13.1\n",
                "core/uploads.py": "from storages.backends.s3boto3 import S3Boto3Storage\n\n\n"
                                   "class MediaStorage(S3Boto3Storage):\n    pass\n"}),
    ("apache-solr", {"settings.py": "HAYSTACK_CONNECTIONS = {\n    'default': {\n"
                                    "        'ENGINE': 'haystack.backends.solr_backend.SolrEngine',\n"
                                    "        'URL': os.environ['SEARCH_URL'],\n    },\n}\n"}),
    ("terraform-cloud", {"infra/config.tf": 'terraform {\n  cloud {\n    organization = "acme"\n'
                                            '    workspaces {\n      name = "site-infra"\n    }\n  }\n}\n'}),
    ("fastly-ngwaf", {"infra/versions.tf": 'terraform {\n  required_providers {\n    sigsci = {\n'
                                           '      source  = "signalsciences/sigsci"\n      version = "3.3.0"\n    }\n  }\n}\n'}),
    ("plausible", {"templates/base.html": '<!doctype html>\n<head>\n    <script defer\n            data-domain="example.org"\n'
                                          '            src="https://analytics.example.org/js/script.file-downloads.outbound-links.js"></script>\n</head>\n'}),
    ("datadog", {"infra/cdn/main.tf": 'resource "fastly_service_vcl" "site" {\n  name = "www"\n'
                                      '  logging_datadog {\n    name  = "dd"\n    token = var.datadog_key\n  }\n}\n'}),
]


@pytest.mark.parametrize("sid, files", DJANGO_APP_CASES, ids=[f"{sid}-{i}" for i, (sid, _) in enumerate(DJANGO_APP_CASES)])
def test_django_app_vendor_is_found(tmp_path, sid, files, scanner):
    write_tree(tmp_path, files)
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert sid in {u.id for u in inv.services}


def test_haystack_alone_is_no_solr(tmp_path, scanner):
    """django-haystack is a search front end over Solr, Elasticsearch, Whoosh or Xapian: the
    package with an Elasticsearch engine in HAYSTACK_CONNECTIONS is no Solr."""
    write_tree(tmp_path, {"requirements.txt": "django-haystack==3.2\nelasticsearch==7.17\n",
                          "settings.py": "HAYSTACK_CONNECTIONS = {\n    'default': {\n"
                                         "        'ENGINE': 'haystack.backends.elasticsearch7_backend.Elasticsearch7SearchEngine',\n"
                                         "    },\n}\n"})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "apache-solr" not in {u.id for u in inv.services}


def test_data_domain_attribute_alone_is_no_plausible(tmp_path, scanner):
    """Plausible's script tag is `data-domain` with a `/js/script*.js` source; a `data-domain`
    on a link or a div (a domain-trust badge, an environment name) is no tracker."""
    write_tree(tmp_path, {"views/go.html": '<a href="{{ url }}" rel="nofollow" class="domain-trust" data-domain="{{ domain }}">Go</a>\n'
                                           '<script src="/static/js/script.js"></script>\n'})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "plausible" not in {u.id for u in inv.services}


def test_roblox_oauth_endpoints_are_sign_in_with_roblox(tmp_path, scanner):
    """Roblox's OAuth 2.0 endpoints (apis.roblox.com/oauth/v1/...) in a sign-in provider table are
    Sign in with Roblox, not an uncatalogued Roblox API; the bare Open Cloud host is no sign-in."""
    write_tree(tmp_path, {
        "internal/oauth/config.go": 'package oauth\n\nimport "golang.org/x/oauth2"\n\n'
                                    'var Roblox = oauth2.Endpoint{\n\tAuthURL:  "https://apis.roblox.com/oauth/v1/authorize",\n'
                                    '\tTokenURL: "https://apis.roblox.com/oauth/v1/token",\n}\n',
        "internal/constants/oauth_info_urls.go": 'package constants\n\nconst RobloxUserInfoURL = "https://apis.roblox.com/oauth/v1/userinfo"\n',
    })
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    ids = {u.id for u in inv.services}
    assert "roblox-oauth" in ids and "roblox" not in ids
    other = tmp_path / "other"
    write_tree(other, {"app/place.py": 'import requests\n\ndef publish(key):\n'
                                       '    return requests.post("https://apis.roblox.com/universes/v1/1/places/2/versions", headers={"x-api-key": key})\n'})
    inv, _ = build_inventory(scanner, [other], other, analysis_date="2026-01-01")
    assert "roblox-oauth" not in {u.id for u in inv.services}


def test_gorms_libsql_dialector_is_turso(tmp_path, scanner):
    """GORM's libSQL dialector (github.com/ekristen/gorm-libsql, over libsql-client-go's older
    module path github.com/libsql/libsql-client-go) opens a Turso / libSQL database."""
    write_tree(tmp_path, {"go.mod": "module example.com/app\n\ngo 1.22\n\nrequire (\n"
                                    "\tgithub.com/ekristen/gorm-libsql v0.0.0-20231101204708-6e113112bcc2\n"
                                    "\tgorm.io/gorm v1.25.5\n)\n"})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "turso" in {u.id for u in inv.services}


def test_authlib_pinned_but_never_imported_is_no_oidc(tmp_path, scanner):
    """Authlib pinned to a patched version among other security pins (a transitive dependency
    of an MCP or LLM library), imported by no code: no OpenID Connect sign-in. Imported, it is."""
    write_tree(tmp_path / "a", {"pyproject.toml": '[project]\nname = "x"\ndependencies = [\n'
                                                  '  "fastapi>=0.110",\n  "authlib>=1.7.1",\n  "pyasn1>=0.6.4",\n]\n',
                                "app/main.py": "from fastapi import FastAPI\n\napp = FastAPI()\n"})
    inv, _ = build_inventory(scanner, [tmp_path / "a"], tmp_path / "a", analysis_date="2026-01-01")
    assert "oidc" not in {u.id for u in inv.services}
    write_tree(tmp_path / "b", {"pyproject.toml": '[project]\nname = "x"\ndependencies = ["authlib>=1.7.1"]\n',
                                "app/auth.py": "from authlib.integrations.starlette_client import OAuth\n\noauth = OAuth()\n"
                                               "oauth.register('sso', server_metadata_url='https://id.example.org/.well-known/openid-configuration')\n"})
    inv, _ = build_inventory(scanner, [tmp_path / "b"], tmp_path / "b", analysis_date="2026-01-01")
    assert "oidc" in {u.id for u in inv.services}


def test_authlib_oauth2_server_is_no_oidc_sign_in(tmp_path, scanner):
    """Authlib's server side (a Flask AuthorizationServer over SQLAlchemy client/token mixins,
    RFC 6749 grants, PKCE) makes the app an OAuth2 provider for its own API clients: nobody
    signs in to it with an OpenID Connect provider."""
    write_tree(tmp_path, {
        "pyproject.toml": '[project]\nname = "x"\ndependencies = ["authlib>=1.6", "flask>=3"]\n',
        "app/oauth2/server.py": "from authlib.integrations.flask_oauth2 import AuthorizationServer\n"
                                "from authlib.integrations.sqla_oauth2 import create_query_client_func, create_save_token_func\n"
                                "from authlib.oauth2.rfc7636 import CodeChallenge\n\n"
                                "from .grants import AuthorizationCodeGrant\nfrom .models import OAuth2Client, OAuth2Token, db\n\n"
                                "authorization_server = AuthorizationServer()\n\n"
                                "def config_oauth(app):\n"
                                "    authorization_server.init_app(app, query_client=create_query_client_func(db.session, OAuth2Client),\n"
                                "                                  save_token=create_save_token_func(db.session, OAuth2Token))\n"
                                "    authorization_server.register_grant(AuthorizationCodeGrant, [CodeChallenge(required=True)])\n",
        "app/oauth2/grants.py": "from authlib.oauth2 import OAuth2Request\nfrom authlib.oauth2.rfc6749 import grants\n\n"
                                "class AuthorizationCodeGrant(grants.AuthorizationCodeGrant):\n"
                                "    TOKEN_ENDPOINT_AUTH_METHODS = ['client_secret_post']\n",
        "app/oauth2/resource_protector.py": "from authlib.integrations.flask_oauth2 import ResourceProtector\n"
                                            "from authlib.oauth2.rfc6750 import BearerTokenValidator\n\nrequire_auth = ResourceProtector()\n",
    })
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "oidc" not in {u.id for u in inv.services}


def test_cloudfront_url_signer_is_no_rds_iam_auth(tmp_path, scanner):
    """botocore's CloudFrontSigner signs CloudFront URLs of a storage backend: no RDS IAM
    database auth token. @aws-sdk/rds-signer's `new Signer({...})` is one."""
    write_tree(tmp_path / "a", {
        "pyproject.toml": '[project]\nname = "x"\ndependencies = ["boto3>=1.34"]\n',
        "app/storage/cloudfront.py": "import logging\nfrom datetime import datetime, timedelta\n\n"
                                     "from botocore.signers import CloudFrontSigner\n\nlogger = logging.getLogger(__name__)\n\n"
                                     "class CloudFrontBackend:\n"
                                     "    def upload_file(self, key, body):\n"
                                     "        self.client.put_object(Bucket=self.bucket_name, Key=key, Body=body)\n"
                                     "        logger.info(f'Uploaded file to AWS S3: {key}')\n\n"
                                     "    def sign_url(self, url, valid_for=600):\n"
                                     "        cf_signer = CloudFrontSigner(self.key_id, self._rsa_signer)\n"
                                     "        return cf_signer.generate_presigned_url(url, date_less_than=datetime.utcnow() + timedelta(seconds=valid_for))\n",
    })
    inv, _ = build_inventory(scanner, [tmp_path / "a"], tmp_path / "a", analysis_date="2026-01-01")
    assert "aws-rds" not in {u.id for u in inv.services}
    write_tree(tmp_path / "b", {
        "src/db.ts": 'import { Signer } from "@aws-sdk/rds-signer";\n\n'
                     "export async function dbToken() {\n"
                     "  const signer = new Signer({ hostname: process.env.DB_HOST!, port: 5432, username: 'app', region: 'eu-west-1' });\n"
                     "  return signer.getAuthToken();\n}\n",
    })
    inv, _ = build_inventory(scanner, [tmp_path / "b"], tmp_path / "b", analysis_date="2026-01-01")
    assert "aws-rds" in {u.id for u in inv.services}


def test_uptime_kumas_own_server_settings_are_no_uptime_kuma(tmp_path, scanner):
    """A server built from Uptime Kuma's code keeps reading its settings for itself
    (UPTIME_KUMA_WS_ORIGIN_CHECK for its own Socket.IO server): no Uptime Kuma instance used.
    A push URL of an instance is one."""
    write_tree(tmp_path / "a", {"backend/server.ts": 'const bypass = process.env.UPTIME_KUMA_WS_ORIGIN_CHECK === "bypass";\n'
                                                     "const port = process.env.UPTIME_KUMA_PORT || 5001;\n"})
    inv, _ = build_inventory(scanner, [tmp_path / "a"], tmp_path / "a", analysis_date="2026-01-01")
    assert "uptime-kuma" not in {u.id for u in inv.services}
    write_tree(tmp_path / "b", {"src/heartbeat.ts": "await fetch(process.env.UPTIME_KUMA_PUSH_URL + '?status=up');\n"})
    inv, _ = build_inventory(scanner, [tmp_path / "b"], tmp_path / "b", analysis_date="2026-01-01")
    assert "uptime-kuma" in {u.id for u in inv.services}


@pytest.mark.parametrize("text", [
    "export const Settings = () => <input name=\"gtm\" placeholder=\"GTM-XXXXXXX\" />;\n",
    "const label = 'Paste your container id (GTM-...)';\n",
])
def test_a_tag_manager_placeholder_is_no_container(tmp_path, scanner, text):
    """A form's placeholder id (`GTM-XXXXXXX`) names no container the app loads."""
    write_tree(tmp_path, {"src/components/Settings.tsx": text})
    inv, _ = build_inventory(scanner, [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "google-tag-manager" not in {u.id for u in inv.services}
