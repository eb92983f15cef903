"""The topic pages: browse topics, edit an answer with a preview, its metadata and its example questions.

Why every edit is a pending change at the publisher and never a file write:
the live content changes only when a publish has trained and passed the
gate (bot/publisher). The preview is the publisher's (the organisation's
facts filled in as the bot fills them); `topics.js` updates it while the
editor types, as text only (no inline script under the CSP). Validation
messages are Finnish, like the rest of the editor pages; every accepted
edit is audited with the topic and kind only, never the text.
"""
from __future__ import annotations

import re
from typing import Any, Optional

from sanic import Request
from sanic.response import HTTPResponse, html, redirect

from handoff.auth import guards
from handoff.auth.guards import Principal
from handoff.console.html import Raw, csrf_field, e, message_page, page, table
from handoff.editor.inbox_pages import EDITOR_ROLES, LANGUAGE_LABELS
from handoff.editor import finnish
from handoff.editor.finnish import MAX_EXAMPLE_CHARS
from handoff.editor.publish_pages import _audit
from handoff.editor.publisher import PublisherRefused, PublisherUnavailable

LANGUAGES = ("fi", "sv", "en")
TOPIC_KEY = re.compile(r"^[a-z0-9_]{1,64}$")
def _count_cell(counts: dict[str, int]) -> str:
    per_language = [f"{language} {counts[language]}" for language in LANGUAGES if counts.get(language)]
    return ", ".join(per_language) if per_language else str(counts.get("all", 0))


@guards.roles(*EDITOR_ROLES)
async def topics_page(request: Request) -> HTTPResponse:
    user: Principal = request.ctx.user
    try:
        found = await request.app.ctx.publisher.topics()
    except (PublisherUnavailable, PublisherRefused) as error:
        return message_page(request, "Aiheet", finnish.unavailable(error), 503, "/editor/")
    due = found.get("due") or []
    due_block = ("<h2>Tarkistettavat vastaukset</h2>"
                 '<p class="hint">Näiden vastausten tarkistuspäivä on mennyt. Tarkista vastaus ja päivitä päivä.</p>'
                 + table(("Aihe", "Vastaus", "Omistaja", "Tarkistettava"),
                         [(Raw(f'<a href="/editor/topics/{e(d["topic"])}">{e(d["topic"])}</a>'), d["response"],
                           d["owner"], d["review_by"]) for d in due])) if due else ""
    rows = [(Raw(f'<a href="/editor/topics/{e(t["key"])}">{e(t.get("label") or t["key"])}</a>'), t["intent"],
             _count_cell(t.get("examples") or {}), (t.get("metadata") or {}).get("owner", "–"),
             (t.get("metadata") or {}).get("review_by", "–")) for t in found.get("topics") or []]
    body = due_block + "<h2>Kaikki aiheet</h2>" + table(
        ("Aihe", "Tunniste", "Esimerkkejä", "Omistaja", "Tarkistettava"), rows, empty="Ei aiheita.")
    return html(page("Aiheet", body, user=user, page_id="topics"), headers={"Cache-Control": "no-store"})


def _answer_form(user: Principal, key: str, language: str, answer: dict[str, Any], limit: int) -> str:
    field = f"answer-{language}"
    return (
        f'<section class="answer" data-language="{language}"><h3>{e(LANGUAGE_LABELS.get(language, language))}</h3>'
        f'<form method="post" action="/editor/topics/{e(key)}/answer">{csrf_field(user)}'
        f'<input type="hidden" name="language" value="{language}">'
        f'<label for="{field}">Vastaus</label>'
        f'<textarea id="{field}" name="text" rows="7" cols="80" class="answer-text" data-max="{limit}">'
        f'{e(answer.get("text") or "")}</textarea>'
        f'<p class="hint">Näin asukas näkee vastauksen (<span class="answer-length">'
        f'{len(answer.get("preview") or "")}</span>/{limit} merkkiä):</p>'
        f'<div class="preview" id="preview-{language}">{e(answer.get("preview") or "")}</div>'
        '<button type="submit">Tallenna muutos julkaistavaksi</button></form></section>'
    )


