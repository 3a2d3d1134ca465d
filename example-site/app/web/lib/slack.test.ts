import { afterEach, describe, expect, it, vi } from "vitest";
import { notifyNewEnrollment } from "./slack";

describe("notifyNewEnrollment", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
    vi.useRealTimers();
  });

  it("does nothing when SLACK_WEBHOOK_URL is not set", async () => {
    vi.stubEnv("SLACK_WEBHOOK_URL", "");
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    expect(await notifyNewEnrollment("a@example.com", "Intro")).toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("retries server errors and gives up after three attempts", async () => {
    vi.useFakeTimers();
    vi.stubEnv("SLACK_WEBHOOK_URL", "https://hooks.slack.example/services/test");
    const fetchMock = vi.fn().mockResolvedValue(new Response("oops", { status: 503 }));
    vi.stubGlobal("fetch", fetchMock);

    const result = notifyNewEnrollment("a@example.com", "Intro");
    await vi.runAllTimersAsync();

    expect(await result).toBe(false);
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });
});
