from django.apps import AppConfig


class AdviceConfig(AppConfig):
    name = "dspt.advice"
    label = "advice"
    verbose_name = "Advice"

    def ready(self):
        from dspt.advice import cohort_facts, presenters
        from dspt.assessments import presenters as assessments_presenters
        from dspt.support import cohort_facts as support_cohort_facts
        from dspt.support import presenters as support_presenters

        assessments_presenters.add_question_link("ask for help", 10, presenters.ask_for_help_link)
        support_presenters.add_navigation_item("surgeries", 40, "Surgeries", "advice:surgeries")
        support_presenters.add_navigation_item("help-requests", 50, "Requests for help", "advice:help_requests")
        support_presenters.add_navigation_item("follow-ups", 60, "Follow-ups", "advice:follow_ups")
        support_cohort_facts.add_cohort_fact(
            cohort_facts.KEY,
            cohort_facts.LABEL,
            cohort_facts.last_contacts,
            cohort_facts.CHOICES,
            missing=cohort_facts.NEVER,
            hint=cohort_facts.HINT,
            order=10,
        )
