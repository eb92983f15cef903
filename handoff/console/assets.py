"""The console's static files (CSS, scripts) — public, cacheable, no personal data."""
from __future__ import annotations

from pathlib import Path

from sanic import Blueprint

STATIC_DIR = Path(__file__).resolve().parent / "static"


def static_blueprint() -> Blueprint:
    blueprint = Blueprint("console_static")
    blueprint.static("/console/static", STATIC_DIR, name="console_static_files")
    return blueprint
