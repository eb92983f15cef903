"""Dialogue policies of our own (see triage_first.py)."""
