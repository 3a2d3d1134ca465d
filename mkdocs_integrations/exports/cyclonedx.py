"""The inventory as a CycloneDX 1.6 BOM whose `services` are the external services.

Security and compliance tools (Dependency-Track, SBOM scanners, threat models) read
CycloneDX; its `services` element is made for exactly this: what a system talks to across
a trust boundary, whether that is authenticated, and where data flows. We build it with
cyclonedx-python-lib so that the output follows the spec's serialisation rules.

Data flow directions are relative to the external service, as the spec defines them: a
webhook the service sends us is `outbound`, a webhook we post to it is `inbound`, SDK or
API use (request and response) is `bi-directional`. Nothing unknown is guessed: with no
credential-like env var, `authenticated` is left out rather than set to false.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import uuid

from cyclonedx.model import (
    DataClassification, DataFlow, ExternalReference, ExternalReferenceType, Property, XsUri,
)
from cyclonedx.model.bom import Bom
from cyclonedx.model.component import Component, ComponentType
from cyclonedx.model.service import Service
from cyclonedx.output import make_outputter
from cyclonedx.schema import OutputFormat, SchemaVersion

from .. import __version__
from ..inventory import Inventory, ServiceUse
from ..render.view import credential_vars
from . import RESOURCE_CATEGORIES, slugify
from ..serialize import inventory_to_dict

PROPERTY_PREFIX = "mkdocs-integrations"


def _endpoints(use: ServiceUse) -> list[XsUri]:
    """https:// URLs of the catalog's hosts and the hosts seen in code (wildcards skipped)."""
    hosts = sorted({h for h in (*use.service.hosts, *use.hosts) if h and "*" not in h})
    return [XsUri(f"https://{h}") for h in hosts]


def _flows(use: ServiceUse, inv: Inventory) -> list[DataClassification]:
    flows = []
    if use.strength == "used" and (use.endpoints or use.packages or use.hosts):
        what = "reads and writes" if use.category in RESOURCE_CATEGORIES else "API requests and responses"
        flows.append(DataClassification(flow=DataFlow.BI_DIRECTIONAL, classification=what))
    directions = {w.direction for w in inv.webhooks if w.service == use.id}
    if "incoming" in directions:
        flows.append(DataClassification(flow=DataFlow.OUTBOUND, classification="webhook events"))
    if "outgoing" in directions:
        flows.append(DataClassification(flow=DataFlow.INBOUND, classification="webhook payloads"))
    return flows


def _service(use: ServiceUse, inv: Inventory) -> Service:
    props = [
        Property(name=f"{PROPERTY_PREFIX}:category", value=use.category),
        Property(name=f"{PROPERTY_PREFIX}:strength", value=use.strength),
    ]
    props += [Property(name=f"{PROPERTY_PREFIX}:env", value=name) for name in use.env_vars]
    refs = []
    if use.service.docs:
        refs.append(ExternalReference(type=ExternalReferenceType.DOCUMENTATION, url=XsUri(use.service.docs)))
    return Service(
        name=use.name,
        bom_ref=f"service:{use.id}",
        description=(use.purpose or use.service.purpose) or None,
        endpoints=_endpoints(use),
        authenticated=True if credential_vars(use, inv) else None,  # no credential seen: unknown, not False
        x_trust_boundary=True,
        data=_flows(use, inv),
        external_references=refs,
        properties=props,
    )


def build_bom(inv: Inventory, system: str) -> Bom:
    """A BOM whose metadata component is the scanned system, depending on every service."""
    # Same sources, same BOM: the serial number and timestamp derive from the inventory, not
    # from the clock and a random UUID.
    digest = hashlib.sha256(json.dumps(inventory_to_dict(inv), sort_keys=True).encode()).hexdigest()
    bom = Bom(serial_number=uuid.UUID(digest[:32]))
    bom.metadata.timestamp = datetime.datetime.fromisoformat(inv.analysis_date).replace(tzinfo=datetime.timezone.utc)
    root = Component(type=ComponentType.APPLICATION, name=system, bom_ref=f"system:{slugify(system)}")
    bom.metadata.component = root
    bom.metadata.tools.components.add(
        Component(type=ComponentType.APPLICATION, name="mkdocs-integrations", version=__version__)
    )
    services = [_service(use, inv) for use in inv.services]
    for svc in services:
        bom.services.add(svc)
    bom.register_dependency(root, services)
    return bom


def to_json(inv: Inventory, system: str) -> str:
    """The BOM as CycloneDX 1.6 JSON text."""
    outputter = make_outputter(build_bom(inv, system), OutputFormat.JSON, SchemaVersion.V1_6)
    return outputter.output_as_string(indent=2) + "\n"
