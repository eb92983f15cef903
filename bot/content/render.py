"""Writes answers.yml and examples.yml in one fixed, readable layout.

Why our own emitter instead of `yaml.safe_dump`: the files are read by
people. The same content must always give the same bytes (small diffs,
reviewable versions), answers must be literal blocks without `\\n` escapes,
examples must stay one `examples: |` block, and the language condition must
stay the one-line form the format document shows.
"""
from __future__ import annotations

import json
from typing import Any, Dict, List, Sequence

import yaml

ANSWERS_HEADER = '''version: "3.1"
'''
METADATA_COMMENT = (
    "# Who keeps the answer up to date, what it rests on and when it is checked\n"
    "# next. Read by `neuvo content check` and the editor tools, not by Rasa.\n"
)
VARIANT_KEYS = ("condition", "text", "buttons")
TOP_KEYS = ("version", "intents", "responses", "metadata")


def quoted(value: Any) -> str:
    """A double-quoted YAML scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(str(value), ensure_ascii=False)


def _fits_literal_block(text: str) -> bool:
    """Several lines, none with edge spaces or control characters: safe as `|-`."""
    lines = text.split("\n")
    return (
        len(lines) > 1 and bool(lines[0]) and bool(lines[-1])
        and all(line == line.strip() and line.isprintable() for line in lines)
    )


def _text(text: str, indent: str) -> str:
    """`text:` as a literal block when it has several lines, else one quoted line."""
    if _fits_literal_block(text):
        body = "".join(f"{indent}  {line}\n" for line in text.split("\n"))
        return f"{indent}text: |-\n{body}"
    return f"{indent}text: {quoted(text)}\n"


def _condition(condition: Any) -> str:
    if (
        isinstance(condition, list) and len(condition) == 1 and isinstance(condition[0], dict)
        and condition[0].get("type") == "slot" and condition[0].get("name") == "language"
        and set(condition[0]) == {"type", "name", "value"}
    ):
        return f"[{{type: slot, name: language, value: {condition[0]['value']}}}]"
    return yaml.safe_dump(condition, default_flow_style=True, allow_unicode=True, width=10**6).strip()


def _variant(variant: Dict[str, Any]) -> str:
    lines: List[str] = []
    if "condition" in variant:
        lines.append(f"    condition: {_condition(variant['condition'])}\n")
    if "text" in variant:
        lines.append(_text(str(variant["text"]), "    "))
    if variant.get("buttons"):
        lines.append("    buttons:\n")
        for button in variant["buttons"]:
            lines.append(f"    - title: {quoted(button.get('title', ''))}\n")
            lines.append(f"      payload: {quoted(button.get('payload', ''))}\n")
    for key, value in variant.items():
        if key not in VARIANT_KEYS:
            flow = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6).strip()
            lines.append(f"    {key}: {flow}\n")
    text = "".join(lines)
    return "  - " + text[4:]


def render_answers(data: Dict[str, Any]) -> str:
    """answers.yml: version, intents, responses (fi default first), metadata, then any other keys."""
    out = [ANSWERS_HEADER, "intents:\n"]
    out += [f"  - {intent}\n" for intent in data.get("intents") or []]
    out.append("responses:\n")
    for name, variants in (data.get("responses") or {}).items():
        out.append(f"  {name}:\n")
        out += [_variant(v) for v in sorted(variants, key=_language_order)]
    metadata = data.get("metadata") or {}
    if metadata:
        out += [METADATA_COMMENT, "metadata:\n"]
        for name, fields in metadata.items():
            out.append(f"  {name}:\n")
            for key in ("owner", "source", "review_by"):
                if key in fields:
                    out.append(f"    {key}: {quoted(fields[key])}\n")
            for key, value in fields.items():
                if key not in ("owner", "source", "review_by"):
                    out.append(f"    {key}: {quoted(value)}\n")
    rest = {k: v for k, v in data.items() if k not in TOP_KEYS}
    if rest:
        out.append(yaml.safe_dump(rest, sort_keys=False, allow_unicode=True, width=10**6))
    return "".join(out)


def _language_order(variant: Dict[str, Any]) -> int:
    for condition in variant.get("condition") or []:
        if isinstance(condition, dict) and condition.get("name") == "language":
            return {"sv": 1, "en": 2}.get(str(condition.get("value")), 3)
    return 0 if not variant.get("condition") else 3


def render_examples(intent: str, examples: Sequence[str]) -> str:
    """examples.yml: one block, one example per line, in the order given."""
    body = "".join(f"    - {example}\n" for example in examples)
    return f'version: "3.1"\nnlu:\n- intent: {intent}\n  examples: |\n{body}'
