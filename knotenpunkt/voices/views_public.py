"""The public voice pages: the form anyone may send, and the sender's status page.

Neither needs an account. The form is guarded against bots (core/spam.py); the status page
is found only by its long random token, compared by hash: any other value is a plain 404.
"""

import datetime

from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from knotenpunkt.core import spam
from knotenpunkt.core.policy import public
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import attempt, done

from . import services
from .forms import VoiceForm
from .selectors import voice_by_token

# Voices one address may send in an hour: enough for a class or a counselling office that
# shares a connection, too few for a flood.
VOICES_PER_HOUR = 10


@public
@require_http_methods(["GET", "HEAD", "POST"])
@spam.rate_limit("voices.send", limit=VOICES_PER_HOUR, period=datetime.timedelta(hours=1))
def send(request):
    """`…/voice/`: topic, text, an optional contact and the consent; then the status link."""
    network = request.network
    form = VoiceForm(request.POST or None, network=network)

    def save():
        voice, token = services.voice_submit(
            network=network, language=get_language(), **form.values()
        )
        return token

    if request.method == "POST" and not spam.trapped(request, form) and form.is_valid():
        token = attempt(form, save)
        if token:
            return done(
                request,
                _("Thank you. Your message was sent."),
                network_reverse(network, "voices:status", voice_token=token),
            )
    context = {"form": form, "consent_text": services.CONSENT_TEXT}
    return render(request, "voices/public/send.html", context)


@public
@require_safe
def status(request, voice_token):
    """`…/voice/<token>/`: the voice, its state in plain words, and the answers."""
    voice = voice_by_token(network=request.network, token=voice_token)
    return render(request, "voices/public/status.html", {"voice": voice})
