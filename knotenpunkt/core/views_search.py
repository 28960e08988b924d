"""The workspace search page: `/<lang>/<network>/workspace/search/?q=…` for anyone with a role."""

from django.shortcuts import render

from . import search
from .params import PAGE_MAX, query_int, query_text
from .policy import requires


@requires("workspace.view")
def search_page(request):
    viewer = search.viewer_for(request.user, request.network)
    # Any text is a valid query (core.search quotes every word), so there is no form to fail.
    query = query_text(request, "q", max_length=search.MAX_QUERY_LENGTH)
    page = search.search(
        network=request.network,
        viewer=viewer,
        query=query,
        page=query_int(request, "page", default=1, min_value=1, max_value=PAGE_MAX),
    )
    context = {
        "query": query,
        "page": page,
        "max_length": search.MAX_QUERY_LENGTH,
        "hide_header_search": True,
    }
    return render(request, "core/search.html", context)
