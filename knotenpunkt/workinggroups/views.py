"""Working-group pages in the workspace: list, group page, cadence, and the lead's forms.

Everybody with a role reads; the coordinator founds and edits groups; a group's leads
(and the coordinator) change its members, leads and goals.
"""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext as _

from knotenpunkt.core.dates import network_today
from knotenpunkt.core.policy import can, requires
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import form_flow, initial_from

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
from .selectors import (
    goal_get,
    group_detail,
    group_get,
    groups_list,
    groups_of_user,
    membership_get,
)


def _group_url(group) -> str:
    return network_reverse(group.network, "workinggroups:detail", group_slug=group.slug)


def _posted(request):
    """The POST data, also when it is empty (forms whose fields are all optional)."""
    return request.POST if request.method == "POST" else None


# The objects of a lead's pages (the policy asks whether the user leads their group).


def _group(request, group_slug):
    return group_get(network=request.network, group_slug=group_slug)


def _membership(request, membership_id):
    return membership_get(network=request.network, membership_id=membership_id)


def _goal(request, goal_id):
    return goal_get(network=request.network, goal_id=goal_id)


# Reading ---------------------------------------------------------------------------------


@requires("groups.view")
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


@requires("groups.view")
def group_detail_page(request, group_slug):
    group = group_detail(network=request.network, group_slug=group_slug)
    context = {
        "group": group,
        "may_lead": can(request.user, request.network, "groups.lead", group),
        "may_manage": can(request.user, request.network, "groups.manage"),
        "status_form": GoalStatusForm(),
    }
    return render(request, "workinggroups/group_detail.html", context)


@requires("groups.cadence")
def cadence_page(request):
    """This year's cadence, or a past year's (`?year=`), which is then over in full.

    The meetings app counts the meetings (meetings_tags.cadence_of, docs/decisions/0008).
    """
    this_year = network_today(request.network).year
    year = CadenceYearForm(request.GET).year_or(this_year)
    context = {
        "year": year,
        "previous_year": year - 1,
        "next_year": year + 1 if year < this_year else None,
    }
    return render(request, "workinggroups/cadence.html", context)


# Coordinator: groups ---------------------------------------------------------------------


@requires("groups.manage")
def group_create(request):
    network = request.network
    form = GroupForm(request.POST or None)
    return form_flow(
        request,
        form,
        save=lambda: services.group_create(
            network=network, actor=request.user, **form.cleaned_data
        ),
        message=lambda group: _("%(name)s was founded.") % {"name": group.name},
        next_url=_group_url,
        title=_("Found a working group"),
        back_url=network_reverse(network, "workinggroups:list"),
        submit_label=_("Found group"),
    )


@requires("groups.manage")
def group_edit(request, group_slug):
    group = group_get(network=request.network, group_slug=group_slug)
    form = GroupForm(request.POST or None, initial=initial_from(group, GroupForm))
    return form_flow(
        request,
        form,
        save=lambda: services.group_update(group=group, actor=request.user, **form.cleaned_data),
        message=lambda _updated: _("%(name)s was saved.") % {"name": group.name},
        next_url=_group_url,
        title=_("Edit %(name)s") % {"name": group.name},
        back_url=_group_url(group),
        submit_label=_("Save group"),
    )


# Leads: members and leads ----------------------------------------------------------------


@requires("groups.lead", obj=_group)
def member_add(request, group_slug, obj):
    group = obj
    form = MemberAddForm(request.POST or None, network=request.network)
    return form_flow(
        request,
        form,
        save=lambda: services.group_member_add(
            group=group, actor=request.user, **form.cleaned_data
        ),
        message=lambda membership: (
            _("%(person)s joined %(group)s.")
            % {"person": membership.person.display_name, "group": group.name}
        ),
        next_url=_group_url(group),
        title=_("Add a member to %(name)s") % {"name": group.name},
        back_url=_group_url(group),
        submit_label=_("Add member"),
    )


@requires("groups.lead", obj=_membership)
def member_remove(request, membership_id, obj):
    membership = obj
    group = membership.group
    names = {"person": membership.person.display_name, "group": group.name}
    form = MemberRemoveForm(_posted(request))
    return form_flow(
        request,
        form,
        save=lambda: services.group_member_remove(
            membership=membership, actor=request.user, **form.cleaned_data
        ),
        message=_("%(person)s left %(group)s.") % names,
        next_url=_group_url(group),
        title=_("%(person)s leaves %(group)s") % names,
        intro=_("The membership ends on this day; it stays in the group's history."),
        back_url=_group_url(group),
        submit_label=_("End membership"),
        danger=True,
    )


def _lead_change(request, membership, *, make_lead: bool):
    group = membership.group
    form = forms.Form(_posted(request))
    names = {"person": membership.person.display_name, "group": group.name}
    if make_lead:
        service, message = services.group_lead_set, _("%(person)s now leads %(group)s.")
        title, label = _("Make %(person)s a lead of %(group)s") % names, _("Make lead")
    else:
        service, message = services.group_lead_unset, _("%(person)s no longer leads %(group)s.")
        title, label = _("%(person)s no longer leads %(group)s") % names, _("End lead role")
    return form_flow(
        request,
        form,
        save=lambda: service(membership=membership, actor=request.user),
        message=message % names,
        next_url=_group_url(group),
        title=title,
        intro=_("Leads change the group's members, goals and meetings."),
        back_url=_group_url(group),
        submit_label=label,
    )


@requires("groups.lead", obj=_membership)
def lead_set(request, membership_id, obj):
    return _lead_change(request, obj, make_lead=True)


@requires("groups.lead", obj=_membership)
def lead_unset(request, membership_id, obj):
    return _lead_change(request, obj, make_lead=False)


# Leads: goals ----------------------------------------------------------------------------


@requires("groups.lead", obj=_group)
def goal_create(request, group_slug, obj):
    group = obj
    form = GoalForm(request.POST or None, initial={"status": Goal.Status.OPEN})
    return form_flow(
        request,
        form,
        save=lambda: services.goal_create(group=group, actor=request.user, **form.cleaned_data),
        message=_("The goal was added."),
        next_url=_group_url(group),
        title=_("A new goal for %(name)s") % {"name": group.name},
        back_url=_group_url(group),
        submit_label=_("Add goal"),
    )


@requires("groups.lead", obj=_goal)
def goal_edit(request, goal_id, obj):
    goal = obj
    form = GoalForm(request.POST or None, initial=initial_from(goal, GoalForm))
    return form_flow(
        request,
        form,
        save=lambda: services.goal_update(goal=goal, actor=request.user, **form.cleaned_data),
        message=_("The goal was saved."),
        next_url=_group_url(goal.group),
        title=_("Edit a goal of %(name)s") % {"name": goal.group.name},
        back_url=_group_url(goal.group),
        submit_label=_("Save goal"),
    )


@requires("groups.lead", obj=_goal)
def goal_status(request, goal_id, obj):
    """The quick status change on the group page (the edit page changes everything)."""
    goal = obj
    form = GoalStatusForm(request.POST or None, initial={"status": goal.status})
    return form_flow(
        request,
        form,
        save=lambda: services.goal_status_set(
            goal=goal, actor=request.user, status=form.cleaned_data["status"]
        ),
        message=lambda updated: (
            _("The goal is now “%(status)s”.") % {"status": updated.get_status_display()}
        ),
        next_url=_group_url(goal.group),
        title=_("Status of a goal of %(name)s") % {"name": goal.group.name},
        back_url=_group_url(goal.group),
        submit_label=_("Save status"),
    )
