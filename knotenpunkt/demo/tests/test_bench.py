"""`make bench` must keep working: its data, its one-query baseline view, and a tiny full run.

No timings are asserted here; the benchmark only prints them.
"""

import os
import subprocess
import sys
from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.bare import ROWS
from bench.data import populate
from knotenpunkt.members.models import (
    AgreementSignature,
    ContactPosition,
    Membership,
    Organisation,
    Person,
)

BASE_DIR = Path(__file__).resolve().parents[3]


def test_populate_adds_organisations_with_their_history(network):
    populate(network, start=0, count=40)
    populate(network, start=40, count=40)
    assert Organisation.objects.filter(network=network).count() == 80
    # Numbers 0 and 40 left and re-joined; 10, 20, 30, 50, 60, 70 left.
    assert Membership.objects.filter(network=network).count() == 82
    assert Membership.objects.filter(network=network, left_on__isnull=True).count() == 74
    assert Person.objects.filter(network=network).count() == 80 + 27
    assert ContactPosition.objects.filter(network=network, ended_on__isnull=False).count() == 8
    assert AgreementSignature.objects.filter(network=network).count() == 40


def test_bare_view_renders_the_first_rows_with_one_query(network, client, settings):
    settings.ROOT_URLCONF = "bench.urls"
    populate(network, start=0, count=30)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/bench/bare/{network.pk}/{network.slug}/")
    assert response.status_code == 200
    assert len(captured) == 1
    html = response.content.decode()
    assert html.count('<th scope="row">') == ROWS
    first = Organisation.objects.filter(network=network).order_by("name").first()
    assert first.name in html


def test_full_benchmark_run_prints_its_figures():
    """Small sizes (bench/member_list.py, search.py, meetings.py read these options)."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    small = ["--small", "5", "--large", "30", "--runs", "1", "--entries", "500", "--scale", "3"]
    result = subprocess.run(
        [sys.executable, "-m", "bench", *small],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "query count the same for 5 and 30 organisations: yes" in result.stdout
    assert "ratio to the bare view" in result.stdout
    assert "indexed 500 entries" in result.stdout
    assert "demo size: 8 groups" in result.stdout
    assert "3× demo size: 24 groups" in result.stdout
    assert "query counts unchanged at 3× demo size: yes" in result.stdout
