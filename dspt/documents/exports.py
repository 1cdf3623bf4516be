"""A saved version as a Word document (python-docx) or a PDF (WeasyPrint, PDF/UA), with the organisation's name in
the header of every page."""

import io

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from docx import Document as WordDocument

from dspt.documents import presenters
from dspt.lib import office
from dspt.ui.presenters import long_date

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_TYPE = "application/pdf"


def blocks(text: str) -> list[tuple[str, object]]:
    """A section's text as ("p", paragraph) and ("ul", [items]) blocks: lines starting "- " are list items, a blank
    line ends a paragraph."""
    found: list[tuple[str, object]] = []
    paragraph: list[str] = []

    def end_paragraph():
        if paragraph:
            found.append(("p", " ".join(paragraph)))
            paragraph.clear()

    for raw in text.split("\n"):
        line = raw.strip()
        if line.startswith(("- ", "* ", "• ")):
            end_paragraph()
            item = line[2:].strip()
            if found and found[-1][0] == "ul":
                found[-1][1].append(item)
            else:
                found.append(("ul", [item]))
        elif not line:
            end_paragraph()
        else:
            if found and found[-1][0] == "ul" and not paragraph and raw.startswith((" ", "\t")):
                found[-1][1][-1] += " " + line  # an indented line continues the list item above
            else:
                paragraph.append(line)
    end_paragraph()
    return found


def filename(version, extension: str) -> str:
    return f"{slugify(version.title)[:80] or 'document'}-v{version.number}.{extension}"


def footer_text(version) -> str:
    return f"Version {version.number}, saved {presenters.saved_on(version)}. Review by {long_date(version.review_on)}."


def docx(version, organisation) -> bytes:
    document = WordDocument()
    header = document.sections[0].header.paragraphs[0]
    header.text = office.text(f"{organisation.name} ({organisation.ods_code})")
    document.sections[0].footer.paragraphs[0].text = office.text(footer_text(version))
    document.core_properties.title = office.text(version.title)
    document.core_properties.author = office.text(organisation.name)
    document.add_heading(office.text(version.title), level=1)
    document.add_paragraph(office.text(organisation.name))
    for section in version.sections:
        if not section["text"].strip():
            continue
        document.add_heading(office.text(section["heading"]), level=2)
        for kind, content in blocks(section["text"]):
            if kind == "p":
                document.add_paragraph(office.text(content))
            else:
                for item in content:
                    document.add_paragraph(office.text(item), style="List Bullet")
    document.add_paragraph(office.text(footer_text(version)))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf(version, organisation) -> bytes:
    from weasyprint import HTML  # imported here: it loads Pango, which only the PDFs need

    html = render_to_string(
        "documents/document.html",
        {
            "organisation": organisation,
            "version": version,
            "sections": [
                {"heading": s["heading"], "blocks": blocks(s["text"])} for s in version.sections if s["text"].strip()
            ],
            "footer": footer_text(version),
            "generated": long_date(timezone.now()),
        },
    )
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
