"""The OpenAPI 3.1 description of the public status API, served at /api/v1/openapi.json."""

import copy

from django.conf import settings

from dspt.status_search.search import FIELDS

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
            ],
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
        "published_by_head_office": _NULLABLE_STRING
        | {"description": "The head office ODS code, when a head office published for this site"},
    },
}

ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {"type": "string", "description": "What is wrong, in plain English"}},
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
        "results": {"type": "array", "maxItems": 20, "items": {"$ref": "#/components/schemas/Status"}},
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
            "Published Data Security and Protection Toolkit statuses, read-only and without sign-in. Only the "
            "status, the DSPT year, the date and the publishing head office are public: never answers, evidence "
            "or people. The same data is at /status/statuses.csv."
        ),
        "license": {"name": "MIT", "identifier": "MIT"},
    },
    "paths": {
        "/api/v1/statuses": {
            "get": {
                "operationId": "listStatuses",
                "summary": "Search statuses, or list every published one",
                "description": (
                    "With q: organisations in the NHS ODS directory whose name contains q (any case), whose ODS "
                    "code is q, or whose postcode starts with q, ordered by name, published or not. Without q: "
                    "every published status, ordered by ODS code. 20 results a page."
                ),
                "parameters": [
                    {
                        "name": "q",
                        "in": "query",
                        "required": False,
                        "schema": {"type": "string", "maxLength": 100},
                        "description": "Name, ODS code or postcode; spaces at the ends are ignored",
                    },
                    {
                        "name": "page",
                        "in": "query",
                        "required": False,
                        "schema": {"type": "integer", "minimum": 1, "default": 1},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "One page of results",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StatusPage"}}},
                    },
                    "400": _error_response("q is longer than 100 characters, or page is not a whole number"),
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
