"""Trains the Rasa model only when its inputs changed (content-hash cache).

Why: training takes minutes on two cores; the run command, the tests and the
evaluation commands all need the *current* model, and must never serve a
model trained from other data than what is in the tree.
"""
from __future__ import annotations

import fcntl
import hashlib
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, Optional

from bot import model_cache, paths

MODEL_PREFIX = "neuvo-"


def _iter_files(inputs: Iterable[Path]) -> Iterable[Path]:
    for item in inputs:
        if item.is_dir():
            yield from sorted(
                p for p in item.rglob("*")
                if p.is_file() and "__pycache__" not in p.parts and p.suffix in {".yml", ".yaml", ".py", ".md"}
            )
        elif item.exists():
            yield item


def training_hash(inputs: Iterable[Path] = paths.TRAINING_INPUTS, extra: str = "") -> str:
    """A short hash of every training input's path and content (plus Rasa's version)."""
    import rasa

    digest = hashlib.sha256(f"rasa={rasa.__version__};{extra}".encode())
    for file in _iter_files(inputs):
        try:
            name = file.relative_to(paths.PROJECT_ROOT).as_posix()
        except ValueError:
            name = file.as_posix()
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update(file.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def model_path_for(hash_: str, models_dir: Path = paths.MODELS_DIR) -> Path:
    return models_dir / f"{MODEL_PREFIX}{hash_}.tar.gz"


def current_model() -> Optional[Path]:
    """The model trained from the tree as it is now, if there is one."""
    path = model_path_for(training_hash())
    return path if path.exists() else None


def train(
    *,
    config: Path = paths.CONFIG_FILE,
    out_dir: Path = paths.MODELS_DIR,
    name: str,
    nlu_only: bool = False,
    quiet: bool = False,
) -> Path:
    """Runs `rasa train` on the project's domain and data; returns the model path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable, "-m", "rasa", "train", *(["nlu"] if nlu_only else []),
        "--config", str(config),
        "--out", str(out_dir),
        "--fixed-model-name", name,
        "--domain", str(paths.DOMAIN_DIR),
    ]
    with tempfile.TemporaryDirectory(prefix="neuvo-nlu-") as scratch:
        if nlu_only:
            command += ["--nlu", str(_linked_nlu_folder(Path(scratch)))]
        else:
            command += ["--data", str(paths.STORIES_DIR), *map(str, paths.nlu_training_paths())]
        subprocess.run(
            command, check=True, cwd=paths.PROJECT_ROOT,
            stdout=subprocess.DEVNULL if quiet else None,
        )
    return out_dir / f"{name}.tar.gz"


def _linked_nlu_folder(scratch: Path) -> Path:
    """One folder of links to every NLU training file.

    Why: `rasa train nlu --nlu` takes a single path, and the topics folder
    cannot be it (its answers would be read as NLU responses).
    """
    folder = scratch / "nlu"
    folder.mkdir()
    for index, source in enumerate(paths.nlu_training_paths()):
        (folder / f"{index:03d}-{source.parent.name}-{source.name}").symlink_to(source.resolve())
    return folder


def ensure_model(force: bool = False, quiet: bool = False) -> Path:
    """Returns the current model, training it first when the inputs changed."""
    hash_ = training_hash()
    path = model_path_for(hash_)
    if path.exists() and not force:
        return path
    with _training_lock():
        # Another process may have trained the same inputs while we waited.
        if path.exists() and not force:
            return path
        if not force and model_cache.restore(path):
            print(f"Model for these inputs taken from the machine's model cache: {path.name}", flush=True)
            return path
        print(f"Training the model (inputs changed, hash {hash_}); this takes a few minutes...", flush=True)
        trained = train(name=f"{MODEL_PREFIX}{hash_}", quiet=quiet)
        _remove_stale_models(keep=trained)
        model_cache.share(trained)
    return trained


@contextmanager
def _training_lock() -> Iterator[None]:
    """One training at a time per checkout: Rasa's cache and models/ are shared."""
    paths.MODELS_DIR.mkdir(parents=True, exist_ok=True)
    with open(paths.MODELS_DIR / ".training.lock", "w") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def _remove_stale_models(keep: Path, keep_count: int = 6) -> None:
    """Keeps the newest few models so a rollback stays possible without filling the disk."""
    model_cache.keep_newest(paths.MODELS_DIR, keep_count, keep=keep, pattern=f"{MODEL_PREFIX}*.tar.gz")
