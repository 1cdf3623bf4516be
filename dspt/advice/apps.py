from django.apps import AppConfig


class AdviceConfig(AppConfig):
    name = "dspt.advice"
    label = "advice"
    verbose_name = "Advice"

    def ready(self):
        from dspt.advice import presenters
        from dspt.assessments import presenters as assessments_presenters
        from dspt.support import presenters as support_presenters

        assessments_presenters.add_question_link("ask for help", 10, presenters.ask_for_help_link)
        support_presenters.add_navigation_item("surgeries", 40, "Surgeries", "advice:surgeries")
        support_presenters.add_navigation_item("help-requests", 50, "Requests for help", "advice:help_requests")
        support_presenters.add_navigation_item("follow-ups", 60, "Follow-ups", "advice:follow_ups")
