"""actions/intake/correct.py: which words ask to correct an answer, at the review and mid-form."""
import pytest

from actions.intake.correct import is_mid_form_correction, wants_review_correction


@pytest.mark.parametrize("text", [
    "korjaa kunta", "korjaisin iän", "muutettava kunta", "muutan kunnan", "väärä kunta",
    "det är fel", "jag vill ändra åldern", "rätta åldern", "felaktig kommun", "change the age", "that's wrong",
])
def test_the_review_takes_any_correction_word(text: str) -> None:
    assert wants_review_correction(text)


@pytest.mark.parametrize("text", [
    "Muutama asia vielä", "muuten ok", "det är rätt", "kyllä", "lähetä", "ok, send it",
])
def test_words_that_only_look_alike_are_not_corrections(text: str) -> None:
    assert not wants_review_correction(text)
    assert not is_mid_form_correction(text)


@pytest.mark.parametrize("text, expected", [
    ("korjaan: ikäni on 70", True),
    ("I meant Heinola", True),
    ("muutan Lahteen ensi kuussa", False),  # a move, not a correction
])
def test_mid_form_a_correction_must_be_said_as_one(text: str, expected: bool) -> None:
    assert is_mid_form_correction(text) is expected
