"""The DPIA's own pages, as a member and a viewer use them."""

import html
import re
import subprocess

import pytest

from dspt.dpias.models import Dpia
from dspt.dpias.tests.factories import RISK, add_dpia, ready_dpia
from dspt.history.models import ChangeRecord

pytestmark = pytest.mark.django_db
BASE = "/o/VX101/registers/dpias/"


def text_of(response) -> str:
    page = response.content.decode()
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    main = page[page.find("<main") : page.find("</main>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", title + " " + main)).split())


RISK_FORM = RISK | {"measure_approved": "yes"}


def test_screening_refuses_none_with_others_keeps_the_ticks_then_decides(client_for, member, org, owner):
    dpia = add_dpia(org, owner)
    client = client_for(member)

    response = client.post(f"{BASE}{dpia.pk}/screening/", {"answers": ["monitoring", "none"], "notes": "CCTV"})

    page = text_of(response)
    assert page.startswith("Error: Screening") and "Select 'None of these' only when no statement applies" in page
    assert re.search(r'value="monitoring"\s+checked', response.content.decode()) and "CCTV" in page
    assert Dpia.objects.get(pk=dpia.pk).screened_at is None

    response = client.post(f"{BASE}{dpia.pk}/screening/", {"answers": ["monitoring", "matching"], "notes": "CCTV"})

    assert response.status_code == 302 and response["Location"] == f"{BASE}{dpia.pk}/steps/"
    page = text_of(client.get(response["Location"]))
    assert "A DPIA is needed. 2 of the screening statements apply." in page
    assert (
        "Screening A DPIA is needed Completed" in page and "Risks Each risk scored before and after Not started" in page
    )


def test_screening_with_nothing_ticked_asks_for_an_answer_and_none_is_a_record(client_for, member, org, owner):
    dpia = add_dpia(org, owner)
    client = client_for(member)
    page = text_of(client.post(f"{BASE}{dpia.pk}/screening/", {"notes": ""}))
    assert "Select the statements that apply to the project, or select 'None of these'" in page

    client.post(f"{BASE}{dpia.pk}/screening/", {"answers": ["none"]})

    page = text_of(client.get(f"{BASE}{dpia.pk}/screening/"))
    assert "A DPIA is not required: keep this screening as your record. None of the screening statements" in page
    assert "Sign-off By your DPO or IG lead Not needed" in text_of(client.get(f"{BASE}{dpia.pk}/steps/"))


def test_a_risk_with_a_mistake_keeps_what_was_typed_then_is_added_changed_and_removed(client_for, member, org, owner):
    dpia = ready_dpia(org, owner)
    client = client_for(member)

    response = client.post(f"{BASE}{dpia.pk}/risks/add/", RISK_FORM | {"severity": "", "description": "Rota leaks"})

    page = text_of(response)
    assert page.startswith("Error: Add a risk") and "Select how severe it would be" in page
    assert "Rota leaks" in page and dpia.risks.count() == 1

    response = client.post(f"{BASE}{dpia.pk}/risks/add/", RISK_FORM | {"description": "Rota leaks"})
    assert response.status_code == 302
    page = text_of(client.get(response["Location"]))
    assert "Added the risk 'Rota leaks': high risk, low once the measures are in place" in page

    added = dpia.risks.get(description="Rota leaks")
    client.post(
        f"{BASE}{dpia.pk}/risks/{added.pk}/", RISK_FORM | {"description": "Rota leaks", "mitigation": "Encrypt"}
    )
    assert dpia.risks.get(pk=added.pk).mitigation == "Encrypt"
    assert "Remove the risk 'Rota leaks'?" in text_of(client.get(f"{BASE}{dpia.pk}/risks/{added.pk}/remove/"))
    client.post(f"{BASE}{dpia.pk}/risks/{added.pk}/remove/")
    assert not dpia.risks.filter(pk=added.pk).exists()
    history = text_of(client.get(f"{BASE}{dpia.pk}/history/"))
    assert (
        "Risk 'Rota leaks': what you will do about it : Phones locked with a PIN and wiped remotely → Encrypt"
        in history
    )


