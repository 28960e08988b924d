"""The coordinator arranges the home page: each block up, down, shown or hidden (no script)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from knotenpunkt.core import blocks
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.languages import language_name
from knotenpunkt.core.policy import requires
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import done

from .forms import HomeBlockForm
from .selectors_home import home_arrangement
from .services_home import home_block_move, home_block_show
from .starter_texts import INTRODUCTION


@requires("network.settings")
def home_arrange(request):
    network = request.network
    url = network_reverse(network, "publishing:home_arrange")
    if request.method == "POST":
        form = HomeBlockForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data["move"]:
                    home_block_move(
                        network=network,
                        actor=request.user,
                        template=data["block"],
                        direction=data["move"],
                    )
                elif data["show"]:
                    home_block_show(
                        network=network,
                        actor=request.user,
                        template=data["block"],
                        shown=data["show"] == "1",
                    )
            except DomainError as error:
                messages.error(request, error.message)
                return redirect(url)
            return done(request, _("The home page was arranged."), url)
    arrangement = home_arrangement(network, blocks.templates(blocks.HOME))
    rows = [
        {
            "template": template,
            "label": _(blocks.label(blocks.HOME, template)),
            "shown": shown,
            "first": index == 0,
            "last": index == len(arrangement) - 1,
        }
        for index, (template, shown) in enumerate(arrangement)
    ]
    introductions = [
        {
            "name": language_name(code),
            "language": code,
            "url": network_reverse(
                network, "publishing:page_text", slug=INTRODUCTION, language=code
            ),
        }
        for code in network.languages
    ]
    context = {
        "rows": rows,
        "introductions": introductions,
        "home_url": network_reverse(network, "core:home", lang=get_language()),
    }
    return render(request, "publishing/home_arrange.html", context)
