"""Coordinator pages about the cooperation agreement: versions, signatures, who has not signed."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from knotenpunkt.core.policy import requires
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import form_flow, paginate

from . import services
from .forms import AgreementVersionForm
from .selectors import (
    agreement_get,
    agreement_signatures,
    agreement_versions_list,
    attach_current_contacts,
    current_agreement_version,
    organisations_without_current_signature,
)


@requires("members.view_internal")
def agreement_list(request):
    network = request.network
    context = {
        "versions": agreement_versions_list(network=network),
        "current": current_agreement_version(network=network),
    }
    return render(request, "members/agreement_list.html", context)


@requires("agreements.manage")
def agreement_create(request):
    network = request.network
    form = AgreementVersionForm(request.POST or None)
    return form_flow(
        request,
        form,
        save=lambda: services.agreement_version_create(
            network=network, actor=request.user, **form.cleaned_data
        ),
        message=lambda version: _("The version “%(title)s” was saved.") % {"title": version.title},
        next_url=lambda version: network_reverse(
            network, "members:agreement_detail", agreement_id=version.pk
        ),
        title=_("New version of the cooperation agreement"),
        intro=_("From its first day of validity, members are asked to sign the new version."),
        back_url=network_reverse(network, "members:agreement_list"),
        submit_label=_("Save version"),
    )


@requires("members.view_internal")
def agreement_detail(request, agreement_id):
    network = request.network
    version = agreement_get(network=network, agreement_id=agreement_id)
    current = current_agreement_version(network=network)
    context = {
        "version": version,
        "is_current": current is not None and current.pk == version.pk,
        "page": paginate(request, agreement_signatures(version=version), per_page=50),
    }
    return render(request, "members/agreement_detail.html", context)


@requires("members.view_internal")
def agreements_unsigned(request):
    network = request.network
    version = current_agreement_version(network=network)
    organisations = organisations_without_current_signature(network=network, version=version)
    page = paginate(request, organisations)
    page.object_list = attach_current_contacts(page.object_list)
    context = {"version": version, "page": page}
    return render(request, "members/agreements_unsigned.html", context)
