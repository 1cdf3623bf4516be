"""Documents for tests, made through the documents' own rules (drafting.save_version).

walk_placeholders gives the walks (tests/conftest.py register_entries) a saved version of one kind, so every page
under /o/<ods_code>/documents/<slug:kind>/versions/<int:version_id>/ is visited."""

from dspt.documents import drafting, kinds

WALK_KIND = "data-protection-policy"


def save_version(organisation, user, slug: str = WALK_KIND, title: str = "", texts: dict | None = None, today=None):
    kind = kinds.get(slug)
    return drafting.save_version(organisation, kind, title or kind.title, texts or {}, user, today=today)


def walk_placeholders(org, owner, made) -> dict:
    version = save_version(org, owner)
    return {"<slug:kind>": WALK_KIND, "<int:version_id>": version.pk}
