import factory
from django_scopes import scopes_disabled

from knotenpunkt.accounts.models import NetworkRole, User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Faker("name", locale="de_DE")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def grant_role(user, network, role: str) -> NetworkRole:
    with scopes_disabled():
        return NetworkRole.objects.create(network=network, user=user, role=role)
