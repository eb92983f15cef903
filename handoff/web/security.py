"""Security headers on every response (conventions: CSP, nosniff, frame-ancestors)."""
from __future__ import annotations

from sanic import Request
from sanic.response import HTTPResponse

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


async def add_security_headers(request: Request, response: HTTPResponse) -> None:
    """Response middleware: headers every page and API answer carries."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if request.app.ctx.settings.is_production:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    # Transcripts and console pages must never be cached (set here for every
    # dynamic answer; static assets set their own caching).
    if not request.path.startswith("/static/"):
        response.headers["Cache-Control"] = "no-store"


def client_address(request: Request) -> str:
    """The resident's address for rate limits (behind a proxy: configure FORWARDED_SECRET)."""
    return request.remote_addr or request.ip or "unknown"
