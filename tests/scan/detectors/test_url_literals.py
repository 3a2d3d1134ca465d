"""url_literals' rules, run through the code detector that reads string literals."""

from __future__ import annotations

from mkdocs_integrations.model import HOST
from mkdocs_integrations.scan.detectors.code import DETECTOR


def hosts(ev):
    return {(e.name, e.service) for e in ev if e.kind == HOST}


def test_catalogued_api_host_on_a_docs_domain_counts_on_an_api_path(run_detector):
    """mozilla.org's hosts are documentation (MDN), but bugzilla.mozilla.org's `/rest/` is
    Bugzilla's REST API: a catalogued exact host called on an API path is a request."""
    src = """\
    function fetchBugs(locale) {
      return $.ajax({
        url: 'https://bugzilla.mozilla.org/rest/bug',
        data: { component: locale },
      });
    }
    """
    ev, _ = run_detector(DETECTOR, "app/static/js/bugzilla.js", src)
    assert ("bugzilla.mozilla.org", "bugzilla") in hosts(ev)


def test_a_bug_page_or_mdn_link_on_a_docs_domain_is_still_no_host(run_detector):
    src = """\
    const BUG = "https://bugzilla.mozilla.org/show_bug.cgi?id=123456";
    const MDN = "https://developer.mozilla.org/api/v1/Web/API/fetch";
    """
    ev, _ = run_detector(DETECTOR, "app/static/js/links.js", src)
    assert hosts(ev) == set()


def test_csp_mapping_value_continued_over_lines_is_no_host_the_code_calls(run_detector):
    """A policy kept as a dict (`"script-src": "'self' https://a ... \\` continued onto the next
    line): the hosts on the continuation lines are sources, as those on the directive's line."""
    src = """\
    csp = {
        "connect-src": "*.example.gov https://www.google-analytics.com",
        "script-src": "'self' https://dap.digitalgov.gov https://www.google-analytics.com \\
            https://www.googletagmanager.com https://www.gstatic.com/recaptcha/ \\
                'unsafe-inline'",
    }
    requests.get("https://status.example.io/api/v2/incidents.json")
    """
    ev, _ = run_detector(DETECTOR, "webservices/rest.py", src)
    assert {name for name, _ in hosts(ev)} == {"status.example.io"}


def test_django_csp_setting_tuple_is_no_host_the_code_calls(run_detector):
    """django-csp's `CSP_CONNECT_SRC = (...)`: sources a page may load, like a helmet list."""
    src = """\
    CSP_CONNECT_SRC = (
        "'self'",
        "https://api.mixpanel.com/track",
    )
    CSP_IMG_SRC = ["'self'", "https://api.segment.io/v1"]
    requests.post("https://api.openai.com/v1/chat/completions")
    """
    ev, _ = run_detector(DETECTOR, "app/settings/base.py", src)
    assert {name for name, _ in hosts(ev)} == {"api.openai.com"}


def test_a_catalogued_host_on_mozilla_org_is_a_request_its_other_hosts_are_not(run_detector):
    """mozilla.org is skipped as documentation (MDN), but hg.mozilla.org is a catalogued API:
    the pushlog request counts; a link to developer.mozilla.org still does not."""
    ev, _ = run_detector(DETECTOR, "app/pushlog.py", """\
        import requests

        MDN = 'https://developer.mozilla.org/en-US/docs/Web/HTTP'
        WIKI = 'https://wiki.mozilla.org/api/v1/pages'

        def pushes(repo):
            return requests.get(f'https://hg.mozilla.org/{repo}/json-pushes/?version=2').json()
        """)
    assert [(e.name, e.service) for e in ev if e.kind == HOST] == [("hg.mozilla.org", "mozilla-hg")]


