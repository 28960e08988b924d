"""Pages of the core: the list of networks, a network's homepage, its icon, health and errors."""

import mimetypes

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import FileResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import blocks
from .models import WorkerHeartbeat
from .policy import public
from .selectors import networks_list


@public
def network_list(request):
    return render(request, "core/network_list.html", {"networks": networks_list()})


@public
def homepage(request):
    fragments = blocks.arranged(blocks.HOME, request.network)
    return render(request, "core/homepage.html", {"fragments": fragments})


# The icon of every page without a logo of its own (a small SVG, and the same as .ico for
# browsers and tools that ask for /favicon.ico without reading the page).
DEFAULT_ICON = "knotenpunkt/favicon.ico"
# Logos are checked to be raster images on upload (core.images); serve nothing else as one.
LOGO_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}
ICON_MAX_AGE = 24 * 60 * 60


def _default_icon():
    response = HttpResponseRedirect(static(DEFAULT_ICON))
    patch_cache_control(response, public=True, max_age=ICON_MAX_AGE)
    return response


@public
@require_safe
def favicon(request):
    """`/favicon.ico`: the default icon (browsers ask for it even where a page names another)."""
    return _default_icon()


@public
@require_safe
def network_logo(request):
    """The network's logo, the icon of its pages; the default icon when it has none or its
    file is gone or not an image we serve, so that a page's icon is never an error."""
    logo = request.network.logo
    content_type = mimetypes.guess_type(logo.name)[0] if logo else None
    if content_type not in LOGO_TYPES:
        return _default_icon()
    try:
        handle = logo.storage.open(logo.name, "rb")
    except (OSError, ValueError):  # missing on disk, or a name the storage refuses
        return _default_icon()
    response = FileResponse(handle, content_type=content_type)
    # The pages link to it with the file's name as version, so a new logo is a new address.
    patch_cache_control(response, public=True, max_age=ICON_MAX_AGE)
    return response


def _database_state() -> tuple[bool, bool]:
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        return True, not pending
    except DatabaseError:
        return False, False


@public
@never_cache
def healthz(request):
    """Database reachable, migrations applied, and how long ago the worker last beat."""
    database_ok, migrated = _database_state()
    heartbeat = WorkerHeartbeat.objects.filter(name="default").first() if database_ok else None
    age = (timezone.now() - heartbeat.seen_at).total_seconds() if heartbeat else None
    worker_ok = age is not None and age <= settings.KNOTENPUNKT_WORKER_STALE_SECONDS
    healthy = database_ok and migrated and worker_ok
    payload = {
        "status": "ok" if healthy else "unhealthy",
        "database": "ok" if database_ok else "unreachable",
        "migrations": "applied" if migrated else "pending",
        "worker_heartbeat_age_seconds": round(age, 1) if age is not None else None,
        "worker": "ok" if worker_ok else "stale",
    }
    return JsonResponse(payload, status=200 if healthy else 503)


def page_not_found(request, exception=None):
    return render(request, "404.html", {}, status=404)


def server_error(request):
    return render(request, "500.html", {}, status=500)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", {}, status=403)
