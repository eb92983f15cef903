"""Reading typed intake answers: every rule, and the bad input each question refuses."""
from __future__ import annotations

import pytest

from actions.intake import parse


@pytest.mark.parametrize("text, group", [
    ("34", "18_64"), ("olen 17-vuotias", "under_18"), ("oon 70", "65_plus"), ("64", "18_64"), ("65", "65_plus"),
    ("alle 18", "under_18"), ("eläkeläinen", "65_plus"), ("jag är 41 år", "18_64"), ("I am 16", "under_18"),
    ("ääsdf", None), ("", None), ("200", None), ("12 ja 40", None),
])
def test_age_group(text, group) -> None:
    assert parse.parse_age_group(text) == group


@pytest.mark.parametrize("text, number", [
    ("040 123 4567", "+358401234567"), ("040-1234567", "+358401234567"), ("+358 40 123 4567", "+358401234567"),
    ("00358 50 765 4321", "+358507654321"), ("358401234567", "+358401234567"), ("09 2525 0111", "+358925250111"),
    ("(03) 555 0100", "+35835550100"),
])
def test_finnish_numbers_are_normalised(text, number) -> None:
    assert parse.normalise_phone(text) == (number, "")


@pytest.mark.parametrize("text, problem", [
    ("+46 70 123 45 67", "foreign"), ("0046701234567", "foreign"), ("+1 202 555 0100", "foreign"),
    ("123", "bad"), ("040 12", "bad"), ("soita minulle", "bad"), ("ääsdf", "bad"), ("0401234567890123", "bad"),
    ("112", "bad"),
])
def test_other_input_is_refused_with_the_reason(text, problem) -> None:
    assert parse.normalise_phone(text) == (None, problem)


@pytest.mark.parametrize("text", ["lopeta", "En halua vastata.", "en halua vastata tähän", "Sluta", "stop",
                                  "I don't want to answer"])
def test_stop_words(text) -> None:
    assert parse.is_stop(text)


@pytest.mark.parametrize("text", ["Lahti", "en tiedä", "ei", "haluan puhua"])
def test_answers_are_not_stop_words(text) -> None:
    assert not parse.is_stop(text)


@pytest.mark.parametrize("text, answer", [
    ("kyllä", "yes"), ("Joo", "yes"), ("ei", "no"), ("ei ole", "no"), ("nej", "no"), ("yes", "yes"),
    ("ääsdf", None), ("", None),
])
def test_yes_no(text, answer) -> None:
    assert parse.parse_yes_no(text) == answer


def test_dont_know_only_where_allowed() -> None:
    assert parse.parse_yes_no("en tiedä", allow_dont_know=True) == "dont_know"
    assert parse.parse_yes_no("en tiedä") == "no"


@pytest.mark.parametrize("text, areas", [
    ("asuminen ja velat", ["money_and_debts", "housing"]), ("päihteet", ["substances"]),
    ("mielenterveys ja alkoholi", ["substances", "mental_health"]), ("boende", ["housing"]),
    ("violence", ["violence"]), ("ääsdf", []),
])
def test_need_areas(text, areas) -> None:
    assert parse.parse_need_areas(text) == areas


@pytest.mark.parametrize("text, level", [
    ("2", "2"), ("5", "5"), ("hyvin vaikeaa", "1"), ("vaikeaa", "2"), ("vaihtelee", "3"), ("melko hyvin", "4"),
    ("hyvin", "5"), ("7", None), ("ääsdf", None), ("1 tai 2", None),
])
def test_coping_scale(text, level) -> None:
    assert parse.parse_coping(text) == level


@pytest.mark.parametrize("text, contact", [
    ("chatissa", "chat"), ("soittakaa minulle", "phone"), ("käyn paikan päällä", "visit"), ("call me", "phone"),
    ("ääsdf", None),
])
def test_contact(text, contact) -> None:
    assert parse.parse_contact(text) == contact


@pytest.mark.parametrize("text, wish", [
    ("iltapäivällä", "iltapäivällä"), ("klo 12-14", "klo 12-14"), ("in the morning", "in the morning"),
    ("ääsdf", None), ("x" * 100, None),
])
def test_callback_time(text, wish) -> None:
    assert parse.parse_callback_time(text) == wish


@pytest.mark.parametrize("text, name", [
    ("Liisa", "Liisa"), ("nimeni on Matti Meikäläinen", "Matti Meikäläinen"), ("Anna-Maija", "Anna-Maija"),
    ("12345", None), ("<b>x</b>", None), ("a" * 70, None),
])
def test_name(text, name) -> None:
    assert parse.parse_name(text) == name


def test_the_hub_channels_redacted_number_counts_as_given() -> None:
    assert parse.normalise_phone("[puh]") == ("[puh]", "")
    assert parse.normalise_phone("numeroni on [puh]") == ("[puh]", "")
