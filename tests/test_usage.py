"""Which evidence establishes a service on its own (`shows_use`)."""

from __future__ import annotations

from helpers import scan_tree, service_ids

from mkdocs_integrations.model import PACKAGE, Evidence
from mkdocs_integrations.usage import shows_use


def _maven(*detail: tuple[str, str]) -> Evidence:
    return Evidence(path="pom.xml", line=10, kind=PACKAGE, name="com.h2database:h2", ecosystem="maven", detail=detail)


def _gradle(configuration: str) -> Evidence:
    return Evidence(path="build.gradle", line=3, kind=PACKAGE, name="com.h2database:h2", ecosystem="maven",
                    detail=(("configuration", configuration),))


def test_jvm_version_pins_and_test_dependencies_show_no_use():
    """`<dependencyManagement>` only pins a version; a `test` scope or a test source set's
    configuration is on the tests' classpath only. Compile, runtime and provided scopes run."""
    assert not shows_use(_maven(("managed", "1")))
    assert not shows_use(_maven(("scope", "test")))
    for conf in ("testImplementation", "testRuntimeOnly", "androidTestImplementation", "integrationTestImplementation", "kaptTest"):
        assert not shows_use(_gradle(conf)), conf
    assert shows_use(_maven())
    assert shows_use(_maven(("scope", "runtime")))
    assert shows_use(_maven(("scope", "provided")))
    for conf in ("implementation", "runtimeOnly", "api", "compileOnly", "kapt"):
        assert shows_use(_gradle(conf)), conf


POM = """\
<project>
  <dependencyManagement>
    <dependencies>
      <dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId><version>2.3.232</version></dependency>
      <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>42.7.4</version></dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency>
    <dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId><scope>test</scope></dependency>
  </dependencies>
</project>
"""


def test_an_in_memory_test_database_is_no_service(tmp_path):
    ids = service_ids(scan_tree(tmp_path, {"pom.xml": POM}))
    assert "postgresql" in ids
    assert "h2" not in ids
