"""Cleans resident text before NLU, so odd input never breaks the pipeline.

Shared by the NLU component and the actions: HTML tags and control
characters are removed (the text is classified, never rendered), runs of
whitespace are collapsed, and very long messages are cut to the first part,
where residents state their matter.
"""
from __future__ import annotations

import html
import re
import unicodedata

MAX_NLU_CHARS = 1000

_TAG = re.compile(r"<[^>]{0,200}>")
_SCRIPT_BLOCK = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"\s+")


def clean_text(text: str, max_chars: int = MAX_NLU_CHARS) -> str:
    """Returns the text as the classifier should see it."""
    if not text:
        return ""
    text = _SCRIPT_BLOCK.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = html.unescape(text)
    text = "".join(
        ch if not unicodedata.category(ch).startswith("C") else " " for ch in text
    )
    text = _SPACE.sub(" ", text).strip()
    if len(text) > max_chars:
        half = max_chars // 2
        head_cut = text.rfind(" ", 0, half)
        head = text[: head_cut if head_cut > half // 2 else half]
        tail_start = text.find(" ", len(text) - half)
        tail = text[tail_start + 1 if 0 <= tail_start < len(text) - half // 2 else len(text) - half:]
        text = f"{head} {tail}"
    return text

