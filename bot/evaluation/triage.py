"""`neuvo eval triage PATH` (contract: shared/spec/evaluation.md).

Each case is a fresh conversation's first message, parsed by the served
model; the level is what the NLU graph's TriageAssessor assigns.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Sequence, Tuple

import yaml

from nlu.triage import LEVELS

RECALL_LEVELS = ("emergency", "urgent", "support")


def load_cases(path: Path) -> List[Tuple[str, str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    cases = data.get("cases") or []
    return [(str(case["text"]), str(case["level"])) for case in cases]


def level_of(parse: Dict[str, Any]) -> str:
    return (parse.get("triage") or {}).get("level", "none")


def score(cases: Sequence[Tuple[str, str]], predicted: Sequence[str]) -> Dict[str, Any]:
    rank = {level: i for i, level in enumerate(LEVELS)}
    pairs = list(zip([c[1] for c in cases], predicted))
    recall = {}
    for level in RECALL_LEVELS:
        relevant = [p for g, p in pairs if g == level]
        recall[level] = round(sum(p == level for p in relevant) / len(relevant), 4) if relevant else None
    return {
        "cases": len(cases),
        "exact": round(sum(g == p for g, p in pairs) / len(pairs), 4) if pairs else 0.0,
        "recall": recall,
        "under_triage": sum(rank.get(p, 0) < rank.get(g, 0) for g, p in pairs),
        "over_triage": sum(rank.get(p, 0) > rank.get(g, 0) for g, p in pairs),
        "missed": [
            {"text": text, "expected": g, "got": p}
            for (text, g), p in zip(cases, predicted) if p != g
        ],
        "none_raised_rate": round(
            sum(p != "none" for g, p in pairs if g == "none") / max(1, sum(g == "none" for g, _ in pairs)), 4
        ),
    }


def format_table(report: Dict[str, Any], confusion: Counter) -> str:
    rows = [f"{'expected':10} " + " ".join(f"{level:>10}" for level in LEVELS)]
    for expected in LEVELS:
        rows.append(f"{expected:10} " + " ".join(f"{confusion[(expected, got)]:>10}" for got in LEVELS))
    recall = ", ".join(f"{k} {v}" for k, v in report["recall"].items())
    rows.append(f"\ncases {report['cases']}  exact {report['exact']:.3f}  recall: {recall}")
    rows.append(f"under-triage {report['under_triage']}  over-triage {report['over_triage']}")
    return "\n".join(rows)


def evaluate(parser: Any, cases: Sequence[Tuple[str, str]]) -> Dict[str, Any]:
    return score(cases, [level_of(parser.parse(text)) for text, _ in cases])


def run(path: Path) -> int:
    from bot.evaluation.parser import ModelParser
    from bot.training import ensure_model

    cases = load_cases(path)
    parser = ModelParser(ensure_model())
    try:
        predicted = [level_of(parser.parse(text)) for text, _ in cases]
    finally:
        parser.close()
    report = score(cases, predicted)
    print(format_table(report, Counter(zip([c[1] for c in cases], predicted))))
    print(json.dumps(report, ensure_ascii=False))
    return 0
