"""Maven, Gradle and Gradle version catalogs: group:artifact, versions, properties, lines."""

from __future__ import annotations

import pytest

from mkdocs_integrations.scan.detectors.base import BadInput
from mkdocs_integrations.scan.detectors.manifest_jvm import DETECTOR

# A Spring Boot service pom: parent, properties, managed BOM, test scope, a commented dep.
POM = """\
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
    <modelVersion>4.0.0</modelVersion>
    <parent>
        <groupId>org.springframework.boot</groupId>
        <artifactId>spring-boot-starter-parent</artifactId>
        <version>3.2.5</version>
        <relativePath/>
    </parent>
    <groupId>com.acme</groupId>
    <artifactId>billing</artifactId>
    <version>1.4.0</version>
    <properties>
        <java.version>21</java.version>
        <stripe.version>25.3.0</stripe.version>
        <twilio.version>10.1.5</twilio.version>
        <aws.sdk.version>2.25.40</aws.sdk.version>
    </properties>
    <dependencyManagement>
        <dependencies>
            <dependency>
                <groupId>software.amazon.awssdk</groupId>
                <artifactId>bom</artifactId>
                <version>${aws.sdk.version}</version>
                <type>pom</type>
                <scope>import</scope>
            </dependency>
        </dependencies>
    </dependencyManagement>
    <dependencies>
        <dependency>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-web</artifactId>
        </dependency>
        <!--
        <dependency>
            <groupId>com.sendgrid</groupId>
            <artifactId>sendgrid-java</artifactId>
        </dependency>
        -->
        <dependency>
            <groupId>com.stripe</groupId>
            <artifactId>stripe-java</artifactId>
            <version>${stripe.version}</version>
        </dependency>
        <dependency>
            <groupId>com.twilio.sdk</groupId>
            <artifactId>twilio</artifactId>
            <version>${twilio.version}</version>
        </dependency>
        <dependency>
            <groupId>software.amazon.awssdk</groupId>
            <artifactId>s3</artifactId>
        </dependency>
        <dependency>
            <groupId>${project.groupId}</groupId>
            <artifactId>billing-model</artifactId>
            <version>${project.version}</version>
        </dependency>
        <dependency>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-test</artifactId>
            <scope>test</scope>
        </dependency>
    </dependencies>
</project>
"""


def _by_name(evidence):
    return {e.name: e for e in evidence}


def test_pom_dependencies_properties_and_lines(run_detector):
    evidence, _ = run_detector(DETECTOR, "pom.xml", POM)
    got = _by_name(evidence)
    assert all(e.ecosystem == "maven" and e.kind == "package" for e in evidence)
    assert (got["com.stripe:stripe-java"].line, got["com.stripe:stripe-java"].version) == (45, "25.3.0")
    assert (got["com.twilio.sdk:twilio"].line, got["com.twilio.sdk:twilio"].version) == (50, "10.1.5")
    assert (got["software.amazon.awssdk:s3"].line, got["software.amazon.awssdk:s3"].version) == (55, "")
    assert got["org.springframework.boot:spring-boot-starter-web"].line == 35
    assert got["org.springframework.boot:spring-boot-starter-test"].get("scope") == "test"
    assert got["com.acme:billing-model"].version == "1.4.0"


def test_pom_managed_and_commented(run_detector):
    got = _by_name(run_detector(DETECTOR, "pom.xml", POM)[0])
    bom = got["software.amazon.awssdk:bom"]
    assert (bom.line, bom.version, bom.get("managed"), bom.get("scope")) == (25, "2.25.40", "1", "import")
    assert got["com.stripe:stripe-java"].get("managed") == ""
    assert "com.sendgrid:sendgrid-java" not in got
    assert "org.springframework.boot:spring-boot-starter-parent" not in got  # the parent is not a dependency


def test_pom_unknown_property_is_kept_verbatim(run_detector):
    text = """\
    <project>
      <dependencies>
        <dependency><groupId>com.stripe</groupId><artifactId>stripe-java</artifactId><version>${revision}</version></dependency>
      </dependencies>
    </project>
    """
    [hit] = run_detector(DETECTOR, "pom.xml", text)[0]
    assert (hit.name, hit.version, hit.line) == ("com.stripe:stripe-java", "${revision}", 3)


