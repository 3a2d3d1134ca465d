"""Celery tasks: video transcoding, SMS lesson reminders, partner notifications."""

from __future__ import annotations

import logging
import os
import subprocess
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import boto3
import httpx
import sentry_sdk
from celery import Celery
from celery.schedules import crontab
from sentry_sdk.integrations.celery import CeleryIntegration
from sqlalchemy import create_engine, text
from twilio.rest import Client

from worker.settings import CELERY_CONCURRENCY, settings

log = logging.getLogger(__name__)

sentry_sdk.init(
    dsn=os.environ["SENTRY_DSN"],
    release=os.getenv("SENTRY_RELEASE"),
    integrations=[CeleryIntegration()],
    traces_sample_rate=0.05,
)

app = Celery("coursely", broker=settings.redis_url, backend=settings.redis_url)
app.conf.update(
    worker_concurrency=CELERY_CONCURRENCY,
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    timezone="UTC",
    beat_schedule={
        "lesson-reminders-every-15-min": {
            "task": "worker.tasks.send_lesson_reminders",
            "schedule": crontab(minute="*/15"),
        },
    },
)

engine = create_engine(settings.sqlalchemy_url, pool_pre_ping=True, pool_size=5)
s3 = boto3.client("s3", region_name=settings.aws_region)

PARTNER_MAX_ATTEMPTS = 4


def twilio_client() -> Client:
    return Client(settings.twilio_account_sid, settings.twilio_auth_token)


@app.task(bind=True, max_retries=2, default_retry_delay=60)
def transcode_video(self, lesson_id: str) -> str:
    """Downloads a lesson's raw upload from S3, transcodes it to 720p H.264, uploads the result."""
    with engine.connect() as conn:
        raw_key = conn.execute(
            text('SELECT "rawVideoKey" FROM "Lesson" WHERE id = :id'), {"id": lesson_id}
        ).scalar_one_or_none()
    if not raw_key:
        raise ValueError(f"lesson {lesson_id} has no raw video")

    out_key = f"videos/{lesson_id}/720p.mp4"
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "source.mp4"
        dst = Path(tmp) / "720p.mp4"
        s3.download_file(settings.s3_bucket, raw_key, str(src))
        try:
            subprocess.run(
                [
                    "ffmpeg", "-y", "-i", str(src),
                    "-vf", "scale=-2:720", "-c:v", "libx264", "-preset", "medium",
                    "-crf", "23", "-c:a", "aac", "-movflags", "+faststart", str(dst),
                ],
                check=True,
                capture_output=True,
            )
        except subprocess.CalledProcessError as exc:
            _set_video_status(lesson_id, "failed")
            raise self.retry(exc=exc)
        s3.upload_file(str(dst), settings.s3_bucket, out_key, ExtraArgs={"ContentType": "video/mp4"})

    with engine.begin() as conn:
        conn.execute(
            text('UPDATE "Lesson" SET "videoKey" = :key, "videoStatus" = \'ready\' WHERE id = :id'),
            {"key": out_key, "id": lesson_id},
        )
    notify_partner.delay("lesson.video_ready", {"lesson_id": lesson_id, "video_key": out_key})
    return out_key


def _set_video_status(lesson_id: str, status: str) -> None:
    with engine.begin() as conn:
        conn.execute(
            text('UPDATE "Lesson" SET "videoStatus" = :status WHERE id = :id'),
            {"status": status, "id": lesson_id},
        )


def reminder_body(lesson_title: str, starts_at: datetime) -> str:
    return f"Coursely: \"{lesson_title}\" starts at {starts_at:%H:%M} UTC. Reply STOP to opt out."


@app.task
def send_reminder_sms(phone: str, lesson_title: str, starts_at_iso: str) -> str:
    starts_at = datetime.fromisoformat(starts_at_iso)
    message = twilio_client().messages.create(
        to=phone,
        from_=settings.twilio_from_number,
        body=reminder_body(lesson_title, starts_at),
    )
    return message.sid


@app.task
def send_lesson_reminders() -> int:
    """Texts enrolled students whose live lesson starts within the next hour."""
    now = datetime.now(timezone.utc)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                'SELECT u.phone, l.title, l."startsAt" FROM "Lesson" l '
                'JOIN "Enrollment" e ON e."courseId" = l."courseId" '
                'JOIN "User" u ON u.id = e."userId" '
                'WHERE u.phone IS NOT NULL AND l."startsAt" > :now AND l."startsAt" <= :until'
            ),
            {"now": now, "until": now + timedelta(hours=1)},
        ).all()
    for phone, title, starts_at in rows:
        send_reminder_sms.delay(phone, title, starts_at.isoformat())
    return len(rows)


@app.task
def notify_partner(event: str, payload: dict) -> bool:
    """POSTs an event to the content partner's webhook, retrying with exponential backoff."""
    url = os.environ["PARTNER_WEBHOOK_URL"]
    body = {"event": event, "data": payload, "sent_at": datetime.now(timezone.utc).isoformat()}
    for attempt in range(1, PARTNER_MAX_ATTEMPTS + 1):
        try:
            response = httpx.post(url, json=body, timeout=10.0)
            if response.status_code < 500:
                response.raise_for_status()
                return True
            log.warning("partner webhook returned %s (attempt %d)", response.status_code, attempt)
        except httpx.TransportError as exc:
            log.warning("partner webhook unreachable (attempt %d): %s", attempt, exc)
        if attempt < PARTNER_MAX_ATTEMPTS:
            time.sleep(2 ** attempt)
    log.error("giving up on partner webhook for %s", event)
    return False