def _metadata_form(user: Principal, key: str, meta: dict[str, Any]) -> str:
    def field(name: str, label: str, kind: str = "text") -> str:
        return (f'<label for="meta-{name}">{e(label)}</label>'
                f'<input id="meta-{name}" name="{name}" type="{kind}" value="{e(meta.get(name) or "")}" required>')

    return (f'<form method="post" action="/editor/topics/{e(key)}/metadata" class="metadata">{csrf_field(user)}'
            + field("owner", "Omistaja") + field("source", "Lähde (laki, Kelan sivu tai päätös)")
            + field("review_by", "Tarkistettava viimeistään", "date")
            + '<button type="submit">Tallenna muutos julkaistavaksi</button></form>')


def _examples_block(user: Principal, key: str, examples: list[dict[str, Any]]) -> str:
    def remove(text: str) -> Raw:
        return Raw(f'<form method="post" action="/editor/topics/{e(key)}/examples/remove" class="inline">'
                   f'{csrf_field(user)}<input type="hidden" name="text" value="{e(text)}">'
                   '<button type="submit">Poista</button></form>')

    add = (f'<form method="post" action="/editor/topics/{e(key)}/examples/add">{csrf_field(user)}'
           '<label for="new-example">Uusi esimerkkikysymys</label>'
           f'<input id="new-example" name="text" maxlength="{MAX_EXAMPLE_CHARS}" required> '
           '<button type="submit">Lisää esimerkki</button></form>')
    rows = [(x["text"], LANGUAGE_LABELS.get(x.get("language") or "", "–"), remove(x["text"])) for x in examples]
    return add + table(("Esimerkki", "Kieli", ""), rows, empty="Ei esimerkkejä.")


def _pending_block(pending: list[dict[str, Any]]) -> str:
    if not pending:
        return ""
    kinds = {"add_example": "uusi esimerkki", "remove_example": "poistettava esimerkki",
             "set_answer": "vastaus", "set_metadata": "tiedot"}
    rows = [(kinds.get(c["kind"], c["kind"]), c.get("language") or "", c.get("text") or c.get("review_by") or "",
             c.get("author")) for c in pending]
    return ('<h2>Julkaisua odottavat muutokset</h2><p class="hint">Nämä tulevat käyttöön vasta, kun ne '
            '<a href="/editor/publish">julkaistaan</a>.</p>' + table(("Muutos", "Kieli", "Teksti", "Tekijä"), rows))


@guards.roles(*EDITOR_ROLES)
async def topic_page(request: Request, key: str) -> HTTPResponse:
    user: Principal = request.ctx.user
    topic = await _topic(request, key)
    if isinstance(topic, HTTPResponse):
        return topic
    limit = int(topic.get("answer_max_length") or 700)
    facts = "".join(f'<span data-name="{e(name)}" data-value="{e(value)}"></span>'
                    for name, value in sorted((topic.get("facts") or {}).items()))
    notice = request.args.get("tallennettu")
    body = (
        ('<p class="notice" role="status">Muutos tallennettu. Se tulee käyttöön julkaisussa.</p>' if notice else "")
        + f'<p>Tunniste {e(topic["intent"])}. <a href="/editor/topics">Kaikki aiheet</a></p>'
        + _pending_block(topic.get("pending") or [])
        + f'<div id="org-facts" hidden>{facts}</div>'
        + "<h2>Vastaus</h2>" + "".join(
            _answer_form(user, key, language, (topic.get("answers") or {}).get(language) or {}, limit)
            for language in LANGUAGES)
        + "<h2>Vastauksen tiedot</h2>" + _metadata_form(user, key, topic.get("metadata") or {})
        + "<h2>Esimerkkikysymykset</h2>" + _examples_block(user, key, topic.get("examples") or [])
    )
    return html(page(f"Aihe: {key}", body, user=user, scripts=["topics.js"], page_id="topic"),
                headers={"Cache-Control": "no-store"})


