"""Incoming and outgoing webhooks across frameworks."""

from __future__ import annotations

from mkdocs_integrations.model import WEBHOOK_IN, WEBHOOK_OUT
from mkdocs_integrations.scan.detectors.webhooks import DETECTOR

NEXT_ROUTE = """\
import Stripe from "stripe";
import { stripe } from "@/lib/stripe";

export async function POST(req: Request) {
  const sig = req.headers.get("stripe-signature")!;
  const event = stripe.webhooks.constructEvent(await req.text(), sig, process.env.STRIPE_WEBHOOK_SECRET!);
  switch (event.type) {
    case "payment_intent.succeeded":
      break;
    case "customer.subscription.deleted":
      break;
  }
  return new Response("ok");
}
"""


def test_next_app_router_stripe_webhook(run_detector):
    ev, _ = run_detector(DETECTOR, "apps/web/src/app/api/webhooks/stripe/route.ts", NEXT_ROUTE)
    hooks = [e for e in ev if e.kind == WEBHOOK_IN]
    assert len(hooks) == 1
    hook = hooks[0]
    assert hook.name == "/api/webhooks/stripe"
    assert hook.service == "stripe"
    assert "constructEvent" in hook.get("verification")
    assert hook.get("events") == "payment_intent.succeeded,customer.subscription.deleted"


def test_express_route_without_verification(run_detector):
    src = """\
    const express = require("express");
    const app = express();
    app.post("/hooks/github", express.json(), (req, res) => {
      if (req.body.action === "opened") {}
      res.sendStatus(200);
    });
    """
    ev, _ = run_detector(DETECTOR, "server/index.js", src)
    hook = next(e for e in ev if e.kind == WEBHOOK_IN)
    assert hook.name == "/hooks/github" and hook.line == 3
    assert hook.get("verification") == ""
    assert hook.get("events") == "opened" or hook.get("events") == ""


def test_django_and_flask_routes(run_detector):
    django = 'from django.urls import path\nurlpatterns = [\n    path("webhooks/paddle/", views.paddle_webhook),\n]\n'
    ev, _ = run_detector(DETECTOR, "shop/urls.py", django)
    assert [(e.name, e.line) for e in ev if e.kind == WEBHOOK_IN] == [("/webhooks/paddle/", 3)]
    flask = '@app.route("/webhook/twilio", methods=["POST"])\ndef hook():\n    hmac.compare_digest(a, b)\n'
    ev, _ = run_detector(DETECTOR, "app.py", flask)
    hook = next(e for e in ev if e.kind == WEBHOOK_IN)
    assert hook.name == "/webhook/twilio" and "HMAC" in hook.get("verification")


def test_commented_route_is_not_a_webhook(run_detector):
    ev, _ = run_detector(DETECTOR, "server.js", '// app.post("/webhooks/stripe", handler)\n')
    assert not ev


def test_outgoing_webhook_with_retry(run_detector):
    src = """\
    const MAX_ATTEMPTS = 3;

    export async function notifySignup(user) {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const res = await fetch(process.env.CRM_WEBHOOK_URL, { method: "POST", body: JSON.stringify(user) });
        if (res.ok) return;
        await sleep(500 * 2 ** attempt);
      }
    }
    """
    ev, _ = run_detector(DETECTOR, "lib/crm.ts", src)
    out = next(e for e in ev if e.kind == WEBHOOK_OUT)
    assert out.name == "URL in CRM_WEBHOOK_URL"
    assert out.get("trigger") == "notifySignup() in crm.ts"
    assert out.get("retry") == "up to 3 attempts with backoff"


def test_outgoing_webhook_python_without_retry(run_detector):
    src = 'import os, requests\n\ndef ping():\n    requests.post(os.environ["SLACK_WEBHOOK_URL"], json={})\n'
    ev, _ = run_detector(DETECTOR, "jobs/notify.py", src)
    out = next(e for e in ev if e.kind == WEBHOOK_OUT)
    assert out.name == "URL in SLACK_WEBHOOK_URL" and out.service == "slack"
    assert out.get("retry") == ""


MESSENGERS_PHP = """\
<?php
class Messengers
{
    private array $supportedMessengers = ['slack', 'mattermost', 'zulip', 'telegram'];

    private function slackWebhook(NotificationModel $notification): bool
    {
        $url = $this->settingsRepo->getSetting("projectsettings.{$notification->projectId}.slackWebhookURL");
        $this->httpClient->post($url, ['body' => json_encode($data)]);
        return true;
    }

    private function mattermostWebhook(NotificationModel $notification): bool
    {
        $this->httpClient->post($mattermostWebhookURL, ['body' => $data_string]);
        return true;
    }

    private function zulipWebhook(NotificationModel $notification): bool
    {
        $this->httpClient->post($zulipHook['zulipURL'] . '/api/v1/messages', ['auth' => [$email, $key]]);
        return true;
    }

    private function telegramWebhook(NotificationModel $notification): bool
    {
        $this->httpClient->post("https://api.telegram.org/bot{$telegramHook['telegramBotToken']}/sendMessage", []);
        return true;
    }

    private function customWebhook(NotificationModel $notification): bool
    {
        return $this->renderWebhook($notification);
    }
}
"""


