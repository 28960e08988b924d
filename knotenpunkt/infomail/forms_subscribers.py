"""Forms of the subscriber pages: signing up, one's preferences, one's own subscription.

The choices come from the network (its languages, its topics named in the reader's
language); the rules themselves are the service's (services_subscribers.py), attached here so
that the form says the same as the service.
"""

from django import forms
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.forms import NetworkForm
from knotenpunkt.core.languages import language_name
from knotenpunkt.core.validation import EMAIL_MAX, validate_email_address

from .models import Topic


class PreferencesForm(NetworkForm):
    """Language and topics; `initial` from the subscriber, else the page's language."""

    language = forms.ChoiceField(label=_("Language of the mails"))
    topics = forms.TypedMultipleChoiceField(
        label=_("Topics"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What would you like to hear about?"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reader = get_language()
        # Each language in its own name, as the language button shows them: a reader looks
        # for the name they know.
        self.fields["language"].choices = [
            (code, get_language_info(code)["name_local"]) for code in self.network.languages
        ]
        self.fields["language"].initial = (
            reader if reader in self.network.languages else self.network.default_language
        )
        self.fields["topics"].choices = [
            (topic.pk, topic.name_in(reader))
            for topic in Topic.objects.filter(network=self.network)
        ]
        if not self.fields["topics"].choices:
            del self.fields["topics"]

    def values(self) -> dict:
        return {
            "language": self.cleaned_data["language"],
            "topics": self.cleaned_data.get("topics") or [],
        }


class SignUpForm(PreferencesForm):
    email = forms.CharField(
        label=_("E-mail address"),
        max_length=EMAIL_MAX,
        validators=[validate_email_address],
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    field_order = ["email", "language", "topics"]

    def values(self) -> dict:
        return {"email": self.cleaned_data["email"], **super().values()}


class TopicForm(NetworkForm):
    """A topic's name, its name in each other language of the network, and its place."""

    name = forms.CharField(label=_("Name"), max_length=100)
    position = forms.IntegerField(
        label=_("Position in the list"), min_value=0, max_value=1000, initial=0
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code in self.network.languages[1:]:
            self.fields[f"name_{code}"] = forms.CharField(
                label=_("Name in %(language)s") % {"language": language_name(code)},
                max_length=100,
                required=False,
            )

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "position": data["position"],
            "translations": {
                code: data.get(f"name_{code}", "") for code in self.network.languages[1:]
            },
        }

    @staticmethod
    def initial_of(topic) -> dict:
        names = {f"name_{code}": value for code, value in topic.translations.items()}
        return {"name": topic.name, "position": topic.position, **names}
