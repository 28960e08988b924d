"""Member pages: public directory, workspace, and the coordinator's organisation pages.

People, contact positions and agreements have their own modules (views_people,
views_agreements); CSV import and export live in views_csv.
"""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from knotenpunkt.core.dates import network_today
from knotenpunkt.core.params import query_id
from knotenpunkt.core.policy import can, public, requires
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import form_flow, initial_from, paginate

from . import services
from .forms import (
    DirectoryFilterForm,
    HandoverNoteForm,
    JoinForm,
    LeaveForm,
    MemberListFilterForm,
    OrganisationCreateForm,
    OrganisationForm,
    OrganisationProfileForm,
    SignatureForm,
)
from .selectors import (
    agreement_versions_list,
    current_agreement_version,
    current_agreement_version_memoised,
    editable_organisation_get,
    member_list_rows,
    note_position_get,
    organisation_get,
    organisation_timeline,
    organisations_list,
    organisations_spoken_for,
    positions_held,
    public_directory,
)

# Columns of the member list that sort, with the sort key they use.
SORT_COLUMNS = [
    ("name", gettext_lazy("Name")),
    ("kind", gettext_lazy("Kind")),
    ("city", gettext_lazy("City")),
    ("joined", gettext_lazy("Membership")),
]


def _detail_url(network, organisation):
    return network_reverse(network, "members:organisation_detail", organisation_id=organisation.pk)


# Public and workspace --------------------------------------------------------------------


@public
def directory(request):
    form = DirectoryFilterForm(request.GET or None, network=request.network)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    organisations = public_directory(
        network=request.network, query=filters.get("q", ""), kind=filters.get("kind", "")
    )
    page = paginate(request, organisations, per_page=50)
    return render(request, "members/directory.html", {"form": form, "page": page})


@requires("workspace.view")
def workspace(request):
    context = {
        "organisations": organisations_spoken_for(user=request.user, network=request.network),
        "positions": positions_held(user=request.user, network=request.network),
    }
    return render(request, "members/workspace.html", context)


@requires("workspace.view")
def position_note(request, position_id):
    """The holder of a contact role writes down what their successor needs to know."""
    network = request.network
    position = note_position_get(user=request.user, network=network, position_id=position_id)
    form = HandoverNoteForm(request.POST or None, initial={"note": position.handover_note})
    return form_flow(
        request,
        form,
        save=lambda: services.position_note_update(
            position=position, actor=request.user, note=form.cleaned_data["note"]
        ),
        message=_("The note for the successor was saved."),
        next_url=network_reverse(network, "members:workspace"),
        title=_("Note for the successor as %(role)s of %(organisation)s")
        % {"role": position.role_label, "organisation": position.organisation.name},
        intro=_(
            "Your successor reads this note when they take over; the coordination and the "
            "city liaison can see it too."
        ),
        back_url=network_reverse(network, "members:workspace"),
        submit_label=_("Save note"),
    )


@requires("organisation.edit_own")
def workspace_organisation_edit(request, organisation_id):
    organisation = editable_organisation_get(
        user=request.user, network=request.network, organisation_id=organisation_id
    )
    form = OrganisationProfileForm(
        request.POST or None, initial=initial_from(organisation, OrganisationProfileForm)
    )
    return form_flow(
        request,
        form,
        save=lambda: services.organisation_update(
            organisation=organisation, actor=request.user, **form.cleaned_data
        ),
        message=_("The profile of %(name)s was saved.") % {"name": organisation.name},
        next_url=network_reverse(request.network, "members:workspace"),
        title=_("Profile of %(name)s") % {"name": organisation.name},
        intro=_("This is what the network and, with your consent, the public see."),
        back_url=network_reverse(request.network, "members:workspace"),
        submit_label=_("Save profile"),
    )


# Coordinator: organisations --------------------------------------------------------------


def _sort_columns(request, current: str) -> list[dict]:
    """Header links: a click sorts by the column, a second click reverses the order."""
    columns = []
    for key, label in SORT_COLUMNS:
        params = request.GET.copy()
        params.pop("page", None)
        params["sort"] = f"-{key}" if current == key else key
        state = {key: "ascending", f"-{key}": "descending"}.get(current)
        columns.append({"label": label, "url": f"?{params.urlencode()}", "aria_sort": state})
    return columns


@requires("members.view_internal")
def manage_list(request):
    network = request.network
    form = MemberListFilterForm(request.GET, network=network)
    filters = form.filters()
    version = current_agreement_version_memoised(network=network)
    page = paginate(request, organisations_list(network=network, version=version, **filters))
    page.object_list = member_list_rows(page.object_list, network=network)
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "version": version,
        "columns": _sort_columns(request, filters["sort"]),
    }
    return render(request, "members/manage_list.html", context)


