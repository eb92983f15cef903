"""Callback list, phone-contact form and statistics pages."""
from __future__ import annotations

from collections import Counter
from datetime import datetime

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, html, redirect

from handoff.models import COUNSELLING_ROLES
from handoff import audit
from handoff.auth import guards
from handoff.auth.guards import Principal
from handoff.console import callbacks, contacts
from handoff.console.conversations import OUTCOMES
from handoff.console.errors import ConsoleError, Invalid
from handoff.console.html import Raw, csrf_field, e, options, page, table
from handoff.console.queueview import LEVEL_LABELS
from handoff.web.security import client_address

LEVELS = tuple(LEVEL_LABELS.items())
LANGUAGE_LABELS = (("fi", "suomi"), ("sv", "ruotsi"), ("en", "englanti"))
CHANNEL_LABELS = {"chat": "Chat", "callback": "Takaisinsoitto", "phone": "Puhelin"}


def _problem(request: Request, error: ConsoleError, back: str) -> HTTPResponse:
    body = f'<p class="error" role="alert">{e(error)}</p><p><a href="{e(back)}">Takaisin</a></p>'
    return html(page("Ei onnistunut", body, user=request.ctx.user), status=error.status)


@guards.roles(*COUNSELLING_ROLES)
async def callback_list(request: Request) -> HTTPResponse:
    user: Principal = request.ctx.user
    async with request.app.ctx.sessionmaker.begin() as session:
        lists = await callbacks.read_list(session, actor_id=user.user_id, ip=client_address(request))
    outcome_options = options(OUTCOMES.items())

    def done_form(row: dict) -> Raw:
        return Raw(
            f'<form method="post" action="/console/callbacks/{e(row["id"])}/done" class="inline">{csrf_field(user)}'
            f'<label class="sr-only" for="o{e(row["id"])}">Lopputulos</label>'
            f'<select id="o{e(row["id"])}" name="outcome">{outcome_options}</select>'
            '<button type="submit">Hoidettu</button></form>'
        )

    open_rows = [(LEVEL_LABELS.get(r["level"], r["level"]), r["phone"], r["preferred_time"], r["reason_label"],
                  r["language"], f'{r["waited_minutes"]} min', done_form(r)) for r in lists["open"]]
    done_rows = [(LEVEL_LABELS.get(r["level"], r["level"]), r["phone"], r["reason_label"], r["done_at"])
                 for r in lists["done"]]
    body = (
        "<h2>Avoimet</h2>"
        + table(("Taso", "Puhelin", "Toivottu aika", "Syy", "Kieli", "Odottanut", ""), open_rows,
                empty="Ei avoimia takaisinsoittoja.")
        + "<h2>Hoidetut (7 vrk)</h2>" + table(("Taso", "Puhelin", "Syy", "Hoidettu"), done_rows)
    )
    return html(page("Takaisinsoitot", body, user=user))


@guards.roles(*COUNSELLING_ROLES)
async def callback_done(request: Request, callback_id: int) -> HTTPResponse:
    user: Principal = request.ctx.user
    outcome = request.form.get("outcome") or ""
    try:
        async with request.app.ctx.sessionmaker.begin() as session:
            await callbacks.mark_done(session, callback_id=callback_id, user_id=user.user_id, outcome=outcome)
            await audit.record(session, actor_id=user.user_id, action="callback.done", target=f"callback:{callback_id}",
                               details={"outcome": outcome}, ip=client_address(request))
    except ConsoleError as error:
        return _problem(request, error, "/console/callbacks")
    return redirect("/console/callbacks", status=303)


