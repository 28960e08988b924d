"""The network's public pages of this app: static pages, news, the easy-read and sign-language
pages (both linked from every page's header)."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language

from knotenpunkt.core.policy import public
from knotenpunkt.core.views_helpers import paginate

from .models import StaticPage
from .selectors import static_page_get, static_page_or_starter
from .selectors_news import news_localised, news_public_get, news_published
from .starter_texts import EASY_READ, OWN_PLACE, SIGN_LANGUAGE

VIDEO_FILE_ENDINGS = (".mp4", ".webm", ".ogv", ".m4v")


@public
def static_page(request, slug):
    if slug in OWN_PLACE:
        raise Http404("page with a place of its own")
    localised = static_page_get(network=request.network, slug=slug, language=get_language())
    return render(request, "publishing/static_page.html", {"localised": localised})


@public
def easy_read(request):
    """The site explained in easy-read language: the coordinator's text, else the ready one."""
    shown = static_page_or_starter(network=request.network, slug=EASY_READ, language=get_language())
    return render(request, "publishing/easy_read.html", {"shown": shown})


@public
def sign_language(request):
    network = request.network
    shown = static_page_or_starter(network=network, slug=SIGN_LANGUAGE, language=get_language())
    page = StaticPage.objects.filter(network=network, slug=SIGN_LANGUAGE).first()
    video_url = page.video_url if page else ""
    context = {
        "shown": shown,
        "video_url": video_url,
        "video_file": video_url.lower().split("?")[0].endswith(VIDEO_FILE_ENDINGS),
    }
    return render(request, "publishing/sign_language.html", context)


@public
def news_list(request):
    network = request.network
    page = paginate(request, news_published(network=network), per_page=10)
    entries = news_localised(page, network=network, language=get_language())
    return render(request, "publishing/news/list.html", {"page": page, "entries": entries})


@public
def news_item(request, news_id):
    news = news_public_get(network=request.network, news_id=news_id, language=get_language())
    return render(request, "publishing/news/item.html", {"news": news})
