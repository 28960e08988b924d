"""The baseline: a bare Django view that renders the member list's first 25 rows in ONE query.

Same middleware, same template engine, same columns as `…/manage/members/`; no base
template, no context processors, no form, no paginator. The member list's time is
reported as a ratio to this view's time.
"""

from pathlib import Path

from django.db.models import Aggregate, CharField, Exists, F, OuterRef, Subquery, Value
from django.db.models.functions import Concat
from django.http import HttpResponse
from django.template import engines
from django.utils import timezone
from django_scopes import scopes_disabled

from knotenpunkt.members.models import (
    AgreementSignature,
    AgreementVersion,
    ContactPosition,
    Membership,
    Organisation,
)

ROWS = 25

# Loaded from bench/ (not an installed app) into the site's own Django template engine.
TEMPLATE = engines["django"].from_string(
    (Path(__file__).parent / "bare_member_rows.html").read_text(encoding="utf-8")
)


class GroupConcat(Aggregate):
    """SQLite's GROUP_CONCAT / PostgreSQL's STRING_AGG: all current contacts in one column."""

    function = "GROUP_CONCAT"
    template = "%(function)s(%(expressions)s, '; ')"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="STRING_AGG", **extra)


def bare_member_rows_queryset(network_id: int):
    """The first page of the member list (sorted by name) with everything a row shows."""
    today = timezone.now().date()
    current_version = (
        AgreementVersion.objects.filter(network=OuterRef("network"), valid_from__lte=today)
        .order_by("-valid_from")
        .values("pk")[:1]
    )
    open_membership = Membership.objects.filter(organisation=OuterRef("pk"), left_on__isnull=True)
    latest_membership = Membership.objects.filter(organisation=OuterRef("pk")).order_by(
        "-joined_on", "-pk"
    )
    contacts = (
        ContactPosition.objects.filter(organisation=OuterRef("pk"), ended_on__isnull=True)
        .values("organisation")
        .annotate(
            names=GroupConcat(
                Concat(F("person__full_name"), Value(" ("), F("role"), Value(")")),
            )
        )
        .values("names")
    )
    signed = AgreementSignature.objects.filter(
        organisation=OuterRef("pk"), version=Subquery(current_version)
    )
    return (
        Organisation.objects.filter(network_id=network_id)
        .select_related("kind")
        .annotate(
            member_since=Subquery(open_membership.values("joined_on")[:1]),
            last_left_on=Subquery(latest_membership.values("left_on")[:1]),
            contacts=Subquery(contacts),
            signed_current=Exists(signed),
        )
        .order_by("name", "pk")[:ROWS]
    )


def bare_member_rows(request, network_id: int, network_slug: str):
    with scopes_disabled():
        rows = list(bare_member_rows_queryset(network_id))
    return HttpResponse(TEMPLATE.render({"rows": rows, "slug": network_slug}))
