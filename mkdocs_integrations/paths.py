"""Where a file sits says what it is for: tests and build tooling describe services but are
not where an application uses them."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable

_TEST_DIRS = frozenset({
    "test", "tests", "__tests__", "spec", "specs", "e2e", "cypress", "playwright", "fixtures",
    "__fixtures__", "__mocks__", "mocks", "testdata", "test-data", "testing", "stories", "__snapshots__",
    "integrationtest", "integrationtests", "integration-tests", "integration_tests", "integration-test",
    # a test bench: the harness that drives the app against sample sites (a crawler's stealth checks)
    "testbench",
    # Seed and demo data (db/seeds/, Laravel's database/seeders/, Doctrine's src/DataFixtures/):
    # sample rows that name vendors (avatar URLs, status pages to monitor), not the app's use.
    "seed", "seeds", "seeders", "DataFixtures",
    # Go's shared test helpers (packages imported by _test.go files only).
    "testutil", "testutils", "testhelpers", "testhelper",
    # Cucumber's step definitions (features/step_definitions/*_steps.rb): acceptance tests.
    "step_definitions",
    # Stand-ins for a real service, for tests or a dev stack: a Go `mock/` package, a
    # `dummy/` provider container (`docker/dummy/oidc/app/mock/storage.go` naming its dev hosts).
    "mock", "dummy",
    # ...and the canned responses of a front end's mock API server (MSW's `mocks-server/`,
    # `__mockdata__/` beside `__mocks__/`): sample records naming made-up webhook URLs
    "__mockdata__", "mockdata", "mock-data", "mock_data", "mock-server", "mocks-server", "mock_server",
    # Python projects that keep unittest-style suites apart from integration ones
    # (`unittests/tools/test_x_parser.py`, with sample reports in `unittests/scans/`).
    "unittests", "unittest",
})
# Jest projects split by environment name their tests for it (`MediaTag.clienttest.tsx`,
# `ingestion.servertest.ts`): a test by its suffix all the same. So are the plural
# `customViewStore.tests.ts` and the test data beside a module (`submissionUtils.mocks.ts`,
# `api.mock.ts`: canned responses naming the developers' local hosts).
# A file named for a mock as one of its words (`outbound-mock-transistor.server.ts`, a dev
# server's `mock-server.js`, `mock_responses.py`) is a stand-in for the service it fakes too:
# the hosts it answers for are the real vendor's, no request of the app's.
# A script named for making sample rows (a Django command `create_test_events.py`,
# `generate_demo_data.py`, `populate_fake_users.rb`) is seed data by another name: its
# `"url": "https://zoom.us"` is a made-up event's field, no use of the vendor.
_TEST_FILE = re.compile(
    r"(\.(test|tests|spec|stories|e2e|cy|clienttest|servertest|mocks?)\.[a-z]+$|(?:^|[-_])mocks?[-_.]|^seeds?\.(rb|ts|js|mjs|py|php|exs)$|"
    r"^(?:create|generate|make|populate|seed)_(?:test|sample|demo|fake|dummy)_\w+\.(?:py|rb|js|ts|php)$|_test\.(go|py|rb|exs?)$|^(tests|testing|testutils?|testhelpers?)\.go$|^test_[^/]*\.py$|^e2e_[^/]*\.(py|ts|js|sh)$|_spec\.rb$|Tests?\.(java|kt|cs)$|\.integration\.test\.)"
)


# A .NET test project is a folder named for the project it tests plus `.Test(s)`
# (`src/NzbDrone.Core.Test/`, `Jellyfin.Api.Tests/`, `MyApp.IntegrationTests/`).
_DOTNET_TEST_PROJECT = re.compile(r"\.(?:Unit|Integration|Functional)?Tests?$")


# A suite named for its kind or tool (`playwright_tests/`, `e2e-tests/`, `functional_tests/`,
# `api_specs/`): the plural `tests`/`specs` after a word and `-`/`_` names a test tree too.
# So does `test`/`tests` before one: what the tests bring along (a dev server's `test-plugins/`
# exercising its plugin API with a Google map, `test_data/`, `test-fixtures/`, `test-apps/`).
# An LLM app's evaluation suite named so (`surfsense_evals/` fetching Wikipedia pages as a
# benchmark's corpus) is one too; a bare `evals/` is not, it is often the app's own evals feature.
_NAMED_TEST_DIR = re.compile(r"^(?:[A-Za-z0-9]+[-_](?:tests|specs|evals)|tests?[-_][A-Za-z0-9]+)$")


# A framework's configuration of its test environment (Phoenix's `config/test.exs`, Rails'
# `config/environments/test.rb`): the settings the test suite runs with (a sandbox database, a
# stand-in host such as a staging Superset), not a place the app uses a service.
_TEST_ENV_CONFIG = re.compile(r"(?:^|/)config/(?:environments/)?test\.(?:exs|rb)$")


def is_test_path(path: str) -> bool:
    """Tests, fixtures, stories and seed data exercise code; they are not where a service is used."""
    parts = path.split("/")
    return any(
        p in _TEST_DIRS or _DOTNET_TEST_PROJECT.search(p) or _NAMED_TEST_DIR.match(p) for p in parts[:-1]
    ) or bool(
        _TEST_FILE.search(parts[-1]) or _TEST_ENV_CONFIG.search(path)
    )


# Sample apps and example setups kept beside the product (`examples/supabase/` with its own
# package.json, `.examples/docker-compose-grafana/`, `plugins/examples/`): they show readers how
# to use the product with a vendor; the product itself does not run them.
# A library's one sample app is `example/` (React Native and Flutter libraries' generated
# `example/` app, a Go package's `example/main.go`), and a package named as a playground for
# trying it (`tracker-testing-playground/`, `sdk_playground/`) is one too: both call made-up
# demo APIs (pokeapi.co) to show the library at work. (Not a bare `playground/`: an LLM app's
# prompt playground is a feature calling the app's vendors.)
_EXAMPLE_DIRS = frozenset({"examples", ".examples", "example"})
_PLAYGROUND_PACKAGE = re.compile(r"^[A-Za-z0-9][\w-]*[-_]playground$")
# A component library's demo pages (dumi's `demos/` beside each component, a theme previewer's
# `component-demos/`): sample UIs with sample data (an avatar service, a mock upload endpoint)
# for readers of the component docs; the product never runs them. The plural only: a singular
# `demo/` is often the app's own demo mode.
_DEMO_DIR = re.compile(r"^(?:[A-Za-z0-9]+[-_])?demos$")


def is_example_path(path: str) -> bool:
    return any(
        p in _EXAMPLE_DIRS or _PLAYGROUND_PACKAGE.match(p) or _DEMO_DIR.match(p) for p in path.split("/")[:-1]
    )


# Coding agents' own configuration, skills and hooks (`.agents/skills/pnpm-upgrade-package/scripts/`,
# `.claude/hooks/`, `.cursor/rules/`): tools of whoever develops the app, which the app never runs.
_AGENT_DIRS = frozenset({".agents", ".agent", ".claude", ".cursor", ".codex", ".gemini", ".windsurf", ".roo"})


def is_agent_path(path: str) -> bool:
    return any(p in _AGENT_DIRS for p in path.split("/")[:-1])


# Third-party scripts copied into the folder a web server serves as is (`public/libs/`,
# `static/js/lib/`, `public/js/plugins/` of jQuery plugins, ASP.NET's `wwwroot/lib/`): someone
# else's library, whose hosts (an uploader's Transloadit endpoint, a modal's embed.ly lookup)
# are what the library can do, not what the app calls. `node_modules/` and `vendor/` are pruned
# from the walk; these keep the app's own code beside them (`public/js/app.js`), so only the
# library folder below a served root is meant, never a `lib/` of the app's sources.
_SERVED_ROOTS = frozenset({"public", "static", "wwwroot", "htdocs", "webroot"})
_LIBRARY_DIRS = frozenset({"lib", "libs", "plugins", "vendors", "third_party", "third-party", "thirdparty"})
_SOURCE_DIRS = frozenset({"src", "source", "sources"})


def is_vendored_asset_path(path: str) -> bool:
    """A served root, then a library folder, with no source folder between (a monorepo's
    `apps/public/src/lib/` is an app named public, its `lib/` the app's own code)."""
    parts = path.split("/")[:-1]
    for i, part in enumerate(parts):
        if part in _SERVED_ROOTS:
            for p in parts[i + 1:]:
                if p in _SOURCE_DIRS:
                    return False
                if p in _LIBRARY_DIRS:
                    return True
            return False
    return False


def _library_root(path: str) -> str | None:
    """The served library folder a path sits in (`public/assets/lib`), or None."""
    parts = path.split("/")[:-1]
    for i, part in enumerate(parts):
        if part in _SERVED_ROOTS:
            for j in range(i + 1, len(parts)):
                if parts[j] in _SOURCE_DIRS:
                    return None
                if parts[j] in _LIBRARY_DIRS:
                    return "/".join(parts[:j + 1])
            return None
    return None


_RELATIVE_IMPORT = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\(\s*)["'](\.\.?/[^"'\s]+)["']""")


def imports_app_modules(path: str, text: str) -> bool:
    """A script in a served library folder that imports modules from outside that folder
    (`public/assets/lib/chromecast.js` importing `../model/config.js`) is the app's own code kept
    beside its helpers: a library copied in as is never imports the app that serves it."""
    root = _library_root(path)
    if root is None:
        return False
    folder = posixpath.dirname(path)
    for m in _RELATIVE_IMPORT.finditer(text):
        target = posixpath.normpath(posixpath.join(folder, m.group(1)))
        if not (target + "/").startswith(root + "/"):
            return True
    return False


# Third-party packages installed inside the tree at a place the walk cannot know by its name
# (composer's `config.vendor-dir`): their manifests report each folder as a fact named
# `vendored:<folder>/`, and nothing under such a folder is the app's evidence.
VENDORED_FACT = "vendored:"


def fact_folders(facts: Iterable[tuple[str, str]], prefix: str) -> tuple[str, ...]:
    """The folders named by folder facts of one kind (`vendored:lib/simplepie/simplepie/`), from
    (evidence kind, name) pairs."""
    return tuple(sorted({name[len(prefix):] for kind, name in facts if kind == "feature" and name.startswith(prefix)}))


# An API client generated by OpenAPI Generator or Swagger Codegen (its `.openapi-generator-ignore`
# marks the folder): the generator writes a `.gitlab-ci.yml`, a `.travis.yml` and a `git_push.sh`
# into every client it emits, for a repository of the client's own that the app never pushes. The
# config files detector reports each such folder as a fact named `generated_client:<folder>/`.
GENERATED_CLIENT_FACT = "generated_client:"
GENERATOR_MARKERS = frozenset({".openapi-generator-ignore", ".swagger-codegen-ignore"})


# Translations: a folder of locales (`lang/fr/texts.php`, `locales/pt-BR.json`, `i18n/zh_Hant.ts`,
# `config/locales/de.yml`). Their strings tell readers about vendors ("connect your Stripe
# account at https://dashboard.stripe.com") in forty languages; none of it is a use, and an app
# with many locales spends most of its scan there. A locale is an ISO 639-1 language code, so a
# `lang/go/` of a language toolkit is no locale.
_LOCALE_DIRS = frozenset({"lang", "langs", "locale", "locales", "i18n", "l10n", "translations", "translation"})
_LANGUAGES = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz "
    "ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik "
    "io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml "
    "mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd "
    "se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi "
    "vo wa wo xh yi yo za zh zu".split()
)
_LOCALE = re.compile(r"([a-z]{2})(?:[_-][A-Za-z]{2,4}){0,2}")


def is_translation_path(path: str) -> bool:
    """A file of a locale (its folder or its name a language code) inside a locales folder."""
    parts = path.split("/")
    for i, part in enumerate(parts[:-1]):
        if part.lower() in _LOCALE_DIRS:
            for seg in (*parts[i + 1:-1], parts[-1].split(".", 1)[0]):
                m = _LOCALE.fullmatch(seg)
                if m and m.group(1) in _LANGUAGES:
                    return True
    return False


# Entity Framework Core's generated model metadata: each migration's `<timestamp>_<Name>.Designer.cs`
# and the context's `<Context>ModelSnapshot.cs` restate the whole schema as builder calls (a .NET
# app with a few hundred migrations carries 100 MB of them, one copy per database provider).
# They hold no use of anything the app's model classes and migrations do not show; reading
# them was most of such an app's scan.
_EF_MODEL_SNAPSHOT = re.compile(r"(?:^|/)(?:\d{14}_\w+\.Designer|\w+ModelSnapshot)\.cs$")


def is_model_snapshot_path(path: str) -> bool:
    return bool(_EF_MODEL_SNAPSHOT.search(path))


# A component or helper named for the code snippets it shows users to copy
# (`GrowthBookSetupCodeSnippet.tsx`, `utils/codeSnippets.ts`, `code-snippets/`): the vendors'
# calls there (`window._paq.push(...)` for the user's Matomo) are text in a template string,
# not requests the application makes.
_CODE_SAMPLE = re.compile(r"code[-_]?snippets?(?![a-z])", re.I)


def is_code_sample_path(path: str) -> bool:
    return bool(_CODE_SAMPLE.search(path))


# Build and release tooling: a host there is a maintainer's server (a bot posting to the
# project's own Gitea), not a service the application depends on.
_TOOLING_DIRS = frozenset({"scripts", "script", "tools", ".github", ".circleci", ".buildkite", "ci"})
_TOOLING_FILES = frozenset({
    "magefile.go", "Makefile", "Rakefile", "gulpfile.js", "Gruntfile.js", "Jakefile", "dangerfile.js", "dangerfile.ts",
})


def is_tooling_path(path: str) -> bool:
    parts = path.split("/")
    return any(p in _TOOLING_DIRS for p in parts[:-1]) or parts[-1] in _TOOLING_FILES


# A git hook or commit-message check (`.husky/commit-msg`, `scripts/lint-commit-message.js`,
# `commitlint.config.js`, `.githooks/`): the developers' own git workflow. Its env reads switch
# the team's conventions (`JIRA_TKT_CHECK`: a ticket id in every commit message), no service the
# application calls.
_GIT_HOOK_DIRS = frozenset({".husky", ".githooks", "githooks", "git-hooks", ".git-hooks"})
_COMMIT_CHECK_FILE = re.compile(
    r"^(?:commitlint\.config|\.?commitlintrc"
    r"|(?P<role>(?:lint|check|validate|verify)[-_])?commit[-_]?(?:msg|message)(?:[-_](?:lint|check|hook))?)(?:\.[a-z]+)?$",
    re.I,
)


def is_git_hook_path(path: str) -> bool:
    parts = path.split("/")
    if any(p in _GIT_HOOK_DIRS for p in parts[:-1]):
        return True
    m = _COMMIT_CHECK_FILE.match(parts[-1])
    # a bare `commit_message.rb` outside tooling folders may be the app's own model of commits
    return bool(m) and (bool(m.group("role")) or "commitlint" in parts[-1].lower() or is_tooling_path(path))


# A documentation site kept in the repository (`docs/` with its own package.json, `website/`,
# a monorepo's `apps/docs/`): its search widget and hosting serve the docs, not the application.
_DOCS_SITE_DIRS = frozenset({"docs", "doc", "website", "documentation"})
_WORKSPACE_DIRS = frozenset({"apps", "packages"})
# A static site generator's folders (Hugo's layouts, content, archetypes) under a root `site/`:
# the project's website, not an app package that happens to be called site.
_HUGO_DIRS = frozenset({"layouts", "content", "archetypes", "themes"})


# Server routes (Next.js `app/api/`, `pages/api/`): code that runs on a server with its own
# secrets. A site that has them is an application (a product's marketing site with its docs
# chat, rate-limited in Redis), not a static documentation site.
_SERVER_ROUTE_DIRS = frozenset({"api"})
# Server-only modules of full-stack web frameworks (Remix and React Router's `utilities.server.ts`,
# SvelteKit's `+page.server.ts` and `hooks.server.ts`): code the framework keeps off the browser
# because it holds secrets and calls other services (a product site's payments and licence keys).
# A static documentation site has none.
_SERVER_MODULE = re.compile(r"\.server\.(?:[cm]?[jt]sx?)$")


def _django_command(parts: list[str]) -> bool:
    """A Django app's management command (`docs/management/commands/update_docs.py` of an app
    named `docs`): code the server's cron and deploys run with its settings and secrets."""
    return any(a == "management" and b == "commands" for a, b in zip(parts[1:-2], parts[2:-1]))