def test_malformed_pom_is_bad_input_with_line(run_detector):
    text = "<project>\n  <dependencies>\n    <dependency>\n      <groupId>com.stripe</groupId>\n  </dependencies>\n</project>\n"
    with pytest.raises(BadInput) as exc:
        run_detector(DETECTOR, "pom.xml", text)
    assert exc.value.line == 5
    assert exc.value.message.startswith("invalid XML")


BUILD_GRADLE = """\
plugins {
    id 'org.springframework.boot' version '3.2.5'
    id 'java'
}

ext {
    stripeVersion = '25.3.0'
}

dependencies {
    implementation 'org.springframework.boot:spring-boot-starter-web'
    implementation "com.stripe:stripe-java:${stripeVersion}"
    implementation group: 'com.twilio.sdk', name: 'twilio', version: '10.1.5'
    implementation platform('software.amazon.awssdk:bom:2.25.40')
    implementation 'software.amazon.awssdk:s3'
    // implementation 'com.sendgrid:sendgrid-java:4.10.2'
    /* runtimeOnly 'com.mailgun:mailgun-java:1.1.0' */
    runtimeOnly 'org.postgresql:postgresql:42.7.3'
    compileOnly 'org.projectlombok:lombok:1.18.32'
    testImplementation 'org.springframework.boot:spring-boot-starter-test'
}
"""


def test_gradle_groovy_string_map_and_platform_forms(run_detector):
    evidence, _ = run_detector(DETECTOR, "build.gradle", BUILD_GRADLE)
    got = _by_name(evidence)
    assert (got["com.stripe:stripe-java"].line, got["com.stripe:stripe-java"].version) == (12, "25.3.0")
    assert (got["com.twilio.sdk:twilio"].line, got["com.twilio.sdk:twilio"].version) == (13, "10.1.5")
    assert (got["software.amazon.awssdk:bom"].line, got["software.amazon.awssdk:bom"].version) == (14, "2.25.40")
    assert (got["software.amazon.awssdk:s3"].line, got["software.amazon.awssdk:s3"].version) == (15, "")
    assert got["org.postgresql:postgresql"].get("configuration") == "runtimeOnly"
    assert got["org.springframework.boot:spring-boot-starter-test"].get("configuration") == "testImplementation"
    assert got["org.projectlombok:lombok"].line == 19


def test_gradle_comments_and_plugins_are_ignored(run_detector):
    names = set(_by_name(run_detector(DETECTOR, "build.gradle", BUILD_GRADLE)[0]))
    assert "com.sendgrid:sendgrid-java" not in names
    assert "com.mailgun:mailgun-java" not in names
    assert not any("org.springframework.boot:org" in n or n.startswith("java") for n in names)
    assert len(names) == 8


BUILD_GRADLE_KTS = """\
val twilioVersion = "10.1.5"

dependencies {
    implementation("com.stripe:stripe-java:25.3.0")
    implementation("com.twilio.sdk:twilio:$twilioVersion")
    implementation(group = "com.sendgrid", name = "sendgrid-java", version = "4.10.2")
    implementation(libs.okhttp)
    testImplementation(kotlin("test"))
}
"""


def test_gradle_kotlin_dsl(run_detector):
    evidence, _ = run_detector(DETECTOR, "app/build.gradle.kts", BUILD_GRADLE_KTS)
    got = _by_name(evidence)
    assert set(got) == {"com.stripe:stripe-java", "com.twilio.sdk:twilio", "com.sendgrid:sendgrid-java"}
    assert (got["com.stripe:stripe-java"].line, got["com.stripe:stripe-java"].version) == (4, "25.3.0")
    assert (got["com.twilio.sdk:twilio"].line, got["com.twilio.sdk:twilio"].version) == (5, "10.1.5")
    assert (got["com.sendgrid:sendgrid-java"].line, got["com.sendgrid:sendgrid-java"].version) == (6, "4.10.2")


