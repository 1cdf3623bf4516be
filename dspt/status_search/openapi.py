"""The OpenAPI 3.1 description of the public status API, served at /api/v1/openapi.json."""

import copy

from django.conf import settings

from dspt.lib import national_toolkit
from dspt.status_search.search import FIELDS, MAX_QUERY_LENGTH, PAGE_SIZE

# The largest page number the API reads (api.py refuses a larger one, as this description says): 9 digits, so no
# number typed can be too big for the database or for Python to turn into a whole number.
MAX_PAGE = 999_999_999

_NULLABLE_STRING = {"type": ["string", "null"]}

STATUS = {
    "type": "object",
    "description": "The public status of one organisation. Nothing else about it is public.",
    "required": list(FIELDS),
    "properties": {
        "ods_code": {"type": "string", "description": "NHS ODS code", "examples": ["VM195"]},
        "name": {"type": "string", "description": "Name in the NHS ODS directory"},
        "postcode": _NULLABLE_STRING | {"description": "Postcode in the NHS ODS directory"},
        "status": {
            "type": "string",
            "enum": [
                "Standards Exceeded",
                "Standards Met",
                "Approaching Standards",
                "Standards Not Met",
                "Not published",
                "Not verified",
            ],
            "description": (
                "Not verified: a status was published, but whoever runs this service has not confirmed the "
                "registration of the organisation that published it, so nothing else about it is shown"
            ),
        },
        "dspt_year": _NULLABLE_STRING | {"description": "The DSPT year published for", "examples": ["2025-26"]},
        "date_published": {
            "type": ["string", "null"],
            "format": "date",
            "description": "The day the status was published (UK time)",
        },
        "current": {
            "type": "boolean",
            "description": "False once the next year's publication deadline has passed, or when not published",
        },
        "published_late": {
            "type": ["boolean", "null"],
            "description": "True when published after its DSPT year's deadline (30 June); null when not published",
        },
        "published_by_head_office": _NULLABLE_STRING
        | {"description": "The head office ODS code, when a head office published for this site"},
        "assessed": {
            "type": ["string", "null"],
            "enum": [national_toolkit.SELF_ASSESSED, None],
            "description": (
                f"'{national_toolkit.SELF_ASSESSED}' for every published status: the provider answered the "
                "questions and published on this service, which does not check the answers. It is not the national "
                f"toolkit's record; for that, search {national_toolkit.SEARCH_URL}. Null when not published."
            ),
        },
        "provider_says_published_in_national_toolkit_on": {
            "type": ["string", "null"],
            "format": "date",
            "description": (
                "The day the provider says it published this status in the national Data Security and Protection "
                "Toolkit too: its own statement, which this service does not check. Null when it has not said."
            ),
        },
    },
}

ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {"type": "string", "description": "What is wrong, in plain English"},
        "parameter": {"type": "string", "description": "The query parameter at fault, when one is"},
    },
}

STATUS_PAGE = {
    "type": "object",
    "required": ["count", "page", "pages", "next", "previous", "results"],
    "properties": {
        "count": {"type": "integer", "minimum": 0, "description": "Results on all pages"},
        "page": {"type": "integer", "minimum": 1},
        "pages": {"type": "integer", "minimum": 1},
        "next": {"type": ["string", "null"], "format": "uri"},
        "previous": {"type": ["string", "null"], "format": "uri"},
        "results": {"type": "array", "maxItems": PAGE_SIZE, "items": {"$ref": "#/components/schemas/Status"}},
    },
}


def _error_response(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


DOCUMENT = {
    "openapi": "3.1.0",
    "info": {
        "title": "Open DSPT public status API",
        "version": "1.0.0",
        "description": (
            "Data Security and Protection Toolkit statuses published on this service, read-only and without "
            f"sign-in. Every status here is {national_toolkit.SELF_ASSESSED}: it is not the national toolkit's "
            f"official record, which is at {national_toolkit.SEARCH_URL}. Only the status, the DSPT year, the "
            "date, the publishing head office and the day the provider says it published in the national toolkit "
            "are public: never answers, evidence or people. The same data is at /status/statuses.csv."
        ),
        "license": {"name": "MIT", "identifier": "MIT"},
    },
    "externalDocs": {
        "description": "The national toolkit's own organisation search, which holds the official statuses",
        "url": national_toolkit.SEARCH_URL,
    },
    "paths": {
        "/api/v1/statuses": {
            "get": {
                "operationId": "listStatuses",
                "summary": "Search statuses, or list every published one",
                "description": (
                    "With q: organisations in the NHS ODS directory whose name contains q (any case), whose ODS "
                    "code is q, or whose postcode starts with q, ordered by name, published or not. Without q: "
                    f"every published status, ordered by ODS code. {PAGE_SIZE} results a page. Parameters other "
                    "than q and page, or either given twice, are refused with a 400 naming the parameter."
                ),
                "parameters": [
                    {
                        "name": "q",
                        "in": "query",
                        "required": False,
                        "schema": {"type": "string", "maxLength": MAX_QUERY_LENGTH},
                        "description": (
                            "Name, ODS code or postcode; spaces at the ends are ignored, and control characters "
                            f"count as spaces. At most {MAX_QUERY_LENGTH} characters after that tidying."
                        ),
                    },
                    {
                        "name": "page",
                        "in": "query",
                        "required": False,
                        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
                        "description": f"A whole number from 1 to {MAX_PAGE}; a page past the last is a 404",
                    },
                ],
                "responses": {
                    "200": {
                        "description": "One page of results",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StatusPage"}}},
                    },
                    "400": _error_response(
                        f"q is longer than {MAX_QUERY_LENGTH} characters, page is not a whole number from 1 to "
                        f"{MAX_PAGE}, or a parameter is unknown or given more than once"
                    ),
                    "404": _error_response("There is no such page"),
                },
            }
        },
        "/api/v1/statuses/{ods_code}": {
            "get": {
                "operationId": "getStatus",
                "summary": "The public status of one organisation",
                "parameters": [
                    {
                        "name": "ods_code",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string", "maxLength": 12},
                        "description": "ODS code, any case",
                    }
                ],
                "responses": {
                    "200": {
                        "description": "The organisation's status ('Not published' when it has none)",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Status"}}},
                    },
                    "400": _error_response("A query parameter was given: this address takes none"),
                    "404": _error_response("The code is neither in the ODS directory nor published"),
                },
            }
        },
    },
    "components": {"schemas": {"Status": STATUS, "StatusPage": STATUS_PAGE, "Error": ERROR}},
}


def document() -> dict:
    """The OpenAPI document, with this installation's address as its server."""
    result = copy.deepcopy(DOCUMENT)
    result["servers"] = [{"url": settings.SITE_URL}]
    return result
