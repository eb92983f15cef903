"""The publisher's HTTP API on loopback: the hub's editor pages call it and poll it.

Why the standard library's threaded server: a handful of JSON routes for a
few editors, a worker thread beside them, and no event loop to share with
Rasa or TensorFlow. Every route but /health needs the bearer token
NEUVO_PUBLISHER_TOKEN (from var/hub-secrets.env, like the hub's own token).
Logs name job and change ids only, never example texts.

    python -m bot.publisher.server --port 5056
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Dict, Optional, Tuple

from bot import paths
from bot.publisher import gate
from bot.publisher import topics
from bot.bearer import MIN_TOKEN_LENGTH, bearer_matches
from bot.publisher.content import ChangeError, examples_by_intent
from bot.publisher.store import FINAL_STATES, Store
from bot.publisher.worker import Publisher

log = logging.getLogger("neuvo.publisher")
TOKEN_ENV = "NEUVO_PUBLISHER_TOKEN"
MAX_BODY_BYTES = 64 * 1024
DEFAULT_PORT = int(os.environ.get("NEUVO_PUBLISHER_PORT", 5056))
DEFAULT_STATE_DIR = paths.PROJECT_ROOT / "var" / "publisher"
_AUTHOR = re.compile(r"^[\w.@-]{1,64}$")

Answer = Tuple[int, Any]


def _summary(job: Dict[str, Any]) -> Dict[str, Any]:
    """A job without its diff (the list stays small); the diff is in GET /jobs/ID."""
    return {k: v for k, v in job.items() if k != "diff"}


class Api:
    """The routes, as plain methods of (body, path parts) -> (status, JSON)."""

    def __init__(self, publisher: Publisher) -> None:
        self.publisher = publisher
        self.store = publisher.store

    def route(self, method: str, parts: list[str], body: Dict[str, Any]) -> Answer:
        match (method, parts):
            case ("GET", ["status"]):
                return self.status()
            case ("GET", ["intents"]):
                found = examples_by_intent(self.publisher.root)
                return 200, {"intents": [{"name": k, "examples": len(v[1])} for k, v in sorted(found.items())]}
            case ("GET", ["topics"]):
                return 200, topics.topic_list(self.publisher.root, date.today())
            case ("GET", ["topics", key]):
                found = topics.topic_detail(self.publisher.root, key, self.store.pending())
                return (200, found) if found else (404, {"error": "unknown_topic"})
            case ("GET", ["changes"]):
                return 200, {"changes": self.store.pending()}
            case ("POST", ["changes"]):
                return self.add_change(body)
            case ("DELETE", ["changes", change_id]):
                return (204, None) if self.store.remove_pending(change_id) else (404, {"error": "unknown_change"})
            case ("POST", ["publish"]):
                job = self.publisher.publish(_author(body))
                return (202, job) if job else (409, {"error": "nothing_to_publish"})
            case ("GET", ["jobs"]):
                return 200, {"jobs": [_summary(j) for j in self.store.jobs()[-20:]][::-1]}
            case ("GET", ["jobs", job_id]):
                job = self.store.job(job_id)
                return (200, job) if job else (404, {"error": "unknown_job"})
            case ("GET", ["versions"]):
                return 200, {"versions": [_summary(v) for v in self.store.versions()][::-1]}
            case ("GET", ["versions", number]) if number.isdigit():
                found = [v for v in self.store.versions() if v["version"] == int(number)]
                return (200, found[0]) if found else (404, {"error": "unknown_version"})
            case ("POST", ["versions", number, "restore"]) if number.isdigit():
                if not any(v["version"] == int(number) for v in self.store.versions()):
                    return 404, {"error": "unknown_version"}
                return 202, self.publisher.restore(int(number), _author(body))
        return 404, {"error": "not_found"}

    def status(self) -> Answer:
        current = self.store.current()
        active = [_summary(j) for j in self.store.jobs() if j.get("state") not in FINAL_STATES]
        return 200, {
            "version": current.get("version"), "model": Path(current["model"]).name if current.get("model") else None,
            "figures": current.get("figures"), "active_jobs": active, "pending": len(self.store.pending()),
        }

    def add_change(self, body: Dict[str, Any]) -> Answer:
        try:
            change = self.publisher.submit_change(body, _author(body))
        except ChangeError as error:
            return 400, {"error": "invalid_change", "message": str(error)}
        log.info("publisher: change %s (%s) pending", change["id"], change["kind"])
        return 201, change


def _author(body: Dict[str, Any]) -> str:
    author = str(body.get("author") or "")
    if not _AUTHOR.match(author):
        raise ChangeError("author required (the editor's user name)")
    return author


def make_handler(api: Api, token: str) -> type:
    class Handler(BaseHTTPRequestHandler):
        server_version = "neuvo-publisher"

        def log_message(self, *_args: Any) -> None:  # the default writes every path to stderr
            return None

        def _send(self, status: int, data: Any) -> None:
            body = b"" if data is None else json.dumps(data, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _authorised(self) -> bool:
            return bearer_matches(self.headers.get("Authorization"), token)

        def _body(self) -> Optional[Dict[str, Any]]:
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY_BYTES:
                return None
            raw = self.rfile.read(length) if length else b"{}"
            try:
                data = json.loads(raw or b"{}")
            except ValueError:
                return None
            return data if isinstance(data, dict) else None

        def _dispatch(self, method: str) -> None:
            parts = [p for p in self.path.split("?")[0].split("/") if p]
            if method == "GET" and parts == ["health"]:
                return self._send(200, {"status": "ok"})
            if not self._authorised():
                return self._send(401, {"error": "unauthorised"})
            body = self._body() if method in ("POST", "PUT") else {}
            if body is None:
                return self._send(400, {"error": "body_must_be_a_json_object"})
            try:
                status, data = api.route(method, parts, body)
            except ChangeError as error:
                status, data = 400, {"error": "invalid_request", "message": str(error)}
            except Exception as error:  # noqa: BLE001 - answer, never drop the connection
                log.error("publisher: %s %s failed (%s)", method, parts[:1], type(error).__name__)
                status, data = 500, {"error": "internal"}
            self._send(status, data)

        def do_GET(self) -> None:  # noqa: N802 - the standard library's names
            self._dispatch("GET")

        def do_POST(self) -> None:  # noqa: N802
            self._dispatch("POST")

        def do_DELETE(self) -> None:  # noqa: N802
            self._dispatch("DELETE")

    return Handler


def make_server(publisher: Publisher, token: str, port: int, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    if len(token) < MIN_TOKEN_LENGTH:
        raise SystemExit(f"{TOKEN_ENV} must be set to a random value of at least {MIN_TOKEN_LENGTH} characters")
    return ThreadingHTTPServer((host, port), make_handler(Api(publisher), token))


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.publisher.server")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--model", help="the model Rasa serves now (compared with on the first publish)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    token = os.environ.get(TOKEN_ENV, "")
    publisher = Publisher(
        store=Store(Path(os.environ.get("NEUVO_PUBLISHER_DIR", DEFAULT_STATE_DIR))),
        # A copy of the content instead of the project (a staging checkout, the browser test).
        root=Path(os.environ.get("NEUVO_PUBLISHER_ROOT") or paths.PROJECT_ROOT),
        models_dir=paths.MODELS_DIR, served_model=Path(args.model) if args.model else None,
        rasa_url=os.environ.get("NEUVO_RASA_URL", "http://127.0.0.1:5005"), swap_token=token,
        tolerance=gate.tolerance_from_env(dict(os.environ)),
    )
    server = make_server(publisher, token, args.port)
    publisher.start()
    print(f"Publisher on http://127.0.0.1:{args.port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        publisher.stop()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
