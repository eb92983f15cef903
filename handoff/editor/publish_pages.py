"""The publish page: pending changes, publishing with progress, before/after figures, versions and restore.

The publisher (bot side) does the work and keeps the state; these pages only
show it and pass the editor's decisions on, each audited. `publish.js` polls
`/editor/api/jobs/ID` while a job runs and reloads the page when it ends.
"""
from __future__ import annotations

from typing import Any, Optional

from sanic import Request
from sanic.response import HTTPResponse, html, json, redirect

from handoff import audit
from handoff.auth import guards
from handoff.auth.guards import Principal
from handoff.console.html import Raw, csrf_field, e, page, table
from handoff.editor import finnish
from handoff.editor.inbox_pages import EDITOR_ROLES, message_page
from handoff.editor.publisher import PublisherRefused, PublisherUnavailable
from handoff.web.security import client_address



def figures_table(before: Optional[dict[str, Any]], after: Optional[dict[str, Any]]) -> str:
    """Before/after: intent macro-F1 and accuracy, triage recall per level."""
    if not before and not after:
        return ""

    def value(figures: Optional[dict[str, Any]], *keys: str) -> str:
        for key in keys:
            figures = (figures or {}).get(key) if isinstance(figures, dict) else None
        return "–" if figures is None else f"{float(figures):.3f}"

    measures = [("Aiheiden tunnistus, macro-F1", ("intents", "macro_f1")),
                ("Aiheiden tunnistus, osuma", ("intents", "accuracy"))] + [
        (f"Kiireellisyys: {label} (recall)", ("triage", "recall", level))
        for level, label in (("emergency", "hätä"), ("urgent", "kiireellinen"), ("support", "tuki"))]
    if after is None:  # the served model only
        return table(("Mittari", "Nyt"), [(name, value(before, *keys)) for name, keys in measures])
    return table(("Mittari", "Ennen", "Jälkeen"),
                 [(name, value(before, *keys), value(after, *keys)) for name, keys in measures])


def _job_block(job: dict[str, Any]) -> str:
    view = finnish.job_view(job)
    reasons = "".join(f"<li>{e(reason)}</li>" for reason in view["reasons"])
    return (
        f'<section class="job" data-job="{e(job.get("id"))}" data-state="{e(view["state"])}">'
        f'<h3>Julkaisu {e(job.get("id"))}: <span class="job-state">{e(view["state_label"])}</span></h3>'
        f'<p>Tekijä {e(job.get("author"))}, {e(job.get("created"))}. Vaihe: '
        f'<span class="job-step" aria-live="polite">{e(view["step_label"])}</span></p>'
        + (f'<ul class="error">{reasons}</ul>' if reasons else "")
        + (f'<p class="error">{e(view["error"])}</p>' if view["error"] else "")
        + figures_table(job.get("before"), job.get("after")) + "</section>"
    )


def _change_row(user: Principal, change: dict[str, Any]) -> tuple:
    remove = Raw(f'<form method="post" action="/editor/changes/{e(change["id"])}/delete" class="inline">'
                 f'{csrf_field(user)}<button type="submit">Poista</button></form>')
    kind = {"add_example": "uusi esimerkki", "remove_example": "poistettava esimerkki",
            "set_answer": f"vastaus ({change.get('language')})", "set_metadata": "vastauksen tiedot"}.get(
        change["kind"], "")
    text = change.get("text") if change["kind"] != "set_metadata" else (
        f"{change.get('owner')}; {change.get('source')}; tarkistettava {change.get('review_by')}")
    return (kind, change.get("intent") or change.get("topic"), text, change.get("author"), remove)


def _version_row(user: Principal, version: dict[str, Any], current: Optional[int]) -> tuple:
    number = version["version"]
    restore = "käytössä" if number == current else Raw(
        f'<form method="post" action="/editor/versions/{number}/restore" class="inline">{csrf_field(user)}'
        '<button type="submit">Palauta tämä versio</button></form>')
    if version.get("original"):
        what = "alkuperäinen sisältö ennen ensimmäistä julkaisua"
    elif version.get("restored_from") is not None:
        what = f"palautus versioon {version['restored_from']}"
    else:
        what = f"{len(version.get('changes') or [])} muutosta"
    link = Raw(f'<a href="/editor/versions/{number}">{number}</a>')
    macro = ((version.get("figures") or {}).get("intents") or {}).get("macro_f1")
    return (link, version.get("at"), version.get("author"), what, "–" if macro is None else f"{macro:.3f}", restore)


