"""The workspace's voice pages: the triage list with its figures, and one voice's page.

The coordinator sees every voice and routes, answers, closes, erases a contact; a working
group's current leads see the voices routed to their group and answer them (rules.py).
"""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from knotenpunkt.core.languages import language_name
from knotenpunkt.core.params import query_id, query_text
from knotenpunkt.core.policy import can, requires
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import attempt, done, paginate

from . import services
from .forms import AnswerForm, RouteForm
from .models import Voice
from .selectors import topics_list, voice_counts, voice_get, voices_list, voices_visible


def _voice(request, voice_id):
    return voice_get(network=request.network, voice_id=voice_id)


def _voice_url(voice) -> str:
    return network_reverse(voice.network, "voices:detail", voice_id=voice.pk)


@requires("voices.read")
def voice_list(request):
    """`manage/voices/`: the voices one may read, filtered, with counts and the median time."""
    network, user = request.network, request.user
    status = query_text(request, "status", max_length=20)
    status = status if status in Voice.Status.values else ""
    language = query_text(request, "language", max_length=10)
    language = language if language in _languages() else ""
    topic_id = query_id(request, "topic")
    filters = {"status": status, "topic_id": topic_id, "language": language}
    page = paginate(request, voices_list(network=network, user=user, **filters))
    context = {
        "page": page,
        "filters": filters,
        "statuses": Voice.Status.choices,
        "topics": topics_list(network=network),
        "languages": [(code, language_name(code)) for code in _languages()],
        "counts": voice_counts(voices_visible(network=network, user=user)),
    }
    return render(request, "voices/manage/list.html", context)


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


@requires("voices.read", obj=_voice)
def voice_detail(request, voice_id, obj):
    """One voice: its text, topic, language, the answers, and the actions one may take."""
    return _detail_page(request, obj)


def _detail_page(request, voice, *, route_form=None, answer_form=None, status=200):
    network, user = request.network, request.user
    triage = can(user, network, "voices.triage", voice)
    context = {
        "voice": voice,
        "triage": triage,
        "may_answer": can(user, network, "voices.answer", voice),
        "route_form": route_form or (RouteForm(network=network) if triage else None),
        "answer_form": answer_form or AnswerForm(),
    }
    return render(request, "voices/manage/detail.html", context, status=status)


@requires("voices.triage", obj=_voice)
@require_POST
def voice_route(request, voice_id, obj):
    form = RouteForm(request.POST, network=request.network)
    if form.is_valid():
        group = form.groups.get(form.cleaned_data["group"])
        saved = attempt(
            form, lambda: services.voice_route(voice=obj, group=group, actor=request.user)
        )
        if saved:
            message = _("The voice was passed on; the group's leads got a mail.")
            return done(request, message, _voice_url(obj))
    return _detail_page(request, obj, route_form=form, status=400)


@requires("voices.answer", obj=_voice)
@require_POST
def voice_answer(request, voice_id, obj):
    form = AnswerForm(request.POST)
    if form.is_valid():
        text = form.cleaned_data["text"]
        saved = attempt(
            form, lambda: services.voice_answer(voice=obj, text=text, actor=request.user)
        )
        if saved:
            return done(request, _("The answer is on the sender's status page."), _voice_url(obj))
    return _detail_page(request, obj, answer_form=form, status=400)


@requires("voices.triage", obj=_voice)
@require_POST
def voice_close(request, voice_id, obj):
    services.voice_close(voice=obj, actor=request.user)
    return done(request, _("The voice is closed."), _voice_url(obj))


@requires("voices.triage", obj=_voice)
@require_POST
def voice_contact_erase(request, voice_id, obj):
    services.voice_contact_erase(voice=obj, actor=request.user)
    return done(request, _("The sender's contact was erased."), _voice_url(obj))
