"""Each existing organisation gets its own UUID (second of three steps, see 0007)."""

import uuid

from django.db import migrations


def fill_uuids(apps, schema_editor):
    Organisation = apps.get_model("members", "Organisation")
    rows = list(Organisation.objects.filter(uuid__isnull=True).only("pk"))
    for row in rows:
        row.uuid = uuid.uuid4()
    Organisation.objects.bulk_update(rows, ["uuid"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0007_organisation_uuid_add"),
    ]

    operations = [
        migrations.RunPython(fill_uuids, migrations.RunPython.noop),
    ]
