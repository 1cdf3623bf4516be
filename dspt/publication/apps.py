from django.apps import AppConfig


class PublicationConfig(AppConfig):
    name = "dspt.publication"
    label = "publication"

    def ready(self):
        from dspt.organisations import presenters
        from dspt.publication import cover, summary, where_we_stand
        from dspt.verification import presenters as verification_presenters

        presenters.add_home_task("publication", 20, summary.home_task)
        presenters.add_navigation_item("publish", 20, "Publish", "publication:overview")
        presenters.add_home_notice("where we stand", 0, where_we_stand.home_notice)
        presenters.add_home_notice("head office cover", 20, cover.home_notice)
        verification_presenters.add_registration_rows(summary.operator_rows)
