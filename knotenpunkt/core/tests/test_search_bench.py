"""`make bench`'s search benchmark keeps working: its data, its sanity check, its report.

No timings are asserted; the benchmark only prints them.
"""

import pytest
from django.db import connection

from bench import search as search_bench
from knotenpunkt.core.models import SearchEntry

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="it measures SQLite's FTS5 index"),
]


def test_a_small_run_prints_percentiles_and_the_ratio_to_the_raw_query(network, capsys):
    search_bench.main(["--entries", "400", "--runs", "1", "--small", "5"])
    out = capsys.readouterr().out
    assert "indexed 400 entries" in out
    assert "p95 ratio to the raw FTS query: target ≤ 3.0×" in out
    assert "selector and raw query find the same first page: yes" in out
    for query in search_bench.QUERIES:
        assert query in out


def test_the_data_mixes_visibilities_and_the_member_sees_only_part(network):
    search_bench.populate(network, [101, 102], entries=100)
    entries = SearchEntry.objects.filter(network=network)
    assert entries.count() == 100
    assert set(entries.values_list("visibility", flat=True)) == {
        "public",
        "network",
        "group",
        "coordinator",
    }
    assert search_bench.raw_search("protokoll")  # the index answers the raw query too
