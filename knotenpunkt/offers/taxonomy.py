"""The starter taxonomy every network begins with (the issue's categories; CEFR levels under
language courses). Names are looked up by code so each reader sees them in their language;
a term a network adds itself keeps the name it was given."""

from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

STARTER_TAXONOMY_NAME = "Knotenpunkt"
STARTER_TAXONOMY_VERSION = "1"
LANGUAGE_COURSE = "language-course"
CEFR_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"]

STARTER_CATEGORIES = [
    (LANGUAGE_COURSE, _("Language courses")),
    ("counselling", _("Counselling")),
    ("work-and-training", _("Work and training")),
    ("education", _("Education")),
    ("health", _("Health")),
    ("housing", _("Housing")),
    ("children-and-family", _("Children and family")),
    ("women", _("Women")),
    ("leisure-and-sport", _("Leisure and sport")),
    ("volunteering", _("Volunteering")),
]


class _CefrLabel:
    """ "Language course, level B1" in the language active when it is shown, not at import."""

    def __init__(self, level: str):
        self.level = level

    def __str__(self) -> str:
        return gettext("Language course, level %(level)s") % {"level": self.level}


STARTER_LABELS = dict(STARTER_CATEGORIES) | {
    f"{LANGUAGE_COURSE}-{level.lower()}": _CefrLabel(level) for level in CEFR_LEVELS
}


def cefr_code(level: str) -> str:
    return f"{LANGUAGE_COURSE}-{level.lower()}"


def term_label(term) -> str:
    """A term's name in the active language: translated for starter terms, else its own."""
    label = STARTER_LABELS.get(term.code)
    return str(label) if label is not None else term.name


def starter_taxonomy_create(network) -> None:
    """Create the starter taxonomy for `network` (idempotent: existing codes are kept)."""
    from .models import Taxonomy, TaxonomyTerm

    taxonomy, _created = Taxonomy.objects.get_or_create(
        network=network,
        name=STARTER_TAXONOMY_NAME,
        defaults={"version": STARTER_TAXONOMY_VERSION},
    )
    existing = set(TaxonomyTerm.objects.filter(network=network).values_list("code", flat=True))
    with translation.override(network.default_language):
        parents = {}
        for position, (code, label) in enumerate(STARTER_CATEGORIES):
            if code in existing:
                parents[code] = TaxonomyTerm.objects.get(network=network, code=code)
                continue
            parents[code] = TaxonomyTerm.objects.create(
                network=network, taxonomy=taxonomy, code=code, name=str(label), position=position
            )
        for position, level in enumerate(CEFR_LEVELS):
            code = cefr_code(level)
            if code in existing:
                continue
            TaxonomyTerm.objects.create(
                network=network,
                taxonomy=taxonomy,
                code=code,
                name=str(STARTER_LABELS[code]),
                parent=parents[LANGUAGE_COURSE],
                position=position,
            )
