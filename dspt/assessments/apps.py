from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "dspt.assessments"
    label = "assessments"

    def ready(self):
        from dspt.assessments import summary
        from dspt.organisations import presenters

        presenters.add_home_task("assessment", 10, summary.home_task)
