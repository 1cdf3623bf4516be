"""People in an organisation: list, invite, change role, remove, and the two-factor rule."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from dspt.accounts import link_tokens
from dspt.organisations import joining, people, presenters
from dspt.organisations.access import organisation_view
from dspt.organisations.forms import InviteForm, RoleForm, TwoFactorRuleForm
from dspt.organisations.models import Membership
from dspt.ui.forms import posted


@organisation_view()
def people_list(request):
    organisation = request.organisation
    is_admin = request.membership.is_admin
    return render(
        request,
        "organisations/people.jinja",
        {
            "title": "People",
            "memberships": organisation.memberships.select_related("user").order_by("user__email"),
            "invitations": joining.pending_invitations(organisation) if is_admin else [],
            "join_requests": organisation.join_requests.all()[:20] if is_admin else [],
            "is_admin": is_admin,
            "sole_administrator": people.sole_administrator(organisation),
            "role_descriptions": Membership.ROLE_DESCRIPTIONS,
            "roles": Membership.ROLES,
            "two_factor_form": TwoFactorRuleForm(initial={"require_two_factor": organisation.require_two_factor}),
            "navigation_items": presenters.navigation(organisation, request.membership, "people"),
        },
    )


@organisation_view(Membership.ADMIN)
def invite(request):
    organisation = request.organisation
    form = InviteForm(posted(request), initial={"email": request.GET.get("email", "")})
    if request.method == "POST" and form.is_valid():
        try:
            joining.invite(organisation, form.cleaned_data["email"], form.cleaned_data["role"], request.user)
        except people.RuleBroken as error:
            form.add_error("email", str(error))
        except link_tokens.TooManyLinks:
            form.add_error("email", "We have sent several emails to this address in the last hour. Try again later")
        else:
            messages.success(request, f"We have emailed an invitation to {form.cleaned_data['email']}")
            return redirect("organisations:people", organisation.ods_code)
    return render(
        request,
        "organisations/invite.jinja",
        {"title": "Invite someone", "form": form, "role_descriptions": Membership.ROLE_DESCRIPTIONS},
    )


def _membership(request, membership_id: int) -> Membership:
    return get_object_or_404(request.organisation.memberships.select_related("user"), pk=membership_id)


def _only_administrator(request, membership: Membership):
    """Instead of offering what the rules refuse: the only administrator keeps their role and their place."""
    return render(
        request,
        "organisations/only_administrator.jinja",
        {"title": f"{membership.user} is the only administrator", "membership": membership},
    )


@organisation_view(Membership.ADMIN)
def change_role(request, membership_id: int):
    membership = _membership(request, membership_id)
    if people.sole_administrator(request.organisation) == membership:
        return _only_administrator(request, membership)
    form = RoleForm(posted(request), initial={"role": membership.role})
    if request.method == "POST" and form.is_valid():
        try:
            people.change_role(membership, form.cleaned_data["role"], request.user)
        except people.RuleBroken as error:
            form.add_error("role", str(error))
        else:
            messages.success(request, f"{membership.user.email}'s role has been changed")
            return redirect("organisations:people", request.organisation.ods_code)
    return render(
        request,
        "organisations/change_role.jinja",
        {
            "title": f"Change what {membership.user} can do",
            "form": form,
            "membership": membership,
            "role_descriptions": Membership.ROLE_DESCRIPTIONS,
        },
    )


@organisation_view(Membership.ADMIN)
def remove(request, membership_id: int):
    membership = _membership(request, membership_id)
    if people.sole_administrator(request.organisation) == membership:
        return _only_administrator(request, membership)
    error = None
    if request.method == "POST":
        try:
            people.remove(membership, request.user)
        except people.RuleBroken as broken:
            error = str(broken)
        else:
            messages.success(request, f"{membership.user.email} has been removed from {request.organisation.name}")
            if membership.user_id == request.user.id:
                return redirect("organisations:choose")
            return redirect("organisations:people", request.organisation.ods_code)
    return render(
        request,
        "organisations/remove.jinja",
        {"title": f"Remove {membership.user}?", "membership": membership, "error": error},
    )


@organisation_view(Membership.ADMIN)
@require_POST
def two_factor_rule(request):
    form = TwoFactorRuleForm(request.POST)
    form.is_valid()
    required = bool(form.cleaned_data.get("require_two_factor"))
    people.set_require_two_factor(request.organisation, required, request.user)
    messages.success(
        request,
        "Everyone must now use two-factor sign-in" if required else "Two-factor sign-in is now each person's choice",
    )
    return redirect("organisations:people", request.organisation.ods_code)


@organisation_view(Membership.ADMIN)
@require_POST
def cancel_invitation(request, invitation_id: int):
    invitation = joining.pending_invitations(request.organisation).filter(pk=invitation_id).first()
    if invitation is None:
        raise Http404("No such invitation")
    joining.cancel_invitation(invitation, request.user)
    messages.success(request, f"The invitation to {invitation.email} has been cancelled")
    return redirect("organisations:people", request.organisation.ods_code)
