"""A DPIA printed as one PDF: screening, the sections, the risks and the sign-off (WeasyPrint, tagged PDF/UA)."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from dspt.dpias import screening
from dspt.dpias.register import DPIAS
from dspt.ui.presenters import long_date


def html(dpia) -> str:
    result = screening.decide(dpia.screening_answers) if screening.is_done(dpia) else None
    return render_to_string(
        "dpias/print.html",
        {
            "dpia": dpia,
            "organisation": dpia.organisation,
            "sections": [
                (DPIAS.heading(name), getattr(dpia, name)) for name in ("description", "necessity", "consultation")
            ],
            "answers": screening.answers_text(dpia.screening_answers).split("\n") if result else [],
            "result": result,
            "risks": list(dpia.risks.all()),
            "review_date": long_date(dpia.review_date) if dpia.review_date else "Not set",
            "signed_on": long_date(dpia.signed_off_on) if dpia.signed_off_on else "",
            "generated": long_date(timezone.now()),
        },
    )


def pdf(dpia) -> bytes:
    from weasyprint import HTML  # imported here: it loads Pango, which only this function needs

    # PDF/UA-1: tagged, with the language and title of print.html's <html lang> and <title>
    return HTML(string=html(dpia)).write_pdf(pdf_variant="pdf/ua-1")


def file_name(dpia) -> str:
    return f"dpia-{slugify(dpia.title)[:60] or dpia.pk}.pdf"