LIBS_VERSIONS = """\
[versions]
stripe = "25.3.0"
twilio = { strictly = "10.1.5" }
kotlin = "1.9.24"

[libraries]
stripe-java = { module = "com.stripe:stripe-java", version.ref = "stripe" }
twilio = { group = "com.twilio.sdk", name = "twilio", version.ref = "twilio" }
sendgrid = "com.sendgrid:sendgrid-java:4.10.2"
kotlin-stdlib = { module = "org.jetbrains.kotlin:kotlin-stdlib" }

[plugins]
kotlin-jvm = { id = "org.jetbrains.kotlin.jvm", version.ref = "kotlin" }
"""


def test_version_catalog(run_detector):
    evidence, _ = run_detector(DETECTOR, "gradle/libs.versions.toml", LIBS_VERSIONS)
    got = _by_name(evidence)
    assert set(got) == {
        "com.stripe:stripe-java", "com.twilio.sdk:twilio", "com.sendgrid:sendgrid-java",
        "org.jetbrains.kotlin:kotlin-stdlib",
    }
    assert (got["com.stripe:stripe-java"].line, got["com.stripe:stripe-java"].version) == (7, "25.3.0")
    assert (got["com.twilio.sdk:twilio"].line, got["com.twilio.sdk:twilio"].version) == (8, "10.1.5")
    assert (got["com.sendgrid:sendgrid-java"].line, got["com.sendgrid:sendgrid-java"].version) == (9, "4.10.2")
    assert got["com.twilio.sdk:twilio"].get("alias") == "twilio"  # not the [versions] key of line 3


def test_version_catalog_invalid_toml(run_detector):
    with pytest.raises(BadInput) as exc:
        run_detector(DETECTOR, "gradle/libs.versions.toml", '[libraries]\nstripe = { module = "com.stripe:stripe-java"\n')
    assert exc.value.line == 2


def test_accepts(ctx):
    assert DETECTOR.accepts("services/api/pom.xml", "pom.xml", ctx)
    assert DETECTOR.accepts("gradle/libs.versions.toml", "libs.versions.toml", ctx)
    assert not DETECTOR.accepts("config/libs.versions.toml", "libs.versions.toml", ctx)
    assert not DETECTOR.accepts("settings.gradle", "settings.gradle", ctx)


def test_pom_publish_targets_are_deploys(run_detector):
    """distributionManagement URLs and the Nexus staging plugin's nexusUrl name where `mvn deploy`
    publishes (OSSRH → Maven Central), even with no CI job running the release."""
    text = """\
    <project>
      <distributionManagement>
        <!-- <url>https://maven.pkg.github.com/acme/lib</url> -->
        <snapshotRepository>
          <id>ossrh</id>
          <url>https://s01.oss.sonatype.org/content/repositories/snapshots/</url>
        </snapshotRepository>
        <repository>
          <id>ossrh</id>
          <url>https://s01.oss.sonatype.org/service/local/staging/deploy/maven2/</url>
        </repository>
      </distributionManagement>
      <url>https://github.com/acme/lib</url>
      <build><plugins><plugin>
        <artifactId>nexus-staging-maven-plugin</artifactId>
        <configuration><nexusUrl>https://oss.sonatype.org/</nexusUrl></configuration>
      </plugin></plugins></build>
    </project>
    """
    evidence, _ = run_detector(DETECTOR, "pom.xml", text)
    deploys = [(e.name, e.line) for e in evidence if e.name.startswith("deploy:")]
    assert deploys == [("deploy:maven-central", 6)]
    assert not any(e.service == "github" for e in evidence)  # the project's own URL, a commented repository


def test_pom_nexus_url_alone_is_a_deploy(run_detector):
    text = """\
    <project>
      <build><plugins><plugin>
        <artifactId>nexus-staging-maven-plugin</artifactId>
        <configuration><nexusUrl>https://oss.sonatype.org/</nexusUrl></configuration>
      </plugin></plugins></build>
    </project>
    """
    evidence, _ = run_detector(DETECTOR, "pom.xml", text)
    assert [(e.name, e.line) for e in evidence if e.name.startswith("deploy:")] == [("deploy:maven-central", 4)]
