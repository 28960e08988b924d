"""Calendar routes (manage)."""

urlpatterns: list = []
