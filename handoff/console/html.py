"""A tiny page layout: escaped values only, no inline script or style (CSP 'self')."""
from __future__ import annotations

from html import escape
from typing import Any, Iterable, Optional

from handoff.auth.guards import Principal

NAV = (
    ("/console/", "Jono", ("counsellor", "admin")),
    ("/console/callbacks", "Takaisinsoitot", ("counsellor", "admin")),
    ("/console/phone", "Puhelinohjaus", ("counsellor", "admin")),
    ("/console/stats", "Tilastot", ("counsellor", "admin")),
    ("/console/admin/stuck", "Jumissa", ("admin",)),
    ("/editor/inbox", "Saapuneet", ("editor", "admin")),
    ("/editor/topics", "Aiheet", ("editor", "admin")),
    ("/editor/publish", "Julkaisu", ("editor", "admin")),
    ("/console/admin/audit", "Lokitiedot", ("admin",)),
    ("/console/admin/users", "Käyttäjät", ("admin",)),
)


def e(value: Any) -> str:
    """Escapes any value for HTML text and attributes."""
    return escape("" if value is None else str(value), quote=True)


def csrf_field(user: Principal) -> str:
    return f'<input type="hidden" name="csrf_token" value="{e(user.csrf)}">'


def page(
    title: str,
    body: str,
    *,
    user: Optional[Principal] = None,
    scripts: Iterable[str] = (),
    page_id: str = "",
) -> str:
    """A whole console page; `body` must already be escaped HTML."""
    head_extra = "".join(f'<script src="/console/static/{e(name)}" defer></script>' for name in scripts)
    meta = f'<meta name="csrf-token" content="{e(user.csrf)}">' if user else ""
    return (
        "<!doctype html><html lang=\"fi\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{e(title)} – Neuvo-konsoli</title>{meta}"
        "<link rel=\"stylesheet\" href=\"/console/static/console.css\">"
        f"{head_extra}</head><body data-page=\"{e(page_id)}\">"
        f"{_header(user)}<main id=\"main\"><h1>{e(title)}</h1>{body}</main></body></html>"
    )


def _header(user: Optional[Principal]) -> str:
    if user is None:
        return '<header class="top"><span class="brand">Neuvo – ohjaajan konsoli</span></header>'
    links = "".join(
        f'<a href="{href}">{e(label)}</a>' for href, label, allowed in NAV if user.role in allowed
    )
    return (
        '<header class="top"><span class="brand">Neuvo</span>'
        f'<nav aria-label="Päävalikko">{links}</nav>'
        f'<span class="who">{e(user.username)} ({e(user.role)})</span>'
        f'<form method="post" action="/console/logout" class="inline">{csrf_field(user)}'
        '<button type="submit">Kirjaudu ulos</button></form></header>'
    )


def table(headers: Iterable[str], rows: Iterable[Iterable[Any]], *, empty: str = "Ei rivejä.") -> str:
    """A table of escaped cells; a cell that is a `Raw` is inserted as is."""
    rows = list(rows)
    if not rows:
        return f"<p class=\"empty\">{e(empty)}</p>"
    head = "".join(f"<th scope=\"col\">{e(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{cell if isinstance(cell, Raw) else e(cell)}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    # The wrapper scrolls a wide table sideways on a phone instead of widening the whole page.
    return f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


class Raw(str):
    """Already-escaped HTML (built from `e` and constants only)."""


def options(values: Iterable[tuple[str, str]], selected: str = "") -> str:
    return "".join(
        f'<option value="{e(v)}"{" selected" if v == selected else ""}>{e(label)}</option>' for v, label in values
    )


def message_page(request: Any, title: str, message: str, status: int, back: str) -> Any:
    """A short page that says what went wrong and links back: every console and editor page's errors."""
    from sanic.response import html

    body = f'<p class="error" role="alert">{e(message)}</p><p><a href="{e(back)}">Takaisin</a></p>'
    return html(page(title, body, user=request.ctx.user), status=status)
