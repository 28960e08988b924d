"""Pages of the bimonthly edition: the public edition and its PDF, the archive, managing them."""

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.policy import public, requires
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import done, form_flow, paginate

from . import editions

MANAGE = "editions.manage"


def _manage_url(network) -> str:
    return network_reverse(network, "eventcalendar:edition_manage")


# Public ----------------------------------------------------------------------------------


@public
def edition(request, period):
    """The two months as HTML; `?format=pdf` serves the rendered PDF or says how far it is."""
    network = request.network
    parsed = editions.period_parse(network=network, value=period)
    if parsed is None:
        raise Http404("no edition starts in this month")
    if request.GET.get("format") == "pdf":
        found = editions.edition_for_period(network=network, period=parsed)
        if found is not None and found.pdf_status == "done" and found.pdf:
            return FileResponse(
                found.pdf.open("rb"),
                content_type="application/pdf",
                filename=f"{network.slug}-{parsed.slug}.pdf",
            )
        context = {"period": parsed, "edition": found}
        return render(request, "eventcalendar/editions/pdf_pending.html", context)
    page = editions.edition_page(network=network, period=parsed, language=get_language())
    return render(request, "eventcalendar/editions/edition.html", {"page": page})


@public
def archive(request):
    page = paginate(request, editions.editions_published(network=request.network))
    return render(request, "eventcalendar/editions/archive.html", {"page": page})


# Manage ----------------------------------------------------------------------------------


class EditionPrepareForm(forms.Form):
    period = forms.ChoiceField(label=gettext_lazy("Period"))

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate(timezone.now(), network.tz)
        self.periods = {
            period.slug: period
            for period in editions.periods_upcoming(network=network, today=today)
        }
        self.fields["period"].choices = [
            (slug, period.label()) for slug, period in self.periods.items()
        ]

    def clean_period(self):
        return self.periods[self.cleaned_data["period"]]


@requires(MANAGE)
def manage_list(request):
    network = request.network
    context = {
        "page": paginate(request, editions.editions_all(network=network)),
        "form": EditionPrepareForm(network=network),
    }
    return render(request, "eventcalendar/editions/manage_list.html", context)


@requires(MANAGE)
def prepare(request):
    network = request.network
    data = request.POST if request.method == "POST" else None
    form = EditionPrepareForm(data, network=network)
    return form_flow(
        request,
        form,
        save=lambda: editions.edition_prepare(
            network=network, actor=request.user, period=form.cleaned_data["period"]
        ),
        message=lambda created: (
            _("The edition %(period)s is prepared as a draft.")
            % {"period": editions.period_of(created).label()}
        ),
        next_url=_manage_url(network),
        title=_("Prepare an edition"),
        back_url=_manage_url(network),
        submit_label=_("Prepare"),
        intro=_("A draft shows the live calendar of its two months until you publish it."),
    )


@require_POST
@requires(MANAGE)
def render_pdf(request, edition_id):
    network = request.network
    edition = editions.edition_get(network=network, edition_id=edition_id)
    label = editions.period_of(edition).label()
    try:
        editions.edition_pdf_request(network=network, actor=request.user, edition=edition)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(_manage_url(network))
    return done(
        request,
        _("The PDF of %(period)s is queued; this page shows its progress.") % {"period": label},
        _manage_url(network),
    )


@requires(MANAGE)
def publish(request, edition_id):
    network = request.network
    edition = editions.edition_get(network=network, edition_id=edition_id)
    label = editions.period_of(edition).label()
    form = forms.Form(request.POST if request.method == "POST" else None)
    return form_flow(
        request,
        form,
        save=lambda: editions.edition_publish(network=network, actor=request.user, edition=edition),
        message=_("The edition %(period)s is published.") % {"period": label},
        next_url=_manage_url(network),
        title=_("Publish the edition %(period)s") % {"period": label},
        back_url=_manage_url(network),
        submit_label=_("Publish"),
        intro=_(
            "Publishing freezes the dates listed now: later changes to events are shown as a "
            "list of changes below the edition, and the PDF is printed again from the frozen list."
        ),
    )
