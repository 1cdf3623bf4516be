"""Incidents and breaches, with the ICO's 72-hour clock and the national reporting form's summary."""

from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "dspt.incidents"
    label = "incidents"
    verbose_name = "Incidents"

    def ready(self):
        # Registers, the home page and the evidence pack offer hooks; this app adds to them (apps depend downwards).
        from dspt.incidents import presenters
        from dspt.incidents.spec import INCIDENTS
        from dspt.organisations.presenters import add_home_notice
        from dspt.registers import hooks, specs

        specs.add(INCIDENTS)
        add_home_notice("incident clocks", 5, presenters.home_notice)
        hooks.add_pack_section("incidents", 60, presenters.pack_section)
