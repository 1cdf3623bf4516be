from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "dspt.events"
    label = "events"
    verbose_name = "Events"

    def ready(self):
        from dspt.events import cohort_facts
        from dspt.support import cohort_facts as support_cohort_facts
        from dspt.support import presenters

        presenters.add_navigation_item("events", 20, "Events", "events:staff_list")
        support_cohort_facts.add_cohort_fact(
            cohort_facts.KEY,
            cohort_facts.LABEL,
            cohort_facts.booked_on_events,
            cohort_facts.CHOICES,
            missing=cohort_facts.NOT_BOOKED,
            hint=cohort_facts.HINT,
            order=20,
        )
