from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "dspt.assessments"
    label = "assessments"

    def ready(self):
        # These import models, so only once the apps are loaded.
        from dspt.assessments import answering, from_registers, summary
        from dspt.frameworks.loader import questions_revised
        from dspt.organisations import presenters

        presenters.add_home_task("assessment", 10, summary.home_task)
        presenters.add_navigation_item("assessment", 10, "Assessment", "assessments:index")
        presenters.add_home_notice("evidence going out of date", 30, from_registers.home_notice)

        def review_reworded_answers(sender, framework, reworded, **kwargs):
            """A revised question set changed these questions: their answers need checking before they count."""
            answering.mark_for_review(reworded)

        questions_revised.connect(review_reworded_answers, weak=False, dispatch_uid="assessments.review_reworded")
