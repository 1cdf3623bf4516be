"""A support organisation's resources: staff pages under /s/<slug>/resources/ (advisers read, programme leads add,
change and remove), and the public page /support/<slug>/resources/ with its file downloads. Views translate HTTP
only: the rules are in catalogue.py and files.py."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from dspt.lib import downloads
from dspt.resources import catalogue, forms, presenters
from dspt.resources.models import Resource
from dspt.support.access import support_view
from dspt.support.models import SupportMembership, SupportOrganisation
from dspt.support.presenters import navigation
from dspt.ui.forms import posted

NAVIGATION_KEY = "resources"


def _navigation(request):
    return navigation(request.support_organisation, request.support_membership, NAVIGATION_KEY)


def _list_url(support_organisation) -> str:
    return reverse("resources:list", args=[support_organisation.slug])


def _resource_or_404(request, resource_id: int) -> Resource:
    return get_object_or_404(Resource.objects.filter(support_organisation=request.support_organisation), pk=resource_id)


@support_view()
def resource_list(request):
    support_organisation = request.support_organisation
    resources = list(Resource.objects.filter(support_organisation=support_organisation))
    return render(
        request,
        "resources/list.jinja",
        {
            "title": "Resources",
            "support_organisation": support_organisation,
            "groups": catalogue.grouped(resources),
            "is_lead": request.support_membership.is_lead,
            "public_href": reverse("resources:public", args=[support_organisation.slug]),
            "navigation_items": _navigation(request),
            "presenters": presenters,
        },
    )


def _form_page(request, form, title: str, resource=None):
    return render(
        request,
        "resources/form.jinja",
        {
            "title": title,
            "form": form,
            "resource": resource,
            "multipart": True,
            "submit_text": "Save resource",
            "back_href": _list_url(request.support_organisation),
            "back_text": "Back to resources",
            "navigation_items": _navigation(request),
        },
    )


@support_view(SupportMembership.LEAD)
def add_resource(request):
    support_organisation = request.support_organisation
    form = forms.ResourceForm(posted(request), request.FILES or None, areas=catalogue.known_areas(support_organisation))
    if request.method == "POST" and form.is_valid():
        try:
            resource = catalogue.add(support_organisation, form.values(), user=request.user, upload=form.upload)
        except catalogue.RuleBroken as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, f"{resource.title} has been added")
            return redirect(_list_url(support_organisation))
    return _form_page(request, form, "Add a resource")


@support_view(SupportMembership.LEAD)
def change_resource(request, resource_id: int):
    support_organisation = request.support_organisation
    resource = _resource_or_404(request, resource_id)
    form = forms.ResourceForm(
        posted(request),
        request.FILES or None,
        areas=catalogue.known_areas(support_organisation),
        resource=resource,
    )
    if request.method == "POST" and form.is_valid():
        try:
            catalogue.change(resource, form.values(), user=request.user, upload=form.upload)
        except catalogue.RuleBroken as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, f"{resource.title} has been changed")
            return redirect(_list_url(support_organisation))
    return _form_page(request, form, f"Change {resource.title}", resource)


@support_view(SupportMembership.LEAD)
def remove_resource(request, resource_id: int):
    support_organisation = request.support_organisation
    resource = _resource_or_404(request, resource_id)
    if request.method == "POST":
        catalogue.remove(resource, request.user)
        messages.success(request, f"{resource.title} has been removed")
        return redirect(_list_url(support_organisation))
    return render(
        request,
        "resources/remove.jinja",
        {
            "title": f"Remove {resource.title}?",
            "resource": resource,
            "back_href": _list_url(support_organisation),
            "back_text": "Back to resources",
            "navigation_items": _navigation(request),
        },
    )


@support_view()
def staff_file(request, resource_id: int):
    """Staff may download any of their organisation's files, published or not."""
    resource = _resource_or_404(request, resource_id)
    if not resource.has_file:
        raise Http404("This resource is a link")
    return downloads.stored_file(resource.stored_name, resource.file_name, resource.content_type)


def _support_organisation_or_404(slug: str) -> SupportOrganisation:
    return get_object_or_404(SupportOrganisation, slug=slug)


def public_list(request, support_slug: str):
    """No sign-in: the published resources, grouped by kind, with the organisation's contact details."""
    support_organisation = _support_organisation_or_404(support_slug)
    listing = catalogue.public_listing(support_organisation, request.GET.get("area", ""))
    return render(
        request,
        "resources/public.jinja",
        {
            "title": f"Resources from {support_organisation.name}",
            "support_organisation": support_organisation,
            "listing": listing,
            "filter_form": forms.AreaFilterForm(areas=listing.areas, initial={"area": listing.area}),
            "presenters": presenters,
        },
    )


def public_file(request, support_slug: str, resource_id: int):
    """A published resource's file, for anyone: it is published material."""
    support_organisation = _support_organisation_or_404(support_slug)
    resource = catalogue.published_file(support_organisation, resource_id)
    if resource is None:
        raise Http404("No such file")
    response = downloads.stored_file(resource.stored_name, resource.file_name, resource.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response
