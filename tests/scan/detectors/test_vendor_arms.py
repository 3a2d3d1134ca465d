"""Vendor arms: one branch per catalog vendor over an enum of a kind of integration."""

from __future__ import annotations

from mkdocs_integrations.scan.detectors.vendor_arms import DETECTOR

_RUST = """
pub async fn send(specifics: &NotificationPlatformSpecifics, msg: &str) -> Result<()> {
    let client = reqwest::Client::new();
    match specifics {
        NotificationPlatformSpecifics::Discord { url } => {
            client.post(url).json(&json!({"content": msg})).send().await?;
        }
        NotificationPlatformSpecifics::Gotify { url, token, priority } => {
            client
                .post(format!("{url}/message"))
                .header("X-Gotify-Key", token)
                .send()
                .await?;
        }
    }
    Ok(())
}
"""


def _services(run_detector, rel, text):
    evidence, _ = run_detector(DETECTOR, rel, text)
    return {e.service for e in evidence}


def test_rust_match_arms_that_send_name_their_vendors(run_detector):
    assert _services(run_detector, "crates/notification/src/lib.rs", _RUST) == {"discord", "gotify"}


def test_ts_switch_cases_that_send(run_detector):
    text = """
    export async function notify(kind: NotifierType, url: string, body: string) {
      switch (kind) {
        case NotifierType.Discord:
          await axios.post(url, { content: body });
          break;
        case NotifierType.Gotify:
          await fetch(`${url}/message`, { method: "POST", body });
          break;
      }
    }
    """
    assert _services(run_detector, "src/notify.ts", text) == {"discord", "gotify"}


def test_display_lists_send_nothing(run_detector):
    # an enum of vendors also names them for a settings form: no request, no integration
    text = """
    export function label(p: NotificationPlatform): string {
      switch (p) {
        case NotificationPlatform.Discord:
          return "Discord";
        case NotificationPlatform.Gotify:
          return "Gotify";
      }
    }
    const x = await fetch("/api/settings");
    """
    assert _services(run_detector, "src/labels.ts", text) == set()


def test_enum_not_named_for_a_kind_of_integration(run_detector):
    text = _RUST.replace("NotificationPlatformSpecifics", "Message")
    assert _services(run_detector, "src/lib.rs", text) == set()


def test_one_catalog_variant_is_no_enum_of_vendors(run_detector):
    text = _RUST.replace("::Gotify", "::Custom")
    assert _services(run_detector, "src/lib.rs", text) == set()


def test_last_branch_ends_with_its_switch(run_detector):
    # the code after the switch sends requests of its own, not the last branch's
    text = """
    class Client {
      constructor(provider: ModelProvider) {
        switch (provider) {
          case ModelProvider.Discord:
            this.api = new DiscordApi();
            break;
          case ModelProvider.Gotify:
            this.api = new GotifyApi();
            break;
        }
      }
      send() { return fetch(this.url, { method: "POST" }); }
    }
    """
    assert _services(run_detector, "src/client.ts", text) == set()
