"""The public directory of offers: search and filters, an offer's page, the comparison."""

from django.urls import path

from . import views_public

urlpatterns: list = [
    path("", views_public.directory, name="directory"),
    path("compare/", views_public.compare, name="compare"),
    path("<id:service_id>/", views_public.detail, name="detail"),
]
