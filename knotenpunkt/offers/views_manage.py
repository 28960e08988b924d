"""The workspace's offer pages: member contacts maintain their organisations' offers, places
and opening times; the coordinator all of them, with a filter, the share of fresh offers and
the freshness periods. The services decide; these pages ask them and show the answer.
"""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from knotenpunkt.core.dates import network_today
from knotenpunkt.core.policy import requires
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import attempt, done, form_flow, paginate

from . import services, services_places
from .forms_offers import ConfirmForm, ListFilterForm, OpeningForm, PeriodsForm, ServiceForm
from .freshness import freshness_of, periods_of
from .models import Location
from .selectors import (
    fresh_share,
    maintains_all,
    organisations_maintained,
    service_at_location_get,
    service_for_edit,
    service_places,
    services_maintained,
)
from .views_places import schedule_loaded

MANAGE = "offers.manage"


def _list_url(network) -> str:
    return network_reverse(network, "offers:manage")


def _detail_url(service) -> str:
    return network_reverse(service.network, "offers:manage_detail", service_id=service.pk)


def _service(request, service_id):
    return service_for_edit(network=request.network, service_id=service_id)


@requires(MANAGE)
def service_list(request):
    network, user = request.network, request.user
    periods, today = periods_of(network), network_today(network)
    everything = maintains_all(user, network)
    organisations = organisations_maintained(user=user, network=network)
    filter_form = ListFilterForm(request.GET or None, organisations=organisations)
    filters = filter_form.filters() if everything else {}
    page = paginate(
        request,
        services_maintained(user=user, network=network, periods=periods, today=today, **filters),
    )
    context = {
        "page": page,
        "entries": [(service, freshness_of(service, periods, today).value) for service in page],
        "filter_form": filter_form if everything else None,
        "share": fresh_share(network=network, periods=periods, today=today) if everything else None,
    }
    return render(request, "offers/manage/list.html", context)


def _form_page(request, form, *, title, submit_label, back_url, save):
    if request.method == "POST" and form.is_valid():
        service = attempt(form, lambda: save(form.values()))
        if service:
            message = _("“%(name)s” was saved.") % {"name": service.name}
            return done(request, message, _detail_url(service))
    context = {"form": form, "title": title, "submit_label": submit_label, "back_url": back_url}
    return render(request, "offers/manage/service_form.html", context)


@requires(MANAGE)
def service_create(request):
    network = request.network
    organisations = organisations_maintained(user=request.user, network=network)
    form = ServiceForm(request.POST or None, network=network, organisations=organisations)

    def save(values):
        organization = form.cleaned_data["organization"]
        return services.service_create(organization=organization, actor=request.user, **values)

    return _form_page(
        request,
        form,
        title=_("Add an offer"),
        submit_label=_("Save the offer"),
        back_url=_list_url(network),
        save=save,
    )


def _detail_page(request, service, opening_form=None):
    periods, today = periods_of(request.network), network_today(request.network)
    locations = Location.objects.filter(network=request.network, organization=service.organization)
    context = {
        "service": service,
        "freshness": freshness_of(service, periods, today).value,
        "places": service_places(service),
        "opening_form": opening_form or OpeningForm(locations=locations),
        "has_locations": locations.exists(),
    }
    return render(request, "offers/manage/detail.html", context)


@requires(MANAGE, obj=_service)
def service_detail(request, service_id, obj):
    return _detail_page(request, obj)


@requires(MANAGE, obj=_service)
def service_edit(request, service_id, obj):
    service = obj
    form = ServiceForm(
        request.POST or None, network=request.network, initial=ServiceForm.initial_for(service)
    )
    return _form_page(
        request,
        form,
        title=_("Change “%(name)s”") % {"name": service.name},
        submit_label=_("Save changes"),
        back_url=_detail_url(service),
        save=lambda values: services.service_update(service=service, actor=request.user, **values),
    )


@requires(MANAGE, obj=_service)
def service_delete(request, service_id, obj):
    service = obj
    return form_flow(
        request,
        ConfirmForm(request.POST if request.method == "POST" else None),
        save=lambda: services.service_delete(service=service, actor=request.user) or True,
        message=_("The offer was deleted."),
        next_url=_list_url(request.network),
        title=_("Delete “%(name)s”?") % {"name": service.name},
        intro=_(
            "The offer, its translations and its opening times are deleted. Its places stay. "
            "This cannot be undone."
        ),
        back_url=_detail_url(service),
        submit_label=_("Delete the offer"),
        danger=True,
    )


@require_POST
@requires(MANAGE, obj=_service)
def service_confirm(request, service_id, obj):
    services.service_confirm(service=obj, actor=request.user)
    message = _("Thank you: “%(name)s” counts as confirmed today.") % {"name": obj.name}
    # The list's button comes back to the list, the offer's page to the offer.
    back = _list_url(obj.network) if request.POST.get("back") == "list" else _detail_url(obj)
    return done(request, message, back)


@require_POST
@requires(MANAGE, obj=_service)
def opening_add(request, service_id, obj):
    service = obj
    locations = Location.objects.filter(network=request.network, organization=service.organization)
    form = OpeningForm(request.POST, locations=locations)
    if form.is_valid():
        added = attempt(
            form,
            lambda: services_places.schedule_add(
                service=service, actor=request.user, **form.cleaned_data
            ),
        )
        if added:
            return done(request, _("The opening time was added."), _detail_url(service))
    return _detail_page(request, service, form)


@require_POST
@requires(MANAGE, obj=schedule_loaded)
def opening_delete(request, schedule_id, obj):
    service = obj.service_at_location.service
    services_places.schedule_delete(schedule=obj, actor=request.user)
    return done(request, _("The opening time was removed."), _detail_url(service))


def _link(request, service_at_location_id):
    return service_at_location_get(network=request.network, link_id=service_at_location_id)


@require_POST
@requires(MANAGE, obj=_link)
def place_remove(request, service_at_location_id, obj):
    service = obj.service
    services_places.service_location_remove(service_at_location=obj, actor=request.user)
    return done(request, _("The offer is no longer listed at this place."), _detail_url(service))


@requires("offers.coordinate")
def periods(request):
    network = request.network
    current = periods_of(network)
    form = PeriodsForm(
        request.POST or None,
        initial={
            "outdated_after_days": current.outdated_after_days,
            "hidden_after_days": current.hidden_after_days,
        },
    )
    return form_flow(
        request,
        form,
        save=lambda: services_places.directory_settings_update(
            network=network, actor=request.user, **form.cleaned_data
        ),
        message=_("The periods were saved."),
        next_url=_list_url(network),
        title=_("Freshness of offers"),
        intro=_(
            "An offer nobody has confirmed for a while is marked as possibly outdated and its "
            "owners get a reminder; later it is hidden from the public directory."
        ),
        back_url=_list_url(network),
        submit_label=_("Save the periods"),
    )
