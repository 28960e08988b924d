"""The coordinator's settings page: the network's own data and its static pages' texts."""

from django.utils.translation import gettext as _

from knotenpunkt.core.languages import language_name
from knotenpunkt.core.params import query_text
from knotenpunkt.core.policy import requires
from knotenpunkt.core.services import network_update
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import form_flow, initial_from

from .forms import NetworkSettingsForm, StaticPageTextForm, VideoForm
from .selectors import static_page_text_get, static_pages_with_texts
from .services import sign_language_video_set, static_page_text_save
from .starter_texts import SIGN_LANGUAGE, WITH_TEMPLATE, starter_text


@requires("network.settings")
def network_settings(request):
    network = request.network
    form = NetworkSettingsForm(
        request.POST or None,
        request.FILES or None,
        initial=initial_from(network, NetworkSettingsForm),
    )
    settings_url = network_reverse(network, "publishing:settings")
    pages = [
        {
            "page": page,
            "texts": [
                {
                    "language": code,
                    "name": language_name(code),
                    "title": texts[code].title if code in texts else "",
                    "url": network_reverse(
                        network, "publishing:page_text", slug=page.slug, language=code
                    ),
                }
                for code in network.languages
            ],
            "ready_text": page.slug in WITH_TEMPLATE,
        }
        for page, texts in static_pages_with_texts(network=network)
    ]
    return form_flow(
        request,
        form,
        save=lambda: network_update(network=network, actor=request.user, **form.values()),
        message=_("The network's settings were saved."),
        next_url=settings_url,
        title=_("Network settings"),
        intro=_("How the network presents itself: its name, contact, languages and targets."),
        back_url=network_reverse(network, "core:home"),
        submit_label=_("Save settings"),
        template="publishing/settings.html",
        extra={"pages": pages},
    )


@requires("network.settings")
def static_page_text(request, slug, language):
    network = request.network
    page, text = static_page_text_get(network=network, slug=slug, language=language)
    initial = {"title": text.title, "body": text.body} if text else {}
    # ?template=1: the form starts from the ready text, filled with the network's data; it is
    # saved only as the coordinator sends it (and may change it first).
    ready = starter_text(slug, network=network, language=language)
    if ready and (query_text(request, "template") == "1" or not text):
        initial = {"title": ready[0], "body": ready[1]}
    form = StaticPageTextForm(request.POST or None, initial=initial, language=language)
    names = {
        "page": text.title if text else page.slug,
        "language": language_name(language),
    }
    return form_flow(
        request,
        form,
        # A removed text returns None; the page itself stands for "saved" then.
        save=lambda: (
            static_page_text_save(
                page=page, language=language, actor=request.user, **form.cleaned_data
            )
            or page
        ),
        message=_("The text of “%(page)s” in %(language)s was saved.") % names,
        next_url=network_reverse(network, "publishing:settings"),
        title=_("“%(page)s” in %(language)s") % names,
        intro=_("Visitors of a language without its own text read the default language's."),
        back_url=network_reverse(network, "publishing:settings"),
        submit_label=_("Save text"),
        template="publishing/page_text.html",
        extra={"ready": bool(ready), "has_text": text is not None},
    )


@requires("network.settings")
def sign_language_video(request):
    """Where the sign-language page's video is (a file or a player page)."""
    network = request.network
    page, _text = static_page_text_get(
        network=network, slug=SIGN_LANGUAGE, language=network.default_language
    )
    form = VideoForm(request.POST or None, initial={"video_url": page.video_url})
    return form_flow(
        request,
        form,
        save=lambda: sign_language_video_set(
            page=page, video_url=form.cleaned_data["video_url"], actor=request.user
        ),
        message=_("The video's address was saved."),
        next_url=network_reverse(network, "publishing:settings"),
        title=_("Video in German Sign Language"),
        intro=_("Shown on the sign-language page linked from every page's header."),
        back_url=network_reverse(network, "publishing:settings"),
        submit_label=_("Save address"),
    )
