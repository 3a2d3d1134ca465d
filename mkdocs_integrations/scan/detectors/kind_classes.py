"""Vendor names in class and file names of one role or kind, one file per vendor:
`geocoder/BaiduGeocoder.java`, `notificators/NotificatorTelegram.java`, `syncer_okta.go`.

These read the file's name against its package's word, not a module folder, so they are a
layout of their own beside `module_paths`.
"""

from __future__ import annotations

import re

from ...names import name_words
from .module_paths import GENERIC_NAMES, TEST_DIRS, TEST_FILE, UI_FILES, UI_WORDS

# Folders of a layer or of UI, whose classes are named for what they show or hold, not for a
# vendor they call (`components/TwitterCard.tsx`, `models/SlackMessage.java`).
_NOT_KIND_FOLDERS = UI_WORDS | TEST_DIRS | frozenset({
    "sidebar", "navbar", "toolbar", "widget", "screen", "dialogs", "modals", "forms", "form",
    # admin-panel builders (Filament, Nova, Backpack): `Resources/Threads/Tables/ThreadsTable.php`
    "tables", "table", "columns", "column", "fields", "field", "infolists", "charts", "chart", "lenses",
    "components", "views", "pages", "screens", "widgets", "layouts", "icons", "models", "entities", "entity",
    "dto", "dtos", "domain", "resources", "resource", "controllers", "controller", "tests", "test", "mocks",
    "fixtures", "migrations", "config", "configuration", "util", "utils", "helpers", "exceptions", "exception",
    "events", "event", "enums", "types", "interfaces", "api",
    # architectural layers: their classes are named for the app's own domain words
    # (`Services/StreamService.cs`, `Parser/ComicVineParser.cs` parsing Comic Vine's file names)
    "service", "services", "parser", "parsers", "repository", "repositories", "handler", "handlers",
    "manager", "managers", "job", "jobs", "task", "tasks", "worker", "workers", "command", "commands",
    "query", "queries", "middleware", "filter", "filters", "validator", "validators", "mapper", "mappers",
    "converter", "converters", "serializer", "serializers", "factory", "factories", "builder", "builders",
    "listener", "listeners", "extension", "extensions", "attribute", "attributes", "dao", "data", "store",
    "stores", "cache", "schema", "schemas", "request", "requests", "response", "responses", "policy", "policies",
    # a migrator reads another product's export file into the app's data (`Migrators/BitwardenMigrator.php`
    # parses a Bitwarden export): the product is a format there, never called
    "migrator", "migrators",
})
# Role words a kind's class name may end with after the kind (`OpenCellIdGeolocationProvider`).
_CLASS_ROLES = frozenset({
    "provider", "client", "service", "decoder", "encoder", "sender", "handler", "adapter", "impl", "api",
    "manager", "connector", "driver", "backend",
})
# Transport words a vendor's class may add to its name (`TtnHttpProtocolDecoder`).
_TRANSPORTS = frozenset({"http", "https", "rest", "json", "xml", "tcp", "udp", "api", "web"})



def kind_class_of(rel: str) -> tuple[str, ...]:
    """Vendor names of a class file named for the kind its package holds, one class per vendor:
    `geocoder/BaiduGeocoder.java` → ("baidu",), `notificators/NotificatorTelegram.java` →
    ("telegram",), `geolocation/OpenCellIdGeolocationProvider.java` → ("opencellid",),
    `forward/PositionForwarderWialon.java` → ("position", "wialon"): the words before and
    after the package's word, each a candidate (the caller keeps one a catalog or host names).
    Empty for any other path. Class files only (a capital first letter)."""
    parts = rel.split("/")
    if len(parts) < 2 or not parts[-1][:1].isupper() or "." not in parts[-1] or parts[-1].endswith(UI_FILES):
        return ()  # a UI component is named for what it shows (`YouTubeSidebarItem.vue`)
    folder = parts[-2].lower()
    if folder in _NOT_KIND_FOLDERS or not folder.isalpha() or len(folder) < 3:
        return ()
    if any(p.lower() in TEST_DIRS or p.lower().endswith((".tests", ".test")) for p in parts[:-1]) or TEST_FILE.match(
        parts[-1]
    ) or re.search(r"(?:Tests?|Spec|Mock|Fake|Stub)\.\w+$", parts[-1]):
        return ()
    words = name_words(parts[-1].rsplit(".", 1)[0])
    stem = folder[:-1] if folder.endswith("s") and len(folder) > 3 else folder
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + 3) + 1):
            joined = "".join(words[i:j])
            # the package's word, or a noun made of it (`forward/` → Forwarder, `notificators/` → Notificator)
            if joined in (folder, stem) or (j == i + 1 and joined.startswith(stem) and len(joined) - len(stem) <= 3):
                before, after = words[:i], words[j:]
                while after and after[-1] in _CLASS_ROLES:
                    after = after[:-1]
                if not joined.endswith(("er", "or")):
                    # after a thing's word the rest names a kind of it (`GeofenceCircle`, `RadioStream`);
                    # after an agent's (`NotificatorTelegram`, `PositionForwarderWialon`) a vendor
                    after = []
                out = []
                for side in (before, after):
                    while side and side[-1] in _TRANSPORTS:
                        side = side[:-1]
                    name = "".join(side)
                    if len(name) >= 3 and name not in GENERIC_NAMES and not all(w in GENERIC_NAMES for w in side):
                        out.append(name)
                return tuple(out)
    return ()


# Files of one role, one per vendor, named role first in snake case beside the role's other
# files (`object/syncer_okta.go`, `syncer_keycloak.go`, `notifier_slack.py`, `sender_twilio.go`;
# a forge's webhook payload formats `database/webhook_slack.go`, `webhook_dingtalk.go`, each
# vendor's message shape for its incoming-webhook URL): the rest of the name is a vendor when it
# is a catalog service's name.
_ROLE_FILE = re.compile(
    r"^(?:syncer|notifier|sender|importer|exporter|uploader|connector|webhook|notify|notification|alert)"
    r"_([a-z0-9]{3,40}(?:_[a-z0-9]{1,40})?)\.[a-z]{1,5}$"
)


def role_file_of(name: str) -> str:
    """The vendor part of a role file's name (`syncer_okta.go` → okta), or ''."""
    m = _ROLE_FILE.match(name)
    if m is None or TEST_FILE.match(name):
        return ""
    return m.group(1)
