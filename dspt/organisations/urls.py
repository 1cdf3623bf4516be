from django.urls import path

from dspt.organisations.views import history, home, joining, people, profile

app_name = "organisations"

urlpatterns = [
    path("register/", joining.register, name="register"),
    path("register/check-your-email/", joining.register_sent, name="register_sent"),
    path("register/ask-to-join/", joining.ask_to_join, name="ask_to_join"),
    path("organisations/", home.choose, name="choose"),
    path("o/<str:ods_code>/", home.home, name="home"),
    path("o/<str:ods_code>/profile/", profile.summary, name="profile"),
    path("o/<str:ods_code>/profile/check/", profile.check, name="profile_check"),
    path("o/<str:ods_code>/profile/confirm/", profile.confirm, name="profile_confirm"),
    path("o/<str:ods_code>/profile/<slug:slug>/", profile.step, name="profile_step"),
    path("o/<str:ods_code>/people/", people.people_list, name="people"),
    path("o/<str:ods_code>/people/invite/", people.invite, name="invite"),
    path("o/<str:ods_code>/people/two-factor/", people.two_factor_rule, name="two_factor_rule"),
    path(
        "o/<str:ods_code>/people/invitations/<int:invitation_id>/cancel/",
        people.cancel_invitation,
        name="cancel_invitation",
    ),
    path("o/<str:ods_code>/people/<int:membership_id>/role/", people.change_role, name="change_role"),
    path("o/<str:ods_code>/people/<int:membership_id>/remove/", people.remove, name="remove"),
    path("o/<str:ods_code>/history/", history.history, name="history"),
]