def test_a_url_in_a_mock_payload_the_app_builds_is_data_not_a_request(run_detector):
    """A notifier's "send a test message" builds a sample payload: its reference links
    (nvd.nist.gov's CVE page) are the sample's data. A request in the same file still counts,
    and so does a call's argument inside a function of that name."""
    src = """\
    import requests

    class NotificationTester:
        def build_mock_payload(self):
            changes = [
                {
                    "cve": {"cve_id": "CVE-2025-64459", "title": "SQL injection (Q objects)"},
                    "events": [
                        {"type": "references", "details": {"added": [
                            "https://nvd.nist.gov/vuln/detail/CVE-2025-64459",
                        ]}},
                    ],
                },
            ]
            return {"changes": changes}

        def send(self, url, token):
            requests.post("https://api.pushover.net/1/messages.json", data={"token": token})

    def fake_login(session):
        return session.post("https://api.mailgun.net/v3/domains")
    """
    ev, _ = run_detector(DETECTOR, "web/projects/notifications.py", src)
    assert {name for name, _ in hosts(ev)} == {"api.pushover.net", "api.mailgun.net"}


def test_a_url_in_a_constant_named_for_sample_data_is_no_request(run_detector):
    src = """\
    export const FAKE_WEBHOOK_EVENT = {
      sender: { avatar_url: "https://avatars.githubusercontent.com/u/1" },
      links: ["https://nvd.nist.gov/vuln/detail/CVE-2024-1"],
    };
    export const samples = ["https://api.openai.com/v1/models"];
    """
    ev, _ = run_detector(DETECTOR, "src/webhooks/events.ts", src)
    assert {name for name, _ in hosts(ev)} == {"api.openai.com"}


def test_a_script_on_a_bucket_host_is_a_library_not_the_apps_storage(run_detector):
    """A map plug-in's script on its publisher's S3 bucket, listed for a page to include, is a
    library a browser loads; an object URL on the same kind of host is still S3."""
    src = """\
    def map_provider_dependencies
      {
        'esri' => ['https://cdn-geoweb.s3.amazonaws.com/esri-leaflet/0.0.1-beta.5/esri-leaflet.js'],
      }[map_provider] || []
    end
    EXPORTS = 'https://acme-exports.s3.amazonaws.com/reports/latest.csv'
    """
    ev, _ = run_detector(DETECTOR, "app/helpers/mapping_helper.rb", src)
    assert {service for _, service in hosts(ev)} == {"aws-s3"}
    assert "cdn-geoweb.s3.amazonaws.com" not in {name for name, _ in hosts(ev)}


def test_a_url_given_as_another_urls_query_value_is_not_requested(run_detector):
    """`/defunct?url=https://web.archive.org/web/...`: a link handed to the app's own page as
    data, not a request to the Wayback Machine; the same host called directly still counts."""
    src = """\
    def url
      "#{site_root_url}defunct?url=https://web.archive.org/web/#{archive_date}/#{url}"
    end
    """
    ev, _ = run_detector(DETECTOR, "lib/machine_tag.rb", src)
    assert hosts(ev) == set()
    direct = 'def save(url)\n  Net::HTTP.get(URI("https://web.archive.org/save/#{url}"))\nend\n'
    ev, _ = run_detector(DETECTOR, "lib/wayback.rb", direct)
    assert ("web.archive.org", "archive-org") in hosts(ev)


def test_a_map_uri_link_asking_for_an_html_page_is_no_api_call(run_detector):
    """Baidu Maps' URI API (`api.map.baidu.com/marker?...&output=html`) opens a map page for a
    person; the same host's web service (`/reverse_geocoding/v3/`, json) is a request."""
    src = """\
    function mapLinkFor(provider, lat, lon) {
      switch (provider) {
        case 'baidu':
          return `https://api.map.baidu.com/marker?location=${lat},${lon}&title=Card&output=html`;
        default:
          return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}`;
      }
    }
    """
    ev, _ = run_detector(DETECTOR, "models/lib/mapLink.js", src)
    assert ("api.map.baidu.com", "baidu-maps") not in hosts(ev)
    api = "const r = await fetch(`https://api.map.baidu.com/reverse_geocoding/v3/?ak=${ak}&output=json&location=${loc}`);\n"
    ev, _ = run_detector(DETECTOR, "server/geo.js", api)
    assert ("api.map.baidu.com", "baidu-maps") in hosts(ev)


