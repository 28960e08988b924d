"""The directory's pages: public ones under offers/, the organisations' and the
coordinator's under manage/offers/."""

from django.urls import include, path

app_name = "offers"

urlpatterns = [
    path("offers/confirm/", include("knotenpunkt.offers.urls_confirm")),
    path("offers/", include("knotenpunkt.offers.urls_public")),
    path("manage/offers/", include("knotenpunkt.offers.urls_manage")),
]