def test_a_function_per_vendor_webhook_names_the_vendor(run_detector):
    """One method per messenger (`slackWebhook`, `mattermostWebhook`) posting to a user's webhook
    URL: each names its vendor. A URL posted to is no incoming route, even with `Hook` in it."""
    ev, _ = run_detector(DETECTOR, "app/Domain/Notifications/Services/Messengers.php", MESSENGERS_PHP)
    assert [e for e in ev if e.kind == WEBHOOK_IN] == []
    out = {e.service: e for e in ev if e.kind == WEBHOOK_OUT}
    assert set(out) == {"slack", "mattermost", "zulip", "telegram"}
    assert out["slack"].name == "slackWebhook()" and out["slack"].line == 6


def test_a_vendor_named_webhook_function_without_a_post_is_no_webhook(run_detector):
    src = "<?php\nfunction slackWebhook($n) {\n    return $this->tpl->render('slack', $n);\n}\n$x = $http->get($url);\n"
    ev, _ = run_detector(DETECTOR, "app/Views/slack.php", src)
    assert [e for e in ev if e.kind == WEBHOOK_OUT] == []


def test_nest_controller_prefix_and_post_method_join(run_detector):
    src = """\
    import { Controller, Post, Req, Headers } from "@nestjs/common";

    @Controller("webhooks")
    export class WebhooksController {
      @Post("stripe")
      async stripe(@Req() req: RawBodyRequest<Request>, @Headers("stripe-signature") sig: string) {
        const event = this.stripe.webhooks.constructEvent(req.rawBody, sig, this.secret);
      }

      @Get("health")
      health() { return "ok"; }
    }
    """
    ev, _ = run_detector(DETECTOR, "apps/server/src/billing/webhooks.controller.ts", src)
    assert [(e.name, e.line, e.service) for e in ev if e.kind == WEBHOOK_IN] == [("/webhooks/stripe", 5, "stripe")]


def test_a_controller_in_a_webhooks_folder_is_a_webhook_whatever_its_path(run_detector):
    """overnightjs: `@Controller("sns")` + a bare `@Post()` in `Webhooks/Incoming/`: Amazon SNS
    posting delivery events, named by the product after its company (`aws-sns`)."""
    src = """\
    import { Controller, Post } from "@overnightjs/core";

    @Controller("sns")
    export class SNSWebhook {
      @Post()
      public async receive(req: Request, res: Response) {
        if (req.body.Type === "SubscriptionConfirmation") await fetch(req.body.SubscribeURL);
        const body = JSON.parse(req.body.Message);
      }
    }
    """
    ev, _ = run_detector(DETECTOR, "packages/api/src/controllers/Webhooks/Incoming/SNS.ts", src)
    hooks = [(e.name, e.line) for e in ev if e.kind == WEBHOOK_IN]
    assert hooks == [("/sns", 5)]


def test_a_controller_post_outside_webhooks_is_no_webhook(run_detector):
    src = """\
    @Controller("users")
    export class UsersController {
      @Post("avatar")
      upload() { return this.hooks.run(); }
    }
    """
    ev, _ = run_detector(DETECTOR, "src/users/users.controller.ts", src)
    assert [e for e in ev if e.kind == WEBHOOK_IN] == []


ALERT_GO = """\
package tasks

func (t *TaskRunner) sendSlackAlert() {
	body := t.render("templates/slack.tmpl")
	resp, err := http.Post(util.Config.SlackUrl, "application/json", body)
	t.log(resp, err)
}

func (t *TaskRunner) sendRocketChatAlert() {
	resp, err := http.Post(util.Config.RocketChatUrl, "application/json", t.render("templates/rocketchat.tmpl"))
	t.log(resp, err)
}

func (t *TaskRunner) sendGotifyAlert() {
	req, _ := http.NewRequest("POST", util.Config.GotifyUrl+"/message", t.render("templates/gotify.tmpl"))
	t.client.Do(req)
}

func (t *TaskRunner) sendMailAlert() {
	mailer.Send(t.Config.EmailHost, t.render("templates/email.tmpl"))
}
"""

