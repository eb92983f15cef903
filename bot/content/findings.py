"""A finding of the content check: severity, file, line and a message for the editor."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" or "warning"
    file: Path
    line: int
    message: str

    def format(self, root: Optional[Path] = None) -> str:
        name = self.file
        if root is not None:
            try:
                name = self.file.relative_to(root)
            except ValueError:
                pass
        return f"{name}:{self.line}: {self.severity}: {self.message}"


def error(file: Path, line: int, message: str) -> Finding:
    return Finding("error", file, line, message)


def warning(file: Path, line: int, message: str) -> Finding:
    return Finding("warning", file, line, message)
