"""Console authentication: argon2 passwords, DB-backed sessions, CSRF, lock-out, roles.

All state (sessions, failure counters, per-address attempt counts) lives in the
database, so two hub instances behind a load balancer share it.
"""
