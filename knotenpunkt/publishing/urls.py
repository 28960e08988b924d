from django.urls import path

from . import views, views_settings

app_name = "publishing"

urlpatterns = [
    path("pages/<slug:slug>/", views.static_page, name="page"),
    path("manage/settings/", views_settings.network_settings, name="settings"),
    path(
        "manage/settings/pages/<slug:slug>/<slug:language>/",
        views_settings.static_page_text,
        name="page_text",
    ),
]
