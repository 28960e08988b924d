"""Rules of the calendar's input that a form and a service both apply, each written once."""

from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.validation import check_web_link, max_length_of

from .models import EventSource


def check_source_origin(*, url: str, has_upload: bool) -> str:
    """A calendar source is an iCal web address or an uploaded file, exactly one of them."""
    url = check_web_link(url, field="url", max_length=max_length_of(EventSource, "url"))
    if bool(url) == has_upload:
        raise DomainError(_("Give either an iCal address or a file, not both."), field="url")
    return url
