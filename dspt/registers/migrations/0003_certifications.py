"""The certifications a supplier can hold (models/suppliers.py CERTIFICATIONS), the same for every organisation."""

from django.db import migrations

CERTIFICATIONS = [
    ("cyber_essentials", "Cyber Essentials"),
    ("cyber_essentials_plus", "Cyber Essentials Plus"),
    ("iso_27001", "ISO 27001"),
    ("dspt", "Data Security and Protection Toolkit: standards met or exceeded"),
]


def add_certifications(apps, schema_editor):
    Certification = apps.get_model("registers", "Certification")
    for code, name in CERTIFICATIONS:
        Certification.objects.update_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("registers", "0002_more_registers")]

    operations = [migrations.RunPython(add_certifications, migrations.RunPython.noop)]
