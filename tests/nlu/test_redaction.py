"""Redaction of resident text (nlu/redaction.py) with real Finnish formats.

`redact` is what the bot's channel does before Rasa stores a message;
`redact_for_storage` is what the hub does before a text enters the editors'
inbox. Both must leave ordinary wording alone: a false redaction hides what
residents actually ask.
"""
from __future__ import annotations

import pytest

from nlu.redaction import is_valid_hetu, redact, redact_for_storage


@pytest.mark.parametrize("hetu", [
    "131052-308T",   # 1900s, the classic hyphen
    "150378Y264R",   # 1900s, new sign Y (2023)
    "051199X0154",   # 1900s, new sign X
    "170866U507T",   # 1900s, new sign U
    "010101A123N",   # 2000s, A
    "240815B482B",   # 2000s, new sign B
    "290224F931J",   # 2000s, new sign F
    "010850+111K",   # 1800s, plus
    "010101a123n",   # written in lower case
])
def test_every_century_sign_with_a_valid_checksum_is_removed(hetu: str) -> None:
    assert redact(f"Henkilötunnukseni on {hetu}, kiitos.") == ("Henkilötunnukseni on [hetu], kiitos.", ["hetu"])


@pytest.mark.parametrize("text", [
    "Laskun numero 131052-308A",   # wrong check character
    "viite 321052-308T",           # no 32nd day
    "tilausnumero 131352-308T",    # no 13th month
    "koodi 131052G308T",           # G is no century sign
])
def test_lookalikes_of_a_hetu_stay(text: str) -> None:
    assert redact(text) == (text, [])


@pytest.mark.parametrize("text, expected", [
    ("Soita 040 123 4567", "Soita [puh]"),
    ("numero 0401234567.", "numero [puh]."),
    ("050-123 4567 iltaisin", "[puh] iltaisin"),
    ("+358 40 123 4567 tai +358401234567", "[puh] tai [puh]"),
    ("00358 50 765 4321", "[puh]"),
    ("lankapuhelin (03) 814 2000", "lankapuhelin [puh]"),
    ("puh. 044-987 65 43", "puh. [puh]"),
    ("kriisipuhelin 09 2525 0111", "kriisipuhelin [puh]"),
])
def test_finnish_phone_numbers_in_their_usual_forms(text: str, expected: str) -> None:
    assert redact(text) == (expected, ["phone"])


@pytest.mark.parametrize("text", [
    "Sain 1200 euroa 01.02.2024 ja soitin 112",
    "Velkaa on 20 000 euroa, asiakasnumero 123456789",
    "postinumero 15100",
    "klo 9-15 ma-pe",
    "vuokra 650 €/kk, 2 lasta (3 ja 5 v)",
])
def test_ordinary_numbers_stay(text: str) -> None:
    assert redact(text) == (text, [])
    assert redact_for_storage(text) == (text, [])


def test_email_addresses() -> None:
    assert redact("Posti: matti.meikalainen+sossu@example.fi.") == ("Posti: [email].", ["email"])
    assert redact("anna_k@posti.example.com ja muuta") == ("[email] ja muuta", ["email"])


@pytest.mark.parametrize("text, expected", [
    ("Asun osoitteessa Hämeenkatu 12 B 5, 15110 Lahti", "Asun osoitteessa [osoite], [osoite]"),
    ("Kauppakatu 3 as. 4 on osoitteeni", "[osoite] on osoitteeni"),
    ("asun Kauppakadulla 10", "asun [osoite]"),
    ("muutin Rantatielle 4-6 C 12", "muutin [osoite]"),
    ("Aleksanterinkatu 5a, 00100 Helsinki", "[osoite], [osoite]"),
    ("jag bor på Storgatan 5 A 3", "jag bor på [osoite]"),
    ("Koivukuja 7 asunto 2", "[osoite]"),
    ("Mäntyrinne 3", "[osoite]"),
])
def test_street_addresses_and_postal_towns(text: str, expected: str) -> None:
    assert redact_for_storage(text) == (expected, ["address"])


@pytest.mark.parametrize("text, expected", [
    ("Nimeni on Matti Virtanen ja olen työtön", "Nimeni on [nimi] ja olen työtön"),
    ("Minä oon Matti Virtanen", "Minä oon [nimi]"),
    ("hei, olen Liisa ja tarvitsen apua", "hei, olen [nimi] ja tarvitsen apua"),
    ("mun nimi on pekka", "mun nimi on [nimi]"),
    ("Jag heter Anna Lindqvist", "Jag heter [nimi]"),
    ("My name is John Smith", "My name is [nimi]"),
    ("Terveisin Anne Mäkinen", "Terveisin [nimi]"),
    ("t. Pekka", "t. [nimi]"),
    ("Mikko Korhonen soitti eilen", "[nimi] soitti eilen"),
])
def test_names_where_the_sentence_marks_them(text: str, expected: str) -> None:
    assert redact_for_storage(text) == (expected, ["name"])


@pytest.mark.parametrize("text", [
    "olen työtön",
    "Olen Työtön ja Asunnoton",
    "olen yksinhuoltaja ja tarvitsen apua",
    "oon ihan loppu",
    "olen onnellinen, mutta rahat loppu",
    "I am worried about my rent",
    "jag är arbetslös",
    "Mitä Kela maksaa?",
    "Lahden Kaupunki ei vastaa",
    "nimeni on siis salainen",
    "tie 5 on poikki ja tarvitsen tietoa tiestä",
    "Haluan Toimeentulotukea",
    "maksoin 15100 euroa",
])
def test_ordinary_words_stay(text: str) -> None:
    assert redact_for_storage(text) == (text, [])


def test_everything_at_once_lists_each_kind_once() -> None:
    text = ("Olen Matti Virtanen 131052-308T, asun Hämeenkatu 12 B 5 15110 Lahti, "
            "puh 040 123 4567, matti@example.fi. Olen työtön.")
    redacted, kinds = redact_for_storage(text)
    assert redacted == "Olen [nimi] [hetu], asun [osoite] [osoite], puh [puh], [email]. Olen työtön."
    assert kinds == ["email", "hetu", "phone", "address", "name"]


def test_the_channel_keeps_addresses_and_names_for_the_dialogue() -> None:
    assert redact("Nimeni on Matti, asun Hämeenkatu 12") == ("Nimeni on Matti, asun Hämeenkatu 12", [])


def test_hetu_checksum() -> None:
    assert is_valid_hetu("13", "10", "52", "308", "T")
    assert not is_valid_hetu("13", "10", "52", "308", "A")
