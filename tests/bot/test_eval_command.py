"""`neuvo eval intents PATH` as shared/spec/evaluation.md fixes it."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bot import paths


def _neuvo(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args], cwd=paths.PROJECT_ROOT,
        capture_output=True, text=True, timeout=600,
    )


def test_eval_intents_prints_table_then_contract_json(model_path, tmp_path: Path) -> None:
    sample = tmp_path / "sample.yml"
    sample.write_text(
        'version: "3.1"\nnlu:\n'
        "- intent: ask_contact_info\n  examples: |\n    - Mikä on Polun puhelinnumero?\n"
        "    - Missä Polku sijaitsee ja milloin se on auki?\n"
        "- intent: ask_made_up_intent\n  examples: |\n    - Tämä tarkoitus ei ole mallin tuntema\n",
        encoding="utf-8",
    )
    result = _neuvo("eval", "intents", str(sample))
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.strip().splitlines()
    report = json.loads(lines[-1])
    assert set(report) >= {"examples", "accuracy", "macro_f1", "per_intent", "confusions"}
    assert report["examples"] == 3
    assert report["per_intent"]["ask_made_up_intent"]["recall"] == 0.0
    assert report["per_intent"]["ask_contact_info"]["support"] == 2
    assert any("macro-F1" in line for line in lines[:-1])
    assert "Mikä on Polun" not in result.stdout  # no message text in logs


def test_eval_of_a_missing_file_fails_clearly() -> None:
    result = _neuvo("eval", "intents", "/nonexistent/file.yml")
    assert result.returncode != 0 and "Cannot read" in result.stderr


def test_eval_triage_prints_table_then_contract_json(model_path, tmp_path: Path) -> None:
    cases = tmp_path / "triage.yml"
    cases.write_text(
        'version: "1"\ncases:\n'
        '  - text: "Minut häädetään huomenna eikä minulla ole mihin mennä."\n    level: urgent\n'
        '  - text: "Missä Polku sijaitsee?"\n    level: none\n',
        encoding="utf-8",
    )
    result = _neuvo("eval", "triage", str(cases))
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(report) >= {"cases", "exact", "recall", "under_triage", "over_triage", "missed"}
    assert report["cases"] == 2
    assert set(report["recall"]) == {"emergency", "urgent", "support"}
    assert report["recall"]["urgent"] == 1.0 and report["exact"] == 1.0
