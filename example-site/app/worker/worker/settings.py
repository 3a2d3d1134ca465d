"""Worker configuration, read from the environment (see ../.env.example)."""

import os

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = "postgresql://user:password@localhost:5432/coursely"
    redis_url: str = "redis://localhost:6379/0"

    twilio_account_sid: str = ""
    twilio_auth_token: str = ""
    twilio_from_number: str = ""

    sentry_dsn: str = ""

    aws_region: str = "us-east-1"
    s3_bucket: str = "prod-course-exports"

    @property
    def sqlalchemy_url(self) -> str:
        """Same database as the web app's Prisma client, through the psycopg 3 driver."""
        if self.database_url.startswith("postgresql://"):
            return "postgresql+psycopg://" + self.database_url.removeprefix("postgresql://")
        return self.database_url


settings = Settings()

# Celery reads this at start-up; kept outside Settings so `celery worker -c` can override it.
CELERY_CONCURRENCY = int(os.environ.get("CELERY_CONCURRENCY", "4"))
