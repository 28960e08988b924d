from django.urls import path

from . import views

app_name = "publishing"

urlpatterns = [
    path("pages/<slug:slug>/", views.static_page, name="page"),
]
