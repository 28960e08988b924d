"""Calendar routes (editions)."""

urlpatterns: list = []
