"""Which evidence shows that a service is used, and which only describes one found otherwise.

Shared by the resolution (inventory) and the sign-in folds (sign_in), which must agree on it.
"""

from __future__ import annotations

import re

from .model import CALL, CI_SECRET, ENV_DECL, ENV_READ, FEATURE, HOST, IMAGE, IMPORT, PACKAGE, Evidence
from .paths import is_agent_path, is_code_sample_path, is_example_path, is_test_path

# Facts that describe a service found otherwise, but do not show use on their own.
_WEAK_FEATURES = ("test_mode:", "http_client:", "token_storage:", "session:", "app_token:", "integration_grant:")


def shows_use(e: Evidence) -> bool:
    """Evidence that can establish a service on its own (the rest only describes one)."""
    if e.kind == FEATURE and e.name.startswith(_WEAK_FEATURES):
        return False
    if is_transitive(e):
        return False  # lockfiles and go.mod's `// indirect` list transitive dependencies: versions only
    if is_jvm_pin_or_test(e):
        return False  # a Maven version pin or a test-only dependency: never on the app's classpath
    if e.kind == CI_SECRET:
        return False  # CI secrets name deploy credentials (GITHUB_TOKEN), not app integrations
    if e.get("one_of_many") == "1":
        return False  # one of the many systems a general-purpose image prepares for (Laravel Sail's extensions)
    if e.kind == ENV_DECL and e.get("optional") == "1":
        return False  # a commented-out `# BETTERSTACK_API_KEY=` in an example file: documented, not set
    if e.kind == HOST and e.get("migration") == "1":
        return False  # a URL in a schema migration (a dropped column's default): the schema's history
    if e.kind in (CALL, HOST, IMPORT, ENV_READ) and is_test_path(e.path):
        return False
    if is_example_path(e.path):
        return False  # a sample app's manifest, code or compose file (examples/supabase/): for readers
    if is_agent_path(e.path):
        return False  # a coding agent's skill script (.agents/skills/*/scripts/): a developer's tool
    if e.kind in (CALL, HOST, ENV_READ) and is_code_sample_path(e.path):
        return False  # code shown to users to copy (its own imports are real)
    return True


def in_test_stack(e: Evidence) -> bool:
    """A test stack's container or its settings (`pkg/testutil/docker-compose.test.yaml`
    running MinIO in place of S3). Apart from databases (see the caller), what the tests run
    against stands in for a service: no use of its own, nor what makes a common SDK call
    name (`PutObject(`) that vendor's."""
    if e.get("ci"):
        return False  # a CI job's service container: which databases the test matrix supports
    return (e.kind == IMAGE or (e.kind == ENV_DECL and e.get("file") == "compose")) and (
        is_test_path(e.path) or e.get("environment") == "test"
    )


def is_transitive(e: Evidence) -> bool:
    """A lockfile's entry or go.mod's `// indirect` one: a version, no dependency of the app's own
    (unless a package of the app's own vendor requires it: `via_first_party`, see
    `inventory.route.first_party_requires`)."""
    return e.kind == PACKAGE and (e.get("locked") == "1" or e.get("indirect") == "1") and e.get("via_first_party") != "1"


# Gradle configurations of a test source set: `testImplementation`, `testRuntimeOnly`,
# `androidTestImplementation`, `integrationTestImplementation`, `kaptTest`.
_JVM_TEST_CONFIGURATION = re.compile(r"^(?:test|[a-z]\w*Test)(?:[A-Z]\w*)?$")


def is_jvm_pin_or_test(e: Evidence) -> bool:
    """A Maven or Gradle dependency the running application never loads: a
    `<dependencyManagement>` entry only pins the version (or imports a BOM) for modules that
    may declare it, and a `test` scope or a test source set's configuration puts it on the
    tests' classpath only (H2 or Testcontainers for the test suite; `provided` and `runtime`
    scopes do run)."""
    if e.kind != PACKAGE or e.ecosystem != "maven":
        return False
    return e.get("managed") == "1" or e.get("scope") == "test" or bool(_JVM_TEST_CONFIGURATION.match(e.get("configuration")))
