"""Fictional documents for the demo organisation, written through the documents' own rules: each kind drafted from
the demo profile and registers and saved as version 1, the bring-your-own-device policy a year and a half ago (so
its review shows as overdue)."""

import datetime

from django.utils import timezone

from dspt.documents import drafting, kinds


def fill(organisation, user) -> int:
    today = timezone.localdate()
    made = 0
    for kind in kinds.ALL:
        saved_on = today - datetime.timedelta(days=540) if kind.slug == "byod-policy" else today
        drafting.save_version(organisation, kind, kind.title, {}, user, today=saved_on)
        made += 1
    return made