NOTIFY_TS = """\
export const sendGotifyNotification = async (
	connection: typeof gotify.$inferInsert,
	title: string,
) => {
	const response = await fetch(`${connection.serverUrl}/message`, {
		method: "POST",
		headers: { "X-Gotify-Key": connection.appToken },
	});
};

export const sendMattermostNotification = async (connection: Connection, text: string) => {
	await fetch(connection.webhookUrl, { method: "POST", body: JSON.stringify({ text }) });
};

export const sendResendNotification = async (connection: Connection, text: string) => {
	await new Resend(connection.apiKey).emails.send({ text });
};
"""


def test_a_sender_per_vendor_names_the_vendor(run_detector):
    """An app's alert channels, one sender per vendor (`sendSlackAlert`, `sendGotifyAlert`), each
    posting to a URL the user set (no `webhook` anywhere in the file): each names its vendor.
    `sendMailAlert` is no catalog vendor's."""
    ev, _ = run_detector(DETECTOR, "services/tasks/alert.go", ALERT_GO)
    out = {e.service: e for e in ev if e.kind == WEBHOOK_OUT}
    assert set(out) == {"slack", "rocketchat", "gotify"}
    assert out["slack"].name == "sendSlackAlert()" and out["slack"].line == 3
    assert out["gotify"].line == 14


def test_a_notification_sender_per_vendor_in_typescript(run_detector):
    """`export const send<Vendor>Notification = async (...) =>` posting with fetch; a sender that
    calls a vendor's SDK (`sendResendNotification`) makes no HTTP request of its own here."""
    ev, _ = run_detector(DETECTOR, "packages/server/src/utils/notifications/utils.ts", NOTIFY_TS)
    out = {e.service: e.line for e in ev if e.kind == WEBHOOK_OUT}
    assert out == {"gotify": 1, "mattermost": 11}


def test_a_vendor_sender_without_a_request_is_no_evidence(run_detector):
    """The sender's own body must make the request: the POST in the next function is not its."""
    src = (
        "export function sendSlackNotification(text: string) {\n  return queue.add('slack', text);\n}\n\n"
        "export function deliver(url: string) {\n  return fetch(url, { method: 'POST' });\n}\n"
    )
    ev, _ = run_detector(DETECTOR, "src/notify.ts", src)
    assert [e for e in ev if e.kind == WEBHOOK_OUT] == []


JAVA_SENDERS = """\
public class PushNotificationService {

    private void sendGotify(PushNotificationUserSettings settings, String title) throws IOException {
        HttpPost request = new HttpPost(settings.getServerUrl() + "/message");
        request.addHeader("X-Gotify-Key", settings.getUserSecret());
        httpClient.execute(request, response -> null);
    }

    private void sendPushover(PushNotificationUserSettings settings, String title) throws IOException {
        HttpPost request = new HttpPost("https://api.pushover.net/1/messages.json");
        httpClient.execute(request, response -> null);
    }

    private void sendReport(String title) {
        log.info(title);
    }
}
"""


def test_a_java_sender_named_for_its_vendor_alone(run_detector):
    """`private void sendGotify(...)` posting with Apache HttpClient's `HttpPost`: the role word
    (`Notification`) may be left out, and a Java method has a return type before its name."""
    ev, _ = run_detector(DETECTOR, "src/main/java/app/PushNotificationService.java", JAVA_SENDERS)
    out = {e.service: e.line for e in ev if e.kind == WEBHOOK_OUT}
    assert out == {"gotify": 3, "pushover": 9}


PY_SENDERS = """\
def send_to_slack(token, userid, message):
    client = WebClient(token=token)
    client.chat_postMessage(channel=userid, text=message)


def send_to_mattermost(webhook, userid, message):
    if webhook:
        import requests

        payload = {"text": message, "channel": f"@{userid}"}
        requests.post(webhook, json=payload, timeout=30)


def send_to_queue(url, message):
    requests.post(url, json=message)
"""


def test_a_python_sender_named_send_to_vendor(run_detector):
    """`def send_to_mattermost(webhook, ...)` posting with requests: in snake_case `to` names the
    vendor as the destination, no role word needed. `send_to_slack` calls Slack's SDK (no HTTP
    request of its own here) and `send_to_queue` names no catalog vendor."""
    ev, _ = run_detector(DETECTOR, "app/utils/chats.py", PY_SENDERS)
    out = {e.service: (e.name, e.line) for e in ev if e.kind == WEBHOOK_OUT}
    assert out == {"mattermost": ("send_to_mattermost()", 6)}


def test_a_call_to_a_sender_is_no_sender_definition(run_detector):
    """`return sendGotify(...)` calls a sender defined elsewhere; only definitions are read."""
    src = "class A {\n  Object run() {\n    return sendGotify(settings);\n  }\n}\n"
    ev, _ = run_detector(DETECTOR, "src/main/java/app/A.java", src + "\nclass B { void x() { new HttpPost(u); } }\n")
    assert [e for e in ev if e.kind == WEBHOOK_OUT] == []


