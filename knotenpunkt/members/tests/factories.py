"""Factories of the members app; other apps' tests import them.

Every factory takes the network from its parent object, so that
`ContactPositionFactory(organisation=org)` never mixes networks.
"""

import datetime

import factory
from django_scopes import scope

from knotenpunkt.core.tests.factories import NetworkFactory
from knotenpunkt.members.models import (
    AgreementSignature,
    AgreementVersion,
    ContactPosition,
    Membership,
    Organisation,
    OrganisationKind,
    Person,
)


def kind_of(network, key: str = "association") -> OrganisationKind:
    """One of the starter kinds every network gets from `network_create`.

    Looked up in `network`'s own scope: a test in one network's scope may build another's objects.
    """
    with scope(network=network):
        return OrganisationKind.objects.get(key=key)


class OrganisationFactory(factory.django.DjangoModelFactory):
    """An organisation; pass `joined_on=date` to make it a current member as well."""

    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"Verein Nummer {n}")
    kind = factory.LazyAttribute(lambda o: kind_of(o.network))
    street = "Hauptstraße 1"
    postal_code = "12345"
    city = "Musterstadt"
    website = ""
    languages = factory.LazyFunction(lambda: ["de"])
    public_listing = False

    @factory.post_generation
    def joined_on(obj, create, extracted, **kwargs):
        if create and extracted:
            Membership.objects.create(network=obj.network, organisation=obj, joined_on=extracted)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    network = factory.LazyAttribute(lambda o: o.organisation.network)
    joined_on = datetime.date(2020, 1, 1)
    left_on = None
    leave_reason = ""


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    network = factory.SubFactory(NetworkFactory)
    full_name = factory.Faker("name", locale="de_DE")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    phone = ""
    languages = factory.LazyFunction(lambda: ["de"])
    contact_consent = False


class ContactPositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPosition

    organisation = factory.SubFactory(OrganisationFactory)
    network = factory.LazyAttribute(lambda o: o.organisation.network)
    person = factory.SubFactory(PersonFactory, network=factory.SelfAttribute("..network"))
    role = "main contact"
    started_on = datetime.date(2021, 1, 1)
    ended_on = None


class AgreementVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgreementVersion

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Kooperationsvereinbarung {n}")
    text = "## Ziele\n\nWir arbeiten **gemeinsam** für Integration."
    valid_from = factory.Sequence(lambda n: datetime.date(2019, 1, 1) + datetime.timedelta(days=n))


class AgreementSignatureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgreementSignature

    organisation = factory.SubFactory(OrganisationFactory)
    network = factory.LazyAttribute(lambda o: o.organisation.network)
    version = factory.SubFactory(
        AgreementVersionFactory, network=factory.SelfAttribute("..network")
    )
    signed_on = datetime.date(2024, 3, 1)
    signed_by = None
