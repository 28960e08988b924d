"""The workspace search page: `/<lang>/<network>/workspace/search/?q=…` for anyone with a role."""

from django.shortcuts import render

from . import search
from .policy import requires


def _page_number(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


@requires("workspace.view")
def search_page(request):
    viewer = search.viewer_for(request.user, request.network)
    # Any text is a valid query (core.search quotes every word), so there is no form to fail.
    query = (request.GET.get("q") or "").strip()[: search.MAX_QUERY_LENGTH]
    page = search.search(
        network=request.network,
        viewer=viewer,
        query=query,
        page=_page_number(request.GET.get("page")),
    )
    context = {
        "query": query,
        "page": page,
        "max_length": search.MAX_QUERY_LENGTH,
        "hide_header_search": True,
    }
    return render(request, "core/search.html", context)
