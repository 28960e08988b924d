"""Public subscriber routes (under mail/): signing up, confirming, preferences, leaving."""

from django.urls import path, register_converter

from . import views_public


class LinkValueConverter:
    """A token or signed value of a mailed link: URL-safe base64 with `:` and `.`, bounded.

    Anything else (a NUL, which PostgreSQL refuses in a query, or a megabyte of text) is no
    match: the visitor gets a 404, never an error.
    """

    regex = "[A-Za-z0-9_.:-]{1,300}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return str(value)


register_converter(LinkValueConverter, "link_value")

urlpatterns = [
    path("subscribe/", views_public.subscribe, name="subscribe"),
    path("subscribe/sent/", views_public.subscribe_sent, name="subscribe_sent"),
    path("confirm/<link_value:confirmation>/", views_public.confirm, name="confirm"),
    path(
        "preferences/<link_value:subscriber_token>/",
        views_public.preferences,
        name="preferences",
    ),
    path(
        "unsubscribe/<link_value:subscriber_token>/",
        views_public.unsubscribe,
        name="unsubscribe",
    ),
]
