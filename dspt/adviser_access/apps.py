from django.apps import AppConfig


class AdviserAccessConfig(AppConfig):
    name = "dspt.adviser_access"
    label = "adviser_access"
    verbose_name = "Adviser access"

    def ready(self):
        from dspt.adviser_access import door, notices
        from dspt.organisations import access
        from dspt.support import presenters

        access.add_guest_door(door.guest_membership)
        access.add_page_notice(notices.banner)
        presenters.add_navigation_item("access", 60, "Providers who let you in", "adviser_access:workspaces")
