"""What PostgreSQL refuses and SQLite stores, refused on SQLite too, so a PostgreSQL-only 500 shows in the tests.

    with connection.execute_wrapper(like_postgresql.rules()):
        ...

refuses a NUL character in any text parameter (also escaped inside JSON), text longer than its column's
max_length (in INSERT and UPDATE), and a number out of range for its integer column.
"""

import re

from django.apps import apps
from django.db import models
from django.db.utils import DataError

_ESCAPED_NUL = re.compile(r"(?<!\\)(?:\\\\)*\\u0000")
_INTEGER_RANGES = {
    models.SmallIntegerField: 2**15,
    models.PositiveSmallIntegerField: 2**15,
    models.IntegerField: 2**31,
    models.PositiveIntegerField: 2**31,
    models.BigIntegerField: 2**63,
    models.PositiveBigIntegerField: 2**63,
    models.AutoField: 2**31,
    models.BigAutoField: 2**63,
}


def _column_limits() -> dict[tuple[str, str], tuple[str, int]]:
    """(table, column) -> ("text", max_length) or ("integer", bound) for every concrete field of every model."""
    limits = {}
    for model in apps.get_models(include_auto_created=True):
        for model_field in model._meta.concrete_fields:
            key = (model._meta.db_table, model_field.column)
            if isinstance(model_field, models.CharField) and model_field.max_length:
                limits[key] = ("text", model_field.max_length)
            else:
                for kind in type(model_field).__mro__:
                    if kind in _INTEGER_RANGES:
                        limits[key] = ("integer", _INTEGER_RANGES[kind])
                        break
    return limits


_INSERT = re.compile(r'^INSERT INTO "(\w+)" \(([^)]*)\) VALUES', re.S)
_UPDATE = re.compile(r'^UPDATE "(\w+)" SET (.*?)(?: WHERE |$)', re.S)


def _columns_of(sql: str) -> tuple[str, list[str | None], bool] | None:
    """The table, the column each SET or VALUES parameter goes to (None: not a plain `"column" = %s`), and whether
    the columns repeat for each row (a bulk INSERT) rather than being followed by the WHERE clause's parameters."""
    if match := _INSERT.match(sql):
        return match.group(1), re.findall(r'"(\w+)"', match.group(2)), True
    if match := _UPDATE.match(sql):
        columns = []
        for assignment in re.split(r',\s*(?=")', match.group(2)):
            simple = re.fullmatch(r'"(\w+)" = %s', assignment.strip())
            columns.extend([simple.group(1)] if simple else [None] * assignment.count("%s"))
        return match.group(1), columns, False
    return None


def rules():
    """An execute wrapper that refuses what PostgreSQL would refuse and SQLite stores."""
    limits = _column_limits()

    def check(execute, sql, params, many, context):
        target = _columns_of(sql)
        for row in (params if many else [params]) or []:
            values = list(row.values()) if isinstance(row, dict) else list(row or [])
            for value in values:
                if isinstance(value, str) and ("\x00" in value or _ESCAPED_NUL.search(value)):
                    raise DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes")
            if target is None or not target[1]:
                continue
            table, columns, repeat = target
            for index, value in enumerate(values if repeat else values[: len(columns)]):
                kind, bound = limits.get((table, columns[index % len(columns)]), (None, None))
                if kind == "text" and isinstance(value, str) and len(value) > bound:
                    raise DataError(f"value too long for type character varying({bound}) in {table}")
                if kind == "integer" and isinstance(value, int) and not -bound <= value < bound:
                    raise DataError(f"integer out of range in {table}")
        return execute(sql, params, many, context)

    return check
