"""Adapter imports: a library's per-vendor adapter classes imported by the app's code."""

from __future__ import annotations

from mkdocs_integrations.model import FEATURE
from mkdocs_integrations.scan.detectors.adapter_imports import DETECTOR, accepts

MESSAGING = """\
<?php

namespace App\\Workers;

use Utopia\\Messaging\\Adapter\\Email\\Mailgun;
use Utopia\\Messaging\\Adapter\\Email\\Resend;
use Utopia\\Messaging\\Adapter\\SMS\\Twilio;
use Utopia\\Messaging\\Adapter\\SMS\\Mock;
use Utopia\\Messaging\\Adapter\\Push\\FCM;
use Utopia\\Storage\\Device\\Linode;
use Utopia\\Storage\\Device\\Local;
use Utopia\\Logger\\Adapter\\Sentry;
use Utopia\\Database\\Adapter\\SQL;
use Utopia\\Migration\\Sources\\Supabase;

class Messaging
{
    public function sms(array $c) { return new Twilio($c['sid'], $c['token']); }
}
"""


def test_vendor_adapter_classes_name_their_vendors(run_detector):
    ev, _ = run_detector(DETECTOR, "src/App/Workers/Messaging.php", MESSAGING)
    assert all(e.kind == FEATURE for e in ev)
    assert [e.service for e in ev] == [
        "mailgun", "resend", "twilio", "firebase-cloud-messaging", "linode-object-storage", "sentry", "supabase",
    ]
    # the library's stand-ins and base classes (`Mock`, `Local`, `SQL`) name no vendor; a storage
    # library's `Linode` is Linode's object storage, not its cloud servers


def test_imports_outside_an_adapter_namespace_name_nothing(run_detector):
    text = "<?php\n\nuse App\\Models\\Twilio;\nuse Illuminate\\Support\\Facades\\Redis;\n"
    ev, _ = run_detector(DETECTOR, "app/Http/Controllers/SmsController.php", text)
    assert ev == []


def test_an_everyday_word_counts_only_in_its_own_kind(run_detector):
    # `Resend` is a word (catalog word_name): a mail library's adapter is the vendor, a queue's is not
    text = "<?php\n\nuse Acme\\Queue\\Adapter\\Resend;\n"
    ev, _ = run_detector(DETECTOR, "src/Jobs/Retry.php", text)
    assert ev == []


def test_tests_and_templates_are_not_read():
    assert not accepts("tests/unit/MessagingTest.php", "MessagingTest.php")
    assert not accepts("resources/views/mail.blade.php", "mail.blade.php")


def test_a_mail_librarys_protocol_classes_name_their_protocols(run_detector):
    """Laminas Mail keeps one client per protocol (`Protocol\\Imap`, `Protocol\\Pop3`): an app
    fetching mail imports the ones it speaks; a protocol class that names no catalog service
    (`Protocol\\Http`) stays quiet."""
    text = ("<?php\nnamespace osTicket\\Mail {\n"
            "    use Laminas\\Mail\\Protocol\\Imap as ImapProtocol;\n"
            "    use Laminas\\Mail\\Protocol\\Pop3 as Pop3Protocol;\n"
            "    use Acme\\Client\\Protocol\\Http;\n"
            "    class ImapMailboxProtocol extends ImapProtocol {}\n}\n")
    ev, _ = run_detector(DETECTOR, "include/class.mail.php", text)
    assert [e.service for e in ev] == ["imap", "pop3"]
