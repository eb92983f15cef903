"""The hub's private Rasa channel (bot/channels/hub.py), through a real `rasa run`.

What the hub relies on: bearer-token auth, de-duplication by message id
(durable across a Rasa restart), non-2xx when a message was not processed,
typed `/intent` as plain text, and no personal identifiers in the tracker.
"""
from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path
from typing import Any, Dict, List

import pytest
import requests

from bot.channels.hub import last_offered_payloads, plain_text, replies_from_events
from bot.channels.hub_triage import triage_of
from bot.channels.redaction import is_valid_hetu, redact
from tests.conftest import HUB_TEST_TOKEN, free_port

CHANNEL = "/webhooks/neuvo_hub/webhook"
AUTH = {"Authorization": f"Bearer {HUB_TEST_TOKEN}"}
HOUSING = "Minulla on kahden kuukauden vuokrarästit ja vuokranantaja uhkaa häädöllä. Mistä saan asumisneuvontaa?"


# --- without Rasa -----------------------------------------------------------

@pytest.mark.parametrize("text, expected, kinds", [
    ("Hetuni on 131052-308T.", "Hetuni on [hetu].", ["hetu"]),
    ("010101A123N ja 311299-999X", "[hetu] ja 311299-999X", ["hetu"]),  # checksum decides
    ("Soita 040 123 4567 tai +358 40 1234567", "Soita [puh] tai [puh]", ["phone"]),
    ("numero (09) 2525 0111, toinen 050-1234567", "numero [puh], toinen [puh]", ["phone"]),
    ("posti matti.meikalainen@example.fi kiitos", "posti [email] kiitos", ["email"]),
    ("Sain 1200 euroa 01.02.2024, postinumero 15100, soita 112", None, []),
    ("Velkaa on 20 000 euroa ja asiakasnumero 123456789", None, []),
])
def test_redaction_removes_identifiers_and_keeps_ordinary_numbers(text: str, expected, kinds) -> None:
    redacted, found = redact(text)
    assert redacted == (expected if expected is not None else text)
    assert found == kinds


def test_hetu_checksum() -> None:
    assert is_valid_hetu("13", "10", "52", "308", "T")
    assert not is_valid_hetu("13", "10", "52", "308", "A")
    assert not is_valid_hetu("32", "10", "52", "308", "T")


def test_typed_intent_is_plain_text_unless_it_was_offered() -> None:
    assert plain_text("/request_human", []) == "request_human"
    assert plain_text('/greet{"language": "sv"}', ["/greet"]) == 'greet{"language": "sv"}'
    assert plain_text("/request_human", ["/request_human"]) == "/request_human"
    assert plain_text("///", []) == "?"
    assert plain_text("ei kauttaviivaa", []) == "ei kauttaviivaa"


def test_replies_and_offered_buttons_from_tracker_events() -> None:
    from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered

    buttons = [{"title": "Ihminen", "payload": "/request_human"}]
    events = [
        UserUttered("hei", message_id="m1"), ActionExecuted("utter_greet"),
        BotUttered("Hei!\n\nMiten voin auttaa?"),
        UserUttered("asunto", message_id="m2"), BotUttered("Asumisesta...", data={"buttons": buttons}),
        BotUttered(None, data={"custom": {"neuvo": {"event": "handoff"}}}),
    ]
    assert replies_from_events(events, "m1") == [{"text": "Hei!"}, {"text": "Miten voin auttaa?"}]
    assert replies_from_events(events, "m2") == [
        {"text": "Asumisesta...", "buttons": buttons}, {"custom": {"neuvo": {"event": "handoff"}}},
    ]
    assert replies_from_events(events, "m3") is None
    assert last_offered_payloads(events) == ["/request_human"]


def test_triage_answer_carries_level_markers_and_language_only() -> None:
    parsed = {"text": "secret", "intent": {"name": "x"},
              "triage": {"level": "urgent", "markers": ["eviction_imminent"]},
              "entities": [{"entity": "detected_language", "value": "sv"}, {"entity": "language", "value": "en"}]}
    assert triage_of(parsed) == {"level": "urgent", "markers": ["eviction_imminent"], "language": "en"}
    assert triage_of({"triage": {"level": "bogus"}, "entities": []}) == {"level": "none", "markers": [],
                                                                          "language": None}


