"""A machine-wide copy of trained models, so a fresh clone of the same content does not train again.

Why: training takes 15-20 minutes on two cores, and every clean clone (CI,
a second checkout) starts with an empty `models/`. A model is reused only
when both keys match: the training hash (every training input, see
`bot.training.training_hash`) and a fingerprint of the bot's environment
(Python and every installed distribution's version), because a model trained
under another TensorFlow or spaCy may not load, or may answer differently.

`NEUVO_MODEL_CACHE` moves the cache; `NEUVO_MODEL_CACHE=off` turns it off.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Optional

KEEP_PER_ENVIRONMENT = 4
PROJECT_DISTRIBUTION = "neuvo"


def cache_root() -> Optional[Path]:
    """Where the shared models live, or None when the cache is turned off."""
    configured = os.environ.get("NEUVO_MODEL_CACHE", "").strip()
    if configured.lower() in {"off", "0", "no", "false"}:
        return None
    if configured:
        return Path(configured)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "neuvo" / "models"


def environment_fingerprint() -> str:
    """Python's version and every installed distribution with its version, hashed.

    A set, and without the project itself: run from the project root, the
    project's own `neuvo.egg-info` is listed a second time (the working
    directory is on `sys.path`), and the project's code is in the training
    hash already.
    """
    installed = sorted({
        f"{(dist.metadata['Name'] or '').lower()}=={dist.version}" for dist in metadata.distributions()
        if (dist.metadata["Name"] or "").lower() != PROJECT_DISTRIBUTION
    })
    digest = hashlib.sha256(f"{sys.version_info[:3]}".encode())
    for line in installed:
        digest.update(line.encode() + b"\n")
    return digest.hexdigest()[:16]


def _shared_path(model_name: str) -> Optional[Path]:
    root = cache_root()
    return None if root is None else root / environment_fingerprint() / model_name


def restore(target: Path) -> bool:
    """Copies the shared model named like `target` into place; False when there is none."""
    shared = _shared_path(target.name)
    if shared is None or not shared.is_file():
        return False
    _copy_atomically(shared, target)
    return True


def share(model: Path) -> None:
    """Puts a freshly trained model into the shared cache (best effort: a full disk only skips it)."""
    shared = _shared_path(model.name)
    if shared is None:
        return
    try:
        _copy_atomically(model, shared)
        keep_newest(shared.parent, KEEP_PER_ENVIRONMENT, keep=shared)
    except OSError as error:
        print(f"Could not keep a shared copy of the model ({type(error).__name__}); "
              "the next clean clone trains again.", file=sys.stderr, flush=True)


def _copy_atomically(source: Path, target: Path) -> None:
    """A reader never sees a half-written archive: copy beside the target, then rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, scratch = tempfile.mkstemp(prefix=".partial-", dir=target.parent)
    os.close(handle)
    try:
        shutil.copyfile(source, scratch)
        os.replace(scratch, target)
    finally:
        if os.path.exists(scratch):
            os.unlink(scratch)


def keep_newest(folder: Path, count: int, keep: Optional[Path] = None, pattern: str = "*.tar.gz") -> None:
    """Deletes all but the newest `count` model archives in `folder`, never `keep` (the one in use)."""
    models = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime)
    for old in models[:-count]:
        if keep is None or old != keep:
            old.unlink(missing_ok=True)
