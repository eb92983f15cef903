"""Urgency-first triage (shared/spec/triage.md): level and markers per message."""
from nlu.triage.assess import LEVELS, TriageResult, assess, higher_level

__all__ = ["LEVELS", "TriageResult", "assess", "higher_level"]
