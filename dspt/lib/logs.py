"""Log lines that say which request they belong to, written as plain text or as JSON (LOG_FORMAT).

The middleware dspt.lib.middleware.RequestIds picks a request id for each request and binds it here for as long as
the request lasts; RequestIdFilter (on the log handler) copies it onto every log record made meanwhile, so a line
from deep inside a view can be matched with the access line of the request that caused it. Outside a request (a
management command, cron) the id is "-" in text and null in JSON.
"""

import contextvars
import datetime
import json
import logging
import re
import uuid

# What a request id sent by a proxy or load balancer may look like; anything else is replaced by a new one.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{1,64}")
# Fields the access log line adds to its record (dspt.lib.middleware), written as their own keys in JSON.
ACCESS_FIELDS = ("method", "path", "status", "duration_ms", "user_id")

_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)


def request_id_from(header: str | None) -> str:
    """The incoming X-Request-ID when it is letters, digits and dashes (at most 64); otherwise a new uuid4 hex."""
    if header and SANE_REQUEST_ID.fullmatch(header):
        return header
    return uuid.uuid4().hex


def current_request_id() -> str | None:
    return _request_id.get()


def bind_request_id(request_id: str) -> contextvars.Token:
    """Make `request_id` the current one; give the returned token to unbind_request_id when the request ends."""
    return _request_id.set(request_id)


def unbind_request_id(token: contextvars.Token) -> None:
    _request_id.reset(token)


def _record_request_id(record: logging.LogRecord) -> str | None:
    """The record's own id; else its request's (Django logs a 4xx or 503 response with the request, once every
    middleware has returned); else the current request's."""
    return (
        getattr(record, "request_id", None)
        or getattr(getattr(record, "request", None), "request_id", None)
        or current_request_id()
    )


class RequestIdFilter(logging.Filter):
    """Puts the current request id on every record as `request_id` ("-" outside a request); never drops one."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _record_request_id(record) or "-"
        return True


class TextFormatter(logging.Formatter):
    """The human-readable lines of `make run`: time, level, logger, [request id], message."""

    def __init__(self, fmt=None, datefmt=None, style="%", validate=True, **kwargs):
        fmt = fmt or "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
        super().__init__(fmt, datefmt, style, validate, **kwargs)

    def format(self, record: logging.LogRecord) -> str:
        record.request_id = _record_request_id(record) or "-"  # also without RequestIdFilter on the handler
        return super().format(record)


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC, ISO 8601), level, logger, message, request_id, the access line's fields
    when present, and the traceback as text (exc_info) when there is one. Only the standard library."""

    def format(self, record: logging.LogRecord) -> str:
        request_id = _record_request_id(record)
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": None if request_id == "-" else request_id,
        }
        for field in ACCESS_FIELDS:
            if hasattr(record, field):
                entry[field] = getattr(record, field)
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exc_info"] = record.exc_text
        if record.stack_info:
            entry["stack_info"] = self.formatStack(record.stack_info)
        return json.dumps(entry, default=str)
