"""The publisher's HTTP API on a real port (training replaced as in test_core; the real run is test_real_publish)."""
from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any, Iterator

import pytest
import requests

from bot import paths
from bot.publisher import content
from bot.publisher.server import make_server
from bot.publisher.store import Store
from bot.publisher.worker import Publisher
from tests.bot.publisher.test_core import NEW_EXAMPLE, Stand, figures
from tests.conftest import free_port

TOKEN = "publisher-" + "t" * 40
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def api(tmp_path: Path) -> Iterator[str]:
    tree = content.snapshot(paths.PROJECT_ROOT, tmp_path / "live")
    stand = Stand(figures(macro_f1=0.951))
    served = tmp_path / "models" / "served.tar.gz"
    served.parent.mkdir()
    served.write_bytes(b"served")
    publisher = Publisher(store=Store(tmp_path / "state"), root=tree, models_dir=tmp_path / "models",
                          served_model=served, trainer=stand.train, evaluator=stand.evaluate)
    port = free_port()
    server = make_server(publisher, TOKEN, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    publisher.start()
    yield f"http://127.0.0.1:{port}"
    publisher.stop()
    server.shutdown()
    server.server_close()


def test_the_token_is_required_except_for_health(api: str) -> None:
    assert requests.get(f"{api}/health", timeout=5).json() == {"status": "ok"}
    assert requests.get(f"{api}/status", timeout=5).status_code == 401
    assert requests.get(f"{api}/status", headers={"Authorization": "Bearer wrong"}, timeout=5).status_code == 401
    with pytest.raises(SystemExit):
        make_server(None, "short", free_port())  # type: ignore[arg-type]


def test_change_publish_poll_and_versions(api: str) -> None:
    intents = requests.get(f"{api}/intents", headers=AUTH, timeout=5).json()["intents"]
    assert {"ask_housing", "greet"} <= {i["name"] for i in intents}
    refused = requests.post(f"{api}/changes", headers=AUTH, timeout=5,
                            json={"kind": "add_example", "intent": "ask_housing", "text": "vuokrarästit",
                                  "author": "eila"})
    assert refused.status_code == 400 and "already under ask_housing" in refused.json()["message"]
    assert requests.post(f"{api}/publish", headers=AUTH, json={"author": "eila"}, timeout=5).status_code == 409
    added = requests.post(f"{api}/changes", headers=AUTH, timeout=5,
                          json={"kind": "add_example", "intent": "ask_housing", "text": NEW_EXAMPLE, "author": "eila"})
    assert added.status_code == 201
    assert [c["text"] for c in requests.get(f"{api}/changes", headers=AUTH, timeout=5).json()["changes"]] == [
        NEW_EXAMPLE]

    job = requests.post(f"{api}/publish", headers=AUTH, json={"author": "eila"}, timeout=5).json()
    deadline = time.monotonic() + 30
    while (state := requests.get(f"{api}/jobs/{job['id']}", headers=AUTH, timeout=5).json())["state"] not in (
            "published", "rejected", "failed"):
        assert time.monotonic() < deadline
        time.sleep(0.2)
    assert state["state"] == "published" and state["version"] == 1
    status = requests.get(f"{api}/status", headers=AUTH, timeout=5).json()
    assert status["version"] == 1 and status["figures"]["intents"]["macro_f1"] == 0.951
    versions = requests.get(f"{api}/versions", headers=AUTH, timeout=5).json()["versions"]
    # newest first; 0 is the content and model live before the first publish
    assert [v["version"] for v in versions] == [1, 0] and "diff" not in versions[0]
    assert NEW_EXAMPLE in requests.get(f"{api}/versions/1", headers=AUTH, timeout=5).json()["diff"]
    assert requests.post(f"{api}/versions/9/restore", headers=AUTH, json={"author": "eila"},
                         timeout=5).status_code == 404


def test_bad_requests(api: str) -> None:
    assert requests.post(f"{api}/changes", headers=AUTH, data=b"[1]", timeout=5).status_code == 400
    assert requests.post(f"{api}/changes", headers=AUTH, timeout=5, json={
        "kind": "add_example", "intent": "ask_housing", "text": "uusi kysymys", "author": "<script>"}).status_code == 400
    assert requests.delete(f"{api}/changes/nope", headers=AUTH, timeout=5).status_code == 404
    assert requests.get(f"{api}/jobs/..%2f..%2fetc", headers=AUTH, timeout=5).status_code == 404
    assert requests.get(f"{api}/nothing", headers=AUTH, timeout=5).status_code == 404
