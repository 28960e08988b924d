"""Network pages of the core, mounted under /<lang>/<network>/."""

from django.urls import path

from . import views, views_search

app_name = "core"

urlpatterns = [
    path("", views.homepage, name="home"),
    path("logo/", views.network_logo, name="logo"),
    path("workspace/search/", views_search.search_page, name="search"),
]