@guards.roles(*COUNSELLING_ROLES)
async def phone_form(request: Request) -> HTTPResponse:
    user: Principal = request.ctx.user
    saved = '<p class="ok" role="status">Tallennettu.</p>' if request.args.get("saved") else ""
    body = (
        f"{saved}<p class=\"hint\">Kirjaa puhelinohjaus, joka ei alkanut chatista, jotta kaikki yhteydenotot ovat "
        "samoissa tilastoissa. Älä kirjaa nimiä, numeroita tai sisältöä.</p>"
        f'<form method="post" action="/console/phone" class="stack">{csrf_field(user)}'
        f'<label for="level">Kiireellisyys</label><select id="level" name="level">{options(LEVELS, "support")}</select>'
        f'<label for="outcome">Lopputulos</label><select id="outcome" name="outcome">{options(OUTCOMES.items())}</select>'
        f'<label for="language">Kieli</label><select id="language" name="language">{options(LANGUAGE_LABELS)}</select>'
        '<label for="minutes">Kesto (min, valinnainen)</label><input id="minutes" name="minutes" type="number" min="0" max="600">'
        '<label for="occurred_at">Ajankohta (tyhjä = nyt)</label><input id="occurred_at" name="occurred_at" type="datetime-local">'
        '<button type="submit" class="primary">Kirjaa</button></form>'
    )
    return html(page("Puhelinohjaus", body, user=user))


def _parse_contact_form(form) -> dict:
    try:
        minutes = int(form.get("minutes")) if (form.get("minutes") or "").strip() else None
        raw_time = (form.get("occurred_at") or "").strip()
        occurred_at = datetime.fromisoformat(raw_time) if raw_time else None
    except ValueError as bad:
        raise Invalid("Tarkista kesto ja ajankohta. (Check the duration and time.)") from bad
    return {"level": form.get("level") or "", "outcome": form.get("outcome") or "",
            "language": form.get("language") or "fi", "minutes": minutes, "occurred_at": occurred_at}


@guards.roles(*COUNSELLING_ROLES)
async def phone_submit(request: Request) -> HTTPResponse:
    user: Principal = request.ctx.user
    try:
        fields = _parse_contact_form(request.form)
        async with request.app.ctx.sessionmaker.begin() as session:
            contact = await contacts.log_phone_contact(session, counsellor_id=user.user_id, **fields)
            await audit.record(session, actor_id=user.user_id, action="phone_contact.add",
                               target=f"phone_contact:{contact.id}", ip=client_address(request))
    except ConsoleError as error:
        return _problem(request, error, "/console/phone")
    return redirect("/console/phone?saved=1", status=303)


@guards.roles(*COUNSELLING_ROLES)
async def statistics(request: Request) -> HTTPResponse:
    user: Principal = request.ctx.user
    try:
        days = max(1, min(int(request.args.get("days", 30)), contacts.MAX_DAYS))
    except ValueError:
        days = 30
    async with request.app.ctx.sessionmaker() as session:
        rows = await contacts.daily_statistics(session, days=days)
    totals = Counter()
    for row in rows:
        totals[row.channel] += row.count
    summary = table(("Kanava", "Yhteydenotot"),
                    [(CHANNEL_LABELS.get(c, c), totals[c]) for c in contacts.CHANNELS], empty="")
    detail = table(
        ("Päivä", "Kanava", "Taso", "Lopputulos", "Määrä"),
        [(r.day.isoformat(), CHANNEL_LABELS.get(r.channel, r.channel), LEVEL_LABELS.get(r.level, r.level),
          OUTCOMES.get(r.outcome, r.outcome), r.count) for r in rows],
        empty="Ei yhteydenottoja tällä aikavälillä.",
    )
    body = (f'<form method="get" action="/console/stats" class="inline"><label for="days">Päiviä</label>'
            f'<input id="days" name="days" type="number" min="1" max="{contacts.MAX_DAYS}" value="{days}">'
            f'<button type="submit">Näytä</button></form><h2>Yhteensä</h2>{summary}<h2>Päivittäin</h2>{detail}')
    return html(page("Tilastot", body, user=user))


def add_routes(blueprint: Blueprint) -> None:
    blueprint.add_route(callback_list, "/callbacks", methods=["GET"], name="callbacks")
    blueprint.add_route(callback_done, "/callbacks/<callback_id:int>/done", methods=["POST"], name="callback_done")
    blueprint.add_route(phone_form, "/phone", methods=["GET"], name="phone")
    blueprint.add_route(phone_submit, "/phone", methods=["POST"], name="phone_submit")
    blueprint.add_route(statistics, "/stats", methods=["GET"], name="stats")
