"""The workspace's pages for the places where organisations hold their offers."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from knotenpunkt.core.policy import requires
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import attempt, done, form_flow, paginate

from . import services_places
from .forms_offers import ConfirmForm, LocationForm
from .selectors import location_get, locations_maintained, organisations_maintained, schedule_get

MANAGE = "offers.manage"


def _list_url(network) -> str:
    return network_reverse(network, "offers:places")


def _location(request, location_id):
    return location_get(network=request.network, location_id=location_id)


def schedule_loaded(request, schedule_id):
    return schedule_get(network=request.network, schedule_id=schedule_id)


@requires(MANAGE)
def location_list(request):
    locations = locations_maintained(user=request.user, network=request.network)
    return render(request, "offers/manage/places.html", {"page": paginate(request, locations)})


def _form_page(request, form, *, title, submit_label, save):
    if request.method == "POST" and form.is_valid():
        location = attempt(form, lambda: save(form.values()))
        if location:
            message = _("The place “%(name)s” was saved.") % {"name": location.name}
            return done(request, message, _list_url(request.network))
    context = {
        "form": form,
        "title": title,
        "submit_label": submit_label,
        "back_url": _list_url(request.network),
    }
    return render(request, "core/form_page.html", context)


@requires(MANAGE)
def location_create(request):
    organisations = organisations_maintained(user=request.user, network=request.network)
    form = LocationForm(request.POST or None, organisations=organisations)

    def save(values):
        organization = form.cleaned_data["organization"]
        return services_places.location_create(
            organization=organization, actor=request.user, **values
        )

    return _form_page(
        request, form, title=_("Add a place"), submit_label=_("Save the place"), save=save
    )


@requires(MANAGE, obj=_location)
def location_edit(request, location_id, obj):
    form = LocationForm(request.POST or None, initial=LocationForm.initial_for(obj))
    return _form_page(
        request,
        form,
        title=_("Change the place “%(name)s”") % {"name": obj.name},
        submit_label=_("Save changes"),
        save=lambda values: services_places.location_update(
            location=obj, actor=request.user, **values
        ),
    )


@requires(MANAGE, obj=_location)
def location_delete(request, location_id, obj):
    return form_flow(
        request,
        ConfirmForm(request.POST if request.method == "POST" else None),
        save=lambda: services_places.location_delete(location=obj, actor=request.user) or True,
        message=_("The place was deleted."),
        next_url=_list_url(request.network),
        title=_("Delete the place “%(name)s”?") % {"name": obj.name},
        intro=_("The offers held here stay, without this place and its opening times."),
        back_url=_list_url(request.network),
        submit_label=_("Delete the place"),
        danger=True,
    )
