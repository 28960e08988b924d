"""The site's URLs plus the bare baseline view the member list is compared with."""

from django.urls import path

from config.urls import handler404, handler500  # noqa: F401  (the site's error pages)
from config.urls import urlpatterns as site_patterns

from .bare import bare_member_rows

urlpatterns = [
    path("bench/bare/<int:network_id>/<slug:network_slug>/", bare_member_rows, name="bench_bare"),
    *site_patterns,
]
