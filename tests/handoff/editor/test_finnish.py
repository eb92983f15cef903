"""handoff/editor/finnish.py: editors read the publisher's reasons in Finnish, each with a next step."""
import pytest

from handoff.editor import finnish
from handoff.editor.publisher import PublisherNotConfigured, PublisherUnavailable


@pytest.mark.parametrize("english, finnish_start", [
    ("intent macro-F1 fell from 0.9544 to 0.9497", "Aiheiden tunnistus heikkeni (0.9544 → 0.9497)"),
    ("emergency recall fell from 1.0000 to 0.9800", "Hätätilanteiden tunnistus heikkeni"),
    ("urgent recall fell from 0.9600 to 0.9400", "Kiireellisten tilanteiden tunnistus heikkeni"),
    ("ChangeError: the content changed while the model was training; publish again", "Sisältöä muutettiin"),
    ("RuntimeError: rasa train exited with 1 (log: x.log)", "Mallin koulutus tai käyttöönotto epäonnistui"),
    ("'vuokra' is already under ask_housing", "Sama esimerkki on jo aiheessa ask_housing"),
    ("something nobody foresaw", "Muutosta ei hyväksytty"),
])
def test_every_reason_is_finnish(english: str, finnish_start: str) -> None:
    text = finnish.reason(english)
    assert text.startswith(finnish_start)
    assert "fell" not in text and "Error" not in text


def test_a_job_is_shown_with_finnish_labels() -> None:
    running = finnish.job_view({"state": "training", "progress": {"step": "DIETClassifier 45 %"}})
    assert (running["state_label"], running["step_label"]) == ("koulutetaan", "koulutetaan: DIETClassifier 45 %")
    rejected = finnish.job_view({"state": "rejected", "reasons": ["intent macro-F1 fell from 0.95 to 0.94"],
                                 "progress": {"step": "rejected"}})
    assert rejected["state_label"] == "hylätty" and rejected["step_label"] == ""
    assert rejected["reasons"][0].startswith("Aiheiden tunnistus heikkeni")


def test_a_missing_token_is_not_told_as_a_wait() -> None:
    assert "NEUVO_PUBLISHER_TOKEN" in finnish.unavailable(PublisherNotConfigured("no token"))
    assert "Yritä hetken päästä" in finnish.unavailable(PublisherUnavailable("down"))
