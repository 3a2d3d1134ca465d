"""NuGet: project files, central package versions, packages.config; lines and bad XML."""

from __future__ import annotations

import pytest

from mkdocs_integrations.scan.detectors.base import BadInput
from mkdocs_integrations.scan.detectors.manifest_dotnet import DETECTOR

CSPROJ = """\
<Project Sdk="Microsoft.NET.Sdk.Web">

  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <Nullable>enable</Nullable>
    <StripeVersion>44.5.0</StripeVersion>
  </PropertyGroup>

  <ItemGroup>
    <PackageReference Include="Microsoft.EntityFrameworkCore" Version="8.0.4" />
    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="8.0.2" />
    <PackageReference Include="Stripe.net" Version="$(StripeVersion)" />
    <!-- <PackageReference Include="SendGrid" Version="9.29.3" /> -->
    <PackageReference Include="Twilio">
      <Version>7.1.0</Version>
    </PackageReference>
    <PackageReference Include="Serilog.AspNetCore" Version="8.0.1" PrivateAssets="all" />
  </ItemGroup>

  <ItemGroup>
    <ProjectReference Include="..\\Acme.Billing.Core\\Acme.Billing.Core.csproj" />
  </ItemGroup>
</Project>
"""


def _by_name(evidence):
    return {e.name: e for e in evidence}


def test_csproj_attribute_and_element_versions(run_detector):
    evidence, _ = run_detector(DETECTOR, "src/Acme.Billing.Api/Acme.Billing.Api.csproj", CSPROJ)
    got = _by_name(evidence)
    assert all(e.ecosystem == "nuget" and e.kind == "package" for e in evidence)
    assert set(got) == {
        "Microsoft.EntityFrameworkCore", "Npgsql.EntityFrameworkCore.PostgreSQL", "Stripe.net", "Twilio",
        "Serilog.AspNetCore",
    }
    assert (got["Stripe.net"].line, got["Stripe.net"].version) == (12, "44.5.0")
    assert (got["Twilio"].line, got["Twilio"].version) == (14, "7.1.0")
    assert got["Microsoft.EntityFrameworkCore"].line == 10
    assert got["Serilog.AspNetCore"].line == 17


def test_commented_reference_is_ignored_and_does_not_shift_lines(run_detector):
    text = """\
    <Project Sdk="Microsoft.NET.Sdk">
      <ItemGroup>
        <!-- <PackageReference Include="Stripe.net" Version="40.0.0" /> -->
        <PackageReference Include="Stripe.net" Version="44.5.0" />
      </ItemGroup>
    </Project>
    """
    [hit] = run_detector(DETECTOR, "Api.fsproj", text)[0]
    assert (hit.name, hit.version, hit.line) == ("Stripe.net", "44.5.0", 4)


def test_central_package_management(run_detector):
    text = """\
    <Project>
      <PropertyGroup>
        <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
      </PropertyGroup>
      <ItemGroup>
        <PackageVersion Include="SendGrid" Version="9.29.3" />
        <PackageVersion Include="Stripe.net" Version="44.5.0" />
      </ItemGroup>
    </Project>
    """
    got = _by_name(run_detector(DETECTOR, "Directory.Packages.props", text)[0])
    assert (got["SendGrid"].line, got["SendGrid"].version, got["SendGrid"].get("central")) == (6, "9.29.3", "1")
    assert got["Stripe.net"].line == 7


def test_legacy_project_with_namespace_and_packages_config(run_detector):
    legacy = """\
    <?xml version="1.0" encoding="utf-8"?>
    <Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
      <ItemGroup>
        <PackageReference Include="Twilio" Version="6.16.1" />
      </ItemGroup>
    </Project>
    """
    [hit] = run_detector(DETECTOR, "Legacy.vbproj", legacy)[0]
    assert (hit.name, hit.line) == ("Twilio", 4)
    config = """\
    <?xml version="1.0" encoding="utf-8"?>
    <packages>
      <package id="Newtonsoft.Json" version="13.0.3" targetFramework="net48" />
      <package id="Stripe.net" version="39.126.0" targetFramework="net48" />
      <package id="Microsoft.CodeDom.Providers.DotNetCompilerPlatform" version="2.0.1" targetFramework="net48" developmentDependency="true" />
    </packages>
    """
    got = _by_name(run_detector(DETECTOR, "WebApp/packages.config", config)[0])
    assert (got["Stripe.net"].line, got["Stripe.net"].version) == (4, "39.126.0")
    assert got["Microsoft.CodeDom.Providers.DotNetCompilerPlatform"].get("development") == "1"


def test_malformed_project_is_bad_input_with_line(run_detector):
    text = '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="Stripe.net" Version="44.5.0">\n  </ItemGroup>\n</Project>\n'
    with pytest.raises(BadInput) as exc:
        run_detector(DETECTOR, "Api.csproj", text)
    assert exc.value.line == 4
    assert exc.value.message.startswith("invalid XML")


def test_accepts(ctx):
    for rel in ("src/App/App.csproj", "App.fsproj", "App.vbproj", "Directory.Packages.props", "packages.config"):
        assert DETECTOR.accepts(rel, rel.rsplit("/", 1)[-1], ctx)
    assert not DETECTOR.accepts("App.sln", "App.sln", ctx)
