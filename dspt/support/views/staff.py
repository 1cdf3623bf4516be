"""A support organisation's staff: everyone sees who is on it; programme leads add and remove people."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from dspt.support import presenters, staff
from dspt.support.access import support_view
from dspt.support.forms import StaffForm
from dspt.support.models import SupportMembership
from dspt.ui.forms import posted


@support_view()
def staff_list(request):
    support_organisation = request.support_organisation
    return render(
        request,
        "support/staff.jinja",
        {
            "title": "Staff",
            "support_organisation": support_organisation,
            "memberships": support_organisation.memberships.select_related("user").order_by("user__email"),
            "is_lead": request.support_membership.is_lead,
            "roles": SupportMembership.ROLES,
            "role_descriptions": staff.ROLE_DESCRIPTIONS,
            "navigation_items": presenters.navigation(support_organisation, request.support_membership, "staff"),
        },
    )


@support_view(SupportMembership.LEAD)
def add_staff(request):
    support_organisation = request.support_organisation
    form = StaffForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            _membership, created = staff.add_staff(
                support_organisation, data["email"], data["role"], request.user, data["full_name"]
            )
        except (staff.RuleBroken, ValidationError) as error:
            form.add_error("email", error.message if isinstance(error, ValidationError) else str(error))
        else:
            how = "They have no account yet: we have told them how to choose a password" if created else ""
            messages.success(request, f"{data['email']} has been added to the staff. {how}".strip())
            return redirect("support:staff", support_organisation.slug)
    return render(
        request,
        "support/add_staff.jinja",
        {
            "title": "Add someone to the staff",
            "form": form,
            "role_descriptions": staff.ROLE_DESCRIPTIONS,
            "back_href": presenters.staff_url(support_organisation),
            "navigation_items": presenters.navigation(support_organisation, request.support_membership, "staff"),
        },
    )


@support_view(SupportMembership.LEAD)
def remove_staff(request, membership_id: int):
    support_organisation = request.support_organisation
    membership = get_object_or_404(support_organisation.memberships.select_related("user"), pk=membership_id)
    error = None
    if request.method == "POST":
        try:
            staff.remove_staff(membership, request.user)
        except staff.RuleBroken as broken:
            error = str(broken)
        else:
            messages.success(request, f"{membership.user.email} has been removed from the staff")
            if membership.user_id == request.user.id:
                return redirect("ui:home")
            return redirect("support:staff", support_organisation.slug)
    return render(
        request,
        "support/remove_staff.jinja",
        {
            "title": f"Remove {membership.user} from the staff?",
            "membership": membership,
            "error": error,
            "back_href": presenters.staff_url(support_organisation),
            "navigation_items": presenters.navigation(support_organisation, request.support_membership, "staff"),
        },
    )
