"""`/sitemap.xml` of the installation and `/robots.txt` pointing to it.

One sitemap lists every public page (core/public_pages.py) of every active network in each of
its languages; deactivated networks' pages answer "not found" and are left out.
"""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from . import public_pages
from .models import Network
from .policy import public

# Paths no robot needs: the workspace, accounts, the calendar and meeting feeds, the API's
# machine answers and the language switch (it only redirects).
DISALLOWED = ("/*/*/manage/", "/accounts/", "/feeds/", "/api/", "/i18n/")


class PublicPagesSitemap(Sitemap):
    limit = 10000

    def items(self):
        return [
            entry
            for network in Network.objects.filter(is_active=True).order_by("slug")
            for entry in public_pages.pages(network)
        ]

    def location(self, item):
        return item[0]

    def lastmod(self, item):
        return item[1]


@public
@require_safe
def sitemap(request):
    return sitemap_view(request, {"pages": PublicPagesSitemap})


@public
@require_safe
def robots_txt(request):
    lines = ["User-agent: *", "Allow: /"]
    lines += [f"Disallow: {path}" for path in DISALLOWED]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