def test_credentials_take_the_token_from_the_environment(monkeypatch) -> None:
    import rasa.shared.utils.io

    from bot import paths

    monkeypatch.setenv("NEUVO_HUB_BOT_TOKEN", HUB_TEST_TOKEN)
    credentials = rasa.shared.utils.io.read_config_file(paths.CREDENTIALS_FILE)
    assert credentials["bot.channels.hub.HubInput"] == {"token": HUB_TEST_TOKEN}


# --- through a real `rasa run` ------------------------------------------------

def post(base_url: str, body: Any, headers: Dict[str, str] = AUTH) -> requests.Response:
    return requests.post(base_url + CHANNEL, json=body, headers=headers, timeout=60)


_BASE: List[Path] = []


@pytest.fixture(autouse=True)
def _remember_basetemp(tmp_path_factory) -> None:
    _BASE[:] = [tmp_path_factory.getbasetemp()]


def tracker_texts(sender: str) -> List[str]:
    """The texts Rasa stored for `sender`, read from the test servers' tracker databases."""
    texts: List[str] = []
    for db in {path.resolve() for path in _BASE[0].glob("bot-logs*/rasa-tracker-*.db")}:  # "*current" links
        with sqlite3.connect(db) as conn:
            for (data,) in conn.execute(
                "select data from events where sender_id = ? and type_name = 'user'", (sender,)
            ):
                texts.append(json.loads(data).get("text") or "")
    return texts


@pytest.mark.slow
def test_refuses_requests_without_the_hub_token(bot_server: str) -> None:
    body = {"sender": "s1", "message_id": "m1", "text": "Hei"}
    assert post(bot_server, body, headers={}).status_code == 401
    assert post(bot_server, body, headers={"Authorization": "Bearer wrong-token-" + "y" * 40}).status_code == 401
    assert post(bot_server, body, headers={"Authorization": HUB_TEST_TOKEN}).status_code == 401


@pytest.mark.slow
@pytest.mark.parametrize("body", [
    [], "text", {"message_id": "m1", "text": "Hei"}, {"sender": "s", "text": "Hei"},
    {"sender": "s", "message_id": "m", "text": ""}, {"sender": "s", "message_id": "m", "text": 5},
    {"sender": "s", "message_id": "x" * 65, "text": "Hei"}, {"sender": "s", "message_id": "m", "event": "explode"},
    {"sender": "s", "message_id": "m", "text": "a" * 5000},
])
def test_malformed_requests_get_400(bot_server: str, body: Any) -> None:
    answer = post(bot_server, body)
    assert answer.status_code == 400, answer.text
    assert "error" in answer.json()


@pytest.mark.slow
def test_a_message_is_processed_once_and_a_retry_gets_the_same_replies(bot_server: str) -> None:
    sender, message_id = f"hub-{uuid.uuid4().hex[:10]}", uuid.uuid4().hex
    first = post(bot_server, {"sender": sender, "message_id": message_id, "text": "Hei"})
    assert first.status_code == 200, first.text
    assert first.json()["duplicate"] is False
    assert first.json()["messages"], "the bot answers a greeting"
    again = post(bot_server, {"sender": sender, "message_id": message_id, "text": "Hei"})
    assert again.status_code == 200
    assert again.json()["duplicate"] is True
    assert again.json()["messages"] == first.json()["messages"]
    assert tracker_texts(sender) == ["Hei"]


@pytest.mark.slow
def test_personal_identifiers_never_reach_the_tracker(bot_server: str) -> None:
    sender = f"hub-{uuid.uuid4().hex[:10]}"
    text = "Hetuni on 131052-308T, soita 040 123 4567 tai kirjoita matti@example.fi"
    answer = post(bot_server, {"sender": sender, "message_id": "m1", "text": text})
    assert answer.status_code == 200, answer.text
    stored = tracker_texts(sender)
    assert stored == ["Hetuni on [hetu], soita [puh] tai kirjoita [email]"]
    for raw in ("131052-308T", "040 123 4567", "matti@example.fi"):
        assert all(raw not in s for s in stored)


@pytest.mark.slow
def test_typed_intent_is_plain_text_but_an_offered_button_works(bot_server: str) -> None:
    sender = f"hub-{uuid.uuid4().hex[:10]}"
    post(bot_server, {"sender": sender, "message_id": "m1", "text": "/ask_housing"})
    answer = post(bot_server, {"sender": sender, "message_id": "m2", "text": HOUSING}).json()
    payloads = [b["payload"] for m in answer["messages"] for b in m.get("buttons") or []]
    assert payloads, "a topic answer offers buttons"
    clicked = post(bot_server, {"sender": sender, "message_id": "m3", "text": payloads[0]})
    assert clicked.status_code == 200
    stored = tracker_texts(sender)
    assert stored[0] == "ask_housing"  # typed: the slash is gone, NLU decides
    assert stored[2] == payloads[0]  # clicked: the payload as offered


