"""Static pages (imprint, privacy, accessibility statement, …) with a text per language."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.models import NetworkScopedModel


class StaticPage(NetworkScopedModel):
    slug = models.SlugField(_("address"), max_length=80)
    in_footer = models.BooleanField(_("linked in the footer"), default=True)
    position = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["network", "slug"], name="unique_static_page_slug")
        ]

    def __str__(self) -> str:
        return self.slug


class StaticPageTranslation(NetworkScopedModel):
    page = models.ForeignKey(StaticPage, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text (Markdown)"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="unique_page_language")
        ]

    def __str__(self) -> str:
        return f"{self.page.slug} [{self.language}]"
