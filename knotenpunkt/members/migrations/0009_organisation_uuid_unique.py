"""The organisation's UUID becomes unique and required (last of three steps, see 0007)."""

import uuid

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0008_organisation_uuid_fill"),
    ]

    operations = [
        migrations.AlterField(
            model_name="organisation",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
