from django.urls import path

from dspt.publication.views import cover, journey, national, records

app_name = "publication"

base = "o/<str:ods_code>/"

urlpatterns = [
    path(base + "publish/", journey.overview, name="overview"),
    path(base + "publish/profile/", journey.check_profile, name="profile"),
    path(base + "publish/services/", journey.branches, name="branches"),
    path(base + "publish/action-plan/", journey.action_plan, name="action_plan"),
    path(base + "publish/action-plan/upload/", journey.upload_plan, name="upload_plan"),
    path(base + "publish/action-plan/remove-document/", journey.remove_plan_document, name="remove_plan_document"),
    path(base + "publish/action-plan.<str:fmt>", records.plan_download, name="plan_download"),
    path(base + "publish/action-plan/document/", records.plan_document, name="plan_document"),
    path(base + "publish/confirm/", journey.confirm, name="confirm"),
    path(base + "publish/head-office-cover/", cover.end_cover, name="end_cover"),
    path(base + "publications/", records.history, name="history"),
    path(base + "publications/<int:publication_id>/", records.detail, name="detail"),
    path(base + "publications/<int:publication_id>/published/", records.done, name="done"),
    path(base + "publications/<int:publication_id>/report.pdf", records.report_pdf, name="report_pdf"),
    path(base + "publications/<int:publication_id>/report.xlsx", records.report_xlsx, name="report_xlsx"),
    path(base + "publications/<int:publication_id>/national-toolkit/", national.handoff, name="national"),
    path(base + "publications/<int:publication_id>/national-toolkit/date/", national.record_date, name="national_date"),
    path(
        base + "publications/<int:publication_id>/action-plan.<str:fmt>",
        national.plan_download,
        name="published_plan_download",
    ),
    path(
        base + "publications/<int:publication_id>/action-plan-document/",
        records.published_plan_document,
        name="published_plan_document",
    ),
]
