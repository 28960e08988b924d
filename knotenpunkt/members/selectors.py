"""Reads of the members app. List selectors annotate everything a row shows: no query per row."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import JSONArray
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext

from knotenpunkt.accounts.models import ErasureRequest, NetworkRole, Role
from knotenpunkt.core import personal_data
from knotenpunkt.core.dates import network_today
from knotenpunkt.core.db_functions import JSONRows
from knotenpunkt.core.formatting import format_local_date
from knotenpunkt.core.memo import network_memo
from knotenpunkt.core.policy import can
from knotenpunkt.core.urls_helpers import network_reverse

from .models import (
    KNOWN_CONTACT_ROLES,
    AgreementSignature,
    AgreementVersion,
    ContactPosition,
    ImportJob,
    Membership,
    Organisation,
    OrganisationKind,
    Person,
)
from .timeline import organisation_timeline  # noqa: F401  (part of this module's interface)

STATUS_MEMBER, STATUS_FORMER, STATUS_ALL = "member", "former", "all"
AGREEMENT_SIGNED, AGREEMENT_UNSIGNED = "signed", "unsigned"

# Sort keys offered on the member list; the id keeps pages stable between equal names.
ORGANISATION_SORTS = {
    "name": ("name", "pk"),
    "-name": ("-name", "-pk"),
    "city": ("city", "name", "pk"),
    "-city": ("-city", "-name", "-pk"),
    "kind": ("kind__position", "name", "pk"),
    "-kind": ("-kind__position", "name", "pk"),
    "joined": (F("member_since").asc(nulls_last=True), "name", "pk"),
    "-joined": (F("member_since").desc(nulls_last=True), "name", "pk"),
}


# What a member-list row shows: the other columns (description, languages, time stamps) would
# be read and converted for every row only to be thrown away.
LIST_COLUMNS = ("network", "name", "kind", "city")


def kinds_list(*, network) -> QuerySet:
    return OrganisationKind.objects.filter(network=network).order_by("position", "name")


def current_agreement_version(*, network, on=None) -> AgreementVersion | None:
    """The version in force on a day (today in the network's time zone by default)."""
    on = on or network_today(network)
    return (
        AgreementVersion.objects.filter(network=network, valid_from__lte=on)
        .order_by("-valid_from")
        .first()
    )


def kinds_memoised(*, network) -> tuple[OrganisationKind, ...]:
    """The kinds for filter forms on busy list pages, memoised per process (core/memo.py)."""
    return network_memo(network, "kinds", lambda: tuple(kinds_list(network=network)))


def current_agreement_version_memoised(*, network) -> AgreementVersion | None:
    """The version in force today, for display on busy list pages (core/memo.py).

    Services use `current_agreement_version`: a write that adds a version must see it at once.
    """
    today = network_today(network)
    return network_memo(
        network,
        ("agreement in force", today),
        lambda: current_agreement_version(network=network, on=today),
    )


def _open_membership() -> QuerySet:
    return Membership.objects.filter(organisation=OuterRef("pk"), left_on__isnull=True)


@dataclass(frozen=True)
class CurrentContact:
    """Who speaks for an organisation now, as a list row shows it (texts ready to print)."""

    display_name: str  # "Former contact" once the person was erased
    email: str
    role_label: str


def _current_contacts_json() -> Subquery:
    """The open contact positions of the outer organisation as one JSON column."""
    positions = (
        ContactPosition.objects.filter(organisation=OuterRef("pk"), ended_on__isnull=True)
        .values("organisation")
        .annotate(
            rows=JSONRows(
                JSONArray(
                    F("role"),
                    F("started_on"),
                    F("pk"),
                    F("person__full_name"),
                    F("person__email"),
                    F("person__erased_at"),
                )
            )
        )
        .values("rows")
    )
    return Subquery(positions)


def with_current_contacts(organisations: QuerySet) -> QuerySet:
    """Annotate who speaks for each organisation now, read by `attach_current_contacts`.

    A column of the row query rather than a query of its own: list pages are the busiest.
    """
    return organisations.annotate(current_contacts_json=_current_contacts_json())


def attach_current_contacts(organisations) -> list[Organisation]:
    """Set `current_contacts` (by role, then longest-serving first) on rows annotated by
    `with_current_contacts`; list pages call it for the shown page only."""
    organisations = list(organisations)
    role_labels: dict[str, str] = {}
    former_contact = gettext("Former contact")
    for organisation in organisations:
        contacts = []
        # (role, started_on, pk, …) sorts like the positions themselves.
        for role, _started_on, _pk, name, email, erased_at in sorted(
            organisation.current_contacts_json or []
        ):
            if role not in role_labels:
                role_labels[role] = str(KNOWN_CONTACT_ROLES.get(role, role))
            contacts.append(
                CurrentContact(
                    display_name=former_contact if erased_at else name,
                    email=email,
                    role_label=role_labels[role],
                )
            )
        organisation.current_contacts = contacts
    return organisations


def member_list_rows(organisations, *, network) -> list[Organisation]:
    """A page of `organisations_list` with what its rows show beyond their own columns.

    The kind comes from the memoised kinds (a handful per network) instead of a join
    repeated on every row.
    """
    organisations = attach_current_contacts(organisations)
    kinds = {kind.pk: kind for kind in kinds_memoised(network=network)}
    for organisation in organisations:
        organisation.kind = kinds.get(organisation.kind_id) or organisation.kind
    attach_membership_status(organisations)
    return organisations


def attach_membership_status(organisations) -> None:
    """Set `membership_status` ("member since …", "left on …") on rows from `organisations_list`.

    Formatted here rather than with a translation block per row in the template, which cost
    more than the rest of the row together (see bench/member_list.py).
    """
    member_since, left_on = gettext("member since %(date)s"), gettext("left on %(date)s")
    not_a_member = gettext("not a member")
    for organisation in organisations:
        if organisation.member_since:
            text = member_since % {"date": format_local_date(organisation.member_since)}
        elif organisation.last_left_on:
            text = left_on % {"date": format_local_date(organisation.last_left_on)}
        else:
            text = not_a_member
        organisation.membership_status = text


def _signed(version: AgreementVersion | None):
    if version is None:
        return Value(False, output_field=BooleanField())
    return Exists(AgreementSignature.objects.filter(organisation=OuterRef("pk"), version=version))


def _status_annotations() -> dict:
    """`member_since` (start of the open period) and `last_left_on` (end of the latest one)."""
    latest = Membership.objects.filter(organisation=OuterRef("pk")).order_by("-joined_on", "-pk")
    return {
        "member_since": Subquery(_open_membership().values("joined_on")[:1]),
        "last_left_on": Subquery(latest.values("left_on")[:1]),
    }


def _list_row_annotations(*, network, version: AgreementVersion | None) -> dict:
    """The member list's per-row subqueries, built once per process, network and version.

    Building these expression trees (each inner query with its network filter) costs more
    than running them. `annotate()` copies an expression before resolving it against the
    query, so one built instance serves every request (core/memo.py).
    """
    return network_memo(
        network,
        ("member list row annotations", version.pk if version else None),
        lambda: {
            **_status_annotations(),
            "current_contacts_json": _current_contacts_json(),
            "signed_current": _signed(version),
        },
    )


def organisations_list(
    *,
    network,
    query: str = "",
    kind: str = "",
    status: str = STATUS_ALL,
    agreement: str = "",
    sort: str = "name",
    version: AgreementVersion | None = None,
) -> QuerySet:
    """The coordinator's member list: filtered and sorted in the database, ready to paginate.

    `version` is the agreement version the signed/unsigned filter refers to (normally the
    current one, which the caller fetches once to show it). Rows load only LIST_COLUMNS;
    `member_list_rows` adds the kind, the contacts and the status text to the shown page.
    """
    organisations = Organisation.objects.filter(network=network)
    query = (query or "").strip()
    if query:
        contact_match = ContactPosition.objects.filter(
            organisation=OuterRef("pk"), ended_on__isnull=True, person__full_name__icontains=query
        )
        organisations = organisations.filter(
            Q(name__icontains=query)
            | Q(city__icontains=query)
            | Q(email__icontains=query)
            | Exists(contact_match)
        )
    if kind:
        organisations = organisations.filter(kind__key=kind)
    if status == STATUS_MEMBER:
        organisations = organisations.filter(Exists(_open_membership()))
    elif status == STATUS_FORMER:
        organisations = organisations.filter(
            Exists(Membership.objects.filter(organisation=OuterRef("pk")))
        ).exclude(Exists(_open_membership()))
    if agreement == AGREEMENT_SIGNED:
        organisations = organisations.filter(_signed(version)) if version else organisations.none()
    elif agreement == AGREEMENT_UNSIGNED and version is not None:
        organisations = organisations.exclude(_signed(version))
    return (
        organisations.annotate(**_list_row_annotations(network=network, version=version))
        .only(*LIST_COLUMNS)
        .order_by(*ORGANISATION_SORTS.get(sort, ORGANISATION_SORTS["name"]))
    )


def organisation_get(*, network, organisation_id) -> Organisation:
    """One organisation with its periods, contacts (current and past) and signatures."""
    queryset = Organisation.objects.select_related("kind").prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.order_by("-joined_on", "-pk")),
        Prefetch(
            "positions",
            queryset=ContactPosition.objects.select_related("person", "predecessor__person"),
        ),
        Prefetch(
            "signatures",
            queryset=AgreementSignature.objects.select_related("version", "signed_by").order_by(
                "-version__valid_from"
            ),
        ),
    )
    return get_object_or_404(queryset, network=network, pk=organisation_id)


