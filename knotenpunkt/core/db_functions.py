"""Database functions Django does not ship for both of the supported databases."""

from django.db.models import Aggregate, JSONField


class JSONRows(Aggregate):
    """A group's values as one JSON array: `json_group_array` (SQLite), `jsonb_agg` (PostgreSQL).

    With `JSONArray(...)` inside, one column carries several fields of several related rows, so
    a list page gets them in its row query instead of a query of their own. The order of the
    elements is not defined: sort them in Python.
    """

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        # jsonb, not json: Django reads jsonb as text and decodes it in JSONField.
        return super().as_sql(compiler, connection, function="JSONB_AGG", **extra_context)
