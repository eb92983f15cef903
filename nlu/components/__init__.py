"""Custom Rasa 3.6 graph components used by bot/config.yml."""
