"""/o/<ods_code>/documents/: the list, the CQC evidence pack, and each kind's draft, versions and downloads."""

from django.urls import path

from dspt.documents.views import pack, pages

app_name = "documents"

base = "o/<str:ods_code>/documents/"
kind = base + "<slug:kind>/"
version = kind + "versions/<int:version_id>/"

urlpatterns = [
    path(base, pages.index, name="index"),
    path(base + "cqc-evidence-pack/", pack.pack_page, name="pack"),
    path(base + "cqc-evidence-pack.pdf", pack.pack_pdf, name="pack_pdf"),
    path(kind, pages.document, name="document"),
    path(kind + "start-again/", pages.start_again, name="start_again"),
    path(kind + "history/", pages.history, name="history"),
    path(version + "download.docx", pages.version_docx, name="version_docx"),
    path(version + "download.pdf", pages.version_pdf, name="version_pdf"),
    path(version + "use-as-evidence/", pages.use_as_evidence, name="use_as_evidence"),
]
