"""`python -m bench`: the member list, search, meetings, calendar, info-mail sending and HSDS API
benchmarks on a throw-away SQLite."""

import os
import shutil
import sys
import tempfile
from pathlib import Path


def configure(var_dir: Path) -> None:
    """Test-like settings on a fresh database; must run before Django is imported."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings_test"
    os.environ["KNOTENPUNKT_VAR_DIR"] = str(var_dir)
    os.environ["DATABASE_URL"] = f"sqlite:///{var_dir / 'bench.sqlite3'}"
    # Timings without DEBUG's query log; the test client's host must be allowed.
    os.environ["KNOTENPUNKT_DEBUG"] = "0"
    os.environ["KNOTENPUNKT_ALLOWED_HOSTS"] = "testserver,localhost"

    import django

    django.setup()

    from django.conf import settings
    from django.core.management import call_command

    settings.ROOT_URLCONF = "bench.urls"
    call_command("migrate", verbosity=0, interactive=False)


def main(argv: list[str]) -> int:
    var_dir = Path(tempfile.mkdtemp(prefix="knotenpunkt-bench-"))
    try:
        configure(var_dir)
        from bench import calendar, hsds_api, mail, meetings, member_list, search

        # Each reads the options it knows (e.g. --runs) and ignores the others.
        statuses = [
            member_list.main(argv),
            search.main(argv),
            meetings.main(argv),
            calendar.main(argv),
            mail.main(argv),
            hsds_api.main(argv),
        ]
        return max(statuses)
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