@guards.roles(*EDITOR_ROLES)
async def publish_page(request: Request) -> HTTPResponse:
    user: Principal = request.ctx.user
    client = request.app.ctx.publisher
    try:
        status, changes = await client.status(), await client.changes()
        jobs, versions = await client.jobs(), await client.versions()
    except (PublisherUnavailable, PublisherRefused) as error:
        return message_page(request, "Julkaisu", finnish.unavailable(error), 503, "/editor/")
    running = [j for j in jobs if j.get("state") in ("queued", "training", "evaluating")]
    finished = [j for j in jobs if j not in running][:5]
    publish = (f'<form method="post" action="/editor/publish" class="inline">{csrf_field(user)}'
               '<button type="submit" class="primary">Julkaise muutokset</button></form>') if changes else ""
    body = (
        f'<p>Käytössä versio {e(status.get("version") or "alkuperäinen")}.</p>'
        + figures_table(status.get("figures"), None)
        + "<h2>Julkaisemattomat muutokset</h2>"
        + table(("Muutos", "Aihe", "Teksti", "Tekijä", ""), [_change_row(user, c) for c in changes],
                empty="Ei julkaisemattomia muutoksia.")
        + publish
        + '<p class="hint">Julkaisu kouluttaa mallin uudelleen ja vertaa sitä nykyiseen: pelkkä vastausten tai '
          'tietojen muutos vie muutaman minuutin, esimerkkien muutos noin 10–20 minuuttia. '
          'Jos aiheiden tunnistus tai hätä- ja kiireellisten tilanteiden tunnistus heikkenee, muutosta ei '
          'julkaista.</p>'
        + "<h2>Käynnissä</h2>" + ("".join(_job_block(j) for j in running) or '<p class="empty">Ei käynnissä.</p>')
        + "<h2>Viimeisimmät</h2>" + ("".join(_job_block(j) for j in finished) or '<p class="empty">Ei vielä.</p>')
        + "<h2>Versiot</h2>"
        + table(("Versio", "Aika", "Tekijä", "Mitä", "macro-F1", ""),
                [_version_row(user, v, status.get("version")) for v in versions], empty="Ei julkaistuja versioita.")
    )
    return html(page("Julkaisu", body, user=user, scripts=["publish.js"], page_id="publish"),
                headers={"Cache-Control": "no-store"})


@guards.roles(*EDITOR_ROLES)
async def publish_form(request: Request) -> HTTPResponse:
    user: Principal = request.ctx.user
    try:
        job = await request.app.ctx.publisher.publish(author=user.username)
    except PublisherRefused:
        return message_page(request, "Julkaisu", "Ei julkaistavia muutoksia.", 409, "/editor/publish")
    except PublisherUnavailable as error:
        return message_page(request, "Julkaisu", finnish.unavailable(error), 503, "/editor/publish")
    await _audit(request, "content.publish", f"job:{job['id']}", {"changes": len(job.get("changes") or [])})
    return redirect("/editor/publish", status=303)


@guards.roles(*EDITOR_ROLES)
async def delete_change_form(request: Request, change_id: str) -> HTTPResponse:
    try:
        await request.app.ctx.publisher.remove_change(change_id)
    except PublisherRefused:
        return message_page(request, "Julkaisu", "Muutos on jo julkaisussa tai poistettu.", 404, "/editor/publish")
    except PublisherUnavailable as error:
        return message_page(request, "Julkaisu", finnish.unavailable(error), 503, "/editor/publish")
    await _audit(request, "content.change_delete", f"change:{change_id}", None)
    return redirect("/editor/publish", status=303)


@guards.roles(*EDITOR_ROLES)
async def version_page(request: Request, number: int) -> HTTPResponse:
    try:
        version = await request.app.ctx.publisher.version(number)
    except PublisherRefused:
        return message_page(request, "Versio", "Versiota ei ole.", 404, "/editor/publish")
    except PublisherUnavailable as error:
        return message_page(request, "Versio", finnish.unavailable(error), 503, "/editor/publish")
    body = (f'<p>{e(version.get("at"))}, {e(version.get("author"))}. Tiedostot: {e(", ".join(version.get("files") or []))}'
            f'</p><pre class="diff">{e(version.get("diff"))}</pre><p><a href="/editor/publish">Takaisin</a></p>')
    return html(page(f"Versio {number}", body, user=request.ctx.user), headers={"Cache-Control": "no-store"})


@guards.roles(*EDITOR_ROLES)
async def restore_form(request: Request, number: int) -> HTTPResponse:
    user: Principal = request.ctx.user
    try:
        job = await request.app.ctx.publisher.restore(number, author=user.username)
    except PublisherRefused:
        return message_page(request, "Palautus", "Versiota ei ole.", 404, "/editor/publish")
    except PublisherUnavailable as error:
        return message_page(request, "Palautus", finnish.unavailable(error), 503, "/editor/publish")
    await _audit(request, "content.restore", f"version:{number}", {"job": job["id"]})
    return redirect("/editor/publish", status=303)


@guards.roles(*EDITOR_ROLES)
async def job_api(request: Request, job_id: str) -> HTTPResponse:
    """What publish.js polls: state, step, reasons and figures (no diff, no texts)."""
    try:
        job = await request.app.ctx.publisher.job(job_id)
    except PublisherRefused:
        return json({"error": "unknown_job"}, status=404)
    except PublisherUnavailable:
        return json({"error": "publisher_unavailable"}, status=503)
    keys = ("id", "state", "progress", "reasons", "before", "after", "version", "error")
    view = finnish.job_view(job)
    return json({**{k: job.get(k) for k in keys}, "state_label": view["state_label"], "step_label": view["step_label"]},
                headers={"Cache-Control": "no-store"})


async def _audit(request: Request, action: str, target: str, details: Optional[dict[str, Any]]) -> None:
    user: Principal = request.ctx.user
    async with request.app.ctx.sessionmaker.begin() as session:
        await audit.record(session, actor_id=user.user_id, action=action, target=target, details=details,
                           ip=client_address(request))
