"""The shared form flow: a saved form redirects with a message, a broken rule shows on the form."""

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.utils import translation

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.forms import CheckedForm
from knotenpunkt.core.views_helpers import form_flow

pytestmark = pytest.mark.django_db


class NameForm(forms.Form):
    name = forms.CharField(label="Name")


def _request(rf, method="post", data=None):
    request = getattr(rf, method)("/somewhere/", data or {})
    request.user = AnonymousUser()
    request.network = None
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def _flow(request, save, **overrides):
    form = NameForm(request.POST or None)
    arguments = {
        "save": lambda: save(form.cleaned_data["name"]),
        "message": lambda name: f"{name} was saved.",
        "next_url": lambda name: f"/names/{name}/",
        "title": "Name the thing",
        "back_url": "/names/",
        "submit_label": "Save name",
        **overrides,
    }
    return form_flow(request, form, **arguments)


def test_a_saved_form_goes_on_with_a_message_made_from_what_was_saved(rf):
    request = _request(rf, data={"name": "Ada"})
    response = _flow(request, save=str.upper)
    assert response.status_code == 302
    assert response["Location"] == "/names/ADA/"
    assert [str(message) for message in get_messages(request)] == ["ADA was saved."]


def test_fixed_message_and_address_need_no_function(rf):
    request = _request(rf, data={"name": "Ada"})
    response = _flow(request, save=str.upper, message="Saved.", next_url="/names/")
    assert response["Location"] == "/names/"
    assert [str(message) for message in get_messages(request)] == ["Saved."]


@pytest.mark.parametrize(("field", "next_to_the_field"), [("name", True), ("no_such_field", False)])
def test_a_broken_rule_shows_on_the_form_and_nothing_is_announced(rf, field, next_to_the_field):
    """An error naming a field of the form stands at that field; any other above the form."""

    def save(name):
        raise DomainError("That name is taken.", field=field)

    request = _request(rf, data={"name": "Ada"})
    response = _flow(request, save=save)
    content = response.content.decode()
    assert response.status_code == 200
    assert "That name is taken." in content
    assert ('id="id_name_error"' in content) is next_to_the_field
    assert "<h1>Name the thing</h1>" in content
    assert list(get_messages(request)) == []


def test_a_get_shows_the_empty_form_without_saving(rf):
    saved = []
    response = _flow(_request(rf, method="get"), save=saved.append)
    content = response.content.decode()
    assert response.status_code == 200
    assert saved == []
    assert 'href="/names/"' in content
    assert "Save name</button>" in content


class TwoFieldForm(CheckedForm):
    name = forms.CharField(label="Name")
    city = forms.CharField(label="City", max_length=5)

    def service_checks(self, data):
        if data.get("name") == "Ada":
            raise DomainError.several([("name", "That name is taken."), (None, "Not today.")])


def test_every_broken_rule_of_a_service_stands_at_its_field_with_a_summary(rf):
    def save(name):
        raise DomainError.several([("name", "That name is taken."), ("nowhere", "Not today.")])

    request = _request(rf, data={"name": "Ada"})
    content = _flow(request, save=save).content.decode()
    assert 'id="id_name_error"' in content
    assert '<a href="#id_name">Name: That name is taken.</a>' in content
    assert "<li>Not today.</li>" in content


def test_a_checked_form_shows_the_services_rules_with_its_own_errors():
    form = TwoFieldForm({"name": "Ada", "city": "Musterstadt"})
    with translation.override("en"):
        assert not form.is_valid()
        assert form.errors["name"] == ["That name is taken."]
        assert form.errors["city"] == ["Ensure this value has at most 5 characters (it has 11)."]
        assert form.non_field_errors() == ["Not today."]
