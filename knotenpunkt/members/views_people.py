"""Coordinator pages about people: the list, their data, contact positions, handover, erasure."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from knotenpunkt.core.dates import network_today
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.params import query_text
from knotenpunkt.core.policy import requires
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import done, form_flow, initial_from, paginate

from . import services
from .forms import HandoverForm, PersonForm, PositionCloseForm, PositionOpenForm
from .selectors import (
    erasure_mentions,
    erasure_requests_open_count,
    has_member_access,
    organisation_get,
    person_get,
    persons_list,
    position_get,
)


def _person_url(network, person):
    return network_reverse(network, "members:person_detail", person_id=person.pk)


def _organisation_url(network, organisation):
    return network_reverse(network, "members:organisation_detail", organisation_id=organisation.pk)


@requires("members.view_internal")
def person_list(request):
    query = query_text(request, "q")
    page = paginate(request, persons_list(network=request.network, query=query))
    context = {
        "page": page,
        "query": query,
        "erasure_requests": erasure_requests_open_count(network=request.network),
    }
    return render(request, "members/person_list.html", context)


@requires("members.manage")
def person_create(request):
    network = request.network
    form = PersonForm(request.POST or None)
    return form_flow(
        request,
        form,
        save=lambda: services.person_create(
            network=network, actor=request.user, **form.cleaned_data
        ),
        message=lambda person: _("%(name)s was added.") % {"name": person.display_name},
        next_url=lambda person: _person_url(network, person),
        title=_("Add a person"),
        back_url=network_reverse(network, "members:person_list"),
        submit_label=_("Add person"),
    )


@requires("members.view_internal")
def person_detail(request, person_id):
    person = person_get(network=request.network, person_id=person_id)
    context = {
        "person": person,
        "mentions": erasure_mentions(person=person),
        "positions": person.positions.all(),
        "signatures": person.signatures.all(),
    }
    return render(request, "members/person_detail.html", context)


@requires("members.manage")
def person_edit(request, person_id):
    network = request.network
    person = person_get(network=network, person_id=person_id)
    form = PersonForm(request.POST or None, initial=initial_from(person, PersonForm))
    return form_flow(
        request,
        form,
        save=lambda: services.person_update(person=person, actor=request.user, **form.cleaned_data),
        message=lambda updated: _("%(name)s was saved.") % {"name": updated.display_name},
        next_url=_person_url(network, person),
        title=_("Edit %(name)s") % {"name": person.display_name},
        back_url=_person_url(network, person),
        submit_label=_("Save"),
    )


@requires("people.erase")
def person_erase(request, person_id):
    """GET asks for confirmation; only the POST erases."""
    network = request.network
    person = person_get(network=network, person_id=person_id)
    error = None
    if request.method == "POST":
        try:
            services.person_erase(person=person, actor=request.user)
        except DomainError as domain_error:
            error = domain_error.message
        else:
            return done(request, _("The personal data was erased."), _person_url(network, person))
    context = {"person": person, "error": error, "back_url": _person_url(network, person)}
    return render(request, "members/person_erase.html", context)


# Contact positions -----------------------------------------------------------------------


@requires("members.manage")
def position_open(request, organisation_id):
    network = request.network
    organisation = organisation_get(network=network, organisation_id=organisation_id)
    form = PositionOpenForm(
        request.POST or None,
        network=network,
        initial={"started_on": network_today(network)},
    )
    return form_flow(
        request,
        form,
        save=lambda: services.position_open(
            organisation=organisation,
            actor=request.user,
            started_on=form.cleaned_data["started_on"],
            role=form.cleaned_data["role"],
            person=form.cleaned_data["person"],
            person_data=form.person_data(),
        ),
        message=lambda position: (
            _("%(person)s is %(role)s of %(organisation)s now.")
            % {
                "person": position.person.display_name,
                "role": position.role_label,
                "organisation": organisation.name,
            }
        ),
        next_url=_organisation_url(network, organisation),
        title=_("Add a contact person to %(name)s") % {"name": organisation.name},
        back_url=_organisation_url(network, organisation),
        submit_label=_("Add contact"),
    )


@requires("members.manage")
def position_close(request, position_id):
    network = request.network
    position = position_get(network=network, position_id=position_id)
    form = PositionCloseForm(request.POST or None, initial={"ended_on": network_today(network)})
    return form_flow(
        request,
        form,
        save=lambda: services.position_close(
            position=position, actor=request.user, ended_on=form.cleaned_data["ended_on"]
        ),
        message=_("The contact role has ended."),
        next_url=_organisation_url(network, position.organisation),
        title=_("End the role of %(person)s at %(organisation)s")
        % {"person": position.person.display_name, "organisation": position.organisation.name},
        intro=_(
            "Use this when nobody takes over. To pass the role on to someone, hand it over instead."
        ),
        back_url=_organisation_url(network, position.organisation),
        submit_label=_("End role"),
    )


def _handover_message(position, new_position, *, ended_access: bool) -> str:
    """Who took over, and a pointer to the predecessor's note when there is one."""
    names = {"new": new_position.person.display_name, "old": position.person.display_name}
    message = _("%(new)s took over from %(old)s.") % names
    if new_position.predecessor.handover_note:
        message += " " + _("%(new)s finds the note from %(old)s in their workspace.") % names
    if ended_access:
        message += " " + _("%(old)s no longer has access to the workspace.") % names
    return message


@requires("members.handover")
def contact_handover(request, position_id):
    network = request.network
    position = position_get(network=network, position_id=position_id)
    form = HandoverForm(
        request.POST or None,
        network=network,
        position=position,
        initial={"on": network_today(network), "note": position.handover_note},
    )
    return form_flow(
        request,
        form,
        save=lambda: services.contact_handover(
            position=position,
            actor=request.user,
            on=form.cleaned_data["on"],
            note=form.cleaned_data["note"],
            successor=form.cleaned_data["successor"],
            successor_data=form.person_data(),
            end_access=form.cleaned_data.get("end_access", False),
        ),
        message=lambda new_position: _handover_message(
            position,
            new_position,
            ended_access=bool(form.cleaned_data.get("end_access"))
            and not has_member_access(network=network, person=position.person),
        ),
        next_url=_organisation_url(network, position.organisation),
        title=_("Hand over the role of %(person)s at %(organisation)s")
        % {"person": position.person.display_name, "organisation": position.organisation.name},
        intro=_(
            "The role of %(person)s (%(role)s) ends on the handover day and the successor's "
            "begins. The successor is invited by e-mail if they have no account yet."
        )
        % {"person": position.person.display_name, "role": position.role_label},
        back_url=_organisation_url(network, position.organisation),
        submit_label=_("Hand over"),
    )
