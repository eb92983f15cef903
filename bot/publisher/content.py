"""The content a publish touches: a snapshot of it, editors' changes applied to it, and its diff.

Why a snapshot: training and evaluation take minutes, and the live tree must
stay as it is (served, and perhaps edited by a developer) until the new model
has passed the gate; only then are the changed files copied back, under the
publisher's single worker, so no two publishes interleave their writes.

The change kinds are the editors' tools: `add_example` and `remove_example`
(an example question under an intent), `set_answer` (a topic's answer in
one language) and `set_metadata` (its owner, source and review-by date). Topic files are written through the content library
(bot/content: validated, fixed layout); the conversation intents' examples
in `nlu/data/<intent>.yml` (not topics) with a plain append or removal of
the line (docs/content-format.md).
"""
from __future__ import annotations

import difflib
import re
import shutil
import tarfile
from pathlib import Path
from typing import Any, Dict, Iterable, List, Tuple

from bot import paths as project_paths
from bot.content import write
from bot.content.model import ContentError

# Everything an editor can change, relative to the project root.
CONTENT_DIRS = ("bot/domain", "bot/data", "nlu/data")
CONFIG = "bot/config.yml"
TOPICS = "bot/domain/topics"
EXAMPLES_FILE = "examples.yml"
CHANGE_KINDS = ("add_example", "remove_example", "set_answer", "set_metadata")
METADATA_FIELDS = ("owner", "source", "review_by")
_INTENT_LINE = re.compile(r"^- intent:\s*(\S+)\s*$")


class ChangeError(ValueError):
    """The change cannot be applied (unknown intent, duplicate example, ...); the message says why."""


def nlu_files(root: Path) -> List[Path]:
    """The NLU training files of a tree, in the order `bot/paths.nlu_training_paths` gives them."""
    return sorted((root / "nlu" / "data").glob("*.yml")) + sorted((root / TOPICS).glob(f"*/{EXAMPLES_FILE}"))


def nlu_training_args(root: Path) -> List[str]:
    return [str(root / "nlu" / "data"), *map(str, sorted((root / TOPICS).glob(f"*/{EXAMPLES_FILE}")))]


def examples_by_intent(root: Path) -> Dict[str, Tuple[Path, List[str]]]:
    """intent -> (its file, its examples), read by the content library's NLU reader."""
    from bot.content.load import nlu_blocks

    found: Dict[str, Tuple[Path, List[str]]] = {}
    for path in nlu_files(root):
        for intent, _line, items in nlu_blocks(path):
            found.setdefault(intent, (path, []))[1].extend(text for text, _ in items)
    return found


def clean_example(text: Any) -> str:
    """The content library's rule (bot.content.write.clean_example), refusals as ChangeError."""
    if not isinstance(text, str):
        raise ChangeError("example text required")
    try:
        return write.clean_example(text)
    except ContentError as error:
        raise ChangeError(str(error)) from None


def validate(root: Path, change: Dict[str, Any], pending: Iterable[Dict[str, Any]] = ()) -> Dict[str, Any]:
    """The change, normalised, if it can be applied to the tree at `root`; else ChangeError.

    `pending` are changes queued before this one: an example they remove may
    be added again under another intent (moving an example is remove + add).
    """
    kind = change.get("kind")
    if kind not in CHANGE_KINDS:
        raise ChangeError(f"unknown change kind {kind!r}")
    if kind == "set_answer":
        return _validate_answer(root, change)
    if kind == "set_metadata":
        return _validate_metadata(root, change)
    intent, text = change.get("intent"), clean_example(change.get("text"))
    known = examples_by_intent(root)
    if intent not in known:
        raise ChangeError(f"unknown intent {intent!r}")
    if kind == "add_example":
        # The same test as the content check's: case, spacing and punctuation do not make a new example.
        from bot.content.model import normalise_example

        same = normalise_example(text)
        removed = {(c.get("intent"), normalise_example(str(c.get("text"))))
                   for c in pending if c.get("kind") == "remove_example"}
        for other, (_path, examples) in known.items():
            if same in (normalise_example(e) for e in examples) and (other, same) not in removed:
                raise ChangeError(f"the example is already under {other}")
    elif text not in known[intent][1]:
        raise ChangeError(f"{intent} has no such example")
    return {"kind": kind, "intent": intent, "text": text}


def _topic_keys(root: Path) -> Dict[str, str]:
    """intent -> topic key, for the intents that are topics (the content library's unit)."""
    from bot.content import load_topics

    return {topic.intent: key for key, topic in load_topics(root / TOPICS).items()}


def _validate_answer(root: Path, change: Dict[str, Any]) -> Dict[str, Any]:
    from bot.content import LANGUAGES

    key, language, text = change.get("topic"), change.get("language"), change.get("text")
    if key not in _topic_keys(root).values():
        raise ChangeError(f"unknown topic {key!r}")
    if language not in LANGUAGES or not isinstance(text, str) or not text.strip():
        raise ChangeError("an answer needs its language (fi, sv, en) and a text")
    filled = len(fill_in_facts(text.strip()))
    if filled > answer_max_length():
        raise ChangeError(f"the answer is {filled} characters with the facts filled in; "
                          f"at most {answer_max_length()} fit a chat bubble")
    return {"kind": "set_answer", "topic": key, "language": language, "text": text.strip()}


def answer_max_length() -> int:
    """The content check's limit, so a change the check would refuse is refused when it is made."""
    from bot.content.checks import ANSWER_MAX_LENGTH

    return ANSWER_MAX_LENGTH


def fill_in_facts(text: str) -> str:
    """The text as a resident sees it (the organisation's facts filled in), as the check measures it."""
    from bot.content import fill_in, organisation_facts

    return fill_in(text, organisation_facts(project_paths.ORGANISATION_FILE))


