from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "dspt.documents"
    label = "documents"
    verbose_name = "Documents"

    def ready(self):
        # Documents show in the organisation's navigation and home page, and their review dates go stale, through
        # the hooks organisations and registers offer (apps depend downwards).
        from dspt.documents import kinds, summary
        from dspt.organisations import presenters
        from dspt.registers import hooks

        presenters.add_navigation_item("documents", 18, "Documents", "documents:index")
        presenters.add_home_task("documents", 18, summary.home_task)
        hooks.add_freshness("documents", summary.due_items, refs={ref for kind in kinds.ALL for ref in kind.evidences})
        hooks.add_evidence_source("documents", summary.evidence_for)
