import * as Sentry from "@sentry/nextjs";

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  release: process.env.SENTRY_RELEASE,
  environment: process.env.VERCEL_ENV ?? "development",
  tracesSampleRate: 0.2,
});
