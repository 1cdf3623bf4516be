"""The organisation's history of changes, for administrators."""

from django.core.paginator import Paginator
from django.shortcuts import render

from dspt.organisations import presenters
from dspt.organisations.access import organisation_view
from dspt.organisations.models import Membership


@organisation_view(Membership.ADMIN)
def history(request):
    records = request.organisation.change_records.all()
    area = request.GET.get("area", "")
    if area:
        records = records.filter(area=area)
    page = Paginator(records, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "organisations/history.jinja",
        {
            "title": "History of changes",
            "page": page,
            "area": area,
            "areas": request.organisation.change_records.order_by("area").values_list("area", flat=True).distinct(),
            "navigation_items": presenters.navigation(request.organisation, request.membership, "history"),
        },
    )
