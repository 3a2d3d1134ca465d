"use client";

import { useState } from "react";
import { trackCheckoutStarted, trackCourseEnrolled } from "@/lib/analytics";

type Props = { courseId: string; priceCents: number; enrolled: boolean };

export function EnrollButton({ courseId, priceCents, enrolled }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (enrolled) {
    return <p className="badge">You are enrolled</p>;
  }

  async function startCheckout() {
    setBusy(true);
    setError(null);
    trackCheckoutStarted(courseId, priceCents);
    try {
      const res = await fetch("/api/checkout", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ courseId, plan: "course" }),
      });
      const data = (await res.json()) as { url?: string; error?: string };
      if (!res.ok || !data.url) throw new Error(data.error ?? "Checkout failed");
      trackCourseEnrolled(courseId);
      window.location.assign(data.url);
    } catch (err) {
      setError(err instanceof Error ? err.message : "Checkout failed");
      setBusy(false);
    }
  }

  return (
    <div>
      <button onClick={startCheckout} disabled={busy}>
        {busy ? "Redirecting…" : `Enroll for $${(priceCents / 100).toFixed(2)}`}
      </button>
      {error && <p className="error">{error}</p>}
    </div>
  );
}
