from django.urls import path

from dspt.resources import views

app_name = "resources"

urlpatterns = [
    path("s/<str:support_slug>/resources/", views.resource_list, name="list"),
    path("s/<str:support_slug>/resources/add/", views.add_resource, name="add"),
    path("s/<str:support_slug>/resources/<int:resource_id>/", views.change_resource, name="change"),
    path("s/<str:support_slug>/resources/<int:resource_id>/remove/", views.remove_resource, name="remove"),
    path("s/<str:support_slug>/resources/<int:resource_id>/file/", views.staff_file, name="staff_file"),
    path("support/<str:support_slug>/resources/", views.public_list, name="public"),
    path("support/<str:support_slug>/resources/<int:resource_id>/file/", views.public_file, name="public_file"),
]
