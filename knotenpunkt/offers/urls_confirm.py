"""Filled in as the pages are built."""

urlpatterns = []
