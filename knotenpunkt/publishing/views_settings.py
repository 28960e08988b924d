"""The coordinator's settings page: the network's own data and its static pages' texts."""

from django.utils.translation import gettext as _

from knotenpunkt.core.languages import language_name
from knotenpunkt.core.policy import requires
from knotenpunkt.core.services import network_update
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import form_flow, initial_from

from .forms import NetworkSettingsForm, StaticPageTextForm
from .selectors import static_page_text_get, static_pages_with_texts
from .services import static_page_text_save


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
    )
