"""Responses that download a file: made in memory (exports) or kept in private storage (evidence)."""

from django.http import FileResponse, Http404, HttpResponse

from dspt.lib import uploads

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def stored_file(stored_name: str, filename: str, content_type: str) -> FileResponse:
    """A file from private storage; 404 if it has gone missing."""
    try:
        handle = uploads.open_stored(stored_name)
    except FileNotFoundError as missing:
        raise Http404("The file is missing") from missing
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    return response
