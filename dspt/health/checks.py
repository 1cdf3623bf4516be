"""What /healthz checks: the database answers a trivial query, and every migration this code has is applied.

Plain functions, so tests (and a shell) can call them. The database is asked on every check. Working out the
migration plan reads every migration file, so once it has been found empty this process remembers that: migrations
are applied before new code starts, and a process never runs with fewer applied afterwards.
"""

import logging

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

logger = logging.getLogger(__name__)

OK = "ok"
_migrated: set[str] = set()  # database aliases whose migrations were all found applied by this process


def database_answers(alias: str = DEFAULT_DB_ALIAS) -> bool:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("Health check: the %s database does not answer (%s: %s)", alias, type(error).__name__, error)
        return False
    return True


def unapplied_migrations(alias: str = DEFAULT_DB_ALIAS) -> list[str]:
    """The migrations `migrate` would apply now, as "app_label.name", in order."""
    executor = MigrationExecutor(connections[alias])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def migrations_applied(alias: str = DEFAULT_DB_ALIAS) -> bool:
    """True when nothing is left to migrate; remembered for the process once true, never while false."""
    if alias in _migrated:
        return True
    try:
        missing = unapplied_migrations(alias)
    except DatabaseError as error:
        logger.warning("Health check: could not read the applied migrations (%s: %s)", type(error).__name__, error)
        return False
    if missing:
        logger.warning("Health check: %d migration(s) not applied, starting with %s", len(missing), missing[0])
        return False
    _migrated.add(alias)
    return True


def forget_migrations_result() -> None:
    """Check the migrations again next time (for tests)."""
    _migrated.clear()


def check(alias: str = DEFAULT_DB_ALIAS) -> dict[str, str]:
    """{"status", "database", "migrations"}: each "ok", or what is wrong. Never an error's text or a setting."""
    if not database_answers(alias):
        return {"status": "failing", "database": "unreachable", "migrations": "not checked"}
    if not migrations_applied(alias):
        return {"status": "failing", "database": OK, "migrations": "unapplied"}
    return {"status": OK, "database": OK, "migrations": OK}


def healthy(result: dict[str, str]) -> bool:
    return result["status"] == OK
