from django.urls import include, path

urlpatterns = [
    path("", include("dspt.ui.urls")),
    path("", include("dspt.accounts.urls")),
    path("", include("dspt.organisations.urls")),
    path("", include("dspt.assessments.urls")),
    path("", include("dspt.registers.urls")),
    path("", include("dspt.dpias.urls")),
    path("", include("dspt.training.urls")),
    path("", include("dspt.incidents.urls")),
    path("", include("dspt.documents.urls")),
    path("", include("dspt.support.urls")),
    path("", include("dspt.adviser_access.urls")),
    path("", include("dspt.resources.urls")),
    path("", include("dspt.events.urls")),
    path("", include("dspt.advice.urls")),
    path("", include("dspt.funder_reports.urls")),
    path("", include("dspt.health.urls")),
    path("", include("dspt.publication.urls")),
    path("", include("dspt.status_search.urls")),
    path("", include("dspt.verification.urls")),
]

handler400 = "dspt.ui.views.bad_request"
handler403 = "dspt.ui.views.permission_denied"
handler404 = "dspt.ui.views.not_found"
handler500 = "dspt.ui.views.server_error"
