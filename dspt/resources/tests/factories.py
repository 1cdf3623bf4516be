"""Resources for tests, and the ids the support walk needs to reach every resources page."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from dspt.resources import catalogue, files
from dspt.resources.models import Resource

PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def pdf_upload(name="template.pdf", content=PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def office_upload(name: str, folder: str) -> SimpleUploadedFile:
    """A minimal Office Open XML archive whose parts are under `folder` (word/, xl/ or ppt/)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}/document.xml", "<doc/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def make_link_resource(association, lead, title="Getting started guide", **values) -> Resource:
    defaults = {"kind": Resource.GUIDE, "link": "https://example.org/guide"}
    return catalogue.add(association, catalogue.Values(title=title, **(defaults | values)), user=lead)


def make_file_resource(association, lead, title="Data protection policy template", upload=None, **values):
    upload = upload or pdf_upload()
    defaults = {"kind": Resource.TEMPLATE}
    return catalogue.add(
        association,
        catalogue.Values(title=title, **(defaults | values)),
        user=lead,
        upload=(upload, files.check(upload)),
    )


def support_walk_placeholders(association, lead, made) -> dict:
    """The ids in the resources pages' URLs: a resource with a file, so its download page exists too."""
    resource = make_file_resource(association, lead, title="Walk template")
    return {"<int:resource_id>": resource.pk}
