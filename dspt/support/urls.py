from django.urls import path

from dspt.support.views import cohort, dashboard, provider, staff

app_name = "support"

urlpatterns: list = [
    path("s/<str:support_slug>/", dashboard.dashboard_page, name="dashboard"),
    path("s/<str:support_slug>/cohort/add/", cohort.add, name="add"),
    path("s/<str:support_slug>/cohort/upload/", cohort.upload, name="upload"),
    path("s/<str:support_slug>/cohort/<int:entry_id>/remove/", cohort.remove, name="remove"),
    path("s/<str:support_slug>/staff/", staff.staff_list, name="staff"),
    path("s/<str:support_slug>/staff/add/", staff.add_staff, name="add_staff"),
    path("s/<str:support_slug>/staff/<int:membership_id>/remove/", staff.remove_staff, name="remove_staff"),
    path("o/<str:ods_code>/support/", provider.support_page, name="provider"),
    path("o/<str:ods_code>/head-office/give/", provider.give_head_office, name="give_head_office"),
    path("o/<str:ods_code>/head-office/withdraw/", provider.withdraw_head_office, name="withdraw_head_office"),
    path("o/<str:ods_code>/branches/", provider.branches_page, name="branches"),
    path("o/<str:ods_code>/support/<str:support_slug>/give/", provider.give, name="give"),
    path("o/<str:ods_code>/support/<str:support_slug>/withdraw/", provider.withdraw, name="withdraw"),
]
