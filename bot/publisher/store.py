"""The publisher's state on disk: pending changes, jobs, versions, the current version.

Why files and not a database: the bot environment has none of its own, the
state is small, and an editor's work must survive a restart. Every write is
atomic (a temporary file renamed over the old one) and made under one lock,
so two editors submitting or publishing at once cannot interleave.
"""
from __future__ import annotations

import json
import os
import threading
import time
import uuid
from pathlib import Path
from typing import Any, Dict, List, Optional

STATES = ("queued", "training", "evaluating", "published", "rejected", "failed")
FINAL_STATES = ("published", "rejected", "failed")
Json = Dict[str, Any]


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _write(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, path)


def _read(path: Path, default: Any) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return default


class Store:
    """All state under one folder (var/publisher by default)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.lock = threading.RLock()
        (folder / "jobs").mkdir(parents=True, exist_ok=True)
        (folder / "versions").mkdir(parents=True, exist_ok=True)

    # --- pending changes -------------------------------------------------
    def pending(self) -> List[Json]:
        return _read(self.folder / "pending.json", [])

    def add_pending(self, change: Json) -> Json:
        with self.lock:
            changes = self.pending()
            change = {**change, "id": uuid.uuid4().hex[:12], "at": now()}
            changes.append(change)
            _write(self.folder / "pending.json", changes)
            return change

    def remove_pending(self, change_id: str) -> bool:
        with self.lock:
            changes = self.pending()
            kept = [c for c in changes if c["id"] != change_id]
            _write(self.folder / "pending.json", kept)
            return len(kept) != len(changes)

    def take_pending(self) -> List[Json]:
        """All pending changes, removed from the list in the same step (one publish takes them)."""
        with self.lock:
            changes = self.pending()
            _write(self.folder / "pending.json", [])
            return changes

    def return_pending(self, changes: List[Json]) -> None:
        """A rejected or failed job's changes go back in front, for the editor to fix and retry."""
        with self.lock:
            _write(self.folder / "pending.json", changes + self.pending())

    # --- jobs ------------------------------------------------------------
    def new_job(self, *, kind: str, author: str, changes: List[Json], restore_version: Optional[int] = None) -> Json:
        with self.lock:
            job = {
                "id": f"{time.strftime('%Y%m%d%H%M%S', time.gmtime())}-{uuid.uuid4().hex[:6]}",
                "kind": kind, "author": author, "state": "queued", "created": now(), "updated": now(),
                "changes": changes, "restore_version": restore_version, "progress": {"step": "queued"},
                "before": None, "after": None, "reasons": [], "version": None, "error": None,
            }
            _write(self.folder / "jobs" / f"{job['id']}.json", job)
            return job

    def job(self, job_id: str) -> Optional[Json]:
        if not job_id.replace("-", "").isalnum():
            return None
        return _read(self.folder / "jobs" / f"{job_id}.json", None)

    def update_job(self, job_id: str, **fields: Any) -> Json:
        with self.lock:
            job = self.job(job_id) or {}
            if "state" in fields and fields["state"] not in STATES:
                raise ValueError(fields["state"])
            job.update(fields, updated=now())
            _write(self.folder / "jobs" / f"{job_id}.json", job)
            return job

    def jobs(self) -> List[Json]:
        """Oldest first (ids start with their creation time)."""
        return [_read(p, {}) for p in sorted((self.folder / "jobs").glob("*.json"))]

    def next_queued(self) -> Optional[Json]:
        return next((j for j in self.jobs() if j.get("state") == "queued"), None)

    # --- versions and the current one --------------------------------------
    def versions(self) -> List[Json]:
        found = [_read(p / "meta.json", None) for p in (self.folder / "versions").iterdir() if p.is_dir()]
        return sorted((v for v in found if v), key=lambda v: v["version"])

    def version_dir(self, number: int) -> Path:
        return self.folder / "versions" / f"{number:05d}"

    def add_version(self, meta: Json) -> Json:
        with self.lock:
            number = max([v["version"] for v in self.versions()] or [0]) + 1
            meta = {**meta, "version": number}
            _write(self.version_dir(number) / "meta.json", meta)
            return meta

    def add_original(self, meta: Json) -> Optional[Json]:
        """Version 0, the content and model live before the first publish; written once."""
        with self.lock:
            if any(v["version"] == 0 for v in self.versions()):
                return None
            meta = {**meta, "version": 0}
            _write(self.version_dir(0) / "meta.json", meta)
            return meta

    def current(self) -> Json:
        """{version, model, figures}; figures are the served model's, measured once."""
        return _read(self.folder / "current.json", {})

    def set_current(self, **fields: Any) -> Json:
        with self.lock:
            current = {**self.current(), **fields}
            _write(self.folder / "current.json", current)
            return current
