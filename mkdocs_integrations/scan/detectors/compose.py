"""Docker Compose files: the backing services an app runs next to, and its env var names.

A `postgres:16-alpine` service in `docker-compose.yml` is how most projects provide a
local database, so compose images are evidence of the service *and* of its local stand-in
("Mock/stub services: local PostgreSQL"): IMAGE records carry ("local", "1") unless the
file name says production or staging. `environment:` blocks give variable NAMES only; their
values (often real-looking passwords) never enter a record.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from ...model import ENV_DECL, FEATURE, IMAGE, Evidence
from . import _infra as y
from .base import Context, Detector, Record, Source

# A compose file an installer renders from a template keeps the template's suffix, sometimes
# with a variant after it (`docker-compose.yml.tmpl`, `docker-compose.yml.tmpl.traefik`,
# Ansible's `docker-compose.yml.j2`, `compose.yaml.example`): the same services once rendered.
# A template that is no YAML (Jinja blocks) parses to nothing and yields nothing.
_NAME = re.compile(
    r"^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml"
    r"(?:\.(?:tmpl|tpl|template|j2|jinja2?|dist|example|sample)(?:\.[\w-]+)?)?$",
    re.I,
)


# Compose files kept together in a folder named for them, under any name
# (`docker/compose/app-mysql.yaml`, `deploy/docker-compose/prod.yml`).
_FOLDERS = frozenset({"compose", "docker-compose"})
_YAML = re.compile(r"\.ya?ml$", re.I)


# Where an application keeps its own deployment files; a `templates/compose/` folder is a
# catalogue of other products' stacks (coolify's one-click services), not what the app runs.
_DEPLOY_PARENTS = frozenset({"", "docker", ".docker", "deploy", "deployment", "deployments", "ops", "infra"})


def _in_compose_folder(rel: str, name: str) -> bool:
    parts = rel.lower().split("/")
    return (
        len(parts) in (2, 3) and parts[-2] in _FOLDERS and bool(_YAML.search(name))
        and (parts[0] if len(parts) == 3 else "") in _DEPLOY_PARENTS
    )


def _in_template_gallery(rel: str) -> bool:
    """A compose file in a folder of its own below a `templates/` folder
    (`extra/templates/mariadb/compose.yaml`, `templates/uptime-kuma/compose.yaml`): where a
    stack manager keeps its gallery of other products' stacks, which the app offers its users
    to deploy. A compose file directly in `templates/` (an Ansible role's
    `templates/docker-compose.yml.j2`) is the app's own deployment, rendered."""
    parts = rel.lower().split("/")[:-1]
    return "templates" in parts[:-1]


def _builds(services: yaml.Node | None) -> bool:
    """Whether a compose file builds an image from the repository (`build:`): a gallery entry
    only pulls another product's image, so a file that builds is the app's own stack even in a
    templates folder (`deploy/templates/prod/compose.yml`)."""
    return any(y.get(svc, "build") is not None for _, _, svc in y.pairs(services))


def accepts(rel: str, name: str, ctx: Context) -> bool:
    return bool(_NAME.match(name)) or _in_compose_folder(rel, name)


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    docs = y.yaml_docs(src)
    if not docs:
        return
    root = docs[0]
    if not _NAME.match(src.name) and y.get(root, "services") is None:
        return  # a YAML file of a compose folder that is no compose file (a `.env`-like settings file)
    environment = y.environment_of_path(src.name, "development")
    local = environment == "development" or environment == "test"
    services = y.get(root, "services")
    if services is None and y.get(root, "version") is None:
        services = root  # compose v1: services at the top level
    if _in_template_gallery(src.rel) and not _builds(services):
        return  # a gallery entry: another product's stack the app offers, not what it runs
    yield Evidence(path=src.rel, line=1, kind=FEATURE, name=f"compose:{src.rel}", service="docker")
    for svc_name, _, svc in y.pairs(services):
        image = y.get(svc, "image")
        text = y.scalar(image)
        if image is not None and text:
            detail = [("compose_service", svc_name), ("environment", environment)]
            if local:
                detail.append(("local", "1"))
            yield Evidence(path=src.rel, line=y.line(image), kind=IMAGE, name=y.image_ref(text), detail=tuple(detail))
        for var, ln in y.env_names(y.get(svc, "environment")):
            yield Evidence(
                path=src.rel, line=ln, kind=ENV_DECL, name=var,
                detail=(("file", "compose"), ("environment", environment)),
            )
        # Which container loads the file: the variables of an env file only a database's
        # container loads (`MYSQL_PASSWORD` for the mariadb image) configure that container.
        loaded_by = (("compose_service", svc_name),)
        for path, ln in y.strings(y.get(svc, "env_file")):
            yield Evidence(path=src.rel, line=ln, kind=FEATURE, name=f"env_file:{path}", service="docker",
                           detail=loaded_by)
        for item in y.items(y.get(svc, "env_file")):  # long form: - path: ./x.env
            p = y.scalar(y.get(item, "path"))
            if p:
                yield Evidence(path=src.rel, line=y.line(item), kind=FEATURE, name=f"env_file:{p}", service="docker",
                               detail=loaded_by)


DETECTOR = Detector(name="compose", accepts=accepts, detect=detect)
