"""`python -m handoff user ...` as a subprocess: add (stdin password), weak refusal, list, disable, first-run hint."""
from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from handoff.auth.passwords import verify_password
from handoff.auth.users import FIRST_RUN_HINT, first_run_hint
from handoff.db import make_engine, make_sessionmaker
from handoff.models import User
from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[2]
GOOD = "kolme iloista sosiaaliohjaajaa 7"


def _cli(database_url: str, tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "NEUVO_ENV": "test", "NEUVO_HUB_DATABASE_URL": database_url,
           "NEUVO_HUB_SECRET_KEY": "k" * 40, "NEUVO_HUB_BOT_TOKEN": "t" * 40,
           "NEUVO_HUB_SECRETS_FILE": str(tmp_path / "absent.env")}
    return subprocess.run([sys.executable, "-m", "handoff", "user", *args], input=stdin, capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)


def _users(database_url: str) -> list[User]:
    async def read() -> list[User]:
        engine = make_engine(database_url)
        async with make_sessionmaker(engine)() as session:
            users = list(await session.scalars(select(User).order_by(User.username)))
        await engine.dispose()
        return users
    return asyncio.run(read())


def _hint(database_url: str):
    async def read():
        engine = make_engine(database_url)
        try:
            return await first_run_hint(make_sessionmaker(engine))
        finally:
            await engine.dispose()
    return asyncio.run(read())


def test_user_add_list_disable_through_the_command_line(database_url: str, tmp_path: Path) -> None:
    added = _cli(database_url, tmp_path, "add", "Anna", "--role", "admin", "--password-stdin", stdin=GOOD + "\n")
    assert added.returncode == 0, added.stderr
    assert "Added anna (admin)" in added.stdout
    assert GOOD not in added.stdout + added.stderr
    users = _users(database_url)
    assert [(u.username, u.role) for u in users] == [("anna", "admin")]
    assert users[0].password_hash.startswith("$argon2id$") and verify_password(users[0].password_hash, GOOD)
    assert _hint(database_url) is None

    listed = _cli(database_url, tmp_path, "list")
    assert listed.returncode == 0 and "anna" in listed.stdout and "admin" in listed.stdout

    disabled = _cli(database_url, tmp_path, "disable", "anna")
    assert disabled.returncode == 0 and "disabled" in disabled.stdout
    assert _users(database_url)[0].disabled_at is not None
    assert _hint(database_url) == FIRST_RUN_HINT  # a disabled admin cannot administer


@pytest.mark.parametrize("password", ["short1", "salasana1234", "aaaaaaaaaaaaaaaa", "bertta-is-my-name-ok"])
def test_weak_passwords_are_refused(database_url: str, tmp_path: Path, password: str) -> None:
    result = _cli(database_url, tmp_path, "add", "bertta", "--password-stdin", stdin=password + "\n")
    assert result.returncode == 1 and "Refused" in result.stderr
    assert password not in result.stderr + result.stdout
    assert _users(database_url) == []


def test_first_run_hint_names_the_command(database_url: str, tmp_path: Path) -> None:
    assert _cli(database_url, tmp_path, "list").stdout.strip() == "No users yet."
    hint = _hint(database_url)
    assert hint and "neuvo user add NAME --role admin" in hint and "password" not in hint.split("(")[0]
