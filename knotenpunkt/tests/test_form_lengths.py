"""No form lets through text longer than the column it is stored in.

SQLite keeps over-long text, PostgreSQL refuses it with an error (a 500), so the walk with
hostile values, which runs on SQLite first, cannot see it. This test compares each text field
of a form with the columns of the same name in its app: the form's limit must not be longer
than the longest of them (Django's form EmailField allows 320 characters, the column 254).
"""

from django import forms
from django.apps import apps
from django.db import models

from knotenpunkt.tests.test_hostile_values import project_forms

# Form fields that share a name with a column but are never stored in it.
NOT_STORED = {
    ("OrganisationRowForm", "kind"): "the name of a kind, looked up among the network's kinds",
    ("LoginForm", "password"): "compared with the stored hash",
}


def _column_limits() -> dict[tuple[str, str], int | None]:
    """(app, field name) → the longest column of that name in the app; None: one is unbounded."""
    lengths: dict[tuple[str, str], list[int | None]] = {}
    for model in apps.get_models():
        if not model.__module__.startswith("knotenpunkt."):
            continue
        for field in model._meta.get_fields():
            if isinstance(field, models.CharField | models.TextField):
                length = None if isinstance(field, models.TextField) else field.max_length
                lengths.setdefault((model._meta.app_label, field.name), []).append(length)
    return {key: None if None in found else max(found) for key, found in lengths.items()}


def test_no_form_field_is_longer_than_its_column():
    limits = _column_limits()
    too_long = []
    for form in project_forms():
        app = form.__module__.split(".")[1]
        for name, field in form.base_fields.items():
            column = limits.get((app, name))
            if not isinstance(field, forms.CharField) or column is None:
                continue
            if (form.__name__, name) in NOT_STORED:
                continue
            if field.max_length is None or field.max_length > column:
                too_long.append(f"{form.__module__}.{form.__name__}.{name}: {field.max_length}")
    assert not too_long, f"longer than the column ({too_long})"


def test_the_comparison_sees_the_columns():
    limits = _column_limits()
    assert limits[("meetings", "online_link")] == 200
    assert limits[("members", "email")] == 254
