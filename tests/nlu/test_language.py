from __future__ import annotations

import pytest

from nlu.language import detect_language, normalise_language_name, requested_language


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mul ei oo rahaa ruokaan, voinko hakea toimeentulotukea?", "fi"),
        ("Voiko Polkuun tulla ilman ajanvarausta?", "fi"),
        ("kiitti", "fi"),
        ("moi", "fi"),
        ("joo", "fi"),
        ("Jag behöver hjälp med hyran, vart ska jag vända mig?", "sv"),
        ("tack", "sv"),
        ("hej", "sv"),
        ("nej", "sv"),
        ("I have rent arrears and do not know what to do", "en"),
        ("thanks!", "en"),
        ("yes please", "en"),
    ],
)
def test_detects_the_three_languages(text: str, expected: str) -> None:
    assert detect_language(text).language == expected


@pytest.mark.parametrize("text", ["", "   ", "😀😀", "123 456", "ok"])
def test_no_evidence_gives_no_language(text: str) -> None:
    """The caller then keeps the conversation's language (Finnish at first)."""
    assert detect_language(text).language is None


@pytest.mark.parametrize(
    "text, language",
    [
        ("Hallo, ich brauche Hilfe mit meiner Wohnung und dem Geld", "de"),
        ("Bonjour, j'ai besoin d'aide pour mon logement et mes dettes", "fr"),
    ],
)
def test_flags_a_clearly_unsupported_language(text: str, language: str) -> None:
    guess = detect_language(text)
    assert guess.language is None and guess.unsupported == language


@pytest.mark.parametrize("text", ["blorf kvaak zyxxy", "plim plom", "asdf"])
def test_gibberish_does_not_switch_the_language(text: str) -> None:
    assert detect_language(text).language is None


@pytest.mark.parametrize(
    "name, code",
    [("ruotsiksi", "sv"), ("ruotsia", "sv"), ("svenska", "sv"), ("på svenska", "sv"), ("Swedish", "sv"),
     ("englanniksi", "en"), ("engelska", "en"), ("in English", "en"), ("suomeksi", "fi"), ("finska", "fi"),
     ("Finnish", "fi"), ("sv", "sv"), ("saksaksi", None), ("", None)],
)
def test_named_languages_are_normalised(name: str, code) -> None:
    assert normalise_language_name(name) == code


@pytest.mark.parametrize(
    "text, code",
    [("Voitko puhua ruotsia?", "sv"), ("vaihda kieli englanniksi", "en"), ("kan du prata svenska", "sv"),
     ("can we speak English please", "en"), ("en ymmärrä ruotsia, puhu suomea", "fi"),
     ("puhu suomea, en ymmärrä englantia", "fi"), ("mitä kieliä osaat", None)],
)
def test_requested_language_is_read_from_the_words(text: str, code) -> None:
    assert requested_language(text) == code
