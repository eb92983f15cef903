"""Rasa input channels: the hub's private channel (`hub.HubInput`) and its text redaction."""