def is_docs_site_path(path: str) -> bool:
    parts = path.split("/")
    if len(parts) < 2:
        return False
    if any(p in _SERVER_ROUTE_DIRS for p in parts[1:-1]) or _SERVER_MODULE.search(parts[-1]):
        return False
    if _django_command(parts):
        return False  # an app named `docs` (Django's own site): server code, no documentation site
    if parts[0] in _DOCS_SITE_DIRS:
        return True
    if len(parts) >= 3 and parts[0] == "site" and parts[1] in _HUGO_DIRS:
        return True  # the project's Hugo website in `site/` (its layouts' analytics tag is the website's)
    if any(a == "overrides" and b == "partials" for a, b in zip(parts[:-2], parts[1:-1])):
        return True  # Material for MkDocs' theme overrides (`custom_dir: overrides`, its analytics partial)
    return len(parts) >= 3 and parts[0] in _WORKSPACE_DIRS and parts[1] in _DOCS_SITE_DIRS


# (`socialauth/`: python-social-auth's and its apps' folder of sign-in backends)
SIGN_IN_WORDS = frozenset({"auth", "authn", "oauth", "oauth2", "sso", "login", "signin", "openid", "oidc", "idp", "socialauth"})


def is_sign_in_path(path: str) -> bool:
    """auth.ts, multi-tenant-sso/validate.ts, oauth/providers.py, tools/auth/gitea.go: a file
    about signing in, by a word of its path."""
    return bool(SIGN_IN_WORDS & set(re.split(r"[/._-]+", path.lower())))
