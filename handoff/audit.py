"""The audit log: who read or changed what, when (client data act 703/2023, § 11).

Callers write the audit row in the same transaction as the read it records,
before the data leaves the transaction, so that a failed audit write means the
data is not returned (fail closed).
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from handoff.models import AuditLog


async def record(
    session: AsyncSession,
    *,
    actor_id: Optional[int],
    action: str,
    target: str,
    details: Optional[dict[str, Any]] = None,
    ip: Optional[str] = None,
) -> AuditLog:
    """Adds one audit row and flushes it, so that a failure raises here, not later.

    `details` must hold ids and counts only, never message text or phone numbers.
    """
    row = AuditLog(actor_id=actor_id, action=action, target=target, details=details, ip=ip)
    session.add(row)
    await session.flush()
    return row


async def recent(
    session: AsyncSession,
    *,
    limit: int = 100,
    before_id: Optional[int] = None,
    action: Optional[str] = None,
    actor_id: Optional[int] = None,
    target: Optional[str] = None,
) -> list[AuditLog]:
    """Newest first, paged by id; filters match exactly (target also by prefix with '*')."""
    query = select(AuditLog).order_by(AuditLog.id.desc()).limit(limit)
    if before_id:
        query = query.where(AuditLog.id < before_id)
    if action:
        query = query.where(AuditLog.action == action)
    if actor_id:
        query = query.where(AuditLog.actor_id == actor_id)
    if target:
        query = query.where(AuditLog.target.startswith(target[:-1]) if target.endswith("*") else AuditLog.target == target)
    return list(await session.scalars(query))


async def count_since(session: AsyncSession, *, action: str, since: datetime) -> int:
    return int(await session.scalar(
        select(func.count()).select_from(AuditLog).where(AuditLog.action == action, AuditLog.at >= since)
    ) or 0)
