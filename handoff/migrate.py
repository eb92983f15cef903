"""Runs the hub's Alembic migrations programmatically (start-up and tests)."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

ALEMBIC_INI = Path(__file__).resolve().parent / "alembic.ini"


def alembic_config(url: str) -> Config:
    config = Config(str(ALEMBIC_INI))
    config.attributes["url"] = url
    return config


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


def add_arguments(parser) -> None:
    parser.add_argument("--revision", default="head")


def run(args) -> int:
    from handoff.settings import load_settings

    upgrade(load_settings().database_url, args.revision)
    print("Database schema is up to date.")
    return 0
