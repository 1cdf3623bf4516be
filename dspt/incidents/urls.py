"""The incident's own pages, beside the register's generic ones (registers:incidents:…)."""

from django.urls import path

from dspt.incidents import views

app_name = "incidents"

urlpatterns = [
    path("o/<str:ods_code>/registers/incidents/<int:entry_id>/summary/", views.summary, name="summary"),
]
