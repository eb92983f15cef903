"""Runs the action server on loopback with CORS closed.

Why not plain `rasa run actions`: rasa-sdk listens on all addresses and
allows any origin by default, and its error handler echoes the tracker.
"""
from __future__ import annotations

import argparse
import os


def main() -> None:
    parser = argparse.ArgumentParser(description="Neuvo action server")
    parser.add_argument("--port", type=int, default=int(os.environ.get("NEUVO_ACTIONS_PORT", 5055)))
    parser.add_argument("--host", default=os.environ.get("NEUVO_ACTIONS_HOST", "127.0.0.1"))
    args = parser.parse_args()
    os.environ["SANIC_HOST"] = args.host
    from rasa_sdk.endpoint import run

    run("actions", port=args.port, cors_origins=[], auto_reload=False)


if __name__ == "__main__":
    main()
