"""Calendar routes (public)."""

urlpatterns: list = []
