"""The DPIA's own pages, under the register's: /o/<ods_code>/registers/dpias/<entry_id>/..., named dpias:<page>."""

from django.urls import path

from dspt.dpias import views

app_name = "dpias"

BASE = "o/<str:ods_code>/registers/dpias/<int:entry_id>/"

urlpatterns = [
    path(f"{BASE}steps/", views.steps, name="steps"),
    path(f"{BASE}screening/", views.screening_page, name="screening"),
    path(f"{BASE}risks/", views.risk_list, name="risks"),
    path(f"{BASE}risks/add/", views.risk_add, name="risk_add"),
    path(f"{BASE}risks/<int:risk_id>/", views.risk_edit, name="risk_edit"),
    path(f"{BASE}risks/<int:risk_id>/remove/", views.risk_remove, name="risk_remove"),
    path(f"{BASE}sign-off/", views.sign_off, name="sign_off"),
    path(f"{BASE}dpia.pdf", views.pdf, name="pdf"),
]
