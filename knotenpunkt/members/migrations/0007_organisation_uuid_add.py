"""Organisations get a UUID, the identifier the HSDS API names them by (first of three steps).

As Django's guide to adding a unique column to existing rows does it: a nullable column
here, a fresh uuid4 for every row in 0008, then unique and required in 0009. A single
default would give every existing row the same value.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0006_person_erasure_mentions"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="uuid",
            field=models.UUIDField(null=True, editable=False),
        ),
    ]
