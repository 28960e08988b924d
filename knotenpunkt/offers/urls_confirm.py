"""The reminder mail's one-click confirmation (under offers/confirm/)."""

from django.urls import re_path

from . import views_confirm

# A signed value: URL-safe base64 with ":" between its parts, bounded; anything else is a 404.
urlpatterns = [
    re_path(r"^(?P<offer_token>[A-Za-z0-9_:-]{1,300})/$", views_confirm.confirm, name="confirm"),
]
