"""CSV import and export of organisations and people (coordinator pages)."""

urlpatterns: list = []
