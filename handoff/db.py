"""Owns the engine and the session factory (SQLite by default, PostgreSQL by URL)."""
from __future__ import annotations

from sqlalchemy import event, exc
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine


def make_engine(url: str) -> AsyncEngine:
    """An engine with SQLite made safe for several writers (WAL, FKs, busy timeout)."""
    if url.startswith("sqlite"):
        engine = create_async_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:  # pragma: no cover - driver hook
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        return engine
    engine = create_async_engine(url)
    _drop_connections_closed_by_the_server(engine)
    return engine


def _drop_connections_closed_by_the_server(engine: AsyncEngine) -> None:
    """A pooled connection the server closed (a restart, an idle timeout) is replaced before use.

    Why not `pool_pre_ping`: with asyncpg it costs three round trips (BEGIN,
    a ping, ROLLBACK) on every checkout, and the chat's hot path checks out
    two connections per message (docs/benchmarks.md, Hub load). asyncpg
    notices a closed socket by itself, so the check is free. A connection
    lost without a close is caught on use: SQLAlchemy then recycles the
    whole pool.
    """
    @event.listens_for(engine.sync_engine.pool, "checkout")
    def _closed_by_the_server(dbapi_connection, _record, _proxy) -> None:
        if dbapi_connection.driver_connection.is_closed():
            raise exc.DisconnectionError("connection closed by the server")


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)
