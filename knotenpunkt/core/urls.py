"""Network pages of the core, mounted under /<lang>/<network>/."""

from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.homepage, name="home"),
]
