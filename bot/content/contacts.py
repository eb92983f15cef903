"""Phone numbers and links in answers: only those of the organisation file.

Why: local facts live in bot/organisation.yml and reach the answers through
`{org_...}` slots, so a number typed into an answer is either a copy that
will go stale or a fact nobody checked. National numbers (112, the crisis
lines) are in the organisation file too and so count as known.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List, Set, Tuple

import yaml

from bot.content.findings import Finding, error
from bot.content.model import Topic

# National web services the format allows without a slot (docs/content-format.md).
NATIONAL_SITES = {"kela.fi"}
PHONE = re.compile(r"(?<![\w{+])\+?\d[\d \-]{4,}\d(?![\w}])")
URL = re.compile(r"https?://[^\s\"'<>)]+|\b(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:fi|se|com|org|net|eu|info)\b", re.I)


def phone_key(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    return "0" + digits[3:] if number.strip().startswith("+358") else digits


def host_key(link: str) -> str:
    host = re.sub(r"^https?://", "", link.lower()).split("/")[0].split(":")[0]
    return host[4:] if host.startswith("www.") else host


def known_contacts(organisation: Path) -> Tuple[Set[str], Set[str]]:
    """Phone numbers and web hosts written in the organisation file (national ones included)."""
    data = yaml.safe_load(organisation.read_text(encoding="utf-8")) or {}
    phones, hosts = set(), set(NATIONAL_SITES)

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, (str, int)):
            text = str(value)
            phones.update(phone_key(n) for n in PHONE.findall(text))
            if re.fullmatch(r"\d{3}", text):
                phones.add(text)
            hosts.update(host_key(u) for u in URL.findall(text))

    walk(data.get("facts") or {})
    return phones, hosts


def check_contacts(topics: Dict[str, Topic], organisation: Path) -> List[Finding]:
    phones, hosts = known_contacts(organisation)
    found = []
    for topic in topics.values():
        for response in topic.responses.values():
            for variant in response.variants:
                for number in PHONE.findall(variant.text):
                    if phone_key(number) not in phones:
                        found.append(error(topic.answers_file, variant.line,
                                           f"{response.name} ({variant.language}): phone number '{number.strip()}' is not "
                                           f"in {organisation.name}; add it there and use its {{org_...}} slot"))
                for link in URL.findall(variant.text):
                    if host_key(link) not in hosts:
                        found.append(error(topic.answers_file, variant.line,
                                           f"{response.name} ({variant.language}): link '{link}' is not in "
                                           f"{organisation.name}; add it there and use its {{org_...}} slot"))
    return found
