"""Settings for Knotenpunkt; every value that differs between machines comes from the env."""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.email_url import email_settings

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

VAR_DIR = Path(env.str("KNOTENPUNKT_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _local_secret_key() -> str:
    """A secret generated once per checkout so that local use needs no setup."""
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


DEBUG = env.bool("KNOTENPUNKT_DEBUG", default=False)
SECRET_KEY = env.str("KNOTENPUNKT_SECRET_KEY", default="") or _local_secret_key()
ALLOWED_HOSTS = env.list("KNOTENPUNKT_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("KNOTENPUNKT_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.admin",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "knotenpunkt.core",
    "knotenpunkt.accounts",
    "knotenpunkt.members",
    "knotenpunkt.publishing",
    "knotenpunkt.workinggroups",
    "knotenpunkt.meetings",
    "knotenpunkt.eventcalendar",
    "knotenpunkt.knowledge",
    "knotenpunkt.offers",
    "knotenpunkt.infomail",
    "knotenpunkt.voices",
    "knotenpunkt.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "knotenpunkt.core.middleware.NetworkMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "knotenpunkt.core.context_processors.network",
                "knotenpunkt.publishing.context_processors.footer",
                "knotenpunkt.accounts.context_processors.roles",
            ],
            "builtins": [
                "knotenpunkt.core.templatetags.knotenpunkt",
                "knotenpunkt.core.templatetags.design",
                "knotenpunkt.core.templatetags.formatting",
            ],
        },
    }
]

# Database: SQLite under var/ unless DATABASE_URL names another one.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'knotenpunkt.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # WAL lets the web process read while the worker writes; IMMEDIATE avoids
            # "database is locked" upgrades when two requests write at once.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
    # A file (not memory) so that the live server and a worker process see the test data;
    # one per process so that test runs side by side do not collide.
    DATABASES["default"]["TEST"] = {
        "NAME": env.str("KNOTENPUNKT_TEST_DB", default=str(VAR_DIR / f"test-{os.getpid()}.sqlite3"))
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("KNOTENPUNKT_CONN_MAX_AGE", default=0))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Accounts
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "knotenpunkt.accounts.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "network_list"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# Throttling of failed logins (django-axes): five failures lock that account
# from that address for a quarter of an hour.
AXES_FAILURE_LIMIT = env.int("KNOTENPUNKT_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("KNOTENPUNKT_LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Django's login forms (ours and the admin's) post the e-mail as "username".
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False

# Login records (django-axes: logins, logouts, failed attempts) are deleted after this many days.
KNOTENPUNKT_LOGIN_LOG_DAYS = env.int("KNOTENPUNKT_LOGIN_LOG_DAYS", default=30)
KNOTENPUNKT_INVITATION_DAYS = env.int("KNOTENPUNKT_INVITATION_DAYS", default=14)
# Calendar: the most occurrences one recurring event may have; iCal imports' limits. Fetching
# from loopback or private addresses is refused unless allowed (tests allow their own server).
KNOTENPUNKT_MAX_OCCURRENCES = env.int("KNOTENPUNKT_MAX_OCCURRENCES", default=500)
KNOTENPUNKT_ICAL_MAX_BYTES = env.int("KNOTENPUNKT_ICAL_MAX_BYTES", default=2 * 1024 * 1024)
KNOTENPUNKT_ICAL_MAX_EVENTS = env.int("KNOTENPUNKT_ICAL_MAX_EVENTS", default=2000)
KNOTENPUNKT_ICAL_TIMEOUT_SECONDS = env.int("KNOTENPUNKT_ICAL_TIMEOUT_SECONDS", default=10)
KNOTENPUNKT_ICAL_ALLOW_PRIVATE_ADDRESSES = env.bool(
    "KNOTENPUNKT_ICAL_ALLOW_PRIVATE_ADDRESSES", default=False
)
# How long before a meeting its registrants get a reminder mail.
KNOTENPUNKT_MEETING_REMINDER_HOURS = env.int("KNOTENPUNKT_MEETING_REMINDER_HOURS", default=24)

