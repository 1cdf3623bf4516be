from django.urls import path

from dspt.health import views

app_name = "health"

# Exempt from the HTTPS redirect (settings SECURE_REDIRECT_EXEMPT), so a load balancer's plain-HTTP probe gets
# the answer rather than a redirect.
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
]
