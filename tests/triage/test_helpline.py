"""nlu/triage/helpline.py: the helpline after 112, one rule for the bot and the hub."""
import pytest

from nlu.triage.helpline import CRISIS, POISONING, VIOLENCE, helpline_kind


@pytest.mark.parametrize("markers, kind", [
    (["violence_now"], VIOLENCE),
    (["violence_now", "suicidal_ideation"], VIOLENCE),
    (["overdose"], POISONING),
    (["overdose", "self_harm"], CRISIS),  # an overdose meant as self-harm: the crisis line
    (["suicidal_ideation"], CRISIS),
    ([], CRISIS),
])
def test_the_helpline_fits_the_markers(markers: list, kind: str) -> None:
    assert helpline_kind(markers) == kind
