"""The coordinator's pages for the info mail's issues: write, preview, test, schedule, send.

An issue's page shows what it is, where it stands and what can be done with it now; while
it is being sent, its progress updates itself (htmx polling the progress fragment, and a
page that reloads itself without JavaScript). The services decide; these pages ask them.
"""

import dataclasses

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.formatting import format_local_number
from knotenpunkt.core.languages import language_name
from knotenpunkt.core.policy import requires
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import attempt, done, form_flow, paginate

from . import compose, services_mailings, services_sending
from .forms_mailings import ConfirmForm, LanguageForm, MailingForm, ScheduleForm
from .message import archive_copy
from .models import Delivery, Mailing
from .selectors import deliveries_needing_attention, mailing_get, mailings_list, version_in

MANAGE = "infomail.manage"


def _list_url(network) -> str:
    return network_reverse(network, "infomail:mailings")


def _mailing_url(mailing) -> str:
    return network_reverse(mailing.network, "infomail:mailing", mailing_id=mailing.pk)


def _mailing(request, mailing_id) -> Mailing:
    return mailing_get(network=request.network, mailing_id=mailing_id)


def _title(mailing) -> str:
    version = version_in(mailing, get_language())
    return version.subject if version else str(mailing)


def _form_page(request, form, *, title, save, submit_label, back_url):
    if request.method == "POST" and form.is_valid():
        mailing = attempt(form, lambda: save(form.values()))
        if mailing:
            return done(request, _("The info mail was saved."), _mailing_url(mailing))
    context = {"form": form, "title": title, "submit_label": submit_label, "back_url": back_url}
    return render(request, "infomail/manage/mailing_form.html", context)


def _refuse(request, mailing, error: DomainError):
    messages.error(request, error.message)
    return redirect(_mailing_url(mailing))


@requires(MANAGE)
def mailing_list(request):
    page = paginate(request, mailings_list(network=request.network))
    entries = [(mailing, version_in(mailing, get_language())) for mailing in page]
    return render(request, "infomail/manage/list.html", {"page": page, "entries": entries})


@requires(MANAGE)
def mailing_create(request):
    network = request.network
    form = MailingForm(request.POST or None, network=network)
    return _form_page(
        request,
        form,
        title=_("Write an info mail"),
        save=lambda values: services_mailings.mailing_create(
            network=network, actor=request.user, **values
        ),
        submit_label=_("Save draft"),
        back_url=_list_url(network),
    )


@requires(MANAGE)
@never_cache
def mailing_detail(request, mailing_id):
    mailing = _mailing(request, mailing_id)
    context = {
        "mailing": mailing,
        "title": _title(mailing),
        "progress": _progress(mailing),
        "blocks": [Mailing.Block(key).label for key in mailing.blocks if key in Mailing.Block],
        "attention": paginate(request, deliveries_needing_attention(mailing=mailing), 100),
        "test_form": LanguageForm(mailing=mailing),
        "schedule_form": ScheduleForm(network=request.network),
    }
    return render(request, "infomail/manage/detail.html", context)


@requires(MANAGE)
def mailing_edit(request, mailing_id):
    mailing = _mailing(request, mailing_id)
    if mailing.status not in services_mailings.EDITABLE:
        return _refuse(request, mailing, DomainError(_("This info mail can no longer be changed.")))
    form = MailingForm(
        request.POST or None, network=request.network, initial=MailingForm.initial_for(mailing)
    )
    return _form_page(
        request,
        form,
        title=_("Change “%(subject)s”") % {"subject": _title(mailing)},
        save=lambda values: services_mailings.mailing_update(
            mailing=mailing, actor=request.user, **values
        ),
        submit_label=_("Save changes"),
        back_url=_mailing_url(mailing),
    )


@requires(MANAGE)
def mailing_delete(request, mailing_id):
    mailing = _mailing(request, mailing_id)
    return form_flow(
        request,
        ConfirmForm(request.POST if request.method == "POST" else None),
        save=lambda: services_mailings.mailing_delete(mailing=mailing, actor=request.user) or True,
        message=_("The draft was deleted."),
        next_url=_list_url(request.network),
        title=_("Delete “%(subject)s”?") % {"subject": _title(mailing)},
        intro=_("The draft and all its language versions are deleted. This cannot be undone."),
        back_url=_mailing_url(mailing),
        submit_label=_("Delete the draft"),
        danger=True,
    )


