"""Calendar pages inside a network. Each concern keeps its routes in its own module."""

from . import urls_editions, urls_manage, urls_public, urls_sources

app_name = "eventcalendar"

# The public list and the event pages come last: `calendar/<yyyy>-<mm>/` and the
# management routes must win over the event page's pattern.
urlpatterns = [
    *urls_manage.urlpatterns,
    *urls_sources.urlpatterns,
    *urls_editions.urlpatterns,
    *urls_public.urlpatterns,
]
