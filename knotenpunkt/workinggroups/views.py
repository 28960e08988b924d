"""Working-group pages in the workspace: list, group page, cadence, and the lead's forms.

Everybody with a role reads; the coordinator founds and edits groups; a group's leads
(and the coordinator) change its members, leads and goals.
"""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext as _

from knotenpunkt.accounts.decorators import network_permission_required
from knotenpunkt.accounts.permissions import can
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import attempt, done, form_page, initial_from
from knotenpunkt.members.dates import network_today

from . import services
from .forms import (
    CadenceYearForm,
    GoalForm,
    GoalStatusForm,
    GroupForm,
    MemberAddForm,
    MemberRemoveForm,
)
from .models import Goal
from .permissions import can_lead, require_lead
from .selectors import (
    cadence,
    goal_get,
    group_detail,
    group_get,
    group_meetings,
    groups_list,
    groups_of_user,
    membership_get,
)


def _group_url(group) -> str:
    return network_reverse(group.network, "workinggroups:detail", group_slug=group.slug)


def _posted(request):
    """The POST data, also when it is empty (forms whose fields are all optional)."""
    return request.POST if request.method == "POST" else None


# Reading ---------------------------------------------------------------------------------


@network_permission_required("groups.view")
def group_list(request):
    network = request.network
    showing_all = request.GET.get("all") == "1"
    context = {
        "groups": groups_list(network=network, active_only=not showing_all),
        "showing_all": showing_all,
        "my_groups": groups_of_user(user=request.user, network=network),
        "may_manage": can(request.user, network, "groups.manage"),
        "may_see_cadence": can(request.user, network, "groups.cadence"),
    }
    return render(request, "workinggroups/group_list.html", context)


@network_permission_required("groups.view")
def group_detail_page(request, group_slug):
    group = group_detail(network=request.network, group_slug=group_slug)
    context = {
        "group": group,
        "meetings": group_meetings(group=group),
        "may_lead": can_lead(request.user, group),
        "may_manage": can(request.user, request.network, "groups.manage"),
        "status_form": GoalStatusForm(),
    }
    return render(request, "workinggroups/group_detail.html", context)


@network_permission_required("groups.cadence")
def cadence_page(request):
    """This year's cadence, or a past year's (`?year=`), which is then over in full."""
    this_year = network_today(request.network).year
    year = CadenceYearForm(request.GET).year_or(this_year)
    context = {
        "cadence": cadence(network=request.network, year=year),
        "previous_year": year - 1,
        "next_year": year + 1 if year < this_year else None,
    }
    return render(request, "workinggroups/cadence.html", context)


# Coordinator: groups ---------------------------------------------------------------------


@network_permission_required("groups.manage")
def group_create(request):
    network = request.network
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        group = attempt(
            form,
            lambda: services.group_create(network=network, actor=request.user, **form.cleaned_data),
        )
        if group:
            message = _("%(name)s was founded.") % {"name": group.name}
            return done(request, message, _group_url(group))
    return form_page(
        request,
        form,
        title=_("Found a working group"),
        back_url=network_reverse(network, "workinggroups:list"),
        submit_label=_("Found group"),
    )


@network_permission_required("groups.manage")
def group_edit(request, group_slug):
    group = group_get(network=request.network, group_slug=group_slug)
    back_url = _group_url(group)
    form = GroupForm(request.POST or None, initial=initial_from(group, GroupForm))
    if request.method == "POST" and form.is_valid():
        updated = attempt(
            form,
            lambda: services.group_update(group=group, actor=request.user, **form.cleaned_data),
        )
        if updated:
            return done(
                request, _("%(name)s was saved.") % {"name": group.name}, _group_url(updated)
            )
    return form_page(
        request,
        form,
        title=_("Edit %(name)s") % {"name": group.name},
        back_url=back_url,
        submit_label=_("Save group"),
    )


# Leads: members and leads ----------------------------------------------------------------


@network_permission_required("groups.view")
def member_add(request, group_slug):
    group = group_get(network=request.network, group_slug=group_slug)
    require_lead(request.user, group)
    form = MemberAddForm(request.POST or None, network=request.network)
    if request.method == "POST" and form.is_valid():
        membership = attempt(
            form,
            lambda: services.group_member_add(group=group, actor=request.user, **form.cleaned_data),
        )
        if membership:
            message = _("%(person)s joined %(group)s.") % {
                "person": membership.person.display_name,
                "group": group.name,
            }
            return done(request, message, _group_url(group))
    return form_page(
        request,
        form,
        title=_("Add a member to %(name)s") % {"name": group.name},
        back_url=_group_url(group),
        submit_label=_("Add member"),
    )


