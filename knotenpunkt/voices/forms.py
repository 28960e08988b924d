"""Forms of the voice pages: the public voice form, and the triage forms of the workspace.

The rules are the service's (validation.py, services.voice_checks), attached here so that the
page shows every refusal next to its field before anything is saved.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.forms import CheckedForm, NetworkForm
from knotenpunkt.core.validation import EMAIL_MAX, all_checks, check_email, form_validator
from knotenpunkt.workinggroups.models import WorkingGroup

from .models import ANSWER_MAX, PHONE_MAX
from .selectors import topics_list
from .validation import check_answer_text, check_consent, check_phone, check_voice_text


class VoiceForm(NetworkForm, CheckedForm):
    topic = forms.TypedChoiceField(label=_("Topic"), coerce=int, widget=forms.RadioSelect)
    text = forms.CharField(
        label=_("Your message"),
        help_text=_("Write in your language. Short sentences are fine."),
        widget=forms.Textarea(attrs={"rows": 8}),
        validators=[form_validator(check_voice_text)],
    )
    contact_email = forms.CharField(
        label=_("Your e-mail address (if you want)"),
        required=False,
        max_length=EMAIL_MAX,
        help_text=_("Then we send you the link to your message and our answer."),
        validators=[form_validator(check_email)],
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_phone = forms.CharField(
        label=_("Your phone number (if you want)"),
        required=False,
        max_length=PHONE_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel", "dir": "ltr"}),
    )
    # The consent's wording stands above the box (templates/voices/public/send.html), so that
    # the label, which the error summary repeats, stays short.
    consent = forms.BooleanField(
        label=_("I agree"),
        required=False,
        widget=forms.CheckboxInput(attrs={"aria-describedby": "consent-text"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = {topic.pk: topic for topic in topics_list(network=self.network)}
        self.fields["topic"].choices = [(pk, topic.label) for pk, topic in self.topics.items()]

    def service_checks(self, data: dict) -> None:
        with all_checks() as check:
            if "contact_phone" in data:
                check(check_phone, data["contact_phone"])
            check(check_consent, data.get("consent"))

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "topic": self.topics.get(data["topic"]),
            "text": data["text"],
            "contact_email": data.get("contact_email", ""),
            "contact_phone": data.get("contact_phone", ""),
            "consent": bool(data.get("consent")),
        }


class RouteForm(NetworkForm):
    group = forms.TypedChoiceField(label=_("Working group"), coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = {
            group.pk: group
            for group in WorkingGroup.objects.filter(
                network=self.network, active_until__isnull=True
            )
        }
        self.fields["group"].choices = [(pk, group.name) for pk, group in self.groups.items()]


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        help_text=_("The sender reads it on their status page. Write in plain words."),
        max_length=ANSWER_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        validators=[form_validator(check_answer_text)],
    )
