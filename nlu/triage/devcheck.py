"""Development check of the triage rules on case files, without a trained model.

    python -m nlu.triage.devcheck nlu/triage/dev_cases.yml nlu/triage/dev_cases_2.yml

Lemmas come from the same spaCy model the bot's pipeline uses
(`spacy_fi_experimental_web_md`, Voikko lemmas), on the cleaned and
lower-cased text as SpacyNLP sees it (`case_sensitive: false`). No intent is
passed, so the numbers show what the rules alone catch; the running bot also
raises `express_crisis` to emergency and `request_human` to support.
Scoring is the same as `neuvo eval triage` (bot/evaluation/triage.py).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, Dict, List, Sequence, Tuple

from bot.evaluation.triage import RECALL_LEVELS, load_cases, score
from nlu.text_limits import MAX_NLU_CHARS, clean_text
from nlu.triage.assess import assess

SPACY_MODEL = "spacy_fi_experimental_web_md"


def lemmatiser() -> Callable[[str], List[str]]:
    import spacy

    nlp = spacy.load(SPACY_MODEL)
    return lambda text: [t.lemma_ for t in nlp(text)]


def predict(cases: Sequence[Tuple[str, str]], lemmas_of: Callable[[str], List[str]]) -> List[Tuple[str, tuple]]:
    results = []
    for text, _ in cases:
        cleaned = clean_text(text, MAX_NLU_CHARS)
        result = assess(cleaned, lemmas_of(cleaned.lower()))
        results.append((result.level, result.markers))
    return results


def report(name: str, cases: Sequence[Tuple[str, str]], results: Sequence[Tuple[str, tuple]]) -> Dict:
    summary = score(cases, [level for level, _ in results])
    recall = "  ".join(f"{level} {summary['recall'][level]}" for level in RECALL_LEVELS)
    print(f"== {name}: {summary['cases']} cases  exact {summary['exact']:.3f}")
    print(f"   recall: {recall}  none raised {summary['none_raised_rate']}")
    print(f"   under-triage {summary['under_triage']}  over-triage {summary['over_triage']}")
    for (text, expected), (got, markers) in zip(cases, results):
        if got != expected:
            print(f"   {expected:>9} -> {got:<9} {','.join(markers) or '-':<40} {text}")
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    lemmas_of = lemmatiser()
    all_cases: List[Tuple[str, str]] = []
    all_results: List[Tuple[str, tuple]] = []
    for path in args.files:
        cases = load_cases(path)
        results = predict(cases, lemmas_of)
        report(str(path), cases, results)
        all_cases += cases
        all_results += results
    if len(args.files) > 1:
        summary = score(all_cases, [level for level, _ in all_results])
        recall = "  ".join(f"{level} {summary['recall'][level]}" for level in RECALL_LEVELS)
        print(f"== all {summary['cases']} cases: exact {summary['exact']:.3f}  recall: {recall}"
              f"  none raised {summary['none_raised_rate']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
