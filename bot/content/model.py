"""What a topic is, as the editors and the checks see it.

Plain dataclasses so the hub (Python 3.12) and the bot (Python 3.10) share
them without importing Rasa. Line numbers are 1-based, for messages that an
editor can follow to the right line of the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

LANGUAGES = ("fi", "sv", "en")
LANGUAGE_NAMES = {"fi": "Finnish", "sv": "Swedish", "en": "English"}
METADATA_FIELDS = ("owner", "source", "review_by")


class ContentError(ValueError):
    """Content that cannot be read or an edit that would break it; the message is for the editor."""


class ContentFileError(ContentError):
    """A topic file that is not valid YAML: where, so the check can point at it."""

    def __init__(self, file: Path, line: int, problem: str) -> None:
        super().__init__(f"{file}:{line}: not valid YAML: {problem}")
        self.file, self.line, self.problem = file, line, problem


def normalise_example(text: str) -> str:
    """The form in which two examples count as the same: case, spacing and punctuation ignored."""
    return re.sub(r"[^\wåäö]+", " ", text.lower()).strip()


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Variant:
    """One language of a response: Finnish is the default, sv/en carry a slot condition."""

    language: str
    text: str
    buttons: List[Button]
    line: int


@dataclass(frozen=True)
class Response:
    name: str
    variants: List[Variant]
    line: int

    def text(self, language: str) -> Optional[str]:
        variant = self.variant(language)
        return variant.text if variant else None

    def variant(self, language: str) -> Optional[Variant]:
        return next((v for v in self.variants if v.language == language), None)


@dataclass(frozen=True)
class Metadata:
    """Who keeps an answer up to date, what it rests on, and when it is checked next."""

    owner: str
    source: str
    review_by: str  # YYYY-MM-DD, as written in the file
    line: int


@dataclass(frozen=True)
class Example:
    text: str
    line: int
    language: Optional[str] = None  # detected; None when no detector is available


@dataclass
class Topic:
    """One folder under bot/domain/topics: answers.yml and examples.yml."""

    key: str
    intent: str
    folder: Path
    responses: Dict[str, Response]
    metadata: Dict[str, Metadata]
    examples: List[Example] = field(default_factory=list)
    intents_line: int = 1
    examples_line: int = 1

    @property
    def answers_file(self) -> Path:
        return self.folder / "answers.yml"

    @property
    def examples_file(self) -> Path:
        return self.folder / "examples.yml"

    @property
    def answer_name(self) -> str:
        return f"utter_{self.key}_answer"

    @property
    def label_name(self) -> str:
        return f"utter_{self.key}_label"

    @property
    def answer(self) -> Optional[Response]:
        return self.responses.get(self.answer_name)

    @property
    def label(self) -> Optional[Response]:
        return self.responses.get(self.label_name)

    def examples_in(self, language: str) -> List[Example]:
        return [e for e in self.examples if e.language == language]
