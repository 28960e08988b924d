"""Kinds of audit entries this app records (declared in `apps.py`, see core/audit.py).

Subscribing, confirming, changing preferences and leaving are recorded in the consent log
(`ConsentEvent`), which is the record a person's consent needs; the audit trail holds what
the network's team does.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InfomailAuditKind(models.TextChoices):
    MAILING_CREATE = "mailing.create", _("Info mail drafted")
    MAILING_UPDATE = "mailing.update", _("Info mail changed")
    MAILING_DELETE = "mailing.delete", _("Info mail draft deleted")
    MAILING_SEND_TEST = "mailing.send_test", _("Info mail test sent")
    MAILING_SCHEDULE = "mailing.schedule", _("Info mail scheduled")
    MAILING_UNSCHEDULE = "mailing.unschedule", _("Info mail schedule withdrawn")
    MAILING_SEND = "mailing.send", _("Info mail sent")
    TOPIC_CREATE = "topic.create", _("Info mail topic added")
    TOPIC_UPDATE = "topic.update", _("Info mail topic changed")
    SUBSCRIBER_SUSPEND = "subscriber.suspend", _("Info mail subscriber suspended after bounces")
    SUBSCRIBER_REACTIVATE = "subscriber.reactivate", _("Info mail subscriber reactivated")
    SUBSCRIBER_REMOVE = "subscriber.remove", _("Info mail subscriber removed")