@requires(MANAGE)
def mailing_preview(request, mailing_id):
    """The issue as a reader of one language gets it: the HTML part and the text part."""
    mailing = _mailing(request, mailing_id)
    form = LanguageForm(request.GET or None, mailing=mailing)
    language = form.cleaned_data["language"] if form.is_valid() else request.LANGUAGE_CODE
    version = version_in(mailing, language)
    rendered = None
    if version:
        # The personal links lead to the sign-up page, as in a test send, not to raw marks.
        rendered = compose.mailing_render(version)
        rendered = dataclasses.replace(
            rendered,
            text=archive_copy(rendered.text, network=request.network, language=version.language),
            html=archive_copy(rendered.html, network=request.network, language=version.language),
        )
    context = {
        "mailing": mailing,
        "title": _title(mailing),
        "version": version,
        "rendered": rendered,
        "languages": [(v.language, language_name(v.language)) for v in mailing.versions.all()],
    }
    return render(request, "infomail/manage/preview.html", context)


@require_POST
@requires(MANAGE)
def mailing_test(request, mailing_id):
    """A test mail of one version to the coordinator's own address."""
    mailing = _mailing(request, mailing_id)
    form = LanguageForm(request.POST, mailing=mailing)
    if not form.is_valid():
        return _refuse(request, mailing, DomainError(_("Choose a language version.")))
    try:
        services_sending.mailing_send_test(
            mailing=mailing, language=form.cleaned_data["language"], actor=request.user
        )
    except DomainError as error:
        return _refuse(request, mailing, error)
    message = _("A test mail is on its way to %(email)s.") % {"email": request.user.email}
    return done(request, message, _mailing_url(mailing))


@require_POST
@requires(MANAGE)
def mailing_schedule(request, mailing_id):
    mailing = _mailing(request, mailing_id)
    form = ScheduleForm(request.POST, network=request.network)
    if form.is_valid():
        scheduled = attempt(
            form,
            lambda: (
                services_sending.mailing_schedule(
                    mailing=mailing, at=form.cleaned_data["at"], actor=request.user
                )
                or True
            ),
        )
        if scheduled:
            return done(request, _("The info mail is scheduled."), _mailing_url(mailing))
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)
    return redirect(_mailing_url(mailing))


@require_POST
@requires(MANAGE)
def mailing_unschedule(request, mailing_id):
    mailing = _mailing(request, mailing_id)
    try:
        services_sending.mailing_unschedule(mailing=mailing, actor=request.user)
    except DomainError as error:
        return _refuse(request, mailing, error)
    return done(
        request, _("The schedule was withdrawn; the mail is a draft."), _mailing_url(mailing)
    )


@requires(MANAGE)
def mailing_send(request, mailing_id):
    """Send now, after a confirmation step that says to how many: it cannot be taken back."""
    mailing = _mailing(request, mailing_id)
    recipients = services_sending.recipients(mailing).count()
    return form_flow(
        request,
        ConfirmForm(request.POST if request.method == "POST" else None),
        save=lambda: services_sending.mailing_send(mailing=mailing, actor=request.user) or True,
        message=_("The info mail is being sent; this page shows how far it is."),
        next_url=_mailing_url(mailing),
        title=_("Send “%(subject)s” now?") % {"subject": _title(mailing)},
        intro=ngettext(
            "The mail goes to %(count)s subscriber of its languages and topics at once. "
            "A sent mail cannot be taken back or sent again.",
            "The mail goes to %(count)s subscribers of its languages and topics at once. "
            "A sent mail cannot be taken back or sent again.",
            recipients,
        )
        % {"count": format_local_number(recipients)},
        back_url=_mailing_url(mailing),
        submit_label=_("Send now"),
    )


FINISHED = (Delivery.State.SENT, Delivery.State.FAILED, Delivery.State.UNKNOWN)


def _progress(mailing) -> dict:
    """The counts per state in words, and how many deliveries have come to an end."""
    counts = services_sending.mailing_progress(mailing)
    states = [(state, label, counts.get(state, 0)) for state, label in Delivery.State.choices]
    return {
        "states": [row for row in states if row[2]],
        "total": counts.get("total", 0),
        "finished": sum(counts.get(state, 0) for state in FINISHED),
    }


@requires(MANAGE)
@never_cache
def mailing_progress(request, mailing_id):
    """The progress fragment, polled while the issue is being sent. The poll that finds the
    sending ended also swaps in the page's header and the deliveries that need attention
    (out of band), so the page shows the outcome without a reload."""
    mailing = _mailing(request, mailing_id)
    context = {"mailing": mailing, "progress": _progress(mailing)}
    if request.htmx and mailing.status != Mailing.Status.SENDING:
        context |= {
            "title": _title(mailing),
            "attention": paginate(request, deliveries_needing_attention(mailing=mailing), 100),
        }
        return render(request, "infomail/manage/_progress_final.html", context)
    return render(request, "infomail/manage/_progress.html", context)
