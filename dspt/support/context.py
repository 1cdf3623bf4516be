"""What every provider page knows about its support: the contact details of the support organisations it lets see
its progress (for the footer of every /o/<ods_code>/ page; see the report for the hook in settings and base.jinja)."""


def support_contacts(request):
    organisation = getattr(request, "organisation", None)
    if organisation is None:
        return {"support_contacts": []}
    from dspt.support import consent

    return {"support_contacts": consent.supporting(organisation)}
