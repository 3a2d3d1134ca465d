import os
from datetime import datetime, timezone

# Placeholders only: tasks.py reads these at import time.
os.environ.setdefault("SENTRY_DSN", "")
os.environ.setdefault("PARTNER_WEBHOOK_URL", "https://partner.example.com/hooks/coursely")
os.environ.setdefault("TWILIO_ACCOUNT_SID", "ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
os.environ.setdefault("TWILIO_AUTH_TOKEN", "changeme")
os.environ.setdefault("TWILIO_FROM_NUMBER", "+15005550006")

import httpx  # noqa: E402

from worker import tasks  # noqa: E402


class FakeMessages:
    def __init__(self):
        self.sent = []

    def create(self, **kwargs):
        self.sent.append(kwargs)
        return type("Message", (), {"sid": f"SM{len(self.sent):032d}"})()


class FakeTwilio:
    def __init__(self):
        self.messages = FakeMessages()


def test_send_reminder_sms_uses_configured_sender(monkeypatch):
    fake = FakeTwilio()
    monkeypatch.setattr(tasks, "twilio_client", lambda: fake)
    monkeypatch.setattr(tasks.settings, "twilio_from_number", "+15005550006")

    starts = datetime(2024, 3, 4, 17, 30, tzinfo=timezone.utc)
    sid = tasks.send_reminder_sms.run("+15551234567", "Intro to SQL", starts.isoformat())

    assert sid.startswith("SM")
    [msg] = fake.messages.sent
    assert msg["to"] == "+15551234567"
    assert msg["from_"] == "+15005550006"
    assert "Intro to SQL" in msg["body"] and "17:30" in msg["body"]


def test_notify_partner_retries_then_succeeds(monkeypatch):
    responses = iter([503, 502, 200])
    calls = []

    def fake_post(url, json, timeout):
        calls.append(url)
        return httpx.Response(next(responses), request=httpx.Request("POST", url))

    monkeypatch.setattr(tasks.httpx, "post", fake_post)
    monkeypatch.setattr(tasks.time, "sleep", lambda _s: None)

    assert tasks.notify_partner.run("lesson.video_ready", {"lesson_id": "l1"}) is True
    assert len(calls) == 3
    assert calls[0] == os.environ["PARTNER_WEBHOOK_URL"]
