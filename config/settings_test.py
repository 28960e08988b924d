"""Test settings: the production settings, with static files served from the source."""

from .settings import *  # noqa: F403
from .settings import STORAGES

# Tests must not depend on a collectstatic run; production keeps the hashed manifest.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Still Argon2, at a cost that keeps the suite fast.
PASSWORD_HASHERS = ["knotenpunkt.core.testing.CheapArgon2PasswordHasher"]
