"""The coordinator's team page: who holds which role, open invitations, inviting and removing."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.policy import requires
from knotenpunkt.core.urls_helpers import network_reverse

from .forms import InviteForm
from .models import Invitation, NetworkRole, Role
from .selectors import invitations_open, team_roles
from .services import invitation_cancel, role_revoke, team_member_invite
from .views import add_domain_error


@requires("roles.manage")
def team(request):
    network = request.network
    form = InviteForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = team_member_invite(
                network=network, actor=request.user, **form.cleaned_data
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request, _("An invitation was sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect(network_reverse(network, "team:list"))
    context = {
        "form": form,
        "roles": team_roles(network=network),
        "invitations": invitations_open(network=network),
    }
    return render(request, "accounts/team.html", context)


def _confirm_page(request, *, title: str, question: str, button: str):
    context = {"title": title, "question": question, "button": button}
    return render(request, "accounts/team_confirm.html", context)


@requires("roles.manage")
def role_remove(request, network_role_id):
    """GET asks for confirmation, POST removes the role."""
    network_role = get_object_or_404(
        NetworkRole.objects.filter(network=request.network).select_related("user"),
        pk=network_role_id,
    )
    names = {"role": network_role.get_role_display(), "person": str(network_role.user)}
    if request.method != "POST":
        return _confirm_page(
            request,
            title=_("Remove a role"),
            question=_("Remove the role %(role)s from %(person)s?") % names,
            button=_("Remove role"),
        )
    try:
        role_revoke(
            network=request.network,
            user=network_role.user,
            role=network_role.role,
            actor=request.user,
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(person)s no longer has the role %(role)s.") % names)
        if network_role.user == request.user and network_role.role == Role.COORDINATOR:
            # Whoever gave up their own coordinator role may no longer see the team page.
            return redirect("accounts:home")
    return redirect(network_reverse(request.network, "team:list"))


@requires("roles.manage")
def invitation_withdraw(request, invitation_id):
    """GET asks for confirmation, POST withdraws the invitation so that its link stops working."""
    invitation = get_object_or_404(
        Invitation.objects.filter(network=request.network).select_related("person"),
        pk=invitation_id,
    )
    names = {"email": invitation.email, "role": invitation.get_role_display()}
    if request.method != "POST":
        return _confirm_page(
            request,
            title=_("Cancel an invitation"),
            question=_("Cancel the invitation of %(email)s as %(role)s? Its link stops working.")
            % names,
            button=_("Cancel invitation"),
        )
    try:
        invitation_cancel(invitation=invitation, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The invitation of %(email)s was cancelled.") % names)
    return redirect(network_reverse(request.network, "team:list"))