@requires("members.manage")
def organisation_create(request):
    network = request.network
    form = OrganisationCreateForm(request.POST or None, network=network)
    return form_flow(
        request,
        form,
        save=lambda: services.organisation_create(
            network=network, actor=request.user, **form.cleaned_data
        ),
        message=lambda organisation: _("%(name)s was added.") % {"name": organisation.name},
        next_url=lambda organisation: _detail_url(network, organisation),
        title=_("Add an organisation"),
        back_url=network_reverse(network, "members:manage_list"),
        submit_label=_("Add organisation"),
    )


@requires("members.view_internal")
def organisation_detail(request, organisation_id):
    network = request.network
    organisation = organisation_get(network=network, organisation_id=organisation_id)
    positions = list(organisation.positions.all())
    memberships = list(organisation.memberships.all())
    context = {
        "organisation": organisation,
        "memberships": memberships,
        "is_member": any(period.left_on is None for period in memberships),
        "current_positions": [position for position in positions if position.is_open],
        "past_positions": [position for position in positions if not position.is_open],
        "signatures": organisation.signatures.all(),
        "timeline": organisation_timeline(
            organisation=organisation, include_audit=can(request.user, network, "audit.view")
        ),
    }
    return render(request, "members/organisation_detail.html", context)


@requires("members.manage")
def organisation_edit(request, organisation_id):
    network = request.network
    organisation = organisation_get(network=network, organisation_id=organisation_id)
    initial = initial_from(organisation, OrganisationForm)
    form = OrganisationForm(
        request.POST or None, network=network, organisation=organisation, initial=initial
    )
    return form_flow(
        request,
        form,
        save=lambda: services.organisation_update(
            organisation=organisation, actor=request.user, **form.cleaned_data
        ),
        message=lambda updated: _("%(name)s was saved.") % {"name": updated.name},
        next_url=_detail_url(network, organisation),
        title=_("Edit %(name)s") % {"name": organisation.name},
        back_url=_detail_url(network, organisation),
        submit_label=_("Save"),
    )


@requires("members.manage")
def membership_join(request, organisation_id):
    network = request.network
    organisation = organisation_get(network=network, organisation_id=organisation_id)
    form = JoinForm(request.POST or None, initial={"joined_on": network_today(network)})
    return form_flow(
        request,
        form,
        save=lambda: services.membership_join(
            organisation=organisation,
            actor=request.user,
            joined_on=form.cleaned_data["joined_on"],
        ),
        message=_("%(name)s is a member now.") % {"name": organisation.name},
        next_url=_detail_url(network, organisation),
        title=_("%(name)s joins the network") % {"name": organisation.name},
        intro=_("A new membership period starts; earlier periods stay in the history."),
        back_url=_detail_url(network, organisation),
        submit_label=_("Record joining"),
    )


@requires("members.manage")
def membership_leave(request, organisation_id):
    network = request.network
    organisation = organisation_get(network=network, organisation_id=organisation_id)
    form = LeaveForm(request.POST or None, initial={"left_on": network_today(network)})
    return form_flow(
        request,
        form,
        save=lambda: services.membership_leave(
            organisation=organisation,
            actor=request.user,
            left_on=form.cleaned_data["left_on"],
            reason=form.cleaned_data["reason"],
        ),
        message=_("%(name)s has left the network.") % {"name": organisation.name},
        next_url=_detail_url(network, organisation),
        title=_("%(name)s leaves the network") % {"name": organisation.name},
        intro=_("The membership period ends; the organisation and its history stay."),
        back_url=_detail_url(network, organisation),
        submit_label=_("Record leaving"),
    )


@requires("agreements.manage")
def signature_add(request, organisation_id):
    network = request.network
    organisation = organisation_get(network=network, organisation_id=organisation_id)
    versions = agreement_versions_list(network=network)
    initial = {"signed_on": network_today(network)}
    initial["version"] = query_id(request, "version")
    if initial["version"] is None:
        current = current_agreement_version(network=network)
        initial["version"] = current.pk if current else None
    form = SignatureForm(
        request.POST or None,
        network=network,
        organisation=organisation,
        versions=versions,
        initial=initial,
    )
    return form_flow(
        request,
        form,
        save=lambda: services.agreement_sign(
            organisation=organisation, actor=request.user, **form.cleaned_data
        ),
        message=_("The signature of %(name)s was recorded.") % {"name": organisation.name},
        next_url=_detail_url(network, organisation),
        title=_("Record a signature of %(name)s") % {"name": organisation.name},
        back_url=_detail_url(network, organisation),
        submit_label=_("Record signature"),
    )
