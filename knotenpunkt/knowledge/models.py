"""The knowledge base: wiki pages whose every save is a revision, and uploaded documents.

What the network knows outlives the people who knew it: nothing here is
overwritten, a page's history keeps every version with its author and time.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.models import NetworkScopedModel


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    NETWORK = "network", _("Network-internal")
    GROUP = "group", _("Group-internal")


class Page(NetworkScopedModel):
    """A wiki page of the network (group empty) or of one working group."""

    group = models.ForeignKey(
        "workinggroups.WorkingGroup",
        null=True,
        blank=True,
        # Knowledge must not vanish with a group; a whole network may still be deleted.
        on_delete=models.RESTRICT,
        related_name="knowledge_pages",
        verbose_name=_("working group"),
    )
    slug = models.SlugField(_("short name in addresses"), max_length=80, allow_unicode=False)
    title = models.CharField(_("title"), max_length=200)
    visibility = models.CharField(
        _("visible to"), max_length=10, choices=Visibility.choices, default=Visibility.NETWORK
    )
    current_revision = models.ForeignKey(
        "Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "pk"]
        constraints = [
            # NULL is never equal to NULL in SQL, so network pages need their own constraint.
            models.UniqueConstraint(
                fields=["network", "slug"],
                condition=models.Q(group__isnull=True),
                name="unique_network_page_slug",
            ),
            models.UniqueConstraint(
                fields=["network", "group", "slug"],
                condition=models.Q(group__isnull=False),
                name="unique_group_page_slug",
            ),
        ]
        indexes = [models.Index(fields=["network", "group", "title"], name="page_network_group")]

    def __str__(self) -> str:
        return self.title

    @property
    def path(self) -> str:
        """The page's address inside the knowledge base: `slug` or `group-slug/slug`."""
        return f"{self.group.slug}/{self.slug}" if self.group_id else self.slug


class Revision(NetworkScopedModel):
    """One saved version of a page; restoring an old one saves it again as the newest."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text (Markdown)"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)
    comment = models.CharField(_("comment"), max_length=300, blank=True)
    restored_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="unique_revision_number")
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"


def document_path(document: "Document", filename: str) -> str:
    """documents/<network>/<random>/<name>: per network, and no address anyone could guess."""
    return f"documents/{document.network_id}/{secrets.token_urlsafe(24)}/{filename}"


class Document(NetworkScopedModel):
    """An uploaded file; it is only ever served through a view that checks who asks."""

    group = models.ForeignKey(
        "workinggroups.WorkingGroup",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="knowledge_documents",
        verbose_name=_("working group"),
    )
    page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
        verbose_name=_("page"),
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=document_path, max_length=300)
    filename = models.CharField(_("file name"), max_length=150)
    content_type = models.CharField(_("type"), max_length=120)
    size = models.PositiveBigIntegerField(_("size"))
    visibility = models.CharField(
        _("visible to"), max_length=10, choices=Visibility.choices, default=Visibility.NETWORK
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        indexes = [models.Index(fields=["network", "group", "uploaded_at"], name="document_group")]

    def __str__(self) -> str:
        return self.title
