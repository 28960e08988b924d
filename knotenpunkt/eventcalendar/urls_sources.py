"""Calendar routes (sources)."""

urlpatterns: list = []
