"""Organisations that existed before the UUID column each get their own UUID."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from knotenpunkt.members.models import Organisation
from knotenpunkt.members.tests.factories import OrganisationFactory

NULLABLE = [("members", "0007_organisation_uuid_add")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_existing_organisations_each_get_their_own_uuid(network):
    for _number in range(3):
        OrganisationFactory(network=network)
    try:
        apps = _migrate(NULLABLE)
        historical = apps.get_model("members", "Organisation")
        historical.objects.update(uuid=None)  # as they were before the column had values
        assert set(historical.objects.values_list("uuid", flat=True)) == {None}
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    values = list(Organisation.objects.filter(network=network).values_list("uuid", flat=True))
    assert len(values) == 3 and None not in values and len(set(values)) == 3
