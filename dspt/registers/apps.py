from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "dspt.registers"
    label = "registers"
    verbose_name = "Registers"

    def ready(self):
        # The organisation's pages show the registers through hooks organisations offers (apps depend downwards).
        from dspt.organisations import presenters
        from dspt.registers import evidence, summary

        presenters.add_home_task("registers", 15, summary.home_task)
        presenters.add_navigation_item("registers", 15, "Registers", "registers:index")
        evidence.add_hooks()
