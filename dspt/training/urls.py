from django.urls import path

from dspt.training import views

app_name = "training"

urlpatterns = [
    path(
        "o/<str:ods_code>/training/staff/<int:staff_id>/confirmation-link/",
        views.confirmation_link,
        name="confirmation_link",
    ),
    path("confirm-training/<str:token>/", views.confirm, name="confirm"),
]