@network_permission_required("groups.view")
def member_remove(request, membership_id):
    membership = membership_get(network=request.network, membership_id=membership_id)
    group = membership.group
    require_lead(request.user, group)
    form = MemberRemoveForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        removed = attempt(
            form,
            lambda: services.group_member_remove(
                membership=membership, actor=request.user, **form.cleaned_data
            ),
        )
        if removed:
            message = _("%(person)s left %(group)s.") % {
                "person": membership.person.display_name,
                "group": group.name,
            }
            return done(request, message, _group_url(group))
    return form_page(
        request,
        form,
        title=_("%(person)s leaves %(group)s")
        % {"person": membership.person.display_name, "group": group.name},
        intro=_("The membership ends on this day; it stays in the group's history."),
        back_url=_group_url(group),
        submit_label=_("End membership"),
        danger=True,
    )


def _lead_change(request, membership_id, *, make_lead: bool):
    membership = membership_get(network=request.network, membership_id=membership_id)
    group = membership.group
    require_lead(request.user, group)
    form = forms.Form(_posted(request))
    names = {"person": membership.person.display_name, "group": group.name}
    if request.method == "POST" and form.is_valid():
        service = services.group_lead_set if make_lead else services.group_lead_unset
        changed = attempt(form, lambda: service(membership=membership, actor=request.user))
        if changed:
            message = (
                _("%(person)s now leads %(group)s.")
                if make_lead
                else _("%(person)s no longer leads %(group)s.")
            )
            return done(request, message % names, _group_url(group))
    if make_lead:
        title, label = _("Make %(person)s a lead of %(group)s") % names, _("Make lead")
    else:
        title, label = _("%(person)s no longer leads %(group)s") % names, _("End lead role")
    return form_page(
        request,
        form,
        title=title,
        intro=_("Leads change the group's members, goals and meetings."),
        back_url=_group_url(group),
        submit_label=label,
    )


@network_permission_required("groups.view")
def lead_set(request, membership_id):
    return _lead_change(request, membership_id, make_lead=True)


@network_permission_required("groups.view")
def lead_unset(request, membership_id):
    return _lead_change(request, membership_id, make_lead=False)


# Leads: goals ----------------------------------------------------------------------------


@network_permission_required("groups.view")
def goal_create(request, group_slug):
    group = group_get(network=request.network, group_slug=group_slug)
    require_lead(request.user, group)
    form = GoalForm(request.POST or None, initial={"status": Goal.Status.OPEN})
    if request.method == "POST" and form.is_valid():
        goal = attempt(
            form,
            lambda: services.goal_create(group=group, actor=request.user, **form.cleaned_data),
        )
        if goal:
            return done(request, _("The goal was added."), _group_url(group))
    return form_page(
        request,
        form,
        title=_("A new goal for %(name)s") % {"name": group.name},
        back_url=_group_url(group),
        submit_label=_("Add goal"),
    )


@network_permission_required("groups.view")
def goal_edit(request, goal_id):
    goal = goal_get(network=request.network, goal_id=goal_id)
    require_lead(request.user, goal.group)
    form = GoalForm(request.POST or None, initial=initial_from(goal, GoalForm))
    if request.method == "POST" and form.is_valid():
        updated = attempt(
            form, lambda: services.goal_update(goal=goal, actor=request.user, **form.cleaned_data)
        )
        if updated:
            return done(request, _("The goal was saved."), _group_url(goal.group))
    return form_page(
        request,
        form,
        title=_("Edit a goal of %(name)s") % {"name": goal.group.name},
        back_url=_group_url(goal.group),
        submit_label=_("Save goal"),
    )


@network_permission_required("groups.view")
def goal_status(request, goal_id):
    """The quick status change on the group page (the edit page changes everything)."""
    goal = goal_get(network=request.network, goal_id=goal_id)
    require_lead(request.user, goal.group)
    form = GoalStatusForm(request.POST or None, initial={"status": goal.status})
    if request.method == "POST" and form.is_valid():
        updated = attempt(
            form,
            lambda: services.goal_status_set(
                goal=goal, actor=request.user, status=form.cleaned_data["status"]
            ),
        )
        if updated:
            return done(
                request,
                _("The goal is now “%(status)s”.") % {"status": updated.get_status_display()},
                _group_url(goal.group),
            )
    return form_page(
        request,
        form,
        title=_("Status of a goal of %(name)s") % {"name": goal.group.name},
        back_url=_group_url(goal.group),
        submit_label=_("Save status"),
    )
