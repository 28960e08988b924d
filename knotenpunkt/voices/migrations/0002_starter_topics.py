"""Networks that existed before voices get the starter topics too."""

from django.db import migrations

STARTER_KEYS = {
    "language": "Deutsch lernen",
    "counselling": "Beratung",
    "work": "Arbeit und Ausbildung",
    "housing": "Wohnen",
    "children-school": "Kinder und Schule",
    "women": "Frauen",
    "health": "Gesundheit",
    "authorities": "Ämter und Behörden",
    "discrimination": "Diskriminierung",
    "volunteering": "Ehrenamt",
    "network": "Dieses Netzwerk",
    "other": "Etwas anderes",
}


def starter_topics_for_existing_networks(apps, schema_editor):
    # The names are only the stored fallback: pages show starter topics translated by key.
    Network = apps.get_model("core", "Network")
    VoiceTopic = apps.get_model("voices", "VoiceTopic")
    for network in Network.objects.all():
        existing = set(
            VoiceTopic.objects.filter(network=network).values_list("key", flat=True)
        )
        VoiceTopic.objects.bulk_create(
            VoiceTopic(network=network, key=key, name=name, position=position)
            for position, (key, name) in enumerate(STARTER_KEYS.items())
            if key not in existing
        )


class Migration(migrations.Migration):
    dependencies = [("voices", "0001_initial"), ("core", "0011_rate_count")]

    operations = [
        migrations.RunPython(starter_topics_for_existing_networks, migrations.RunPython.noop)
    ]