def test_a_repository_git_clones_is_no_forge_api_call(run_detector):
    """`git clone https://gitlab.com/org/tool` in a generated script's text checks out source
    code; a request to the same host's API still counts."""
    src = """\
    const skeleton =
      '# Use GitLab\\'s converter for a real translation:\\n' +
      '#   git clone https://gitlab.com/gitlab-org/ci-cd/github-actions-to-gitlab-ci\\n\\n' +
      'stages:\\n  - build\\n';
    fs.writeFileSync('.gitlab-ci.yml', skeleton);
    """
    ev, _ = run_detector(DETECTOR, "tools/forge-mirror.js", src)
    assert ("gitlab.com", "gitlab") not in hosts(ev)
    api = "const res = await fetch(`https://gitlab.com/api/v4/projects/${id}/issues`, { headers });\n"
    ev, _ = run_detector(DETECTOR, "server/gitlab.js", api)
    assert ("gitlab.com", "gitlab") in hosts(ev)


def test_firebase_app_options_database_url_is_no_database_use(run_detector):
    """The Admin SDK snippet and the web config Firebase's console hands out name the project's
    Realtime Database (`databaseURL`) whether or not the app opens it; a plain setting of the
    database's URL the app keeps for its own client still counts."""
    admin = """\
    import admin from "firebase-admin";

    admin.initializeApp({
      credential: admin.credential.cert(serviceAccount),
      databaseURL: "https://chef-book.firebaseio.com",
    });
    """
    ev, _ = run_detector(DETECTOR, "src/general/firebaseAdmin.ts", admin)
    assert hosts(ev) == set()
    web = """\
    export const firebaseConfig = {
      apiKey: "AIzaSyA-example",
      authDomain: "chef-book.firebaseapp.com",
      databaseURL: "https://chef-book.firebaseio.com",
      projectId: "chef-book",
    };
    """
    ev, _ = run_detector(DETECTOR, "src/environments/firebase.ts", web)
    assert hosts(ev) == set()
    python = """\
    import firebase_admin
    from firebase_admin import credentials

    firebase_admin.initialize_app(credentials.Certificate(path), {'databaseURL': 'https://chat-app.firebaseio.com'})
    """
    ev, _ = run_detector(DETECTOR, "app/push.py", python)
    assert hosts(ev) == set()
    own = """\
    module.exports = {
      'databaseUrl': 'https://chat-v2-dev.firebaseio.com'
    };
    """
    ev, _ = run_detector(DETECTOR, "channels/chat/firebaseConfig.js", own)
    assert ("chat-v2-dev.firebaseio.com", "firebase-realtime-database") in hosts(ev)
REDDIT_COMMENTS = """\
module App::Comments
  private REDDIT_URL = URI.parse("https://www.reddit.com")

  def fetch_reddit(id)
    client = make_client(REDDIT_URL)
    results = client.get("/search.json?q=#{id}", headers)
    client.get("/r/#{results.subreddit}/comments/#{results.id}.json").body
  end
end
"""


def test_a_bare_origin_a_vendor_named_file_requests_paths_on_is_that_vendor(run_detector):
    """`comments/reddit.cr` makes a client on https://www.reddit.com and asks it for
    `/search.json`: the site's host is Reddit's JSON API there (the catalog leaves www.reddit.com
    out because most apps only link to it)."""
    ev, _ = run_detector(DETECTOR, "src/app/comments/reddit.cr", REDDIT_COMMENTS)
    assert [(e.name, e.service) for e in ev if e.kind == HOST] == [("www.reddit.com", "reddit")]


def test_a_bare_origin_in_a_vendor_named_file_without_requests_is_a_link(run_detector):
    text = 'module App::Share\n  REDDIT_URL = "https://www.reddit.com"\n  def link(id)\n    "#{REDDIT_URL}/submit?url=#{id}"\n  end\nend\n'
    assert not [e for e in run_detector(DETECTOR, "src/app/share/reddit.cr", text)[0] if e.kind == HOST]
    routes = "router.get('/auth/callback', handler)\nconst HOME = 'https://www.reddit.com'\n"
    assert not [e for e in run_detector(DETECTOR, "src/routes/reddit.ts", routes)[0] if e.kind == HOST]