def test_another_dpias_risk_is_not_found(client_for, member, org, owner):
    first, second = ready_dpia(org, owner), ready_dpia(org, owner, name="CCTV")
    client = client_for(member)
    assert client.get(f"{BASE}{first.pk}/risks/{second.risks.get().pk}/").status_code == 404
    assert client.post(f"{BASE}{first.pk}/risks/{second.risks.get().pk}/remove/").status_code == 404
    assert second.risks.exists()


def test_sign_off_too_early_says_why_then_signs_off_with_the_dpo_suggested(client_for, member, org, owner):
    org.profile.dpo_name, org.profile.dpo_title = "Priya Shah", "Data Protection Officer"
    org.profile.save()
    dpia = add_dpia(org, owner, consultation="")
    client = client_for(member)
    form = {"name": "Priya Shah", "role": "DPO", "signed_on[day]": "3", "signed_on[month]": "3"}
    form |= {"signed_on[year]": "2026", "outcome": "conditions", "comments": "Review the phones in 6 months"}

    page = text_of(client.get(f"{BASE}{dpia.pk}/sign-off/"))
    assert "Not ready to sign off" in page and "Answer the screening questions first" in page
    assert 'value="Priya Shah"' in client.get(f"{BASE}{dpia.pk}/sign-off/").content.decode()
    client.post(f"{BASE}{dpia.pk}/screening/", {"answers": ["monitoring"]})
    page = text_of(client.post(f"{BASE}{dpia.pk}/sign-off/", form))
    assert page.startswith("Error:") and "Fill in the consultation before signing off" in page
    assert "Add at least one risk" in page and Dpia.objects.get(pk=dpia.pk).status == Dpia.IN_PROGRESS

    client.post(f"{BASE}{dpia.pk}/risks/add/", RISK_FORM | {"residual_likelihood": "probable"})
    client.post(
        f"{BASE}{dpia.pk}/edit/",
        {
            "name": dpia.name,
            "description": dpia.description,
            "necessity": dpia.necessity,
            "consultation": "Staff and the DPO",
        },
    )
    page = text_of(client.post(f"{BASE}{dpia.pk}/sign-off/", form))
    assert "Before going ahead you must talk to the ICO" in page

    response = client.post(f"{BASE}{dpia.pk}/sign-off/", form | {"ico_consulted": "on"})

    assert response.status_code == 302
    signed = Dpia.objects.get(pk=dpia.pk)
    assert (signed.status, signed.outcome, str(signed.signed_off_on)) == ("signed_off", "conditions", "2026-03-03")
    page = text_of(client.get(response["Location"]))
    assert "Sign-off Approved with conditions by Priya Shah on 3 March 2026 Completed" in page
    assert ChangeRecord.objects.filter(object_id=str(dpia.pk), changes__has_key="Outcome").exists()


def test_the_pdf_has_the_title_the_risks_and_the_sign_off(client_for, viewer, org, owner, tmp_path):
    from dspt.dpias.tests.factories import signed_dpia

    dpia = signed_dpia(org, owner)
    response = client_for(viewer).get(f"{BASE}{dpia.pk}/dpia.pdf")

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert 'filename="dpia-moving-to-a-digital-care-planning-system.pdf"' in response["Content-Disposition"]
    path = tmp_path / "dpia.pdf"
    path.write_bytes(response.content)
    text = " ".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    assert "Data Protection Impact Assessment: Moving to a digital care planning system" in text
    assert "A work phone is lost with care plans on it" in text and "High risk" in text and "Low risk" in text
    assert "Priya Shah, DPO" in text and "27 March 2026" in text and "Approved" in text


def test_a_viewer_sees_the_steps_and_risks_without_links_to_change_them(client_for, viewer, org, owner):
    dpia = ready_dpia(org, owner)
    client = client_for(viewer)
    steps = client.get(f"{BASE}{dpia.pk}/steps/").content.decode()
    risks = client.get(f"{BASE}{dpia.pk}/risks/").content.decode()
    assert "/screening/" not in steps and "/sign-off/" not in steps and "dpia.pdf" in steps
    assert "Add a risk" not in risks and "A work phone is lost" in risks
    assert client.get(f"{BASE}{dpia.pk}/sign-off/").status_code == 403
