const MAX_ATTEMPTS = 3;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Posts a message to the #sales channel through a Slack incoming webhook.
 * Failures are logged, never thrown: a Slack outage must not fail a payment webhook.
 */
export async function notifyNewEnrollment(email: string, courseTitle: string): Promise<boolean> {
  const url = process.env.SLACK_WEBHOOK_URL;
  if (!url) return false;

  const payload = { text: `:tada: ${email} enrolled in *${courseTitle}*` };

  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(payload),
      });
      if (res.ok) return true;
      if (res.status < 500 && res.status !== 429) {
        console.error(`Slack webhook rejected message: ${res.status}`);
        return false;
      }
    } catch (err) {
      console.error(`Slack webhook attempt ${attempt} failed`, err);
    }
    if (attempt < MAX_ATTEMPTS) await sleep(500 * 2 ** (attempt - 1));
  }
  return false;
}