def test_a_vendor_named_files_sign_in_page_or_player_script_is_not_the_vendors_api(run_detector):
    # A sign-in connector's authorize page (dex's connector/linkedin/linkedin.go) is the
    # vendor's OAuth, and a media player's script load (renderers/vimeo.js) a page asset: the
    # file's name does not make either the vendor's API.
    go = ('package linkedin\n\nimport "net/http"\n\nconst authURL = "https://www.linkedin.com/oauth/v2/authorization"\n\n'
          'func get(c *http.Client) { c.Get("https://api.linkedin.com/v2/me") }\n')
    ev, _ = run_detector(DETECTOR, "connector/linkedin/linkedin.go", go)
    assert ("www.linkedin.com", "linkedin-api") not in [(e.name, e.service) for e in ev if e.kind == HOST]
    js = ("VimeoApi.promise = mejs.Utils.loadScript('https://player.vimeo.com/api/player.js');\n"
          "fetch('https://player.vimeo.com/api/player.js');\n")
    ev, _ = run_detector(DETECTOR, "script/renderers/vimeo.js", js)
    assert not [e for e in ev if e.kind == HOST and e.service == "vimeo"]


def test_quoted_samples_after_an_example_marker_in_a_tooltip_are_no_requests(run_detector):
    """A form's help text naming sample issuers, each quoted inside the sentence (`For example:
    "https://accounts.google.com" or "https://login.salesforce.com".`): samples of what an admin
    types, not hosts the app calls. The same URL as a value of its own still counts."""
    tsx = """\
    <Tooltip title='The URL identifier for the OIDC provider. For example: "https://accounts.google.com" or "https://login.salesforce.com".'>
      <CircleHelp size={14} />
    </Tooltip>
    """
    ev, _ = run_detector(DETECTOR, "src/settings/AuthnOIDC.tsx", tsx)
    assert not [e.name for e in ev if e.kind == HOST]
    ev, _ = run_detector(DETECTOR, "src/auth/salesforce.ts", 'export const ISSUER = "https://login.salesforce.com";\n')
    assert [e.name for e in ev if e.kind == HOST] == ["login.salesforce.com"]
def test_a_link_in_a_field_description_is_no_request(run_detector):
    """A form schema's `description` shows the user a link to a chart library's option pages
    (`https://g2plot.antv.antgroup.com/api/plots/area`): text to read, though its path says
    api. A request on the same line after the description's value still counts."""
    src = """\
    const schema = {
      template: {
        description: '{{jsonConfigDesc("Area | G2Plot","https://g2plot.antv.antgroup.com/api/plots/area")}}',
      },
      other: { description: 'Rates', url: 'https://api.ratesvendor.io/v1/latest' },
    };
    """
    ev, _ = run_detector(DETECTOR, "src/client/templates/AreaTemplate.tsx", src)
    assert "g2plot.antv.antgroup.com" not in {h for h, _ in hosts(ev)}
    assert "api.ratesvendor.io" in {h for h, _ in hosts(ev)}


def test_host_setting_default_passed_by_keyword(run_detector):
    """An env-backed host setting whose default is a keyword argument after the env var's name
    (django-environ's `env.str("EMAIL_HOST", default=...)`, an app's settings manager): the
    default is the host the app talks to unless overridden."""
    src = """\
    if "MANDRILL_USERNAME" in environ and "MANDRILL_APIKEY" in environ:
        settings_manager.set("mail.username", "MANDRILL_USERNAME")
        settings_manager.set(
            "mail.host", "MANDRILL_HOST", default="smtp.mandrillapp.com"
        )
    EMAIL_HOST = env.str("EMAIL_HOST", default="smtp.sendgrid.net")
    """
    ev, _ = run_detector(DETECTOR, "app/config.py", src)
    assert {("smtp.mandrillapp.com", "mandrill"), ("smtp.sendgrid.net", "sendgrid")} <= hosts(ev)


def test_a_non_host_setting_default_by_keyword_is_no_host(run_detector):
    """`default=` after a name that is no host setting (a sender address's domain) says nothing."""
    src = """\
    DEFAULT_FROM = env.str("DEFAULT_FROM_DOMAIN", default="sendgrid.net")
    """
    ev, _ = run_detector(DETECTOR, "app/config.py", src)
    assert hosts(ev) == set()