def organisations_without_current_signature(*, network, version=None) -> QuerySet:
    """Current members that have not signed the version in force (or the given one)."""
    version = version or current_agreement_version(network=network)
    if version is None:
        return Organisation.objects.none()
    organisations = (
        Organisation.objects.filter(network=network)
        .filter(Exists(_open_membership()))
        .exclude(_signed(version))
    )
    return (
        with_current_contacts(organisations)
        .annotate(member_since=Subquery(_open_membership().values("joined_on")[:1]))
        .select_related("kind")
        .order_by("name", "pk")
    )


def members_count(*, network) -> int:
    """How many organisations are members now (listed in the directory or not): one number,
    which names nobody, for the network's home page."""
    return Organisation.objects.filter(network=network).filter(Exists(_open_membership())).count()


def public_directory(*, network, query: str = "", kind: str = "") -> QuerySet:
    """Current members that agreed to be listed; only organisation data, nobody's personal data."""
    organisations = Organisation.objects.filter(network=network, public_listing=True).filter(
        Exists(_open_membership())
    )
    query = (query or "").strip()
    if query:
        organisations = organisations.filter(
            Q(name__icontains=query) | Q(city__icontains=query) | Q(description__icontains=query)
        )
    if kind:
        organisations = organisations.filter(kind__key=kind)
    return organisations.select_related("kind").order_by("name", "pk")


