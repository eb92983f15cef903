"""Helpers for writing marker patterns."""
from __future__ import annotations


def both(*parts: str) -> str:
    """A pattern for one clause that names all parts, in any order.

    "jääkaappi ammottaa tyhjyyttään" and "tyhjä jääkaappi" are one idea:
    both(r"(jää)?kaap", r"tyhj") matches them without listing word orders.
    """
    return "^" + "".join(f"(?=.*(?:{part}))" for part in parts)
