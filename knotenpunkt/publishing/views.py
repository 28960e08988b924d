from django.shortcuts import render
from django.utils.translation import get_language

from knotenpunkt.core.policy import public

from .selectors import static_page_get


@public
def static_page(request, slug):
    localised = static_page_get(network=request.network, slug=slug, language=get_language())
    return render(request, "publishing/static_page.html", {"localised": localised})
