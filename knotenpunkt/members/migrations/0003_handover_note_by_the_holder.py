"""The handover note becomes the holder's note for their successor.

Before, the note typed at a handover was stored on the successor's new position.
Now each holder writes it on their own position, so those notes move one step back
to the predecessor (oldest first, so that a chain of handovers moves along cleanly).
"""

from django.db import migrations, models


def notes_to_the_writer(apps, schema_editor):
    ContactPosition = apps.get_model("members", "ContactPosition")
    successors = (
        ContactPosition.objects.filter(predecessor__isnull=False)
        .exclude(handover_note="")
        .order_by("started_on", "pk")
    )
    for successor in successors:
        successor.refresh_from_db(fields=["handover_note"])
        predecessor = ContactPosition.objects.get(pk=successor.predecessor_id)
        if predecessor.handover_note or not successor.handover_note:
            continue
        predecessor.handover_note = successor.handover_note
        predecessor.save(update_fields=["handover_note"])
        successor.handover_note = ""
        successor.save(update_fields=["handover_note"])


def notes_to_the_reader(apps, schema_editor):
    ContactPosition = apps.get_model("members", "ContactPosition")
    successors = ContactPosition.objects.filter(predecessor__isnull=False).order_by(
        "-started_on", "-pk"
    )
    for successor in successors:
        successor.refresh_from_db(fields=["handover_note"])
        if successor.handover_note:
            continue
        predecessor = ContactPosition.objects.get(pk=successor.predecessor_id)
        if predecessor.handover_note:
            successor.handover_note = predecessor.handover_note
            successor.save(update_fields=["handover_note"])
            predecessor.handover_note = ""
            predecessor.save(update_fields=["handover_note"])


class Migration(migrations.Migration):

    dependencies = [
        ("members", "0002_list_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="contactposition",
            name="handover_note_updated_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(notes_to_the_writer, notes_to_the_reader),
    ]