def test_handler_in_a_vendor_integration_module_is_that_vendors(run_detector):
    """A FastAPI router's `/webhook` under `integrations/resend/` is Resend's webhook, though
    its Svix signature header is also Clerk's; a generic `_verify_signature` helper in
    `integrations/chargeback_stop/` is no GitHub webhook (GitHub's `verify_signature`)."""
    resend = (
        'from fastapi import Request\nfrom polar.routing import APIRouter\n\n'
        'router = APIRouter(prefix="/integrations/resend")\n\n\n@router.post("/webhook")\n'
        'async def webhook(request: Request):\n    wh = Webhook(secret)\n'
        '    wh.verify(await request.body(), {"svix-signature": request.headers["svix-signature"]})\n'
    )
    ev, _ = run_detector(DETECTOR, "server/app/integrations/resend/endpoints.py", resend)
    hook = next(e for e in ev if e.kind == WEBHOOK_IN)
    assert hook.service == "resend" and "svix" in hook.get("verification")
    chargeback = (
        'import hmac\nfrom polar.routing import APIRouter\n\nrouter = APIRouter(prefix="/integrations/chargeback-stop")\n\n\n'
        'def _verify_signature(body, header, secret):\n    return hmac.compare_digest(header, secret)\n\n\n'
        '@router.post("/webhook")\nasync def webhook(request):\n    _verify_signature(await request.body(), h, s)\n'
    )
    ev, _ = run_detector(DETECTOR, "server/app/integrations/chargeback_stop/endpoints.py", chargeback)
    hook = next(e for e in ev if e.kind == WEBHOOK_IN)
    assert hook.service == "chargeback-stop"


def test_a_generic_verifier_names_no_vendor_the_file_does_not_name(run_detector):
    # A partner's webhook checked by the app's own `verifySignature(`: not SendGrid's helper
    # of the same name; the check is still the handler's verification.
    partner = """\
    import { verifySignature } from "@/utils/signature";

    export default async function handler(req, res) {
      if (req.method !== "POST") return res.status(405).end();
      if (!verifySignature(req.body, req.headers["x-partner-signature"], process.env.PARTNER_WEBHOOK_SECRET)) {
        return res.status(401).end();
      }
      res.status(200).end();
    }
    """
    ev, _ = run_detector(DETECTOR, "apps/web/src/pages/api/partner/webhook.ts", partner)
    hook = next(e for e in ev if e.kind == WEBHOOK_IN)
    assert hook.service == ""
    assert "verifySignature" in hook.get("verification")
    # PayPal's verify-webhook-signature API called from a `verifyWebhook(` method: PayPal's, not Clerk's
    paypal = """\
    <?php
    namespace App\\PaymentDrivers\\PayPal;

    class PayPalWebhook
    {
        public function verifyWebhook(): bool
        {
            $r = Http::withToken($this->token)->post("{$this->endpoint}/v1/notifications/verify-webhook-signature", $this->payload);
            return $r->json()['verification_status'] === 'SUCCESS';
        }
    }
    """
    ev, _ = run_detector(DETECTOR, "app/PaymentDrivers/PayPal/PayPalWebhook.php", paypal)
    hooks = [e for e in ev if e.kind == WEBHOOK_IN]  # (the request's URL read as a route, as the scan reads it)
    assert hooks and {e.service for e in hooks} == {"paypal"}


def test_a_generic_verifier_names_its_vendor_where_the_file_names_it(run_detector):
    clerk = """\
    import { Webhook } from "svix";
    import type { WebhookEvent } from "@clerk/nextjs/server";

    export async function POST(req: Request) {
      const wh = new Webhook(process.env.CLERK_WEBHOOK_SECRET!);
      const evt = wh.verify(await req.text(), Object.fromEntries(req.headers)) as WebhookEvent;
      return new Response("ok");
    }
    """
    ev, _ = run_detector(DETECTOR, "app/api/hooks/users/route.ts", clerk)
    assert next(e for e in ev if e.kind == WEBHOOK_IN).service == "clerk"


