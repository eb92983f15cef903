"""Triage rules on clear cases (the hand-written set in cases.yml measures them)."""
from __future__ import annotations

import pytest

from nlu.triage import LEVELS, assess, higher_level


@pytest.mark.parametrize(
    "text, level, marker",
    [
        ("Haluan kuolla, en jaksa tätä enää", "emergency", "suicidal_ideation"),
        ("I want to kill myself", "emergency", "suicidal_ideation"),
        ("Jag vill ta livet av mig", "emergency", "suicidal_ideation"),
        ("Viilsin itseäni ja verta tulee", "emergency", "self_harm"),
        ("Se lyö mua just nyt", "emergency", "violence_now"),
        ("Minut häädetään huomenna eikä minulla ole mihin mennä", "urgent", "eviction_imminent"),
        ("Mul ei oo yöpaikkaa tänä yönä", "urgent", "no_place_to_sleep_tonight"),
        ("Rahat loppu eikä oo ruokaa", "urgent", "no_food_or_money_today"),
        ("I have nowhere to sleep tonight", "urgent", "no_place_to_sleep_tonight"),
        ("Jag har inga pengar och ingen mat idag", "urgent", "no_food_or_money_today"),
        ("En pärjää arjessa yksin", "support", "cannot_cope_daily"),
        ("Haluan puhua oikean ihmisen kanssa", "support", "asks_for_person"),
    ],
)
def test_markers_raise_the_level(text: str, level: str, marker: str) -> None:
    result = assess(text)
    assert result.level == level and marker in result.markers


@pytest.mark.parametrize(
    "text",
    [
        "Minut häädetään ensi kuussa, mitä voin tehdä?",
        "I will be evicted next month",
        "Asuin kadulla kymmenen vuotta sitten. Nyt asun omassa asunnossa.",
        "Missä voin lukea itsemurhien ehkäisystä koulutusta varten?",
        "Where can I read about domestic violence for a friend?",
        "Miten haen toimeentulotukea?",
        "Mikä on Polun puhelinnumero?",
    ],
)
def test_later_past_and_information_questions_stay_none(text: str) -> None:
    assert assess(text).level == "none"


def test_lemmas_match_inflected_forms() -> None:
    text = "Yöpaikkaa ei löydy tälle yölle"
    assert assess(text, lemmas=["yöpaikka", "ei", "löytyä", "tämä", "yö"]).level == "urgent"


def test_the_highest_marker_decides_and_all_are_kept() -> None:
    result = assess("Minut häädetään huomenna ja haluan kuolla")
    assert result.level == "emergency"
    assert {"eviction_imminent", "suicidal_ideation"} <= set(result.markers)


def test_the_crisis_intent_raises_even_without_words_we_know() -> None:
    text = "Tänään tuntuu että kaikki on lopussa"
    assert assess(text, intent="express_crisis", intent_confidence=0.9).level == "emergency"
    assert assess(text, intent="express_crisis", intent_confidence=0.3).level != "emergency"


def test_asking_for_a_person_is_a_support_marker() -> None:
    assert assess("Voisitko yhdistää", intent="request_human").markers == ("asks_for_person",)


def test_several_problems_at_once() -> None:
    result = assess("Mulla on velkoja, juon liikaa ja vuokrat on rästissä")
    assert result.level == "support" and "multiple_problems" in result.markers


def test_higher_level_orders_the_four_levels() -> None:
    assert LEVELS == ("none", "support", "urgent", "emergency")
    assert higher_level("urgent", "support") == "urgent"
    assert higher_level("none", "emergency") == "emergency"
