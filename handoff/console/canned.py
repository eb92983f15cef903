"""Canned replies in Finnish, Swedish and English (edited in canned_replies.yml)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

CANNED_FILE = Path(__file__).resolve().parent / "canned_replies.yml"
LANGUAGES = ("fi", "sv", "en")


@lru_cache(maxsize=4)
def load(path: Path = CANNED_FILE) -> tuple[dict[str, Any], ...]:
    """Every reply with an id, a Finnish title and its text per language; validated once."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    replies = []
    for entry in data.get("replies", []):
        missing = [lang for lang in LANGUAGES if not str(entry.get("text", {}).get(lang, "")).strip()]
        if missing or not entry.get("id"):
            raise ValueError(f"{path}: canned reply {entry.get('id')!r} lacks {', '.join(missing) or 'an id'}")
        replies.append({"id": str(entry["id"]), "title": str(entry.get("title", entry["id"])),
                        "text": {lang: str(entry["text"][lang]).strip() for lang in LANGUAGES}})
    return tuple(replies)


def for_language(language: str) -> list[dict[str, str]]:
    lang = language if language in LANGUAGES else "fi"
    return [{"id": r["id"], "title": r["title"], "text": r["text"][lang]} for r in load()]