def test_a_verifier_per_vendor_is_that_vendors_incoming_webhook(run_detector):
    # One receiving route for many sources, each vendor's signature scheme checked in a
    # function named for it; a verifier that checks no signature is no vendor's webhook.
    text = (
        "package webhooks\n\nimport \"crypto/hmac\"\n\n"
        "func (w *Service) validateStripeWebhook(payload []byte, r http.Request) bool {\n"
        "\tsig := r.Header.Get(\"Stripe-Signature\")\n\treturn hmac.Equal([]byte(sig), expected(payload))\n}\n\n"
        "func (w *Service) validateSvixWebhook(payload []byte, r http.Request) bool {\n"
        "\treturn hmac.Equal(sign(payload), []byte(r.Header.Get(\"svix-signature\")))\n}\n\n"
        "func (w *Service) validateLinearPayload(payload []byte) bool {\n\treturn len(payload) > 0\n}\n"
    )
    ev, _ = run_detector(DETECTOR, "api/handlers/webhooks/receive.go", text)
    assert sorted((e.kind, e.service) for e in ev if e.name.startswith("validate")) == [
        (WEBHOOK_IN, "stripe"), (WEBHOOK_IN, "svix")]


WEBHOOK_RB = '''class Webhook < ApplicationRecord
  SLACK_WEBHOOK_URL_REGEX = %r{//hooks\\.slack\\.com/services/T[^\\/]+/B[^\\/]+/[^\\/]+\\Z}i
  ACME_WEBHOOK_URL_REGEX = %r{/acme/hooks/\\d+\\Z}i
  BASECAMP_CAMPFIRE_WEBHOOK_URL_REGEX = %r{/\\d+/integrations/[^\\/]+/buckets/\\d+/chats/\\d+/lines\\Z}i

  def for_slack?
    url.match? SLACK_WEBHOOK_URL_REGEX
  end
end
'''


def test_a_vendors_webhook_url_pattern_names_the_vendor(run_detector):
    """An app that posts to webhook URLs its users set recognises a vendor's by a pattern named
    for it (`SLACK_WEBHOOK_URL_REGEX`), to send that vendor its own payload: an outgoing webhook
    of the vendor. The vendor is the longest leading run of words that is a catalog service
    (`BASECAMP_CAMPFIRE_...`: Basecamp); `ACME_` is no catalog vendor's."""
    ev, _ = run_detector(DETECTOR, "app/models/webhook.rb", WEBHOOK_RB)
    out = {e.service: e for e in ev if e.kind == WEBHOOK_OUT}
    assert set(out) == {"slack", "basecamp"}
    assert out["slack"].line == 2 and out["slack"].name == "SLACK_WEBHOOK_URL_REGEX"


def test_a_camel_case_webhook_url_pattern(run_detector):
    src = "const discordWebhookRegex = /^https:\\/\\/discord(?:app)?\\.com\\/api\\/webhooks\\//;\nexport const isDiscord = (u) => discordWebhookRegex.test(u);\n"
    ev, _ = run_detector(DETECTOR, "src/lib/webhook.ts", src)
    assert {e.service for e in ev if e.kind == WEBHOOK_OUT} == {"discord"}


SLACK_SEND_TS = '''import Mustache from "mustache";

export default async function send(slackBody: string, variables: Record<string, string>, slackURL: string) {
  const renderedBody = Mustache.render(slackBody, variables);
  const response = await fetch(slackURL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: renderedBody,
  });
  return response.ok;
}

export async function preview(discordUrl: string) {
  return fetch(discordUrl);
}

export async function custom(webhookURL: string, body: string) {
  return fetch(webhookURL, { method: "POST", body });
}
'''


def test_a_post_to_a_url_named_for_the_vendor(run_detector):
    """`fetch(slackURL, {method: "POST"})`: the app posts to the vendor's webhook URL a user set
    (no `webhook` in the file needed). A GET (`fetch(discordUrl)`) reads, and a generic
    `webhookURL` names no vendor."""
    ev, _ = run_detector(DETECTOR, "src/lib/server/notification/slack_notification.ts", SLACK_SEND_TS)
    out = [e for e in ev if e.kind == WEBHOOK_OUT]
    assert [(e.service, e.line, e.name) for e in out] == [("slack", 5, "POST to slackURL")]


def test_a_python_post_to_a_vendor_webhook_url(run_detector):
    src = "import requests\n\ndef notify(settings, text):\n    requests.post(settings.discord_webhook_url, json={'content': text})\n"
    ev, _ = run_detector(DETECTOR, "app/alerts.py", src)
    assert {e.service for e in ev if e.kind == WEBHOOK_OUT} == {"discord"}



def test_a_chained_post_to_a_vendor_url_deep_in_the_settings(run_detector):
    """`axios\n  .post(Database.notificationSettings.appriseApiUrl, ...)`: a promise chain on its
    own line, the URL two objects deep in the app's settings. The vendor is the variable's."""
    src = (
        "sendNotification(notification, eventData) {\n"
        "  const payload = notification.getApprisePayload(eventData)\n"
        "  return axios\n"
        "    .post(Database.notificationSettings.appriseApiUrl, payload, { timeout: 6000 })\n"
        "    .then((response) => true)\n"
        "}\n"
    )
    ev, _ = run_detector(DETECTOR, "server/managers/NotificationManager.js", src)
    assert {e.service for e in ev if e.kind == WEBHOOK_OUT} == {"apprise"}

