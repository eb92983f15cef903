from __future__ import annotations

from nlu.text_limits import MAX_NLU_CHARS, clean_text


def test_markup_and_scripts_are_removed_but_words_kept() -> None:
    text = "<b>Tarvitsen</b> apua <script>alert('x')</script> vuokraan &amp; ruokaan"
    assert clean_text(text) == "Tarvitsen apua vuokraan & ruokaan"


def test_control_characters_and_whitespace_runs_are_collapsed() -> None:
    assert clean_text("hei\x00\x07  \n\n mitä\tkuuluu") == "hei mitä kuuluu"


def test_long_messages_keep_their_beginning_and_end_at_word_boundaries() -> None:
    cleaned = clean_text("Alussa taustaa. " + "sana " * 5000 + "Lopuksi kysymys?")
    assert len(cleaned) <= MAX_NLU_CHARS + 1
    assert cleaned.startswith("Alussa taustaa.") and cleaned.endswith("Lopuksi kysymys?")
    assert all(word in {"Alussa", "taustaa.", "sana", "Lopuksi", "kysymys?"} for word in cleaned.split())

