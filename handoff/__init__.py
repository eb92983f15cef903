"""The handoff hub: resident web chat, counsellor console, queue and storage.

Runs in its own environment (.venv-hub: current Sanic LTS, SQLAlchemy 2.x);
it talks to Rasa over HTTP only.
"""
