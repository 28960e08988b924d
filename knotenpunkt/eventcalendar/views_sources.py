"""Pages where member organisations register their iCal calendars and see how the import went.

Member contacts see the sources of the organisations they speak for, the coordinator all of them.
The import itself runs as a task; the source page shows its status and last report.
"""

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.policy import requires
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.validation import validate_web_link
from knotenpunkt.core.views_helpers import attempt, done

from .import_tasks import (
    PENDING,
    event_source_create,
    event_source_import_request,
    source_get,
    source_organisations,
    sources_for,
)
from .validation import check_source_origin


def _read_upload(form, name="file") -> bytes | None:
    """The uploaded bytes, or None; a file above the limit is a form error, not a long read."""
    upload = form.cleaned_data.get(name)
    if not upload:
        return None
    limit = settings.KNOTENPUNKT_ICAL_MAX_BYTES
    if upload.size > limit:
        form.add_error(name, _("The file is larger than %(max)s.") % {"max": filesizeformat(limit)})
        return None
    return upload.read()


class FileField(forms.FileField):
    def __init__(self, **kwargs):
        super().__init__(
            label=gettext_lazy("iCal file (.ics)"),
            widget=forms.ClearableFileInput(attrs={"accept": ".ics,text/calendar"}),
            **kwargs,
        )


class SourceForm(forms.Form):
    organisation = forms.ModelChoiceField(queryset=None, label=gettext_lazy("Organisation"))
    name = forms.CharField(label=gettext_lazy("Name of the calendar"), max_length=200)
    url = forms.URLField(
        label=gettext_lazy("iCal address (URL)"),
        required=False,
        max_length=1000,
        assume_scheme="https",
        validators=[validate_web_link],
        help_text=gettext_lazy("Imported regularly. Leave empty if you upload a file instead."),
    )
    file = FileField(required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first()

    def clean(self):
        data = super().clean()
        if "url" in data:  # an address the field refused has its own error already
            try:
                check_source_origin(url=data["url"], has_upload=bool(data.get("file")))
            except DomainError as error:
                raise forms.ValidationError(error.message) from None
        return data


class ImportForm(forms.Form):
    """ "Import now"; a file source may bring a new version of its file."""

    file = FileField(
        required=False,
        help_text=gettext_lazy("Choose a new version of the file, or none to import it again."),
    )

    def __init__(self, *args, source, **kwargs):
        super().__init__(*args, **kwargs)
        if source.url:
            del self.fields["file"]


def _source_url(source) -> str:
    return network_reverse(source.network, "eventcalendar:source_detail", source_id=source.pk)


def _detail_page(request, source, form):
    context = {
        "source": source,
        "pending": source.last_status in PENDING,
        "report": source.last_report or {},
        "form": form,
    }
    return render(request, "eventcalendar/sources/detail.html", context)


@requires("events.sources")
def source_list(request):
    sources = sources_for(user=request.user, network=request.network)
    return render(request, "eventcalendar/sources/list.html", {"sources": sources})


@requires("events.sources")
def source_add(request):
    organisations = source_organisations(user=request.user, network=request.network)
    bound = request.method == "POST"
    form = SourceForm(
        request.POST if bound else None,
        request.FILES if bound else None,
        organisations=organisations,
    )
    if bound and form.is_valid():
        raw = _read_upload(form)
        data = form.cleaned_data
        source = not form.errors and attempt(
            form,
            lambda: event_source_create(
                network=request.network,
                actor=request.user,
                organisation=data["organisation"],
                name=data["name"],
                url=data["url"],
                upload=raw,
            ),
        )
        if source:
            message = _("The calendar was added and will be imported in a moment.")
            return done(request, message, _source_url(source))
    return render(request, "eventcalendar/sources/add.html", {"form": form})


def _source(request, source_id):
    return source_get(user=request.user, network=request.network, source_id=source_id)


@requires("events.source_manage", obj=_source)
@never_cache
def source_detail(request, source_id, obj):
    source = obj
    if request.htmx:  # the status poll: the status while waiting, then the whole page once
        if source.last_status in PENDING:
            context = {"source": source, "pending": True}
            return render(request, "eventcalendar/sources/_status.html", context)
        return HttpResponseClientRefresh()
    return _detail_page(request, source, ImportForm(source=source))


@requires("events.source_manage", obj=_source)
@require_POST
def source_import(request, source_id, obj):
    source = obj
    form = ImportForm(request.POST, request.FILES, source=source)
    if form.is_valid():
        raw = _read_upload(form)
        started = not form.errors and attempt(
            form,
            lambda: event_source_import_request(source=source, actor=request.user, upload=raw),
        )
        if started:
            return done(request, _("The import will start in a moment."), _source_url(source))
    return _detail_page(request, source, form)
