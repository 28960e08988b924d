"""Generated files: the import never fails with anything but ImportRejected, never writes half
(neither the service nor the pages and the task behind them)."""

import csv
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from hypothesis import HealthCheck, event, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from knotenpunkt.core.errors import ImportRejected
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.members.csv_import import csv_import_run
from knotenpunkt.members.forms_csv import COLUMNS
from knotenpunkt.members.models import (
    ContactPosition,
    ImportJob,
    Membership,
    Organisation,
    Person,
)
from knotenpunkt.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

GENERATED = hypothesis_settings(
    max_examples=150,
    deadline=None,
    database=None,  # no .hypothesis directory in the working tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MODELS = (Organisation, Membership, Person, ContactPosition, AuditEntry)

HEADERS = [column.key for columns in COLUMNS.values() for column in columns] + [
    "Name",
    "Art",
    "E-Mail",
    "Ort",
    "unbekannt",
    "",
]
GOOD_VALUES = [
    "association",
    "Other",
    "Caritas",
    "yes",
    "nein",
    "2020-02-29",
    "31.12.1999",
    "de, tr",
    "a@example.org",
    "https://example.org",
    "'=1+1",
]
cells = st.one_of(
    st.sampled_from(GOOD_VALUES),
    st.text(max_size=12),
    st.text(alphabet=";,\"'\r\n \t\ufeffäßİ€=+-@x", max_size=8),
)
rows = st.lists(st.lists(cells, max_size=8), max_size=6)
headers = st.one_of(
    st.sampled_from([["name", "kind", "city"], ["full_name", "email", "organisation", "role"]]),
    st.lists(st.sampled_from(HEADERS), min_size=1, max_size=7),
)


# Printable text, including quotes, delimiters and any script; control characters are in `cells`.
printable = st.characters(exclude_categories=("Cc", "Cs"))
names = st.text(printable, min_size=1, max_size=20)
# Valid values with free text where the model has free text; `cells` brings the invalid ones.
PLAUSIBLE = {
    "organisations": (
        ["name", "kind", "city", "languages", "joined_on"],
        st.tuples(
            names,
            st.sampled_from(["association", "Other", "welfare ORGANISATION"]),
            st.text(printable, max_size=10),
            st.sampled_from(["", "de", "de, tr"]),
            st.sampled_from(["", "2020-02-29", "31.12.1999"]),
        ),
    ),
    "people": (
        ["full_name", "email", "contact_consent", "organisation", "role"],
        st.tuples(
            names,
            st.one_of(st.just(""), st.emails()),
            st.sampled_from(["", "ja", "no", "1"]),
            st.sampled_from(
                [("", ""), ("Caritas", ""), ("caritas (musterstadt)", "=SUM(A1)"), ("Caritas", "X")]
            ),
        ).map(lambda row: (*row[:3], *row[3])),
    ),
}


def _text(table, delimiter, quoted) -> str:
    if quoted:
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(table)
        return buffer.getvalue()
    return "\n".join(delimiter.join(row) for row in table)


@st.composite
def csv_files(draw, kind: str) -> bytes:
    """Random bytes, a plausible file of the kind, or cells and headers thrown together."""
    shape = draw(st.sampled_from(["bytes", "plausible", "plausible", "chaos", "chaos"]))
    if shape == "bytes":
        return draw(st.binary(max_size=200))
    if shape == "plausible":
        header, row = PLAUSIBLE[kind]
        table = [header, *draw(st.lists(row, min_size=1, max_size=6))]
    else:
        table = [draw(headers), *draw(rows)]
    text = _text(table, draw(st.sampled_from([";", ","])), quoted=draw(st.booleans()))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    return text.encode(encoding, errors="replace")


def counts(network) -> tuple[int, ...]:
    return tuple(model.objects.filter(network=network).count() for model in MODELS)


@pytest.fixture
def caritas(network):
    return OrganisationFactory(network=network, name="Caritas", city="Musterstadt")


@GENERATED
@given(data=st.data(), kind=st.sampled_from(["organisations", "people"]))
def test_import_service_writes_all_rows_or_none(network, coordinator, caritas, data, kind):
    raw = data.draw(csv_files(kind))
    with transaction.atomic():
        before = counts(network)
        try:
            created = csv_import_run(network=network, actor=coordinator, kind=kind, raw=raw)
        except ImportRejected as error:
            event("rejected")
            assert counts(network) == before
            assert str(error.message)
            assert all(problem.row >= 1 and problem.message for problem in error.problems)
        else:
            event("imported")
            after = counts(network)
            main_model = 0 if kind == "organisations" else 2
            assert created >= 1
            assert after[main_model] - before[main_model] == created
            records = sum(after[:4]) - sum(before[:4])
            assert after[4] - before[4] == records  # one audit entry per record
        transaction.set_rollback(True)


@GENERATED
@given(data=st.data(), kind=st.sampled_from(["organisations", "people"]))
def test_import_views_never_fail(
    coordinator_client,
    network,
    caritas,
    settings,
    tmp_path,
    django_capture_on_commit_callbacks,
    run_tasks,
    data,
    kind,
):
    raw = data.draw(csv_files(kind))
    settings.VAR_DIR = tmp_path
    with transaction.atomic():
        before = counts(network)
        file = SimpleUploadedFile("generated.csv", raw, content_type="text/csv")
        response = coordinator_client.post(
            "/de/musterstadt/manage/members/import/", {"kind": kind, "file": file}
        )
        assert response.status_code == 200
        assert counts(network) == before
        token = re.search(r'name="token" value="([^"]+)"', response.text)
        if token:
            with django_capture_on_commit_callbacks(execute=True):
                response = coordinator_client.post(
                    "/de/musterstadt/manage/members/import/confirm/", {"token": token[1]}
                )
            assert response.status_code == 302
            assert run_tasks() == 1
            assert coordinator_client.get(response.url).status_code == 200
            job = ImportJob.objects.get(network=network, upload_token=token[1])
            after = counts(network)
            records = sum(after[:4]) - sum(before[:4])
            assert after[4] - before[4] == records + 1  # one per record, one for the job
            if job.status == ImportJob.Status.DONE:
                event("imported")
                main_model = 0 if kind == "organisations" else 2
                assert job.created_count >= 1
                assert after[main_model] - before[main_model] == job.created_count
            else:
                event("rejected by the task")
                assert job.status == ImportJob.Status.FAILED and job.errors
                assert records == 0
        transaction.set_rollback(True)
