"""Demo resources for Fictional County Care Association: guides and a recording as links, a policy template as an
uploaded PDF, phishing awareness material for one area, and slides not yet shown on the public page."""

from django.core.files.uploadedfile import SimpleUploadedFile

from dspt.resources import catalogue, files
from dspt.resources.models import Resource

LINKS = [
    (
        Resource.GUIDE,
        "Getting started with the Data Security and Protection Toolkit",
        "A reference guide for small and medium sized care providers: registering, completing and publishing",
        "https://www.digitalsocialcare.co.uk/data-security-protecting-my-information/data-security-and-protection-toolkit/",
        [],
        True,
    ),
    (
        Resource.RECORDING,
        "Webinar recording: introduction and registration",
        "Our hour-long introduction, recorded in May",
        "https://video.example/fcca/introduction",
        [],
        True,
    ),
    (
        Resource.PHISHING,
        "Spotting scam and phishing emails",
        "A one-page poster for the staff room",
        "https://fcca.example/dspt/phishing-poster",
        ["Fictional County"],
        True,
    ),
    (
        Resource.SLIDES,
        "Slides: staffing, roles, policies and procedures",
        "",
        "https://fcca.example/dspt/slides-staffing",
        [],
        False,
    ),
]


def _pdf(text: str) -> bytes:
    """A one-page PDF saying `text` (plain ASCII), built by hand so the demo needs no PDF library."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def fill(association, lead, provider, provider_user) -> int:
    """Returns how many resources it made (0 when the association already has some)."""
    if Resource.objects.filter(support_organisation=association).exists():
        return 0
    for kind, title, description, link, areas, published in LINKS:
        values = catalogue.Values(
            title=title, kind=kind, description=description, link=link, areas=areas, published=published
        )
        catalogue.add(association, values, user=lead)
    upload = SimpleUploadedFile("Data protection policy template.pdf", _pdf("Data protection policy template"))
    values = catalogue.Values(
        title="Data protection policy template",
        kind=Resource.TEMPLATE,
        description="Fill in your organisation's details and the names of your data security lead",
    )
    catalogue.add(association, values, user=lead, upload=(upload, files.check(upload)))
    return len(LINKS) + 1
