"""Neuvo's Rasa project (config, domain, stories) and the `neuvo` command line."""
