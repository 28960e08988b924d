"""The import contracts in pyproject.toml cover every app and every page module of an app.

`make lint` checks the contracts themselves (lint-imports); these tests make sure that a new
app or a new views/forms/urls module cannot slip past them unlisted.
"""

import tomllib
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"][
    "contracts"
]
PAGE_MODULES = ("views", "forms", "urls", "context_processors")


def _contract(name_start: str) -> dict:
    [contract] = [c for c in CONTRACTS if c["name"].startswith(name_start)]
    return contract


def _project_apps():
    return [app for app in apps.get_app_configs() if app.name.startswith("knotenpunkt.")]


def test_every_app_has_its_place_in_the_layers():
    layers = _contract("apps form layers")["layers"]
    placed = {name.strip() for layer in layers for name in layer.split("|")}
    assert {app.name for app in _project_apps()} <= placed


def test_the_page_modules_of_every_domain_app_are_protected():
    unprotected = []
    for app in _project_apps():
        if app.label in {"core", "demo"}:
            continue  # core's forms and helpers serve every app; demo has no pages
        protected = set(_contract(f"{app.label}: ")["protected_modules"])
        path = Path(app.path)
        modules = [p.stem for p in path.glob("*.py") if p.stem.startswith(PAGE_MODULES)]
        modules += ["templatetags"] if (path / "templatetags").is_dir() else []
        unprotected += [f"{app.name}.{m}" for m in modules if f"{app.name}.{m}" not in protected]
    assert unprotected == []
