"""Working-group pages inside a network."""

app_name = "workinggroups"

urlpatterns: list = []
