"""The inbox pages: what residents asked that the assistant did not understand well.

Each item can become a training example of an intent (a pending change at
the publisher, published with the next publish) or be dismissed; either way
it leaves the inbox. Viewing the inbox and every decision is audited like
the console (ids and intent names only, never the text).
"""
from __future__ import annotations

from sanic import Request
from sanic.response import HTTPResponse, html, redirect

from handoff import audit
from handoff.auth import guards
from handoff.auth.guards import Principal
from handoff.console.html import Raw, csrf_field, e, message_page, page, table
from handoff.editor import inbox
from handoff.editor import finnish
from handoff.editor.publisher import PublisherRefused, PublisherUnavailable
from handoff.web.security import client_address

EDITOR_ROLES = ("editor", "admin")
LANGUAGE_LABELS = {"fi": "suomi", "sv": "ruotsi", "en": "englanti"}


def _item_forms(user: Principal, item_id: int, intents: list[str], predicted: str | None) -> Raw:
    """Assign (only when the publisher answered with its intents) and dismiss (always)."""
    choices = "".join(
        f'<option value="{e(name)}"{" selected" if name == predicted else ""}>{e(name)}</option>' for name in intents
    )
    assign = (
        f'<form method="post" action="/editor/inbox/{item_id}/assign" class="inline">{csrf_field(user)}'
        f'<label class="sr-only" for="intent-{item_id}">Aihe</label>'
        f'<select id="intent-{item_id}" name="intent">{choices}</select> '
        '<button type="submit">Lisää esimerkiksi</button></form> '
    ) if intents else ""
    return Raw(assign + f'<form method="post" action="/editor/inbox/{item_id}/dismiss" class="inline">'
               f'{csrf_field(user)}<button type="submit">Hylkää</button></form>')


@guards.roles(*EDITOR_ROLES)
async def inbox_page(request: Request) -> HTTPResponse:
    user: Principal = request.ctx.user
    try:
        intents = await request.app.ctx.publisher.intents()
        note = ""
    except (PublisherUnavailable, PublisherRefused) as error:
        intents, note = [], (f'<p class="error" role="alert">Esimerkkejä ei voi nyt lisätä. '
                             f'{e(finnish.unavailable(error))} Hylkääminen onnistuu.</p>')
    async with request.app.ctx.sessionmaker.begin() as session:
        items = await inbox.open_items(session)
        await audit.record(session, actor_id=user.user_id, action="inbox.view", target="inbox",
                           details={"items": len(items)}, ip=client_address(request))
    rows = [
        (item.text, LANGUAGE_LABELS.get(item.language, item.language), item.intent or "–",
         f"{item.confidence:.2f}" + (" (ei varma)" if item.fell_back else ""), item.received_on.isoformat(),
         _item_forms(user, item.id, intents, item.intent))
        for item in items
    ]
    body = (
        note + '<p class="hint">Viestit, joita Neuvo ei ymmärtänyt hyvin. Henkilötiedot on poistettu ennen '
        'tallennusta. Lisää viesti oikean aiheen esimerkiksi (julkaistaan seuraavassa julkaisussa) tai hylkää se.</p>'
        + table(("Viesti", "Kieli", "Neuvon arvaus", "Varmuus", "Päivä", ""), rows, empty="Ei uusia viestejä.")
    )
    return html(page("Saapuneet kysymykset", body, user=user, page_id="inbox"),
                headers={"Cache-Control": "no-store"})


@guards.roles(*EDITOR_ROLES)
async def assign_form(request: Request, item_id: int) -> HTTPResponse:
    """Sends the item to the publisher as a pending example, then deletes it (audited)."""
    user: Principal = request.ctx.user
    intent = (request.form.get("intent") or "").strip()
    async with request.app.ctx.sessionmaker() as session:
        try:
            item = await inbox.get_item(session, item_id=item_id)
        except inbox.UnknownItem:
            return message_page(request, "Ei löydy", "Toinen muokkaaja ehti jo käsitellä tämän.", 404, "/editor/inbox")
        text = item.text
    try:
        change = await request.app.ctx.publisher.submit({"kind": "add_example", "intent": intent, "text": text},
                                                        author=user.username)
    except PublisherRefused as error:
        return message_page(request, "Ei lisätty", f"Esimerkkiä ei lisätty. {finnish.reason(str(error))}", 400,
                            "/editor/inbox")
    except PublisherUnavailable as error:
        return message_page(request, "Ei lisätty", finnish.unavailable(error), 503, "/editor/inbox")
    async with request.app.ctx.sessionmaker.begin() as session:
        try:
            await inbox.remove(session, item_id=item_id)
        except inbox.UnknownItem:
            pass  # handled by another editor meanwhile; the publisher refuses a duplicate change
        await audit.record(session, actor_id=user.user_id, action="inbox.assign", target=f"inbox:{item_id}",
                           details={"intent": intent, "change": change.get("id")}, ip=client_address(request))
    return redirect("/editor/inbox", status=303)


@guards.roles(*EDITOR_ROLES)
async def dismiss_form(request: Request, item_id: int) -> HTTPResponse:
    user: Principal = request.ctx.user
    try:
        async with request.app.ctx.sessionmaker.begin() as session:
            await inbox.remove(session, item_id=item_id)
            await audit.record(session, actor_id=user.user_id, action="inbox.dismiss", target=f"inbox:{item_id}",
                               ip=client_address(request))
    except inbox.UnknownItem:
        return message_page(request, "Ei löydy", "Toinen muokkaaja ehti jo käsitellä tämän.", 404, "/editor/inbox")
    return redirect("/editor/inbox", status=303)
