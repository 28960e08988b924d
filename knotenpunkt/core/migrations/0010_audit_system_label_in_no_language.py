"""Entries the system wrote kept "system" in the language active when they were written
("System", "система", …); the trail names the system in the reader's language instead."""

from django.conf import settings
from django.db import migrations
from django.utils import translation


def clear_system_labels(apps, schema_editor):
    AuditEntry = apps.get_model("core", "AuditEntry")
    labels = {"system"}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            labels.add(translation.gettext("system"))
    AuditEntry.objects.filter(actor__isnull=True, actor_label__in=labels).update(actor_label="")


class Migration(migrations.Migration):
    dependencies = [("core", "0009_network_accent_colour")]

    operations = [migrations.RunPython(clear_system_labels, migrations.RunPython.noop)]
