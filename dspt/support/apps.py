from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "dspt.support"
    label = "support"
    verbose_name = "Support programmes"

    def ready(self):
        from dspt.organisations import presenters as org_presenters
        from dspt.support import presenters

        presenters.add_navigation_item("cohort", 0, "Cohort", "support:dashboard")
        presenters.add_navigation_item("staff", 90, "Staff", "support:staff")
        org_presenters.add_navigation_item("support", 85, "Support", "support:provider")
        org_presenters.add_navigation_item(
            "branches", 86, "Branches", "support:branches", shown_for=lambda organisation: organisation.is_head_office
        )
        org_presenters.add_home_notice("support_contacts", 5, presenters.contact_notice)
        org_presenters.add_workplaces("support", presenters.workplaces)
