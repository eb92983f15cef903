"""HTTP client for the bot side's publisher (bot/publisher/server.py), created at server start.

Why a client and not the files: the hub and the bot talk over HTTP only; the
publisher owns the content and its one queue, so two editors (or two hub
instances) cannot write the content at once.
"""
from __future__ import annotations

from typing import Any, Optional

import httpx

TIMEOUT_SECONDS = 10.0


class PublisherUnavailable(Exception):
    """The publisher is not running, not configured, or failed."""


class PublisherNotConfigured(PublisherUnavailable):
    """No publisher token in this installation: waiting will not help, an administrator must set it."""


class PublisherRefused(Exception):
    """The publisher refused the request (e.g. an invalid change); the message says why."""


class PublisherClient:
    def __init__(self, base_url: str, token: str) -> None:
        self.configured = bool(token)
        self._http = httpx.AsyncClient(base_url=base_url, headers={"Authorization": f"Bearer {token}"},
                                       timeout=httpx.Timeout(TIMEOUT_SECONDS, connect=2.0))

    async def close(self) -> None:
        await self._http.aclose()

    async def _call(self, method: str, path: str, body: Optional[dict[str, Any]] = None) -> Any:
        if not self.configured:
            raise PublisherNotConfigured("no publisher token configured")
        try:
            answer = await self._http.request(method, path, json=body)
        except (httpx.TransportError, httpx.TimeoutException) as error:
            raise PublisherUnavailable(type(error).__name__) from None
        if answer.status_code in (400, 404, 409):
            data = answer.json() if answer.content else {}
            raise PublisherRefused(str(data.get("message") or data.get("error") or answer.status_code))
        if answer.status_code >= 300:
            raise PublisherUnavailable(f"status {answer.status_code}")
        return answer.json() if answer.content else None

    async def status(self) -> dict[str, Any]:
        return await self._call("GET", "/status")

    async def intents(self) -> list[str]:
        return [i["name"] for i in (await self._call("GET", "/intents"))["intents"]]

    async def changes(self) -> list[dict[str, Any]]:
        return (await self._call("GET", "/changes"))["changes"]

    async def topics(self) -> dict[str, Any]:
        return await self._call("GET", "/topics")

    async def topic(self, key: str) -> dict[str, Any]:
        return await self._call("GET", f"/topics/{key}")

    async def submit(self, change: dict[str, Any], *, author: str) -> dict[str, Any]:
        """Any change kind (set_answer, set_metadata, add_example, remove_example) as a pending change."""
        return await self._call("POST", "/changes", {**change, "author": author})

    async def remove_change(self, change_id: str) -> None:
        await self._call("DELETE", f"/changes/{change_id}")

    async def publish(self, *, author: str) -> dict[str, Any]:
        return await self._call("POST", "/publish", {"author": author})

    async def job(self, job_id: str) -> dict[str, Any]:
        return await self._call("GET", f"/jobs/{job_id}")

    async def jobs(self) -> list[dict[str, Any]]:
        return (await self._call("GET", "/jobs"))["jobs"]

    async def versions(self) -> list[dict[str, Any]]:
        return (await self._call("GET", "/versions"))["versions"]

    async def version(self, number: int) -> dict[str, Any]:
        return await self._call("GET", f"/versions/{number}")

    async def restore(self, number: int, *, author: str) -> dict[str, Any]:
        return await self._call("POST", f"/versions/{number}/restore", {"author": author})
