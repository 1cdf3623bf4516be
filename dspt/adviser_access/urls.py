from django.urls import path

from dspt.adviser_access import views

app_name = "adviser_access"

urlpatterns = [
    path("o/<str:ods_code>/adviser-access/", views.grant_list, name="grants"),
    path("o/<str:ods_code>/adviser-access/new/", views.new_grant, name="new"),
    path("o/<str:ods_code>/adviser-access/<int:grant_id>/end/", views.end_grant, name="end"),
    path("s/<str:support_slug>/access/", views.workspaces, name="workspaces"),
]