async def _topic(request: Request, key: str) -> dict[str, Any] | HTTPResponse:
    if not TOPIC_KEY.match(key):
        return message_page(request, "Ei löydy", "Aihetta ei ole.", 404, "/editor/topics")
    try:
        return await request.app.ctx.publisher.topic(key)
    except PublisherRefused:
        return message_page(request, "Ei löydy", "Aihetta ei ole.", 404, "/editor/topics")
    except PublisherUnavailable as error:
        return message_page(request, "Aihe", finnish.unavailable(error), 503, "/editor/topics")


async def _submit(request: Request, key: str, change: dict[str, Any], problem: Optional[str]) -> HTTPResponse:
    """Checks the form in Finnish, then hands the change to the publisher as a pending change (audited)."""
    back = f"/editor/topics/{key}"
    if not TOPIC_KEY.match(key):
        return message_page(request, "Ei löydy", "Aihetta ei ole.", 404, "/editor/topics")
    if problem:
        return message_page(request, "Ei tallennettu", problem, 400, back)
    user: Principal = request.ctx.user
    try:
        saved = await request.app.ctx.publisher.submit(change, author=user.username)
    except PublisherRefused as error:
        return message_page(request, "Ei tallennettu", finnish.reason(str(error)), 400, back)
    except PublisherUnavailable as error:
        return message_page(request, "Ei tallennettu", finnish.unavailable(error), 503, back)
    details = {"kind": change["kind"], "change": saved.get("id"), "language": change.get("language")}
    await _audit(request, "content.change", f"topic:{key}", {k: v for k, v in details.items() if v})
    return redirect(f"{back}?tallennettu=1", status=303)


def _text(request: Request) -> str:
    return (request.form.get("text") or "").replace("\r\n", "\n").strip()


@guards.roles(*EDITOR_ROLES)
async def answer_form(request: Request, key: str) -> HTTPResponse:
    language, text = request.form.get("language") or "", _text(request)
    problem = ("Valitse kieli." if language not in LANGUAGES
               else "Vastaus ei voi olla tyhjä." if not text else None)
    return await _submit(request, key, {"kind": "set_answer", "topic": key, "language": language, "text": text},
                         problem)


@guards.roles(*EDITOR_ROLES)
async def metadata_form(request: Request, key: str) -> HTTPResponse:
    values = {name: (request.form.get(name) or "").strip() for name in ("owner", "source", "review_by")}
    problem = None if all(values.values()) else "Omistaja, lähde ja tarkistuspäivä tarvitaan kaikki."
    return await _submit(request, key, {"kind": "set_metadata", "topic": key, **values}, problem)


async def _example_change(request: Request, key: str, kind: str) -> HTTPResponse:
    text = " ".join(_text(request).split())
    topic = await _topic(request, key)
    if isinstance(topic, HTTPResponse):
        return topic
    known = [x["text"].lower() for x in topic.get("examples") or []]
    problem = ("Esimerkki ei voi olla tyhjä." if not text
               else f"Esimerkissä voi olla enintään {MAX_EXAMPLE_CHARS} merkkiä." if len(text) > MAX_EXAMPLE_CHARS
               else "Sama esimerkki on jo tässä aiheessa." if kind == "add_example" and text.lower() in known
               else None)
    return await _submit(request, key, {"kind": kind, "intent": topic["intent"], "text": text}, problem)


@guards.roles(*EDITOR_ROLES)
async def add_example_form(request: Request, key: str) -> HTTPResponse:
    return await _example_change(request, key, "add_example")


@guards.roles(*EDITOR_ROLES)
async def remove_example_form(request: Request, key: str) -> HTTPResponse:
    return await _example_change(request, key, "remove_example")
