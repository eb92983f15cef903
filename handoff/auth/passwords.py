"""Password hashing (argon2id through argon2-cffi) and a strength check.

Why argon2id with the library's defaults: they follow RFC 9106's second
recommended profile and are kept up to date by the library; `needs_rehash`
lets old hashes be upgraded at the next log-in.
"""
from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 12
MAX_LENGTH = 256  # argon2 accepts more, but nobody types this; refuses hashing floods
MIN_DISTINCT = 6
# The most common passwords and Finnish favourites; length alone stops most others.
COMMON = frozenset({
    "password1234", "passwordpassword", "qwertyuiop123", "123456789012", "salasana1234",
    "salasanasalasana", "kesakuu2024", "tervetuloa123", "qwertyqwerty", "adminadmin123",
    "letmeinletmein", "iloveyou1234", "sosiaaliohjaaja", "neuvoneuvo123", "welcome12345",
})

_hasher = PasswordHasher()


class WeakPassword(ValueError):
    """The password is too easy to guess; the message says why (never echoes it)."""


def check_strength(password: str, *, username: str = "") -> None:
    """Raises WeakPassword unless the password is long, varied and not obvious."""
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"the password must have at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise WeakPassword(f"the password must have at most {MAX_LENGTH} characters")
    lowered = password.lower()
    if lowered in COMMON:
        raise WeakPassword("the password is on the list of common passwords")
    if len(set(lowered)) < MIN_DISTINCT:
        raise WeakPassword(f"the password must use at least {MIN_DISTINCT} different characters")
    if username and len(username) >= 3 and username.lower() in lowered:
        raise WeakPassword("the password must not contain the user name")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when the password matches; never raises for a wrong or malformed hash."""
    if len(password) > MAX_LENGTH:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    try:
        return _hasher.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


# A real hash to verify against when the user does not exist, so that the
# answer takes as long as for a real user (no user-name probing by timing).
DUMMY_HASH = _hasher.hash("not-a-real-password-but-the-same-cost")
