"""The shared-secret check of the bot's private endpoints (hub channel, model swap, publisher).

Why one function: a token check written three times drifts; this one refuses
everyone when the token is missing or short, rather than accept anyone, and
compares in constant time.
"""
from __future__ import annotations

import hmac
from typing import Optional

MIN_TOKEN_LENGTH = 32


def bearer_matches(authorization: Optional[str], token: str) -> bool:
    """Whether an `Authorization: Bearer <token>` header value carries `token`."""
    if len(token or "") < MIN_TOKEN_LENGTH:
        return False
    scheme, _, supplied = (authorization or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(supplied.encode(), token.encode())