def test_an_everyday_product_word_in_a_route_names_no_vendor(run_detector):
    """`/api/webhooks/media-server/progress`: the app's own media server posting progress with a
    shared secret. `server` is the product word of `btcpay-server`, but an everyday one: the
    route names no vendor (unlike `sns` of `aws-sns`)."""
    src = """\
    import { timingSafeEqual } from "node:crypto";

    export async function POST(request: Request) {
      const authHeader = request.headers.get("x-media-server-secret");
      if (!timingSafeEqual(digest(authHeader), digest(secret))) return new Response("no", { status: 401 });
      return Response.json({ ok: true });
    }
    """
    ev, _ = run_detector(DETECTOR, "apps/web/app/api/webhooks/media-server/progress/route.ts", src)
    hooks = [e for e in ev if e.kind == WEBHOOK_IN]
    assert [h.name for h in hooks] == ["/api/webhooks/media-server/progress"]
    assert hooks[0].service == ""


def test_routes_in_a_webhook_scope_are_webhooks_named_by_their_path_or_controller(run_detector):
    """A Phoenix router's `scope "/webhook"` block: its routes (`/exotel/optin`, a GET callback)
    do not say webhook themselves; the vendor is the route's first segment or its controller."""
    src = (
        'defmodule AppWeb.Router do\n  use AppWeb, :router\n\n'
        '  scope "/webhook", AppWeb do\n'
        '    post("/flow_resume", Flows.FlowResumeController, :flow_resume)\n'
        '    get("/exotel/optin", ExotelController, :optin)\n'
        '    post "/calls", PlivoController, :calls\n'
        '  end\n\n'
        '  scope "/api", AppWeb do\n    post("/exotel/send", ExotelController, :send)\n  end\nend\n'
    )
    ev, _ = run_detector(DETECTOR, "lib/app_web/router.ex", src)
    found = {e.name: e.service for e in ev}
    assert found == {"/webhook/flow_resume": "", "/webhook/exotel/optin": "exotel", "/webhook/calls": "plivo"}


PHOENIX_INGEST = """\
defmodule AppWeb.Router do
  use AppWeb, :router

  for path <- ["/logs", "/api/logs"] do
    scope path, AppWeb do
      pipe_through([:api])

      post("/", LogController, :create)
      post("/json", LogController, :generic_json)
      post("/netlify", LogController, :netlify)
      post("/logplex", LogController, :syslog)
      get("/github", LogController, :show)
    end
  end

  scope "/", AppWeb do
    post("/heroku", PageController, :create)
  end
end
"""


def test_log_drain_routes_under_an_ingest_prefix_name_their_vendor(run_detector):
    """A POST under an ingest prefix (`/logs`, here a Phoenix scope over a list of prefixes)
    whose segment is a catalog vendor, or a platform's own product word (`logplex`: Heroku's
    log router, catalog `keywords`), is that vendor's incoming drain; `/json`, a GET, and a
    vendor-named route outside an ingest prefix are none."""
    ev, _ = run_detector(DETECTOR, "lib/app_web/router.ex", PHOENIX_INGEST)
    assert sorted((e.line, e.name, e.service) for e in ev if e.kind == WEBHOOK_IN) == [
        (10, "/logs/netlify", "netlify"),
        (11, "/logs/logplex", "heroku"),
    ]


def test_literal_ingest_routes(run_detector):
    text = ('app.post("/ingest/vercel", handleVercel);\n'
            'app.post("/api/v1/drains/heroku/:sourceId", handleHeroku);\n'
            'app.post("/logs/:id", update);\n'
            'app.get("/logs/netlify", page);\n'
            'app.post("/logs/android", mobile);\n')
    ev, _ = run_detector(DETECTOR, "src/server.ts", text)
    assert sorted((e.line, e.name, e.service) for e in ev if e.kind == WEBHOOK_IN) == [
        (1, "/ingest/vercel", "vercel"),
        (2, "/api/v1/drains/heroku/:sourceId", "heroku"),
    ]


