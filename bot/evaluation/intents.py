"""`neuvo eval intents PATH` (contract: shared/spec/evaluation.md)."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Sequence, Tuple

from bot.intent_ranking import best_real_intent


@dataclass(frozen=True)
class LabelledText:
    text: str
    intent: str


def load_examples(path: Path) -> List[LabelledText]:
    """Examples of a Rasa NLU YAML file (or a folder of them)."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(path))
    return [
        LabelledText(example.get("text"), example.get("intent"))
        for example in data.intent_examples
    ]


def load_training_examples() -> List[LabelledText]:
    """Every NLU training example: conversation intents and the topics' examples."""
    from bot import paths

    return [example for path in paths.nlu_training_paths() for example in load_examples(path)]


def predicted_intent(parse: Dict[str, Any]) -> Tuple[str, bool]:
    """The classifier's top intent (the best real one when the fallback fired) and whether it fired."""
    best, fell_back = best_real_intent(parse)
    return best.get("name") or (parse.get("intent") or {}).get("name") or "", fell_back


def score(gold: Sequence[str], predicted: Sequence[str], fallbacks: Sequence[bool]) -> Dict[str, Any]:
    """Accuracy, macro-F1 over the file's intents, per-intent figures, confusions."""
    labels = sorted(set(gold))
    per_intent: Dict[str, Dict[str, float]] = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_intent[label] = {
            "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(f1, 4), "support": tp + fn,
        }
    confusions = Counter((g, p) for g, p in zip(gold, predicted) if g != p)
    total = len(gold)
    return {
        "examples": total,
        "accuracy": round(sum(g == p for g, p in zip(gold, predicted)) / total, 4) if total else 0.0,
        "macro_f1": round(sum(v["f1"] for v in per_intent.values()) / len(labels), 4) if labels else 0.0,
        "per_intent": per_intent,
        "confusions": [[g, p, n] for (g, p), n in confusions.most_common()],
        "fallback_rate": round(sum(fallbacks) / total, 4) if total else 0.0,
    }


def evaluate(parser: Any, examples: Sequence[LabelledText]) -> Dict[str, Any]:
    parses = parser.parse_many([e.text for e in examples])
    results = [predicted_intent(p) for p in parses]
    return score([e.intent for e in examples], [r[0] for r in results], [r[1] for r in results])


def format_table(report: Dict[str, Any]) -> str:
    rows = [f"{'intent':32} {'prec':>6} {'rec':>6} {'f1':>6} {'n':>4}"]
    for name, m in sorted(report["per_intent"].items()):
        rows.append(f"{name:32} {m['precision']:6.2f} {m['recall']:6.2f} {m['f1']:6.2f} {m['support']:4d}")
    rows.append("")
    rows.append(
        f"examples {report['examples']}  accuracy {report['accuracy']:.3f}  "
        f"macro-F1 {report['macro_f1']:.3f}  fallback {report['fallback_rate']:.3f}"
    )
    if report["confusions"]:
        rows.append("most frequent confusions (expected -> predicted: count):")
        rows += [f"  {g} -> {p}: {n}" for g, p, n in report["confusions"][:15]]
    return "\n".join(rows)


def run(path: Path) -> int:
    """Prints the table and, as the last line, the JSON object of the contract."""
    from bot.evaluation.parser import ModelParser
    from bot.training import ensure_model

    examples = load_examples(path)
    parser = ModelParser(ensure_model())
    try:
        report = evaluate(parser, examples)
    finally:
        parser.close()
    print(format_table(report))
    print(json.dumps(report, ensure_ascii=False))
    return 0
