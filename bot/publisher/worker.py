"""The publisher's one worker: jobs run one at a time, in the order they were queued.

A publish: queued → training (snapshot + changes + `neuvo content check` + `rasa train`) →
evaluating (held-out figures of the new model against the served one) →
published (Rasa switched, content written, version recorded) or rejected
(the gate's reasons; nothing written) or failed (an error; nothing written).
Rejected and failed jobs give their changes back to the pending list. A
restore switches to an earlier version's kept model and content.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from bot import paths
from bot.model_cache import keep_newest
from bot.publisher import content, gate
from bot.publisher.store import Json, Store, now
from bot.content.model import normalise_example
from bot.publisher.swap import swap_model
from bot.publisher.training import train_snapshot

log = logging.getLogger("neuvo.publisher")
KEEP_PUBLISHED_MODELS = 5
MODEL_PREFIX = "published-"

Trainer = Callable[[Path, Path, str, Path, Callable[[str], None]], Path]
Evaluator = Callable[[Path], Dict[str, Any]]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def evaluate_in_child(model: Path, python: str = sys.executable) -> Dict[str, Any]:
    """The gate's figures for `model`, from `python -m bot.publisher.evaluate` (last line is JSON)."""
    done = subprocess.run([python, "-m", "bot.publisher.evaluate", str(model)], cwd=paths.PROJECT_ROOT,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"evaluation exited with {done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


@dataclass
class Publisher:
    """Everything a job needs; `root` is the live content tree (the project, or a test's copy)."""

    store: Store
    root: Path
    models_dir: Path
    served_model: Optional[Path] = None
    rasa_url: Optional[str] = None
    swap_token: Optional[str] = None
    trainer: Trainer = train_snapshot
    evaluator: Evaluator = evaluate_in_child
    checker: Callable[[Path, Path], List[str]] = content.new_check_errors
    tolerance: float = gate.MACRO_F1_TOLERANCE
    _wake: threading.Event = field(default_factory=threading.Event)
    _stop: threading.Event = field(default_factory=threading.Event)

    # --- what the HTTP API calls -----------------------------------------
    def submit_change(self, change: Dict[str, Any], author: str) -> Json:
        """Validates against the live content and adds the change to the pending list."""
        valid = content.validate(self.root, change, self.store.pending())
        if valid["kind"] in ("add_example", "remove_example") and any(
                c.get("kind") == valid["kind"] and normalise_example(c.get("text", "")) == normalise_example(valid["text"])
                for c in self.store.pending()):
            raise content.ChangeError("the same change is already pending")
        return self.store.add_pending({**valid, "author": author})

    def publish(self, author: str) -> Optional[Json]:
        """Queues all pending changes as one job (None when there are none)."""
        with self.store.lock:
            changes = self.store.take_pending()
            if not changes:
                return None
            job = self.store.new_job(kind="publish", author=author, changes=changes)
        self._wake.set()
        return job

    def restore(self, version: int, author: str) -> Json:
        job = self.store.new_job(kind="restore", author=author, changes=[], restore_version=version)
        self._wake.set()
        return job

    # --- the worker ----------------------------------------------------------
    def recover(self) -> None:
        """Jobs a crash left half-done are failed, and their changes given back (nothing was written).

        Kept figures belong to the model they were measured on: when Rasa now
        serves another model (a developer retrained), they are measured again.
        """
        kept = self.store.current().get("model")
        if self.served_model is not None and kept and not _same_file(Path(kept), self.served_model):
            self.store.set_current(model=str(self.served_model), figures=None)
        for job in self.store.jobs():
            if job.get("state") in ("training", "evaluating"):
                self.store.update_job(job["id"], state="failed", error="interrupted by a restart")
                self.store.return_pending(job.get("changes") or [])

    def start(self) -> threading.Thread:
        self.recover()
        thread = threading.Thread(target=self._loop, name="publisher", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    def _loop(self) -> None:
        """Runs queued jobs; sleeps until publish/restore wakes it (cleared first, so no wake is lost)."""
        while not self._stop.is_set():
            self._wake.clear()
            if self.run_next() is None:
                self._wake.wait(timeout=60)  # a safety net only: every queued job sets the wake

    def run_next(self) -> Optional[Json]:
        """Runs the oldest queued job to its end; returns it (None when the queue is empty)."""
        job = self.store.next_queued()
        if job is None:
            return None
        work = self.store.folder / "work" / job["id"]
        try:
            if job["kind"] == "restore":
                return self._restore(job, work)
            return self._publish(job, work)
        except Exception as error:  # noqa: BLE001 - any failure ends the job as failed, nothing written
            log.error("publisher: job %s failed (%s)", job["id"], type(error).__name__)
            self.store.return_pending(job.get("changes") or [])
            return self.store.update_job(job["id"], state="failed", error=f"{type(error).__name__}: {error}"[:500])
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def _progress(self, job_id: str, state: str) -> Callable[[str], None]:
        return lambda step: self.store.update_job(job_id, state=state, progress={"step": step, "at": now()})

    def _publish(self, job: Json, work: Path) -> Json:
        job_id = job["id"]
        self._progress(job_id, "training")("snapshot")
        tree = content.snapshot(self.root, work / "tree")
        live_digest = content.digest(self.root)
        for change in job["changes"]:
            content.apply(tree, change)
        diff_text, changed = content.diff(self.root, tree)
        if not changed:
            raise content.ChangeError("the changes leave the content as it is")
        self._progress(job_id, "training")("content check")
        problems = self.checker(self.root, tree)
        if problems:
            self.store.return_pending(job["changes"])
            return self.store.update_job(job_id, state="rejected", reasons=[f"content check: {p}" for p in problems],
                                         diff=diff_text, progress={"step": "rejected"})
        model = self.trainer(tree, self.models_dir, f"{MODEL_PREFIX}{job_id}",
                             self.store.folder / "logs" / f"{job_id}.log", self._progress(job_id, "training"))
        if not self._current_figures():
            self._progress(job_id, "evaluating")("the served model")
        before = self._baseline()
        self._progress(job_id, "evaluating")("the new model")
        after = self.evaluator(model)
        reasons = gate.decide(before, after, self.tolerance)
        if reasons:
            model.unlink(missing_ok=True)
            self.store.return_pending(job["changes"])
            return self.store.update_job(job_id, state="rejected", before=before, after=after, reasons=reasons,
                                         diff=diff_text, progress={"step": "rejected"})
        if content.digest(self.root) != live_digest:
            # Someone wrote the content while the model trained: the model would not match it.
            model.unlink(missing_ok=True)
            raise content.ChangeError("the content changed while the model was training; publish again")
        self._record_original(before)
        self._switch(model)
        content.copy_files(tree, self.root, changed)
        self._adopt(model)
        version = self._record_version(job, model, after, diff_text, changed)
        return self.store.update_job(job_id, state="published", before=before, after=after, version=version,
                                     diff=diff_text, progress={"step": "published"})

    def _restore(self, job: Json, work: Path) -> Json:
        number = job["restore_version"]
        meta = next((v for v in self.store.versions() if v["version"] == number), None)
        if meta is None:
            raise content.ChangeError(f"no version {number}")
        model = Path(meta["model"])
        if not model.exists():
            raise content.ChangeError(f"the model of version {number} is no longer kept")
        self._progress(job["id"], "evaluating")(f"restoring version {number}")
        tree = content.unpack(self.store.version_dir(number) / "content.tar.gz", work / "tree")
        diff_text, changed = content.diff(self.root, tree)
        self._switch(model)
        content.copy_files(tree, self.root, changed)
        self._adopt(model)
        version = self._record_version(job, model, meta["figures"], diff_text, changed, restored_from=number)
        return self.store.update_job(job["id"], state="published", before=self._current_figures(),
                                     after=meta["figures"], version=version, diff=diff_text,
                                     progress={"step": "published"})

    # --- helpers -----------------------------------------------------------------
    def _current_figures(self) -> Optional[Dict[str, Any]]:
        return self.store.current().get("figures")

    def _baseline(self) -> Dict[str, Any]:
        """The served model's figures, measured once and kept with it."""
        figures = self._current_figures()
        if figures is None:
            if self.served_model is None:
                raise RuntimeError("no served model to compare with")
            figures = self.evaluator(self.served_model)
            self.store.set_current(model=str(self.served_model), figures=figures, version=None)
        return figures

    def _record_original(self, figures: Dict[str, Any]) -> None:
        """Keeps what was live before the first publish as version 0, so it can be restored.

        Why: the served model was trained by `neuvo train`, whose cache keeps
        only the newest few models; version 0 keeps its own link to it.
        """
        if self.served_model is None or not self.served_model.is_file():
            return  # nothing to keep (a stand-in in tests, or Rasa serves a model we do not have)
        if any(v["version"] == 0 for v in self.store.versions()):
            return
        folder = self.store.version_dir(0)
        folder.mkdir(parents=True, exist_ok=True)
        kept = folder / "model.tar.gz"
        if not kept.exists():
            try:
                os.link(self.served_model, kept)
            except OSError:
                shutil.copy2(self.served_model, kept)
        content.archive(self.root, folder / "content.tar.gz")
        self.store.add_original({
            "author": "", "authors": [], "at": now(), "job": None, "changes": [], "files": [], "diff": "",
            "model": str(kept), "figures": figures, "restored_from": None, "original": True,
        })

    def _switch(self, model: Path) -> None:
        if self.rasa_url and self.swap_token:
            swap_model(self.rasa_url, self.swap_token, model)

    def _record_version(self, job: Json, model: Path, figures: Dict[str, Any], diff_text: str,
                        changed: List[str], restored_from: Optional[int] = None) -> int:
        meta = self.store.add_version({
            "author": job["author"], "authors": sorted({c.get("author", job["author"]) for c in job["changes"]}),
            "at": now(), "job": job["id"], "changes": job["changes"], "files": changed, "diff": diff_text,
            "model": str(model), "figures": figures, "restored_from": restored_from,
        })
        content.archive(self.root, self.store.version_dir(meta["version"]) / "content.tar.gz")
        self.store.set_current(version=meta["version"], model=str(model), figures=figures)
        self._prune_models()
        return meta["version"]

    def _adopt(self, model: Path) -> None:
        """Names the model for the live tree's training hash, so `neuvo run` serves it without retraining."""
        if self.root.resolve() != paths.PROJECT_ROOT.resolve():
            return  # a test's copy: the hash covers the project's own files
        from bot.training import model_path_for, training_hash

        target = model_path_for(training_hash(), self.models_dir)
        if not target.exists():
            try:
                os.link(model, target)
            except OSError:
                shutil.copy2(model, target)

    def _prune_models(self) -> None:
        """Keeps the newest published models (restorable without retraining) and the served one."""
        served = self.store.current().get("model")
        keep_newest(self.models_dir, KEEP_PUBLISHED_MODELS, keep=Path(served) if served else None,
                    pattern=f"{MODEL_PREFIX}*.tar.gz")


__all__ = ["Publisher", "evaluate_in_child"]