def _validate_metadata(root: Path, change: Dict[str, Any]) -> Dict[str, Any]:
    from datetime import date

    key = change.get("topic")
    if key not in _topic_keys(root).values():
        raise ChangeError(f"unknown topic {key!r}")
    values = {name: " ".join(str(change.get(name) or "").split()) for name in METADATA_FIELDS}
    if not all(values.values()):
        raise ChangeError("owner, source and review date are all required")
    try:
        values["review_by"] = date.fromisoformat(values["review_by"]).isoformat()
    except ValueError:
        raise ChangeError(f"the review date must be like 2027-05-31, not {values['review_by']!r}") from None
    return {"kind": "set_metadata", "topic": key, **values}


def apply(root: Path, change: Dict[str, Any]) -> None:
    """Applies one validated change to the files under `root` (a snapshot)."""
    from bot.content import ContentError, ContentPaths, add_example, remove_example, set_answer_text, set_metadata

    change = validate(root, change)
    where = ContentPaths.under(root)
    try:
        if change["kind"] == "set_answer":
            set_answer_text(change["topic"], change["language"], change["text"], content=where)
            return
        if change["kind"] == "set_metadata":
            set_metadata(change["topic"], owner=change["owner"], source=change["source"],
                         review_by=change["review_by"], content=where)
            return
        key = _topic_keys(root).get(change["intent"])
        if key is not None:
            edit = add_example if change["kind"] == "add_example" else remove_example
            edit(key, change["text"], content=where)
            return
    except ContentError as error:
        raise ChangeError(str(error)) from None
    _edit_conversation_examples(root, change)


def _edit_conversation_examples(root: Path, change: Dict[str, Any]) -> None:
    """A conversation intent's example (nlu/data, outside the topics): one line appended or removed."""
    path, _examples = examples_by_intent(root)[change["intent"]]
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if _INTENT_LINE.match(line)
                 and _INTENT_LINE.match(line).group(1) == change["intent"])
    end = start + 1
    while end < len(lines) and not _INTENT_LINE.match(lines[end]):
        end += 1
    block = lines[start:end]
    if change["kind"] == "add_example":
        last = max(i for i, line in enumerate(block) if line.startswith("    - "))
        block.insert(last + 1, f"    - {change['text']}")
    else:
        block = [line for line in block if line != f"    - {change['text']}"]
    path.write_text("\n".join(lines[:start] + block + lines[end:]) + "\n", encoding="utf-8")


def snapshot(root: Path, target: Path) -> Path:
    """A copy of the content and the config under `target` (same relative paths)."""
    for folder in CONTENT_DIRS:
        shutil.copytree(root / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (target / CONFIG).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(root / CONFIG, target / CONFIG)
    return target


def _content_files(root: Path) -> Dict[str, Path]:
    return {
        p.relative_to(root).as_posix(): p
        for folder in CONTENT_DIRS for p in sorted((root / folder).rglob("*.yml")) if p.is_file()
    }


def diff(old_root: Path, new_root: Path) -> Tuple[str, List[str]]:
    """A unified diff of the content, and the changed files' relative paths."""
    old, new = _content_files(old_root), _content_files(new_root)
    parts: List[str] = []
    changed: List[str] = []
    for name in sorted(set(old) | set(new)):
        before = old[name].read_text(encoding="utf-8").splitlines(True) if name in old else []
        after = new[name].read_text(encoding="utf-8").splitlines(True) if name in new else []
        if before != after:
            changed.append(name)
            parts.extend(difflib.unified_diff(before, after, f"a/{name}", f"b/{name}"))
    return "".join(parts), changed


def copy_files(source_root: Path, target_root: Path, names: Iterable[str]) -> None:
    """Writes the named files from the snapshot into the live tree (each atomically)."""
    for name in names:
        source, target = source_root / name, target_root / name
        if not source.exists():
            target.unlink(missing_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(target.suffix + ".publishing")
        shutil.copy2(source, temporary)
        temporary.replace(target)


def digest(root: Path) -> str:
    """A hash of every content file, to see whether the live tree changed while a model trained."""
    import hashlib

    summary = hashlib.sha256()
    for name, path in _content_files(root).items():
        summary.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return summary.hexdigest()


def archive(root: Path, target: Path) -> None:
    """The whole content as a tar.gz, so a version can be restored exactly."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(target, "w:gz") as tar:
        for name, path in _content_files(root).items():
            tar.add(path, arcname=name)


def unpack(archive_file: Path, target: Path) -> Path:
    """A version's content unpacked into an empty `target` (for restoring)."""
    with tarfile.open(archive_file, "r:gz") as tar:
        members = [m for m in tar.getmembers() if m.isfile() and not m.name.startswith(("/", "..")) and ".." not in m.name]
        tar.extractall(target, members=members)
    return target


def new_check_errors(live_root: Path, tree: Path) -> List[str]:
    """`neuvo content check` errors the changes would add (errors the live content already has are not theirs).

    Run before training: a change that breaks the content is refused in
    seconds instead of after a quarter of an hour of training.
    """
    from dataclasses import replace

    from bot.content import ContentPaths, default_detector, run_checks

    detect = default_detector()

    def errors(root: Path) -> Dict[str, str]:
        # The actions' code and the organisation file are not editor content: always the project's own.
        where = replace(ContentPaths.under(root), actions=project_paths.PROJECT_ROOT / "actions",
                        organisation=project_paths.ORGANISATION_FILE)
        found = run_checks(where, detect=detect)
        return {f"{Path(f.file).relative_to(root).as_posix() if Path(f.file).is_relative_to(root) else f.file}: "
                f"{f.message}": f.message for f in found if f.severity == "error"}

    before = errors(live_root)
    return [text for key, text in errors(tree).items() if key not in before]
