"""Data Protection Impact Assessments: screening, risks, sign-off and the printed DPIA."""

from django.apps import AppConfig


class DpiasConfig(AppConfig):
    name = "dspt.dpias"
    label = "dpias"
    verbose_name = "DPIAs"

    def ready(self):
        from dataclasses import replace

        from dspt.dpias import evidence, progress
        from dspt.dpias.register import DPIAS
        from dspt.registers import hooks, specs

        # The entry page shows the DPIA's steps below its fields; progress builds them and itself needs DPIAS, so
        # the section is given here rather than in register.py (no import cycle between the two modules).
        specs.add(replace(DPIAS, entry_template="dpias/_entry_section.jinja", entry_section=progress.entry_section))
        hooks.add_freshness("dpias", evidence.reviews_due, refs=DPIAS.evidences)
        hooks.add_pack_section("dpias", 30, evidence.pack_section)
