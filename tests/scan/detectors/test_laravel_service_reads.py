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


def test_mail_facade_sending_is_an_smtp_call_not_alone(run_detector):
    """`Mail::to($user)->send(...)` (or `\\Mail::queue`) in app code: mail through the configured
    mailer, an SMTP call that needs the config's SMTP settings to count (not alone). A commented
    send, `$mail::to(` and another class's `UserMail::to(` are none."""
    ev, _ = run_detector(DETECTOR, "app/Jobs/UserNotificationDigest.php", """\
        <?php
        namespace App\\Jobs;

        use Mail;

        class UserNotificationDigest
        {
            public function handle(): void
            {
                // Mail::raw('debug', fn () => null);
                $x = UserMail::to($this->user);
                \\Mail::to($this->user)->send(new UserNotificationDigestMail($this->user));
            }
        }
        """)
    assert [(e.service, e.kind, e.line, e.get("alone")) for e in ev] == [("smtp", "call", 12, "")]


def test_laravel_app_sending_mail_with_smtp_settings_commented_out_uses_smtp(tmp_path, scanner):
    """osu-web: config/mail.php reads MAIL_HOST/PORT/USERNAME/PASSWORD with the driver defaulting to
    `log` and every MAIL_ line of .env.example commented out; jobs send mail with the Mail facade.
    The stock settings alone are a menu (no SMTP); with the app's sends they are its SMTP server."""
    from helpers import write_tree

    from mkdocs_integrations.pipeline import build_inventory

    files = {
        "composer.json": '{"require": {"php": "^8.2", "laravel/framework": "^11.0"}}\n',
        ".env.example": "APP_NAME=app\n# MAIL_DRIVER=log\n# MAIL_HOST=\n# MAIL_PORT=\n# MAIL_USERNAME=\n# MAIL_PASSWORD=\n",
        "config/mail.php": "<?php\n\nreturn [\n    'driver' => env('MAIL_DRIVER', 'log'),\n"
                           "    'host' => env('MAIL_HOST', 'smtp.mailgun.org'),\n    'port' => env('MAIL_PORT', 587),\n"
                           "    'username' => env('MAIL_USERNAME'),\n    'password' => env('MAIL_PASSWORD'),\n];\n",
    }
    write_tree(tmp_path / "menu", files)
    inv, _ = build_inventory(scanner, [tmp_path / "menu"], tmp_path / "menu", analysis_date="2026-01-01")
    assert "smtp" not in {u.id for u in inv.services}
    files["app/Jobs/SendDigest.php"] = ("<?php\n\nnamespace App\\Jobs;\n\nuse Mail;\n\nclass SendDigest\n{\n"
                                        "    public function handle($user)\n    {\n"
                                        "        Mail::to($user)->send(new \\App\\Mail\\Digest($user));\n    }\n}\n")
    write_tree(tmp_path / "app", files)
    inv, _ = build_inventory(scanner, [tmp_path / "app"], tmp_path / "app", analysis_date="2026-01-01")
    assert "smtp" in {u.id for u in inv.services}
