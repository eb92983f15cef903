"""Auth services without HTTP: strength rules, lock-out expiry, rate windows, sessions and CSRF binding."""
from __future__ import annotations

from datetime import timedelta

import pytest

from handoff.auth import ratelimit, sessions
from handoff.auth.passwords import WeakPassword, check_strength, hash_password, needs_rehash, verify_password
from handoff.auth.users import BadCredentials, LockedOut, check_credentials, create_user, set_disabled
from handoff.models import User, utcnow

PASSWORD = "tämä on riittävän pitkä 12"


@pytest.mark.parametrize("password, reason", [
    ("lyhyt", "at least 12"), ("salasana1234", "common"), ("abababababab", "different characters"),
    ("x" * 257, "at most"), ("minna-salasana-2024", "user name"),
])
def test_weak_passwords_say_why_without_echoing(password: str, reason: str) -> None:
    with pytest.raises(WeakPassword) as refused:
        check_strength(password, username="minna")
    assert reason in str(refused.value) and password not in str(refused.value)


def test_hashes_are_argon2id_and_verify_never_raises() -> None:
    hashed = hash_password(PASSWORD)
    assert hashed.startswith("$argon2id$") and not needs_rehash(hashed)
    assert verify_password(hashed, PASSWORD) and not verify_password(hashed, PASSWORD + "x")
    assert not verify_password("not a hash", PASSWORD) and needs_rehash("not a hash")




@pytest.mark.asyncio
async def test_lockout_expires_and_success_resets_the_counter(sessionmaker) -> None:
    async with sessionmaker.begin() as session:
        await create_user(session, username="minna", password=PASSWORD, role="counsellor")
    for expected in (BadCredentials, LockedOut):
        async with sessionmaker.begin() as session:
            with pytest.raises(expected):
                await check_credentials(session, username="minna", password="väärä salasana",
                                        max_failures=2, lockout_minutes=15)
    async with sessionmaker.begin() as session:
        with pytest.raises(LockedOut):
            await check_credentials(session, username="minna", password=PASSWORD, max_failures=2, lockout_minutes=15)
    later = utcnow() + timedelta(minutes=16)
    async with sessionmaker.begin() as session:
        user = await check_credentials(session, username="MINNA ", password=PASSWORD, max_failures=2,
                                       lockout_minutes=15, now=later)
    async with sessionmaker() as session:
        stored = await session.get(User, user.id)
    assert stored.failed_logins == 0 and stored.locked_until is None


@pytest.mark.asyncio
async def test_disabled_users_cannot_log_in_and_lose_their_sessions(sessionmaker) -> None:
    async with sessionmaker.begin() as session:
        user = await create_user(session, username="minna", password=PASSWORD, role="admin")
        token = await sessions.create_session(session, user_id=user.id, hours=1)
        await set_disabled(session, username="minna", disabled=True)
    async with sessionmaker.begin() as session:
        assert await sessions.load_session(session, token=token) is None
        with pytest.raises(BadCredentials):
            await check_credentials(session, username="minna", password=PASSWORD, max_failures=5, lockout_minutes=1)


@pytest.mark.asyncio
async def test_sessions_expire_and_store_only_a_hash(sessionmaker) -> None:
    async with sessionmaker.begin() as session:
        user = await create_user(session, username="minna", password=PASSWORD, role="counsellor")
        token = await sessions.create_session(session, user_id=user.id, hours=1)
    async with sessionmaker() as session:
        found = await sessions.load_session(session, token=token)
        assert found is not None and found[0].id == sessions.token_id(token) != token
        assert await sessions.load_session(session, token=token, now=utcnow() + timedelta(hours=2)) is None
        assert await sessions.load_session(session, token="x" * 500) is None


def test_csrf_token_is_bound_to_the_session_and_the_secret() -> None:
    token = sessions.csrf_token("k" * 40, "session-a")
    assert sessions.csrf_valid("k" * 40, "session-a", token)
    assert not sessions.csrf_valid("k" * 40, "session-b", token)
    assert not sessions.csrf_valid("j" * 40, "session-a", token)
    assert not sessions.csrf_valid("k" * 40, "session-a", None)


@pytest.mark.asyncio
async def test_rate_limit_counts_per_key_within_the_window(sessionmaker) -> None:
    key_a, key_b = ratelimit.address_key("k" * 40, "10.0.0.1"), ratelimit.address_key("k" * 40, "10.0.0.2")
    assert "10.0.0.1" not in key_a and len(key_a) == 64
    now = utcnow()
    window = timedelta(minutes=1)
    async with sessionmaker.begin() as session:
        results = [await ratelimit.hit(session, bucket="login", key=key_a, limit=3, window=window, now=now)
                   for _ in range(4)]
        other = await ratelimit.hit(session, bucket="login", key=key_b, limit=3, window=window, now=now)
        later = await ratelimit.hit(session, bucket="login", key=key_a, limit=3, window=window,
                                    now=now + timedelta(seconds=61))
    assert results == [True, True, True, False] and other and later
