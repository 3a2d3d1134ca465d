"""A Laravel app's code reading a vendor's entry of config/services.php (laravel_service_reads)."""

from __future__ import annotations

from mkdocs_integrations.scan.detectors.laravel_service_reads import DETECTOR


def test_reads_of_a_vendors_entry_in_app_code(run_detector):
    ev, _ = run_detector(DETECTOR, "app/Models/User.php", """\
        <?php
        class User extends Authenticatable
        {
            public function getGravatar(): string
            {
                return sprintf('%s/%s', config('services.gravatar.base_url'), md5($this->email));
            }

            public function notify(): void
            {
                $token = Config::get("services.telegram-bot-api.token");
                $again = config()->get('services.gravatar.size');
            }
        }
        """)
    assert [(e.service, e.line) for e in ev] == [("gravatar", 6), ("telegram", 11)]


def test_sign_in_umbrella_unknown_keys_config_and_tests_are_nothing(run_detector):
    """Socialite's provider keys (`facebook`, `github`), an umbrella (`google`), no vendor's key
    (`cron_job`) and a commented read are not a vendor's use; config files and tests are not read."""
    ev, _ = run_detector(DETECTOR, "app/Http/Controllers/AuthController.php", """\
        <?php
        $id = config('services.facebook.client_id');
        $gh = config('services.github.redirect');
        $key = config('services.google.maps_key');
        $cron = config('services.cron_job.secret');
        // $g = config('services.gravatar.base_url');
        """)
    assert ev == []
    assert not DETECTOR.accepts("config/services.php", "services.php", None)
    assert not DETECTOR.accepts("tests/Feature/UserTest.php", "UserTest.php", None)
