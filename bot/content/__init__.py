"""The assistant's content (topics: answers and example questions) as data.

Pure Python with PyYAML only, so both the bot (Python 3.10) and the hub's
editor tools (Python 3.12) use it. No Rasa import. Layout and format:
docs/content-format.md; the editors' view: docs/editor-guide.fi.md.

A topic is the folder ``bot/domain/topics/<key>/`` with ``answers.yml``
(intent, answer and label in fi/sv/en, answer metadata) and ``examples.yml``
(the intent's training examples). ``<key>`` is the intent without ``ask_``.

Reading::

    from bot.content import load_topics, default_detector
    topics = load_topics(detect=default_detector())  # {key: Topic}, key order
    topic = topics["housing"]
    topic.intent                      # "ask_housing"
    topic.answer.text("sv")           # the Swedish answer ({org_...} slots unfilled)
    topic.answer.variant("en").buttons  # [Button(title, payload)]
    topic.label.text("fi")            # the short button label
    topic.metadata[topic.answer_name] # Metadata(owner, source, review_by, line)
    topic.examples                    # [Example(text, line, language)], file order
    topic.examples_in("fi")           # by detected language
    topic.answers_file, topic.examples_file  # Paths; every item has its .line

``default_detector()`` is the bot's language detector; it needs py3langid
and returns None without it (examples then have ``language=None``).

Writing (each takes a lock, validates, writes atomically in a fixed layout,
and returns a ``Change`` with ``path``, ``before``, ``after`` and ``diff()``;
bad input raises ``ContentError`` whose message can be shown to an editor)::

    set_answer_text(key, language, text)           # adds the variant if missing
    set_label(key, language, text)
    set_response_text(key, response_name, language, text)
    add_example(key, text)                         # refuses a duplicate in the topic
    remove_example(key, text)
    set_metadata(key, owner=..., source=..., review_by="2027-05-31")
    create_topic(key, label={fi, sv, en}, answer={fi, sv, en}, owner=..., source=...,
                 review_by=..., examples=[...])    # -> [Change]; also appends its rule
    canonicalise(key)                              # rewrite in the fixed layout

All functions take ``content=ContentPaths.under(project_root)`` to work on
another copy of the project (tests, a staging checkout).

Showing (the editor tools' preview and review list)::

    facts = organisation_facts()                   # {org_...: value}
    preview(topic, "sv", facts)                    # the answer as a resident sees it
    due_for_review(topics, date.today())           # [DueReview(topic, response, metadata, file)]

What changed since the last commit (git)::

    changed_files() -> [Path]      content_diff() -> str (unified diff)

Checking (the same as ``neuvo content check``)::

    findings = run_checks()        # [Finding(severity, file, line, message)]
    print(report(findings))

Any change makes the model stale (``neuvo train``). After a change to
answer texts the NLU part comes from Rasa's cache unless examples or
intents changed: DIET and the featurizers are restored, and in the measured
publish only the LinearIntentClassifier retrained (37 s; `rasa train` 1.3 min
in all on 2 busy cores, docs/publishing.md). A new topic also needs the action server restarted
(actions/topics.py reads the topic folders at start).
"""
from bot.content.changes import changed_files, content_diff
from bot.content.findings import Finding
from bot.content.create import create_topic
from bot.content.load import ContentPaths, default_detector, load_topic, load_topics
from bot.content.model import (
    LANGUAGES, Button, ContentError, ContentFileError, Example, Metadata, Response, Topic, Variant,
    normalise_example,
)
from bot.content.views import DueReview, due_for_review, fill_in, organisation_facts, preview
from bot.content.write import (
    Change, add_example, canonicalise, remove_example, set_answer_text, set_label,
    set_metadata, set_response_text,
)



def __getattr__(name: str):
    """`run_checks` and `report` on first use, so `python -m bot.content.check` runs cleanly."""
    if name in ("run_checks", "report"):
        from bot.content import check

        return getattr(check, name)
    raise AttributeError(name)


__all__ = [
    "LANGUAGES", "Button", "Change", "ContentError", "ContentFileError", "ContentPaths", "DueReview", "Example",
    "Finding", "Metadata", "Response", "Topic", "Variant", "add_example", "canonicalise",
    "changed_files", "content_diff", "create_topic", "default_detector", "due_for_review", "fill_in",
    "load_topic", "load_topics", "organisation_facts", "preview",
    "normalise_example", "remove_example", "report", "run_checks", "set_answer_text", "set_label",
    "set_metadata", "set_response_text",
]
