import factory
from django_scopes import scopes_disabled

from knotenpunkt.core.services import network_create


class NetworkFactory(factory.Factory):
    """Networks are made through the service so that they get their starter content."""

    class Meta:
        model = dict

    slug = factory.Sequence(lambda n: f"net{n}")
    name = factory.LazyAttribute(lambda o: f"Netzwerk {o.slug}")
    city = factory.LazyAttribute(lambda o: o.slug.title())
    language = "de"
    languages = None
    contact_email = "kontakt@example.org"
    coordinating_body = "Beispiel gGmbH"

    @classmethod
    def _create(cls, model_class, **kwargs):
        with scopes_disabled():
            return network_create(**kwargs)

    _build = _create