def organisations_spoken_for(*, user, network) -> QuerySet:
    """Organisations for which the user's contact person holds an open position."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    holds = ContactPosition.objects.filter(
        organisation=OuterRef("pk"),
        ended_on__isnull=True,
        person__user=user,
        person__erased_at__isnull=True,
    )
    return (
        Organisation.objects.filter(network=network)
        .filter(Exists(holds))
        .select_related("kind")
        .order_by("name", "pk")
    )


def positions_held(*, user, network) -> QuerySet:
    """The user's open contact positions, with what their predecessors left them."""
    if not getattr(user, "is_authenticated", False):
        return ContactPosition.objects.none()
    return (
        ContactPosition.objects.filter(
            network=network,
            ended_on__isnull=True,
            person__user=user,
            person__erased_at__isnull=True,
        )
        .select_related("organisation", "predecessor__person")
        .order_by("organisation__name", "started_on", "pk")
    )


def note_position_get(*, user, network, position_id) -> ContactPosition:
    """An open position whose note for the successor the user may write: their own, or any
    for the coordination. Anything else is a 404."""
    if can(user, network, "members.handover"):
        queryset = ContactPosition.objects.filter(network=network, ended_on__isnull=True)
    else:
        queryset = positions_held(user=user, network=network)
    return get_object_or_404(
        queryset.select_related("organisation", "person", "predecessor__person"), pk=position_id
    )


# People ----------------------------------------------------------------------------------


def persons_list(*, network, query: str = "") -> QuerySet:
    persons = Person.objects.filter(network=network)
    query = (query or "").strip()
    if query:
        persons = persons.filter(Q(full_name__icontains=query) | Q(email__icontains=query))
    current = Prefetch(
        "positions",
        queryset=ContactPosition.objects.filter(ended_on__isnull=True)
        .select_related("organisation")
        .order_by("organisation__name"),
        to_attr="current_positions",
    )
    # Erased people sort last: their name is blank.
    return persons.prefetch_related(current).order_by(
        F("erased_at").asc(nulls_first=True), "full_name", "pk"
    )


def person_get(*, network, person_id) -> Person:
    queryset = Person.objects.select_related("user").prefetch_related(
        Prefetch(
            "positions",
            queryset=ContactPosition.objects.select_related(
                "organisation", "predecessor__person"
            ).order_by("-started_on", "-pk"),
        ),
        Prefetch(
            "signatures",
            queryset=AgreementSignature.objects.select_related("organisation", "version"),
        ),
    )
    return get_object_or_404(queryset, network=network, pk=person_id)


def persons_for_choice(*, network) -> QuerySet:
    """People who can take a role or sign: everybody not erased."""
    return Person.objects.filter(network=network, erased_at__isnull=True).order_by(
        "full_name", "pk"
    )


