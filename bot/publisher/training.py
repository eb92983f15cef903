"""Trains a model from a snapshot of the content, reporting progress as it goes.

Why not `bot.training.train`: that trains the live tree; a publish trains a
snapshot with the editors' changes applied. It takes the same lock, so a
publish never trains at the same time as `neuvo train` (Rasa's cache in
.rasa/cache and the models folder are shared), and runs in the project
folder, so Rasa's cache makes a retrain after a small change faster.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Callable, Optional

from bot import paths
from bot.publisher.content import CONFIG, nlu_training_args

_COMPONENT = re.compile(r"Starting to train component '([^']+)'")
_EPOCHS = re.compile(r"(\d+)/(\d+) \[")

Progress = Callable[[str], None]


def command(tree: Path, out_dir: Path, name: str, python: str = sys.executable) -> list[str]:
    return [
        python, "-m", "rasa", "train", "--config", str(tree / CONFIG), "--out", str(out_dir),
        "--fixed-model-name", name, "--domain", str(tree / "bot" / "domain"),
        "--data", str(tree / "bot" / "data"), *nlu_training_args(tree),
    ]


def train_snapshot(tree: Path, out_dir: Path, name: str, log_file: Path,
                   progress: Optional[Progress] = None, python: str = sys.executable) -> Path:
    """The trained model's path; raises RuntimeError when training fails (the log says why)."""
    from bot.training import _training_lock

    out_dir.mkdir(parents=True, exist_ok=True)
    log_file.parent.mkdir(parents=True, exist_ok=True)
    with _training_lock(), open(log_file, "wb") as log:
        process = subprocess.Popen(command(tree, out_dir, name, python), cwd=paths.PROJECT_ROOT,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        assert process.stdout is not None
        component, buffer, shown = "", b"", ""
        while chunk := process.stdout.read(256):
            log.write(chunk)
            buffer = (buffer + chunk)[-2048:]
            text = buffer.decode("utf-8", "ignore")
            found = _COMPONENT.findall(text)
            component = found[-1] if found else component
            epochs = _EPOCHS.findall(text)
            if progress is not None and component:
                done, total = epochs[-1] if epochs and component.startswith("DIET") else (0, 0)
                step = f"{component} {int(done) * 100 // int(total)} %" if int(total) else component
                if step != shown:  # one state write per visible change, not per chunk
                    progress(step)
                    shown = step
        if process.wait() != 0:
            raise RuntimeError(f"rasa train exited with {process.returncode} (log: {log_file.name})")
    model = out_dir / f"{name}.tar.gz"
    if not model.exists():
        raise RuntimeError("rasa train wrote no model")
    return model
