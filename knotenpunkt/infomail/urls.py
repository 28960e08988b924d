"""The info mail's pages: public ones under mail/, the coordinator's under manage/mail/."""

from django.urls import include, path

app_name = "infomail"

urlpatterns = [
    path("mail/archive/", include("knotenpunkt.infomail.urls_archive")),
    path("mail/", include("knotenpunkt.infomail.urls_public")),
    path("manage/mail/subscribers/", include("knotenpunkt.infomail.urls_subscribers")),
    path("manage/mail/bounces/", include("knotenpunkt.infomail.urls_bounces")),
    path("manage/mail/", include("knotenpunkt.infomail.urls_manage")),
]
