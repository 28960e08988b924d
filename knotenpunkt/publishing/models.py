"""Static pages (imprint, privacy, accessibility statement, …) with a text per language."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.models import NetworkScopedModel


class StaticPage(NetworkScopedModel):
    slug = models.SlugField(_("address"), max_length=80)
    in_footer = models.BooleanField(_("linked in the footer"), default=True)
    position = models.PositiveSmallIntegerField(default=0)
    # Only the sign-language page uses it: the address of its video (a file or a player page).
    video_url = models.URLField(_("video address"), max_length=500, blank=True)
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


class HomeBlock(NetworkScopedModel):
    """Where one registered home-page block stands in this network's arrangement, and whether
    it shows. A block without a row stands after the arranged ones, shown (docs/decisions/0035).
    """

    template = models.CharField(max_length=200)
    position = models.PositiveSmallIntegerField(default=0)
    shown = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "template"]
        constraints = [
            models.UniqueConstraint(fields=["network", "template"], name="unique_home_block")
        ]

    def __str__(self) -> str:
        return self.template


class NewsItem(NetworkScopedModel):
    """A piece of news; its title and text are written per language (NewsTranslation).

    Visitors see it from `published_at` on; without a date it is a draft.
    """

    image = models.ImageField(_("image"), upload_to="news/%Y/", blank=True)
    image_alt = models.CharField(_("image description (alt text)"), max_length=300, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-created_at"]
        indexes = [models.Index(fields=["network", "published_at"])]

    def __str__(self) -> str:
        return f"news {self.pk}"


class NewsTranslation(NetworkScopedModel):
    item = models.ForeignKey(NewsItem, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text (Markdown)"), max_length=20000)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "language"], name="unique_news_language")
        ]

    def __str__(self) -> str:
        return f"{self.item_id} [{self.language}]"
