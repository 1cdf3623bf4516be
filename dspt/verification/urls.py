"""The operators' pages (signed-in operators only; 404 for everyone else)."""

from django.urls import path

from dspt.verification.views import review

app_name = "verification"

urlpatterns = [
    path("operator/", review.queue, name="queue"),
    path("operator/refused/", review.refused, name="refused"),
    path("operator/registrations/<str:ods_code>/", review.registration, name="registration"),
]
