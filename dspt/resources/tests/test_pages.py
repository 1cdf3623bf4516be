"""The staff pages (advisers read, leads add, change and remove; other organisations' staff get 404) and the
public page with its downloads."""

import pytest
from django.test import Client
from django.urls import reverse

from dspt.history.models import ChangeRecord
from dspt.resources.models import Resource
from dspt.resources.tests.factories import make_file_resource, make_link_resource, pdf_upload
from dspt.support.models import SupportMembership
from dspt.support.tests.factories import add_staff, make_support_organisation

pytestmark = pytest.mark.django_db


def _form(**values):
    return {
        "title": "Getting started guide",
        "description": "How to register and start the toolkit",
        "kind": Resource.GUIDE,
        "source": "link",
        "link": "https://example.org/guide",
        "other_areas": "",
        "published": "on",
    } | values


def test_an_adviser_reads_the_list_but_cannot_add_change_or_remove(association, lead, adviser, client_for):
    resource = make_link_resource(association, lead)
    client = client_for(adviser)
    page = client.get(reverse("resources:list", args=["fcca"]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Getting started guide" in html and "Add a resource" not in html and "Change" not in html
    for name, args in (("add", []), ("change", [resource.pk]), ("remove", [resource.pk])):
        url = reverse(f"resources:{name}", args=["fcca", *args])
        assert client.get(url).status_code == 403
        assert client.post(url, _form()).status_code == 403
    assert Resource.objects.count() == 1


def test_another_support_organisations_staff_get_404(association, lead, client_for):
    other = make_support_organisation(name="Other Care Association", slug="oca")
    stranger = add_staff(other, "lead@oca.example", SupportMembership.LEAD)
    resource = make_file_resource(association, lead)
    client = client_for(stranger)
    for name, args in (("list", []), ("add", []), ("change", [resource.pk]), ("remove", [resource.pk])):
        assert client.get(reverse(f"resources:{name}", args=["fcca", *args])).status_code == 404
    assert client.get(reverse("resources:staff_file", args=["fcca", resource.pk])).status_code == 404
    # nor through their own organisation's address
    assert client.get(reverse("resources:change", args=["oca", resource.pk])).status_code == 404
    assert client.get(reverse("resources:staff_file", args=["oca", resource.pk])).status_code == 404


def test_a_lead_adds_a_link_after_an_http_mistake_and_nothing_typed_is_lost(association, lead, client_for):
    client = client_for(lead)
    url = reverse("resources:add", args=["fcca"])
    assert client.get(url).status_code == 200
    refused = client.post(url, _form(link="http://example.org/guide", other_areas="Luton, Stevenage"))
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "The link must start with https:// (a secure link), not http://" in html
    assert 'value="Getting started guide"' in html and 'value="Luton, Stevenage"' in html
    assert not Resource.objects.exists()
    done = client.post(url, _form(other_areas="Luton, Stevenage"))
    assert done.status_code == 302
    resource = Resource.objects.get()
    assert (resource.link, resource.areas, resource.published) == (
        "https://example.org/guide",
        "Luton, Stevenage",
        True,
    )
    record = ChangeRecord.objects.get(area="Resources: Fictional County Care Association")
    assert record.actor == lead and record.organisation is None


def test_a_lead_uploads_a_file_and_a_web_page_named_pdf_is_refused(association, lead, client_for):
    client = client_for(lead)
    url = reverse("resources:add", args=["fcca"])
    page = pdf_upload("template.pdf", b"<html><body>Not a PDF</body></html>")
    refused = client.post(url, _form(source="file", link="", kind=Resource.TEMPLATE, file=page))
    assert "template.pdf must be a PDF, Word, Excel or PowerPoint file" in refused.content.decode()
    missing = client.post(url, _form(source="file", link="", kind=Resource.TEMPLATE))
    assert "Choose the file to upload" in missing.content.decode()
    assert not Resource.objects.exists()
    client.post(
        url, _form(source="file", link="", kind=Resource.TEMPLATE, chosen_areas=["Fictional County"], file=pdf_upload())
    )
    resource = Resource.objects.get()
    assert resource.has_file and resource.file_kind == "PDF document" and resource.areas == "Fictional County"


def test_a_lead_changes_and_removes_a_resource(association, lead, client_for):
    resource = make_file_resource(association, lead)
    client = client_for(lead)
    url = reverse("resources:change", args=["fcca", resource.pk])
    form = client.get(url).content.decode()
    assert "Leave this empty to keep template.pdf" in form
    # changing the title keeps the file
    client.post(url, _form(title="Policy template", kind=Resource.TEMPLATE, source="file", link=""))
    resource.refresh_from_db()
    assert resource.title == "Policy template" and resource.has_file
    remove = reverse("resources:remove", args=["fcca", resource.pk])
    assert "Remove Policy template?" in client.get(remove).content.decode()
    assert client.post(remove).status_code == 302
    assert not Resource.objects.exists()


def test_the_public_page_needs_no_sign_in_and_shows_only_published_resources(association, lead):
    make_link_resource(association, lead, title="Getting started guide")
    make_file_resource(association, lead, title="Policy template", areas=["Luton"])
    make_link_resource(association, lead, title="Unfinished slides", kind=Resource.SLIDES, published=False)
    other = make_support_organisation(name="Other Care Association", slug="oca")
    make_link_resource(other, lead, title="Someone else's guide")
    page = Client().get(reverse("resources:public", args=["fcca"]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Getting started guide" in html and "Policy template" in html
    assert "Unfinished slides" not in html and "Someone else" not in html
    assert "01632 960000" in html and "dspt@fcca.example" in html and "Monday to Friday, 9am to 5pm" in html
    assert html.index("Template") < html.index("Guide")
    filtered = Client().get(reverse("resources:public", args=["fcca"]), {"area": "Fictional County"}).content.decode()
    assert "Getting started guide" in filtered and "Policy template" not in filtered
    assert Client().get(reverse("resources:public", args=["nobody"])).status_code == 404


def test_published_files_download_publicly_with_a_safe_content_disposition(association, lead):
    shown = make_file_resource(association, lead, upload=pdf_upload('bad"name.pdf'))
    hidden = make_file_resource(association, lead, title="Draft", published=False)
    response = Client().get(reverse("resources:public_file", args=["fcca", shown.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert '"bad"name.pdf"' not in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert Client().get(reverse("resources:public_file", args=["fcca", hidden.pk])).status_code == 404
    assert Client().get(reverse("resources:public_file", args=["oca", shown.pk])).status_code == 404


def test_staff_download_unpublished_files(association, lead, adviser, client_for):
    hidden = make_file_resource(association, lead, title="Draft", published=False)
    response = client_for(adviser).get(reverse("resources:staff_file", args=["fcca", hidden.pk]))
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment;")