def test_a_verifier_type_per_vendor_is_that_vendors_incoming_webhook(run_detector):
    # A webhook gateway keeps one verifier type per source provider, each set up with that
    # vendor's signature header; the file never says "hook". A verifier of no signature
    # (`JwtVerifier` checks a token) and a vendor with no signed webhooks name nothing.
    text = (
        "package verifier\n\n"
        "type GithubVerifier struct {\n\tHmacOpts *HmacOptions\n}\n\n"
        "func NewGithubVerifier(secret string) *GithubVerifier {\n"
        "\treturn &GithubVerifier{HmacOpts: &HmacOptions{Header: \"X-Hub-Signature-256\", Secret: secret}}\n}\n\n"
        "type ShopifyVerifier struct {\n\tHmacOpts *HmacOptions\n}\n\n"
        "func NewShopifyVerifier(secret string) *ShopifyVerifier {\n"
        "\treturn &ShopifyVerifier{HmacOpts: &HmacOptions{Header: \"X-Shopify-Hmac-SHA256\", Secret: secret}}\n}\n\n"
        "type TwitterVerifier struct {\n\tHmacOpts *HmacOptions\n}\n\n"
        "type JwtVerifier struct {\n\tissuer string\n}\n"
    )
    ev, _ = run_detector(DETECTOR, "pkg/verifier/verifier.go", text)
    assert sorted(e.service for e in ev if e.kind == WEBHOOK_IN) == ["github", "shopify", "twitter"]


def test_incoming_routes_named_for_their_vendor(run_detector):
    """An alerting app's receiver per sending vendor, `<vendor>/incoming` or `/inbound` (here Go
    1.22 mux patterns with the method in the literal), is that vendor's incoming webhook though
    the path never says "hook"; a segment naming no vendor, a GET and a path elsewhere are none."""
    text = ('\tmux.HandleFunc("POST /api/v2/grafana/incoming", grafana.ToEventsAPI(a, k))\n'
            '\tmux.HandleFunc("POST /api/v2/site24x7/incoming", site24x7.ToEventsAPI(a, k))\n'
            '\tmux.HandleFunc("POST /api/v2/generic/incoming", generic.ServeCreateAlert)\n'
            '\tmux.HandleFunc("GET /api/v2/twilio/incoming", page)\n'
            '\tmux.HandleFunc("POST /api/v2/messages/incoming", receive)\n'
            'app.post("/mailgun/inbound", inboundMail);\n')
    ev, _ = run_detector(DETECTOR, "app/inithttp.go", text)
    assert sorted((e.line, e.name, e.service) for e in ev if e.kind == WEBHOOK_IN) == [
        (1, "/api/v2/grafana/incoming", "grafana"),
        (2, "/api/v2/site24x7/incoming", "site24x7"),
        (6, "/mailgun/inbound", "mailgun"),
    ]


WEBHOOK_ROUTER = """\
'use strict';

const router = require('../lib/router-async').create();
const campaigns = require('../models/campaigns');

router.postAsync('/sparkpost', async (req, res) => {
    for (const curEvent of [].concat(req.body || [])) {
        const evt = curEvent.msys && curEvent.msys.message_event;
        if (evt && evt.type === 'bounce') {
            await campaigns.markBounced(evt.campaign_id);
        }
    }
    return res.json({success: true});
});

router.postAsync('/postal', async (req, res) => {
    switch (req.body.event) {
        case 'MessageBounced':
            await campaigns.markBounced(req.body.payload.original_message.message_id);
            break;
    }
    res.json({success: true});
});

router.postAsync('/zone-mta', async (req, res) => {
    res.json({success: true});
});

module.exports = router;
"""


def test_webhook_router_file_routes_named_for_vendors(run_detector):
    """A router file whose path says webhook (mounted at `/webhooks` elsewhere): each POST route
    named for a vendor receives that vendor's events, though the route's own path says no "hook"."""
    ev, _ = run_detector(DETECTOR, "server/routes/webhooks.js", WEBHOOK_ROUTER)
    hooks = {e.name: e.service for e in ev if e.kind == WEBHOOK_IN}
    assert hooks["/sparkpost"] == "sparkpost"
    assert hooks["/postal"] == "postal"
    assert "/zone-mta" not in hooks  # names no catalog vendor: no route claimed


def test_vendor_named_post_outside_webhook_file_is_no_webhook(run_detector):
    """The same routes in a file whose path does not say webhook (an admin API's `/postal`
    settings form), or an HTTP client's post in a webhook settings page, receive nothing."""
    ev, _ = run_detector(DETECTOR, "server/routes/settings.js", WEBHOOK_ROUTER)
    assert not [e for e in ev if e.kind == WEBHOOK_IN]
    client = "export async function save(s) {\n  return axios.post('/sendgrid', s);\n}\n"
    ev, _ = run_detector(DETECTOR, "client/src/settings/webhooks.js", client)
    assert not [e for e in ev if e.kind == WEBHOOK_IN]


