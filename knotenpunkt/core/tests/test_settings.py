import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "KNOTENPUNKT_DEBUG": "0",
    "KNOTENPUNKT_SECRET_KEY": "x" * 20 + "a-long-random-production-secret-value-0123456789",
    "KNOTENPUNKT_ALLOWED_HOSTS": "netzwerk.example.org",
    "KNOTENPUNKT_SSL_REDIRECT": "1",
    "KNOTENPUNKT_SECURE_COOKIES": "1",
    "KNOTENPUNKT_HSTS_SECONDS": "31536000",
    "DJANGO_SETTINGS_MODULE": "config.settings",
}


def test_deploy_check_passes_with_production_values():
    env = {**os.environ, **PRODUCTION_ENV}
    result = subprocess.run(
        [
            sys.executable,
            str(settings.BASE_DIR / "manage.py"),
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_debug_is_off_unless_asked_for():
    env = {k: v for k, v in os.environ.items() if k != "KNOTENPUNKT_DEBUG"}
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings');"
        " django.setup(); from django.conf import settings; print(settings.DEBUG)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=True,
    )
    assert result.stdout.strip() == "False"
