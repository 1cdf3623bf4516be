from django.urls import path

from dspt.accounts.views import account, links, signin

app_name = "accounts"

urlpatterns = [
    path("link/continue/", links.continue_link, name="link_continue"),
    path("link/<str:token>/", links.open_link, name="link_open"),
    path("link/<str:token>/new/", links.renew_link, name="link_renew"),
    path("sign-in/", signin.sign_in, name="sign_in"),
    path("sign-out/", signin.sign_out, name="sign_out"),
    path("forgotten-password/", signin.forgotten_password, name="forgotten_password"),
    path("account/", account.settings_page, name="settings"),
    path("account/name/", account.change_name, name="change_name"),
    path("account/password/", account.change_password, name="change_password"),
    path("account/two-factor/set-up/", account.mfa_setup, name="mfa_setup"),
    path("account/two-factor/backup-codes/", account.mfa_backup_codes, name="mfa_backup_codes"),
    path("account/two-factor/verify/", account.mfa_verify, name="mfa_verify"),
    path("account/two-factor/turn-off/", account.mfa_turn_off, name="mfa_turn_off"),
]
