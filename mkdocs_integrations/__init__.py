"""mkdocs-integrations: document the external services an application depends on."""

__version__ = "0.1.0"
