"""Kinds of audit entries this app records (declared in `apps.py`, see core/audit.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublishingAuditKind(models.TextChoices):
    """The network's static pages, its home page and its news."""

    STATIC_PAGE_UPDATE = "static_page.update", _("Page text changed")
    STATIC_PAGE_VIDEO = "static_page.video", _("Sign-language video changed")
    HOME_ARRANGE = "home.arrange", _("Home page arranged")
    NEWS_CREATE = "news.create", _("News written")
    NEWS_UPDATE = "news.update", _("News changed")
    NEWS_PUBLISH = "news.publish", _("News published")
    NEWS_UNPUBLISH = "news.unpublish", _("News withdrawn")
