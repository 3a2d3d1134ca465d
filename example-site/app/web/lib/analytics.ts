"use client";

import posthog from "posthog-js";

let initialised = false;

export function initAnalytics(): void {
  const key = process.env.NEXT_PUBLIC_POSTHOG_KEY;
  if (initialised || !key || typeof window === "undefined") return;
  posthog.init(key, {
    api_host: process.env.NEXT_PUBLIC_POSTHOG_HOST ?? "https://app.posthog.com",
    capture_pageview: true,
    persistence: "localStorage+cookie",
  });
  initialised = true;
}

export function trackCourseEnrolled(courseId: string): void {
  posthog.capture("course_enrolled", { course_id: courseId });
}

export function trackLessonCompleted(courseId: string, lessonId: string): void {
  posthog.capture("lesson_completed", { course_id: courseId, lesson_id: lessonId });
}

export function trackCheckoutStarted(courseId: string, priceCents: number): void {
  posthog.capture("checkout_started", { course_id: courseId, price_cents: priceCents });
}
