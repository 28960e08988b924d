"""Meeting pages inside a network."""

app_name = "meetings"

urlpatterns: list = []
