"""What the editors changed since the last commit: the files and the diff.

Why git: the content is versioned in the repository, so "what changed" is
the difference to the last commit, including new topic folders (untracked
files). Only content paths are looked at; other people's work in the same
checkout is none of the editor's business.
"""
from __future__ import annotations

import subprocess
from pathlib import Path
from typing import List

from bot import paths as project_paths
from bot.content.load import ContentPaths
from bot.content.model import ContentError


def _content_paths(content: ContentPaths) -> List[str]:
    return [str(content.topics), str(content.nlu_data), str(content.topic_rules)]


def _git(args: List[str], repo: Path) -> str:
    try:
        result = subprocess.run(
            ["git", *args], cwd=repo, capture_output=True, text=True, timeout=30, check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ContentError(f"git is not available: {error}") from error
    if result.returncode not in (0, 1):  # `diff --no-index` exits 1 when files differ
        raise ContentError(f"git {' '.join(args[:2])} failed: {result.stderr.strip()}")
    return result.stdout


def changed_files(content: ContentPaths = ContentPaths(), repo: Path = project_paths.PROJECT_ROOT) -> List[Path]:
    """Content files that differ from the last commit (changed, new or deleted), sorted."""
    out = _git(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *_content_paths(content)], repo)
    files = set()
    entries = out.split("\0")
    index = 0
    while index < len(entries):
        entry = entries[index]
        index += 1
        if len(entry) < 4:
            continue
        if entry[0] in "RC":  # a rename is followed by its old path
            index += 1
        files.add((repo / entry[3:]).resolve())
    return sorted(files)


def content_diff(content: ContentPaths = ContentPaths(), repo: Path = project_paths.PROJECT_ROOT) -> str:
    """A unified diff of the content against the last commit, new files included."""
    tracked = _git(["diff", "HEAD", "--no-color", "--", *_content_paths(content)], repo)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z", "--", *_content_paths(content)], repo)
    new = [
        _git(["diff", "--no-index", "--no-color", "--", "/dev/null", name], repo)
        for name in sorted(filter(None, untracked.split("\0")))
    ]
    return tracked + "".join(new)
