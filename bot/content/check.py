"""`neuvo content check` (also `python -m bot.content.check`): is the content fit to train?

Errors (exit status 1): a missing translation, too few examples, the same
example under two intents or in the held-out test set, an answer too long
for a chat bubble, a phone number or link that is not in the organisation
file, a response or intent that nothing uses (or that has no examples),
missing answer metadata. Warnings (exit status 0): a
review date that has passed, an answer over the target length, an example
written twice under the same intent.
"""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import List, Optional

from bot.content import checks
from bot.content.checks import Finding
from bot.content.load import ContentPaths, Detector, default_detector, load_topics
from bot.content.model import ContentFileError
from bot.content.views import organisation_facts


def run_checks(
    content: ContentPaths = ContentPaths(), *, today: Optional[date] = None,
    detect: Optional[Detector] = None,
) -> List[Finding]:
    """Every finding, errors first, then by file and line."""
    detect = detect or default_detector()
    try:
        findings = _findings(content, today or date.today(), detect)
    except ContentFileError as problem:
        return [checks.error(problem.file, problem.line, f"not valid YAML: {problem.problem}")]
    if detect is None:
        findings.append(checks.warning(content.topics, 1, "no language detector (py3langid) installed: "
                                       "examples were counted without their languages"))
    return sorted(findings, key=lambda f: (f.severity != "error", str(f.file), f.line))


def _findings(content: ContentPaths, today: date, detect: Optional[Detector]) -> List[Finding]:
    topics = load_topics(content.topics, detect)
    examples = checks.all_examples(topics, content)
    return [
        *checks.check_translations(topics),
        *checks.check_example_counts(topics, detected=detect is not None),
        *checks.check_duplicate_examples(examples),
        *checks.check_heldout_leaks(examples, content.heldout),
        *checks.check_domain_intents_have_examples(content, examples),
        *checks.check_answer_lengths(topics, organisation_facts(content.organisation)),
        *checks.check_contacts(topics, content.organisation),
        *checks.check_usage(topics, content),
        *checks.check_metadata(topics, today),
    ]


def report(findings: List[Finding], root: Optional[Path] = None) -> str:
    errors = sum(f.severity == "error" for f in findings)
    lines = [f.format(root) for f in findings]
    lines.append(f"{errors} errors, {len(findings) - errors} warnings")
    return "\n".join(lines)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="neuvo content check", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=None,
                        help="project folder to check (default: this checkout)")
    args = parser.parse_args(argv)
    content = ContentPaths.under(args.root) if args.root else ContentPaths()
    root = (args.root or Path.cwd()).resolve()
    findings = run_checks(content)
    print(report(findings, root))
    return 1 if any(f.severity == "error" for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
