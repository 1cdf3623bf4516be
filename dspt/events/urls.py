from django.urls import path

from dspt.events.views import provider, public, staff

app_name = "events"

staff_base = "s/<str:support_slug>/events/"
event = staff_base + "<int:event_id>/"

urlpatterns = [
    # Public: no sign-in
    path("events/", public.listing, name="listing"),
    path("events/<int:event_id>/", public.event_page, name="event"),
    path("events/booking/<str:token>/", public.booking_page, name="booking"),
    path("events/booking/<str:token>/calendar.ics", public.calendar, name="calendar"),
    path("events/cancel/<str:token>/", public.cancel, name="cancel"),
    path("events/offer/<str:token>/", public.offer, name="offer"),
    # Support organisation's staff
    path(staff_base, staff.staff_list, name="staff_list"),
    path(staff_base + "new/", staff.create, name="create"),
    path(event, staff.staff_event, name="staff_event"),
    path(event + "edit/", staff.edit, name="edit"),
    path(event + "cancel/", staff.cancel, name="cancel_event"),
    path(event + "attendance/", staff.attendance, name="attendance"),
    path(event + "work-along/", staff.tutor_work_along, name="tutor_work_along"),
    # Provider
    path("o/<str:ods_code>/work-along/<int:event_id>/", provider.work_along_page, name="work_along"),
]
