"""URL contract (see DESIGN.md §4). Network pages live under /<lang>/<network>/.

Each domain app's `urls.py` holds its network pages; pages outside a network
(accounts, feeds, the HSDS API, health) are mounted here directly.
"""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from knotenpunkt.core import sitemaps, views_styleguide
from knotenpunkt.core import views as core_views
from knotenpunkt.meetings import views_feed as meetings_feed

network_patterns = [
    path("", include("knotenpunkt.core.urls")),
    path("", include("knotenpunkt.members.urls")),
    path("", include("knotenpunkt.accounts.urls_network")),
    path("", include("knotenpunkt.accounts.urls_audit")),
    path("", include("knotenpunkt.publishing.urls")),
    path("", include("knotenpunkt.workinggroups.urls")),
    path("", include("knotenpunkt.meetings.urls")),
    path("", include("knotenpunkt.eventcalendar.urls")),
    path("", include("knotenpunkt.knowledge.urls")),
    path("", include("knotenpunkt.infomail.urls")),
    path("", include("knotenpunkt.offers.urls")),
    path("", include("knotenpunkt.voices.urls")),
]

urlpatterns = [
    path("", core_views.network_list, name="network_list"),
    path("healthz", core_views.healthz, name="healthz"),
    path("styleguide/", views_styleguide.styleguide, name="styleguide"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path(
        "feeds/<slug:network_slug>/me/<slug:token>.ics",
        meetings_feed.personal_feed,
        name="meetings_personal_feed",
    ),
    path("feeds/<slug:network_slug>/", include("knotenpunkt.eventcalendar.urls_feeds")),
    path("api/hsds/<slug:network_slug>/", include("knotenpunkt.offers.urls_api")),
    path("accounts/", include("knotenpunkt.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path(settings.KNOTENPUNKT_ADMIN_PATH, admin.site.urls),
    # Same shape as core.middleware.NETWORK_PATH, so other two-part paths are plain 404s.
    re_path(r"^(?P<lang>[a-z]{2})/(?P<network>[-a-zA-Z0-9_]+)/", include(network_patterns)),
]

handler404 = "knotenpunkt.core.views.page_not_found"
handler500 = "knotenpunkt.core.views.server_error"
