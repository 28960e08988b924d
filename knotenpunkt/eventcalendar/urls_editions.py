"""Calendar routes (editions): the public bimonthly edition, its archive, and managing editions.

The period is matched by a regular expression so that `calendar/<slug>/` pages of the public
calendar, which come after these routes, stay reachable; the view 404s months without an edition.
"""

from django.urls import path, re_path

from . import views_editions

urlpatterns = [
    path("calendar/editions/", views_editions.archive, name="edition_archive"),
    re_path(r"^calendar/(?P<period>[0-9]{4}-[0-9]{2})/$", views_editions.edition, name="edition"),
    path("manage/calendar/editions/", views_editions.manage_list, name="edition_manage"),
    path("manage/calendar/editions/prepare/", views_editions.prepare, name="edition_prepare"),
    path(
        "manage/calendar/editions/<id:edition_id>/render/",
        views_editions.render_pdf,
        name="edition_render",
    ),
    path(
        "manage/calendar/editions/<id:edition_id>/publish/",
        views_editions.publish,
        name="edition_publish",
    ),
]
