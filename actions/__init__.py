"""The rasa-sdk action server: session start, clarification, intake, triage, handoff."""