# Internationalisation
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("tr", _("Turkish")),
    ("ar", _("Arabic")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("fa", _("Persian")),
]
LOCALE_PATHS = [BASE_DIR / "knotenpunkt" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_COOKIE_NAME = "knotenpunkt_language"

# Static and uploaded files
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = Path(env.str("KNOTENPUNKT_MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
KNOTENPUNKT_IMPORT_MAX_BYTES = env.int("KNOTENPUNKT_IMPORT_MAX_BYTES", default=5 * 1024 * 1024)
KNOTENPUNKT_DOCUMENT_MAX_BYTES = env.int("KNOTENPUNKT_DOCUMENT_MAX_BYTES", default=20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = KNOTENPUNKT_IMPORT_MAX_BYTES + 1024 * 1024

# Mail: always real SMTP. `make run` starts a local SMTP sink unless EMAIL_URL is set:
# smtp://user:pass@host:port, smtp+tls:// (STARTTLS), smtp+ssl:// (implicit TLS), see
# knotenpunkt/core/email_url.py.
vars().update(email_settings(os.environ.get("EMAIL_URL") or "smtp://127.0.0.1:1025"))
DEFAULT_FROM_EMAIL = env.str("KNOTENPUNKT_FROM_EMAIL", default="knotenpunkt@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where the local sink of `make run` keeps what it caught (a Maildir; manage.py mail_sink).
KNOTENPUNKT_MAIL_SINK_DIR = VAR_DIR / "mail-sink"
KNOTENPUNKT_BASE_URL = env.str(
    "KNOTENPUNKT_BASE_URL", default=f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
)
# The info mail: return paths bounces+<token>@ and unsubscribe+<token>@ of this domain (empty:
# the domain of KNOTENPUNKT_FROM_EMAIL); messages per second the worker sends (0: no limit);
# how long a sending worker holds a mailing before another may resume it; tries per address.
KNOTENPUNKT_BOUNCE_DOMAIN = env.str("KNOTENPUNKT_BOUNCE_DOMAIN", default="")
KNOTENPUNKT_MAIL_RATE = env.float("KNOTENPUNKT_MAIL_RATE", default=10.0)
KNOTENPUNKT_MAIL_LEASE_SECONDS = env.int("KNOTENPUNKT_MAIL_LEASE_SECONDS", default=120)
KNOTENPUNKT_MAIL_MAX_ATTEMPTS = env.int("KNOTENPUNKT_MAIL_MAX_ATTEMPTS", default=5)

# Background work: the database backend and a separate `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": env.str("KNOTENPUNKT_TASK_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}
KNOTENPUNKT_WORKER_STALE_SECONDS = env.int("KNOTENPUNKT_WORKER_STALE_SECONDS", default=15 * 60)
# Work still "running" after this long was interrupted (a stopped worker) and is marked failed.
KNOTENPUNKT_WORK_TIMEOUT_MINUTES = env.int("KNOTENPUNKT_WORK_TIMEOUT_MINUTES", default=60)
# An import's error list quotes cell values (names, addresses): kept this many days.
KNOTENPUNKT_IMPORT_DETAILS_DAYS = env.int("KNOTENPUNKT_IMPORT_DETAILS_DAYS", default=30)

# Security: strict by default when not debugging.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_SSL_REDIRECT = env.bool("KNOTENPUNKT_SSL_REDIRECT", default=False)
SESSION_COOKIE_SECURE = env.bool(
    "KNOTENPUNKT_SECURE_COOKIES", default=not DEBUG and SECURE_SSL_REDIRECT
)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("KNOTENPUNKT_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = env.bool("KNOTENPUNKT_HSTS_PRELOAD", default=SECURE_HSTS_SECONDS >= 31536000)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https")
    if env.bool("KNOTENPUNKT_BEHIND_PROXY", default=False)
    else None
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("KNOTENPUNKT_LOG_LEVEL", default="WARNING")},
}

# Django's admin is for installation operators only; keep it off the obvious path.
KNOTENPUNKT_ADMIN_PATH = env.str("KNOTENPUNKT_ADMIN_PATH", default="operator-admin/")
CSRF_FAILURE_VIEW = "knotenpunkt.core.views.csrf_failure"

# The test suite can run at a chosen moment (`pytest --now`); the processes it starts (worker,
# server) read that moment from here and keep the same moved clock. Never set in production;
# time-machine is a test dependency (docs/decisions/0012-the-clock-in-tests.md).
if os.environ.get("KNOTENPUNKT_TEST_NOW"):
    import datetime as _datetime

    import time_machine

    time_machine.travel(
        _datetime.datetime.fromisoformat(os.environ["KNOTENPUNKT_TEST_NOW"]), tick=True
    ).start()
