"""The hub's link to Rasa: relay through the private channel, ownership, hand-back."""
