# The ODS code, organisation and role of registration and invitation links now live in organisations.JoinLink
# (copied there by organisations 0004); purposes are registered in code (link_tokens.add_purpose), not choices.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_initial"),
        ("organisations", "0004_copy_join_links"),
    ]

    operations = [
        migrations.RemoveField(model_name="emaillink", name="ods_code"),
        migrations.RemoveField(model_name="emaillink", name="organisation"),
        migrations.RemoveField(model_name="emaillink", name="role"),
        migrations.AlterField(model_name="emaillink", name="purpose", field=models.CharField(max_length=10)),
    ]
