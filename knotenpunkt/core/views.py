"""Pages of the core: the list of networks, a network's homepage, health and errors."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from .models import WorkerHeartbeat
from .policy import public
from .selectors import networks_list


@public
def network_list(request):
    return render(request, "core/network_list.html", {"networks": networks_list()})


@public
def homepage(request):
    return render(request, "core/homepage.html", {})


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
