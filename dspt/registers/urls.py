"""/o/<ods_code>/registers/: the index, then each register's pages under its slug, named registers:<slug>:<page>.
The same views serve every register; each gets its spec from here."""

from django.urls import include, path

from dspt.registers import specs
from dspt.registers.views import entries, index, spot_checks, transfer

app_name = "registers"


def register_patterns(spec) -> list:
    given = {"spec": spec}
    return [
        path("", entries.entry_list, given, name="list"),
        path("add/", entries.add, given, name="add"),
        path("export.xlsx", transfer.export_xlsx, given, name="export_xlsx"),
        path("export.csv", transfer.export_csv, given, name="export_csv"),
        path("template.xlsx", transfer.template, given, name="template"),
        path("import/", transfer.import_rows, given, name="import"),
        path("<int:entry_id>/", entries.entry, given, name="entry"),
        path("<int:entry_id>/edit/", entries.edit, given, name="edit"),
        path("<int:entry_id>/archive/", entries.archive, given, name="archive"),
        path("<int:entry_id>/restore/", entries.restore, given, name="restore"),
        path("<int:entry_id>/history/", entries.history, given, name="history"),
        *MORE_PAGES.get(spec.slug, []),
    ]


# Registers with a page of their own beside the generic ones (the spec is passed to it in the same way).
MORE_PAGES = {
    "spot-checks": [
        path(
            "<int:entry_id>/results/add/", spot_checks.add_result, {"spec": specs.get("spot-checks")}, name="add_result"
        )
    ],
}


urlpatterns = [
    path("o/<str:ods_code>/registers/", index.index, name="index"),
    *(
        path(f"o/<str:ods_code>/registers/{spec.slug}/", include((register_patterns(spec), spec.slug)))
        for spec in specs.ALL
    ),
]
