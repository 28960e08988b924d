from django.conf import settings
from django.utils.translation import get_language


def network(request):
    """The current network and the languages its visitors may switch between."""
    current = getattr(request, "network", None)
    codes = current.languages if current else [code for code, _name in settings.LANGUAGES]
    names = dict(settings.LANGUAGES)
    return {
        "network": current,
        "switch_languages": [(code, names[code]) for code in codes],
        "current_language": get_language(),
    }
