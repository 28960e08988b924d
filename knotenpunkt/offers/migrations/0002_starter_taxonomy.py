"""Networks that existed before the directory get its starter taxonomy too."""

import uuid

from django.db import migrations
from django.utils import translation


def starter_taxonomy_for_existing_networks(apps, schema_editor):
    from knotenpunkt.offers.taxonomy import (
        CEFR_LEVELS,
        LANGUAGE_COURSE,
        STARTER_CATEGORIES,
        STARTER_LABELS,
        STARTER_TAXONOMY_NAME,
        STARTER_TAXONOMY_VERSION,
        cefr_code,
    )

    Network = apps.get_model("core", "Network")
    Taxonomy = apps.get_model("offers", "Taxonomy")
    TaxonomyTerm = apps.get_model("offers", "TaxonomyTerm")
    for network in Network.objects.all():
        with translation.override(network.default_language):
            taxonomy = Taxonomy.objects.create(
                network=network,
                uuid=uuid.uuid4(),
                name=STARTER_TAXONOMY_NAME,
                version=STARTER_TAXONOMY_VERSION,
            )
            parents = {}
            for position, (code, label) in enumerate(STARTER_CATEGORIES):
                parents[code] = TaxonomyTerm.objects.create(
                    network=network,
                    uuid=uuid.uuid4(),
                    taxonomy=taxonomy,
                    code=code,
                    name=str(label),
                    position=position,
                )
            for position, level in enumerate(CEFR_LEVELS):
                TaxonomyTerm.objects.create(
                    network=network,
                    uuid=uuid.uuid4(),
                    taxonomy=taxonomy,
                    code=cefr_code(level),
                    name=str(STARTER_LABELS[cefr_code(level)]),
                    parent=parents[LANGUAGE_COURSE],
                    position=position,
                )


class Migration(migrations.Migration):
    dependencies = [("offers", "0001_initial"), ("core", "0010_audit_system_label_in_no_language")]

    operations = [
        migrations.RunPython(starter_taxonomy_for_existing_networks, migrations.RunPython.noop)
    ]