@pytest.mark.slow
def test_hand_back_event_is_accepted_and_idempotent(bot_server: str) -> None:
    sender = f"hub-{uuid.uuid4().hex[:10]}"
    post(bot_server, {"sender": sender, "message_id": "m1", "text": "Hei"})
    for _ in range(2):
        answer = post(bot_server, {"sender": sender, "message_id": "handback-1", "event": "handback"})
        assert answer.status_code == 200, answer.text


def all_tracker_rows() -> int:
    count = 0
    for db in {path.resolve() for path in _BASE[0].glob("bot-logs*/rasa-tracker-*.db")}:
        with sqlite3.connect(db) as conn:
            count += conn.execute("select count(*) from events").fetchone()[0]
    return count


@pytest.mark.slow
def test_triage_only_endpoint_assesses_without_touching_any_tracker(bot_server: str) -> None:
    url = bot_server + "/webhooks/neuvo_hub/triage"
    emergency = {"text": "En jaksa enää elää, aion tappaa itseni tänä yönä. Numeroni 040 123 4567"}
    assert requests.post(url, json=emergency, timeout=60).status_code == 401
    assert requests.post(url, json={"text": " "}, headers=AUTH, timeout=60).status_code == 400
    before = all_tracker_rows()
    answer = requests.post(url, json=emergency, headers=AUTH, timeout=60)
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert set(result) == {"level", "markers", "language"}
    assert (result["level"], result["language"]) == ("emergency", "fi") and "suicidal_ideation" in result["markers"]
    swedish = requests.post(url, json={"text": "Jag har ingenstans att sova i natt"}, headers=AUTH, timeout=60).json()
    assert (swedish["level"], swedish["language"]) == ("urgent", "sv")
    typed = requests.post(url, json={"text": "/request_human"}, headers=AUTH, timeout=60).json()
    assert typed["level"] in ("none", "support")
    assert all_tracker_rows() == before  # no event stored for anyone


@pytest.fixture(scope="module")
def own_bot(model_path: Path, tmp_path_factory):
    """A Rasa of this module's own, to stop and restart its parts."""
    from bot.services import BotProcesses

    processes = BotProcesses(
        model=model_path, rasa_port=free_port(), actions_port=free_port(),
        log_dir=tmp_path_factory.mktemp("bot-logs-own"), hub_token=HUB_TEST_TOKEN,
    )
    processes.start(timeout=480)
    yield processes
    processes.stop()


@pytest.mark.slow
def test_action_server_down_is_a_503_and_the_message_is_processed_when_it_is_back(own_bot) -> None:
    import sys

    from bot.services import wait_for_http

    sender = f"hub-{uuid.uuid4().hex[:10]}"
    actions = own_bot.children[0]
    actions.terminate()
    actions.wait(timeout=30)
    down = post(own_bot.rasa_url, {"sender": sender, "message_id": "m1", "text": "Hei"})
    assert down.status_code == 503
    assert down.json() == {"error": "action_server_unavailable"}
    assert tracker_texts(sender) == []  # not half-processed
    restarted = own_bot._spawn("actions", [sys.executable, "-m", "actions.server", "--port", str(own_bot.actions_port)])
    own_bot.children[0] = restarted
    own_bot.children.pop()  # _spawn appended it too
    wait_for_http(f"{own_bot.actions_url}/health", 60, restarted)
    up = post(own_bot.rasa_url, {"sender": sender, "message_id": "m1", "text": "Hei"})
    assert up.status_code == 200 and up.json()["duplicate"] is False
    assert tracker_texts(sender) == ["Hei"]


@pytest.mark.slow
def test_de_duplication_survives_a_rasa_restart(own_bot) -> None:
    sender, message_id = f"hub-{uuid.uuid4().hex[:10]}", uuid.uuid4().hex
    first = post(own_bot.rasa_url, {"sender": sender, "message_id": message_id, "text": "Hei"})
    assert first.status_code == 200
    own_bot.stop()
    own_bot.start(timeout=480)
    again = post(own_bot.rasa_url, {"sender": sender, "message_id": message_id, "text": "Hei"})
    assert again.status_code == 200
    assert again.json()["duplicate"] is True
    assert again.json()["messages"] == first.json()["messages"]
    assert tracker_texts(sender) == ["Hei"]
