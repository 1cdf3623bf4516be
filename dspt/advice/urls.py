from django.urls import path

from dspt.advice.views import provider_pages, support_pages

app_name = "advice"

SUPPORT = "s/<str:support_slug>/"
PROVIDER = "o/<str:ods_code>/"

urlpatterns = [
    # The support organisation's pages
    path(f"{SUPPORT}surgeries/", support_pages.surgery_list, name="surgeries"),
    path(f"{SUPPORT}surgeries/publish/", support_pages.publish, name="publish"),
    path(f"{SUPPORT}surgeries/bookings/<int:surgery_booking_id>/", support_pages.booking_page, name="booking"),
    path(
        f"{SUPPORT}surgeries/bookings/<int:surgery_booking_id>/calendar.ics",
        support_pages.booking_ics,
        name="booking_ics",
    ),
    path(f"{SUPPORT}providers/<str:ods_code>/contacts/", support_pages.contacts, name="contacts"),
    path(f"{SUPPORT}providers/<str:ods_code>/contacts/new/", support_pages.contact_new, name="contact_new"),
    path(f"{SUPPORT}follow-ups/", support_pages.follow_ups, name="follow_ups"),
    path(f"{SUPPORT}help-requests/", support_pages.help_request_list, name="help_requests"),
    path(f"{SUPPORT}help-requests/<int:help_request_id>/", support_pages.help_request, name="help_request"),
    # The provider's pages
    path(f"{PROVIDER}surgeries/", provider_pages.surgery_list, name="provider_surgeries"),
    path(f"{PROVIDER}surgeries/<int:surgery_slot_id>/book/", provider_pages.book, name="provider_book"),
    path(
        f"{PROVIDER}surgeries/bookings/<int:surgery_booking_id>/", provider_pages.booking_page, name="provider_booking"
    ),
    path(
        f"{PROVIDER}surgeries/bookings/<int:surgery_booking_id>/calendar.ics",
        provider_pages.booking_ics,
        name="provider_booking_ics",
    ),
    path(
        f"{PROVIDER}surgeries/bookings/<int:surgery_booking_id>/cancel/",
        provider_pages.cancel,
        name="provider_booking_cancel",
    ),
    path(f"{PROVIDER}help-requests/", provider_pages.help_request_list, name="provider_help_requests"),
    path(f"{PROVIDER}help-requests/new/", provider_pages.help_request_new, name="provider_help_request_new"),
]
