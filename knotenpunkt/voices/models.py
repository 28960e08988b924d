"""Voices: what volunteers and migrants tell the network, without an account.

A voice is sent from a public form; its sender keeps a status link whose token is stored
only as a hash (docs/decisions/0034-voices.md). The coordinator routes it to a working
group, answers it or closes it; answers appear on the status page.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.languages import language_name
from knotenpunkt.core.models import NetworkScopedModel

from .topics import topic_label

TEXT_MAX = 5000
ANSWER_MAX = 5000
PHONE_MAX = 40


def token_hash(token: str) -> str:
    """The stored form of a status token: its SHA-256 (the token itself is never stored)."""
    return hashlib.sha256(token.encode()).hexdigest()


class VoiceTopic(NetworkScopedModel):
    """One entry of the network's topic list on the voice form."""

    key = models.SlugField(_("key"), max_length=50)
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["network", "key"], name="unique_voice_topic_key")
        ]

    def __str__(self) -> str:
        return str(self.label)

    @property
    def label(self) -> str:
        return topic_label(self)


class Voice(NetworkScopedModel):
    class Status(models.TextChoices):
        NEW = "new", _("new")
        ROUTED = "routed", _("passed on")
        ANSWERED = "answered", _("answered")
        CLOSED = "closed", _("closed")

    topic = models.ForeignKey(
        VoiceTopic, on_delete=models.RESTRICT, related_name="voices", verbose_name=_("topic")
    )
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=10)
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=PHONE_MAX, blank=True)
    # The consent as the sender saw it, in the page's language: the proof of what they agreed to.
    consent_text = models.TextField(_("consent"))
    token_hash = models.CharField(max_length=64, unique=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    group = models.ForeignKey(
        "workinggroups.WorkingGroup",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="voices",
        verbose_name=_("working group"),
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    routed_at = models.DateTimeField(null=True, blank=True)
    first_answered_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    contact_erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["network", "status"])]

    def __str__(self) -> str:
        # The same in every language: it is written into the audit trail as the voice's label.
        return f"#{self.pk}"

    @property
    def language_name(self) -> str:
        return language_name(self.language)

    @property
    def has_contact(self) -> bool:
        return bool(self.contact_email or self.contact_phone)


class VoiceAnswer(NetworkScopedModel):
    """An answer to a voice; the sender reads it on the status page."""

    voice = models.ForeignKey(Voice, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("answer"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"#{self.voice_id}: {self.pk}"