# Agreements ------------------------------------------------------------------------------


def agreement_versions_list(*, network) -> QuerySet:
    return (
        AgreementVersion.objects.filter(network=network)
        .annotate(signature_count=Count("signatures"))
        .order_by("-valid_from")
    )


def agreement_get(*, network, agreement_id) -> AgreementVersion:
    return get_object_or_404(AgreementVersion, network=network, pk=agreement_id)


def agreement_signatures(*, version: AgreementVersion) -> QuerySet:
    return (
        AgreementSignature.objects.filter(network=version.network_id, version=version)
        .select_related("organisation", "signed_by")
        .order_by("organisation__name", "pk")
    )


def erasure_requests_list(*, network) -> list:
    """Open requests for erasure, oldest first, each with the requester's contact persons here."""
    requests = list(
        ErasureRequest.objects.filter(network=network, done_at__isnull=True)
        .select_related("user")
        .order_by("requested_at", "pk")
    )
    persons: dict[int, list[Person]] = {}
    for person in Person.objects.filter(
        network=network, user__in=[request.user_id for request in requests], erased_at__isnull=True
    ).order_by("full_name", "pk"):
        persons.setdefault(person.user_id, []).append(person)
    for request in requests:
        request.persons = persons.get(request.user_id, [])
    return requests


def erasure_requests_open_count(*, network) -> int:
    return ErasureRequest.objects.filter(network=network, done_at__isnull=True).count()


def erasure_request_get(*, network, request_id):
    return get_object_or_404(
        ErasureRequest.objects.select_related("user", "network"),
        network=network,
        pk=request_id,
        done_at__isnull=True,
    )


def erasure_mentions(*, person) -> list[dict]:
    """The places in free text that still held an erased person's name, ready to link."""
    if not person.erasure_mentions:
        return []
    root = network_reverse(person.network, "core:home")
    return [
        {
            "label": personal_data.mention_label(mention["kind"]),
            "title": mention["title"],
            "url": root + mention["url"],
        }
        for mention in person.erasure_mentions
    ]


def position_get(*, network, position_id) -> ContactPosition:
    queryset = ContactPosition.objects.select_related("organisation", "person")
    return get_object_or_404(queryset, network=network, pk=position_id)


def editable_organisation_get(*, user, network, organisation_id) -> Organisation:
    """The organisation if the user may edit its profile: coordinators any, contacts their own.

    Anything else is a 404, so that nobody learns which ids exist.
    """
    if can(user, network, "members.manage"):
        queryset = Organisation.objects.filter(network=network).select_related("kind")
    else:
        queryset = organisations_spoken_for(user=user, network=network)
    return get_object_or_404(queryset, pk=organisation_id)


# Access to the workspace -----------------------------------------------------------------


def speaks_for_an_organisation(*, network, person, besides=None) -> bool:
    """Whether the person holds an open contact position here (other than `besides`)."""
    positions = ContactPosition.objects.filter(
        network=network, person=person, ended_on__isnull=True
    )
    if besides is not None:
        positions = positions.exclude(pk=besides.pk)
    return positions.exists()


def has_member_access(*, network, person) -> bool:
    """Whether the person's account holds the member-contact role in this network."""
    if person.user_id is None:
        return False
    return NetworkRole.objects.filter(
        network=network, user_id=person.user_id, role=Role.MEMBER_CONTACT
    ).exists()


def unsigned_agreements_count(*, network) -> int:
    """Current members without a signature of the version in force, in one query (the
    version is a subquery), for the workspace's count (core/queues.py)."""
    in_force = (
        AgreementVersion.objects.filter(network=network, valid_from__lte=network_today(network))
        .order_by("-valid_from")
        .values("pk")[:1]
    )
    signed = AgreementSignature.objects.filter(
        organisation=OuterRef("pk"), version=Subquery(in_force)
    )
    return (
        Organisation.objects.filter(network=network)
        .filter(Exists(_open_membership()), Exists(in_force))
        .exclude(Exists(signed))
        .count()
    )


def import_jobs_needing_attention(*, network) -> QuerySet:
    """Imports still waiting or running, and failed ones whose details are still kept: the
    coordinator looks at these (the import page lists them, the workspace counts them)."""
    since = timezone.now() - timedelta(days=settings.KNOTENPUNKT_IMPORT_DETAILS_DAYS)
    return ImportJob.objects.filter(network=network).filter(
        Q(status__in=(ImportJob.Status.QUEUED, ImportJob.Status.RUNNING))
        | Q(status=ImportJob.Status.FAILED, finished_at__gte=since)
    )
