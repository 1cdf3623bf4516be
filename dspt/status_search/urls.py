"""Public status search (no sign-in) and its JSON API."""

from django.urls import path

from dspt.status_search import api, views

app_name = "status_search"

urlpatterns = [
    path("status/", views.search_page, name="search"),
    path("status/statuses.csv", views.statuses_csv, name="csv"),
    path("status/<str:ods_code>/", views.organisation_page, name="organisation"),
    path("status/<str:ods_code>/badge.svg", views.badge_svg, name="badge"),
    path("api/v1/statuses", api.statuses, name="api_statuses"),
    path("api/v1/statuses/<str:ods_code>", api.status, name="api_status"),
    path("api/v1/openapi.json", api.openapi_json, name="openapi"),
]
