"""Reads the topic folders into `Topic` objects, keeping line numbers.

Why PyYAML's node tree and not `safe_load`: the checks and the editor tools
point at the line an editor has to change, and only the nodes know it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Optional, Tuple

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot import paths
from bot.content.model import Button, ContentFileError, Example, Metadata, Response, Topic, Variant

Detector = Callable[[str], Optional[str]]


@dataclass(frozen=True)
class ContentPaths:
    """Where the content lives; tests point it at a copy of the project."""

    topics: Path = paths.TOPICS_DIR
    nlu_data: Path = paths.NLU_DATA_DIR
    stories: Path = paths.STORIES_DIR
    domain: Path = paths.DOMAIN_DIR
    actions: Path = paths.PROJECT_ROOT / "actions"
    organisation: Path = paths.ORGANISATION_FILE
    heldout: Path = paths.HELDOUT_INTENTS_DIR

    @classmethod
    def under(cls, project_root: Path) -> "ContentPaths":
        root = Path(project_root)
        return cls(
            topics=root / "bot" / "domain" / "topics", nlu_data=root / "nlu" / "data",
            stories=root / "bot" / "data", domain=root / "bot" / "domain",
            actions=root / "actions", organisation=root / "bot" / "organisation.yml",
            heldout=root / "tests" / "nlu" / "heldout",
        )

    @property
    def topic_rules(self) -> Path:
        return self.stories / "topics" / "rules.yml"


@lru_cache(maxsize=1)
def default_detector() -> Optional[Detector]:
    """The assistant's own language detector, if its model (py3langid) is installed.

    One detector per process, so its memo of examples already seen is shared
    by every caller (the editor's topic pages ask on each request).
    """
    try:
        import py3langid  # noqa: F401
        from nlu.language import detect_language
    except ImportError:
        return None

    @lru_cache(maxsize=None)
    def detect(text: str) -> Optional[str]:
        return detect_language(text).language or "fi"  # weak evidence: Finnish, as in the bot

    return detect


def compose(file: Path) -> MappingNode:
    try:
        node = yaml.compose(file.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as problem:
        mark = problem.problem_mark or problem.context_mark
        line = mark.line + 1 if mark else 1
        raise ContentFileError(file, line, " ".join(str(problem.problem or problem).split())) from None
    if node is None:
        return MappingNode("tag:yaml.org,2002:map", [])
    if not isinstance(node, MappingNode):
        raise ContentFileError(file, line_of(node), "expected a mapping at the top level")
    return node


def get(node: Node, key: str) -> Optional[Node]:
    if isinstance(node, MappingNode):
        for key_node, value in node.value:
            if key_node.value == key:
                return value
    return None


def line_of(node: Node) -> int:
    return node.start_mark.line + 1


def _value(node: Optional[Node]):
    return yaml.safe_load(yaml.serialize(node)) if node is not None else None


def _variant(node: MappingNode) -> Variant:
    data = _value(node) or {}
    language = "fi"
    for condition in data.get("condition") or []:
        if isinstance(condition, dict) and condition.get("name") == "language":
            language = str(condition.get("value"))
    text_node = get(node, "text")
    buttons = [Button(str(b.get("title", "")), str(b.get("payload", ""))) for b in data.get("buttons") or []]
    line = line_of(text_node) if text_node is not None else line_of(node)
    return Variant(language, str(data.get("text") or ""), buttons, line)


def _responses(root: MappingNode) -> Dict[str, Response]:
    responses: Dict[str, Response] = {}
    node = get(root, "responses")
    for key_node, value in node.value if isinstance(node, MappingNode) else []:
        variants = [_variant(v) for v in value.value if isinstance(v, MappingNode)] \
            if isinstance(value, SequenceNode) else []
        responses[key_node.value] = Response(key_node.value, variants, line_of(key_node))
    return responses


def _metadata(root: MappingNode) -> Dict[str, Metadata]:
    result: Dict[str, Metadata] = {}
    node = get(root, "metadata")
    for key_node, value in node.value if isinstance(node, MappingNode) else []:
        data = _value(value) or {}
        result[key_node.value] = Metadata(
            owner=str(data.get("owner") or ""), source=str(data.get("source") or ""),
            review_by=str(data.get("review_by") or ""), line=line_of(key_node),
        )
    return result


def nlu_blocks(file: Path) -> Iterator[Tuple[str, int, List[Tuple[str, int]]]]:
    """(intent, line of `- intent:`, [(example, line)]) for each block of a Rasa NLU file."""
    node = get(compose(file), "nlu")
    for block in node.value if isinstance(node, SequenceNode) else []:
        intent_node, examples_node = get(block, "intent"), get(block, "examples")
        if intent_node is None:
            continue
        examples: List[Tuple[str, int]] = []
        if isinstance(examples_node, ScalarNode):
            # A literal block starts on the line after `examples: |`.
            first = examples_node.start_mark.line + 2 if examples_node.style == "|" else line_of(examples_node)
            for offset, raw in enumerate(examples_node.value.split("\n")):
                stripped = raw.strip()
                if stripped.startswith("- "):
                    examples.append((stripped[2:].strip(), first + offset))
        yield str(intent_node.value), line_of(intent_node), examples


def load_topic(folder: Path, detect: Optional[Detector] = None) -> Topic:
    """One topic folder. `detect` gives each example its language (None: unknown)."""
    root = compose(folder / paths.TOPIC_ANSWERS_FILE)
    intents_node = get(root, "intents")
    intents = [str(i) for i in (_value(intents_node) or [])]
    topic = Topic(
        key=folder.name, intent=intents[0] if intents else "", folder=folder,
        responses=_responses(root), metadata=_metadata(root),
        intents_line=line_of(intents_node) if intents_node is not None else 1,
    )
    examples_file = folder / paths.TOPIC_EXAMPLES_FILE
    if examples_file.exists():
        for intent, line, examples in nlu_blocks(examples_file):
            if intent == topic.intent:
                topic.examples_line = line if not topic.examples else topic.examples_line
                topic.examples.extend(Example(text, n, detect(text) if detect else None) for text, n in examples)
    return topic


def topic_folders(root: Path = paths.TOPICS_DIR) -> List[Path]:
    return sorted(p.parent for p in root.glob(f"*/{paths.TOPIC_ANSWERS_FILE}"))


def load_topics(root: Path = paths.TOPICS_DIR, detect: Optional[Detector] = None) -> Dict[str, Topic]:
    """Every topic by its key (the folder name), in key order."""
    return {folder.name: load_topic(folder, detect) for folder in topic_folders(root)}