def test_webhook_router_file_route_below_a_vendor_names_the_apps_own(run_detector):
    """A route below the vendor's segment is the app's own endpoint about it (Facebook Login's
    data-deletion callback), not a receiver named for the vendor; a parameter after it is still one."""
    src = ("<?php\n\nRoute::post('/facebook/data-deletion', [DeletionController::class, 'handle']);\n"
           "Route::post('/mailgun/{team}', [MailgunController::class, 'handle']);\n")
    ev, _ = run_detector(DETECTOR, "routes/webhooks.php", src)
    assert {e.name: e.service for e in ev if e.kind == WEBHOOK_IN} == {"/mailgun/{team}": "mailgun"}


FORGE_PUSH_ROUTER = """\
import express = require('express')
const router = express.Router()

function getPushedBranches(req: express.Request) {
    const isGithub = req.header('X-GitHub-Event') === 'push'
    const isBitbucket = req.header('X-Event-Key') === 'repo:push' && req.header('X-Hook-UUID')
    const isGitlab = req.header('X-Gitlab-Event') === 'Push Hook'
    return isGithub || isBitbucket || isGitlab
}

router.post('/triggerbuild', function (req, res) {
    res.header('X-Gitea-Event', 'push')  // a header set on the response: no Gitea webhook
    return getPushedBranches(req)
})
"""


def test_forge_event_headers_read_from_a_request_name_the_forge(run_detector):
    """A build trigger that tells GitHub, Bitbucket and GitLab push deliveries apart by their
    event headers receives those forges' webhooks, though its route says nothing of hooks."""
    ev, _ = run_detector(DETECTOR, "src/routes/apps/BuildRouter.ts", FORGE_PUSH_ROUTER)
    hooks = {e.service: e.line for e in ev if e.kind == WEBHOOK_IN}
    assert hooks == {"github": 5, "bitbucket": 6, "gitlab": 7}


def test_forge_event_headers_django_meta_and_go_reads(run_detector):
    py = 'def hook(request):\n    event = request.META.get("HTTP_X_GITHUB_EVENT", "")\n    return event\n'
    assert [e.service for e in run_detector(DETECTOR, "builds/views.py", py)[0] if e.kind == WEBHOOK_IN] == ["github"]
    go = 'package h\n\nfunc Handle(w http.ResponseWriter, r *http.Request) {\n\tev := r.Header.Get("X-Gitlab-Event")\n\t_ = ev\n}\n'
    assert [e.service for e in run_detector(DETECTOR, "server/build.go", go)[0] if e.kind == WEBHOOK_IN] == ["gitlab"]


def test_a_forge_event_header_the_code_sends_is_no_incoming_webhook(run_detector):
    """A forge delivering GitHub-compatible webhooks sets GitHub's header on its own requests."""
    go = ('package webhook\n\nfunc deliver(t *HookTask) {\n\treq := httplib.Post(t.URL).\n'
          '\t\tHeader("X-Github-Event", string(t.EventType)).\n\t\tHeader("X-Gogs-Event", string(t.EventType))\n\t_ = req\n}\n')
    js = "await fetch(url, { method: 'POST', headers: { 'X-GitHub-Event': 'push' }, body })\n"
    assert not [e for e in run_detector(DETECTOR, "internal/database/webhook.go", go)[0] if e.kind == WEBHOOK_IN]
    assert not [e for e in run_detector(DETECTOR, "src/relay.ts", js)[0] if e.kind == WEBHOOK_IN]


def test_many_routes_in_one_file_search_the_verifiers_once_per_vendor(run_detector, monkeypatch):
    """A test suite posting to dozens of webhook paths ran every vendor's `webhook_verify`
    patterns over the whole file once per route (2.6 s on a 47 KB file); the search depends
    only on the vendor the route names, so it is made once per vendor and the answers hold."""
    from mkdocs_integrations.scan.detectors import webhooks

    routes = "\n".join(f'app.post("/api/webhooks/test-{n}", handler);' for n in range(30))
    text = routes + '\napp.post("/webhooks/stripe", stripeHandler);\n' + (
        "const event = stripe.webhooks.constructEvent(body, sig, secret);\n"
    )
    calls = []
    real = webhooks._verified_by
    monkeypatch.setattr(webhooks, "_verified_by", lambda *a: calls.append(a[0]) or real(*a))
    ev, _ = run_detector(DETECTOR, "server/routes.js", text)
    hooks = [e for e in ev if e.kind == WEBHOOK_IN]
    assert len(hooks) == 31
    # run_detector runs the detector twice (once more to check its gate): two searches a run
    assert sorted(set(calls)) == ["", "stripe"] and len(calls) <= 4
    stripe_hook = next(e for e in hooks if e.name == "/webhooks/stripe")
    assert stripe_hook.service == "stripe" and "constructEvent" in stripe_hook.get("verification")
    assert all("constructEvent" in e.get("verification") for e in hooks)
