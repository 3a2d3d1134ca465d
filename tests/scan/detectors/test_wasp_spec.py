"""Wasp specs declare the services Wasp runs for the app: social auth methods, the pg-boss job
executor and the mail provider, in `main.wasp` (the DSL) or the TypeScript spec (`*.wasp.ts`)."""

from mkdocs_integrations.scan.detectors.wasp_spec import DETECTOR

DSL = """\
app MyApp {
  wasp: { version: "^0.15.0" },
  auth: {
    userEntity: User,
    methods: {
      usernameAndPassword: {},
      google: { configFn: import { getConfig } from "@src/auth/google" },
      gitHub: {},
      // discord: {},
    },
    onAuthFailedRedirectTo: "/login"
  },
  emailSender: {
    provider: SendGrid,
  },
}

job dailyStats {
  executor: PgBoss,
  perform: { fn: import { calculate } from "@src/stats" },
  schedule: { cron: "0 * * * *" }
}
"""

TS_AUTH = """\
import { type Auth, type AuthMethods } from "@wasp.sh/spec";

// @ts-expect-error Demo purposes
const discordAuthMethod: NonNullable<AuthMethods["discord"]> = {
  userSignupFields: getDiscordUserFields,
};

export const authConfig: Auth = {
  userEntity: "User",
  methods: {
    email: emailAuthMethod,
    // gitHub: gitHubAuthMethod,
  },
};
"""

TS_JOB = """\
import { job, type Spec } from "@wasp.sh/spec";

export const analyticsSpec: Spec = [
  job(calculateDailyStatsJob, {
    executor: "PgBoss",
    schedule: { cron: "0 * * * *" },
  }),
];
"""

TS_MAIL = """\
import { type EmailSender } from "@wasp.sh/spec";

export const emailSender: EmailSender = {
  // switch to "SendGrid" or "Mailgun" in production
  provider: "Dummy",
};
"""


def _sign_ins(ev):
    return sorted(e.get("sign_in") for e in ev if e.get("sign_in"))


def test_main_wasp_declares_auth_methods_job_executor_and_mail_provider(run_detector):
    ev, _ = run_detector(DETECTOR, "main.wasp", DSL)
    assert _sign_ins(ev) == ["github", "google"]  # the commented-out discord is not offered
    services = {e.service: e for e in ev if e.service}
    assert set(services) == {"pg-boss", "sendgrid"}
    assert services["pg-boss"].get("alone") == "1"
    assert services["pg-boss"].line == 19


def test_ts_spec_typed_method_configuration_is_a_provider_offered(run_detector):
    ev, _ = run_detector(DETECTOR, "src/auth/auth.wasp.ts", TS_AUTH)
    assert _sign_ins(ev) == ["discord"]  # email is no provider; gitHub is commented out


def test_ts_spec_job_executor_is_pg_boss(run_detector):
    ev, _ = run_detector(DETECTOR, "src/analytics/analytics.wasp.ts", TS_JOB)
    assert [e.service for e in ev] == ["pg-boss"]


def test_dummy_mail_provider_and_comments_name_no_service(run_detector):
    ev, _ = run_detector(DETECTOR, "src/server/emailSender.wasp.ts", TS_MAIL)
    assert ev == []


def test_only_wasp_spec_files_are_read():
    accepts = DETECTOR.accepts
    assert accepts("main.wasp.ts", "main.wasp.ts", None)
    assert not accepts("src/auth.ts", "auth.ts", None)
    assert not accepts("src/wasp.ts", "wasp.ts", None)


def test_providers_are_read_from_the_catalog_not_a_fixed_list(run_detector):
    """A method or mail provider Wasp adds later is found by its catalog name (GitLab sign-in,
    a Postmark sender), and a word the catalog signs in with nothing (`email`) is not one."""
    spec = """\
app A {
  auth: { methods: { gitlab: {}, email: {}, usernameAndPassword: {} } },
  emailSender: { provider: Postmark },
}
"""
    ev, _ = run_detector(DETECTOR, "main.wasp", spec)
    assert _sign_ins(ev) == ["gitlab"]
    assert [e.service for e in ev if e.service] == ["postmark"]
