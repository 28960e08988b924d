"""The coordinator's news pages: the list, writing, the image, a text per language, publishing."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from knotenpunkt.core.languages import language_name
from knotenpunkt.core.policy import requires
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import done, form_flow, paginate

from . import services_news
from .forms import NewsCreateForm, NewsImageForm, StaticPageTextForm
from .selectors_news import news_for_coordinator, news_get

MANAGE = "publishing.news"


def _item_url(item) -> str:
    return network_reverse(item.network, "publishing:news_edit", news_id=item.pk)


def _title(item) -> str:
    texts = {text.language: text for text in item.translations.all()}
    text = texts.get(item.network.default_language) or next(iter(texts.values()), None)
    return text.title if text else str(item)


@requires(MANAGE)
def news_manage(request):
    network = request.network
    page = paginate(request, news_for_coordinator(network=network))
    entries = [(item, _title(item)) for item in page]
    return render(request, "publishing/news/manage_list.html", {"page": page, "entries": entries})


@requires(MANAGE)
def news_create(request):
    network = request.network
    form = NewsCreateForm(request.POST or None, request.FILES or None)
    return form_flow(
        request,
        form,
        save=lambda: services_news.news_create(
            network=network, actor=request.user, **form.cleaned_data
        ),
        message=_("The news was saved as a draft."),
        next_url=_item_url,
        title=_("Write news"),
        intro=_("In the network's default language; other languages can follow."),
        back_url=network_reverse(network, "publishing:news_manage"),
        submit_label=_("Save draft"),
    )


@requires(MANAGE)
def news_edit(request, news_id):
    """The item's image and its description, its texts and whether it is published."""
    network = request.network
    item = news_get(network=network, news_id=news_id)
    form = NewsImageForm(
        request.POST or None,
        request.FILES or None,
        item=item,
        initial={"image": item.image, "image_alt": item.image_alt},
    )
    have = {text.language: text for text in item.translations.all()}
    texts = [
        {
            "language": code,
            "name": language_name(code),
            "title": have[code].title if code in have else "",
            "url": network_reverse(network, "publishing:news_text", news_id=item.pk, language=code),
        }
        for code in network.languages
    ]
    return form_flow(
        request,
        form,
        save=lambda: services_news.news_image_set(item=item, actor=request.user, **form.values()),
        message=_("The image was saved."),
        next_url=_item_url(item),
        title=_title(item),
        back_url=network_reverse(network, "publishing:news_manage"),
        submit_label=_("Save image"),
        template="publishing/news/edit.html",
        extra={"item": item, "texts": texts},
    )


@requires(MANAGE)
def news_text(request, news_id, language):
    network = request.network
    item = news_get(network=network, news_id=news_id)
    if language not in network.languages:
        raise Http404("language not offered")
    text = item.translations.filter(language=language).first()
    initial = {"title": text.title, "body": text.body} if text else {}
    form = StaticPageTextForm(request.POST or None, initial=initial, language=language)
    names = {"news": _title(item), "language": language_name(language)}
    return form_flow(
        request,
        form,
        save=lambda: (
            services_news.news_text_save(
                item=item, language=language, actor=request.user, **form.cleaned_data
            )
            or item
        ),
        message=_("The text of “%(news)s” in %(language)s was saved.") % names,
        next_url=_item_url(item),
        title=_("“%(news)s” in %(language)s") % names,
        intro=_("Readers of a language without its own text read the default language's."),
        back_url=_item_url(item),
        submit_label=_("Save text"),
    )


@require_POST
@requires(MANAGE)
def news_publish(request, news_id):
    item = news_get(network=request.network, news_id=news_id)
    services_news.news_publish(item=item, actor=request.user)
    return done(request, _("The news is published."), _item_url(item))


@require_POST
@requires(MANAGE)
def news_unpublish(request, news_id):
    item = news_get(network=request.network, news_id=news_id)
    services_news.news_unpublish(item=item, actor=request.user)
    return done(request, _("The news was withdrawn; it is a draft again."), _item_url(item))
