"""The coordinator's forms for an issue: its content and segments, a test, a schedule."""

from django import forms
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.forms import NetworkForm
from knotenpunkt.core.languages import language_name
from knotenpunkt.core.validation import max_length_of

from .models import Mailing, MailingVersion, Topic


class MailingForm(NetworkForm):
    """Blocks, segments and one subject and intro per language of the network.

    The version fields are made per language (`subject_de`, `intro_de`, …), so that the page
    shows every language at once without a formset; a language left empty has no version.
    """

    blocks = forms.MultipleChoiceField(
        label=_("What the mail pulls in"),
        choices=Mailing.Block.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Only subscribers with these languages"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick none to send to every language."),
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Only subscribers of these topics"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick none to send regardless of topics."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        network = self.network
        self.languages_offered = list(network.languages)
        self.fields["languages"].choices = [
            (code, language_name(code)) for code in self.languages_offered
        ]
        topics = Topic.objects.filter(network=network)
        if topics.exists():
            self.fields["topics"].queryset = topics
        else:
            del self.fields["topics"]
        subject_max = max_length_of(MailingVersion, "subject")
        for code in self.languages_offered:
            self.fields[f"subject_{code}"] = forms.CharField(
                # The language in the label too: the error summary lists fields without legends.
                label=_("Subject (%(language)s)") % {"language": language_name(code)},
                max_length=subject_max,
                required=False,
                widget=forms.TextInput(attrs={"lang": code, "dir": "auto"}),
            )
            self.fields[f"intro_{code}"] = forms.CharField(
                label=_("Introduction (%(language)s)") % {"language": language_name(code)},
                required=False,
                widget=forms.Textarea(attrs={"rows": 6, "lang": code, "dir": "auto"}),
                help_text=_("Markdown: *italic*, **bold**, [link](https://…), lists with -."),
            )

    @staticmethod
    def initial_for(mailing: Mailing) -> dict:
        initial = {
            "blocks": mailing.blocks,
            "languages": mailing.languages,
            "topics": list(mailing.topics.all()),
        }
        for version in mailing.versions.all():
            initial[f"subject_{version.language}"] = version.subject
            initial[f"intro_{version.language}"] = version.intro
        return initial

    def fieldsets(self):
        """(legend, language or "", fields) in the order of the page; the blocks are a group
        of their own already (no legend: a choice of several is its own fieldset)."""
        segment = [self["languages"]] + ([self["topics"]] if "topics" in self.fields else [])
        sets = [("", "", [self["blocks"]]), (_("Recipients"), "", segment)]
        for code in self.languages_offered:
            fields = [self[f"subject_{code}"], self[f"intro_{code}"]]
            sets.append((language_name(code), code, fields))
        return sets

    def values(self) -> dict:
        """The cleaned data as `mailing_create` / `mailing_update` take it."""
        data = self.cleaned_data
        return {
            "blocks": data["blocks"],
            "languages": data["languages"],
            "topics": list(data.get("topics") or ()),
            "versions": {
                code: {"subject": data[f"subject_{code}"], "intro": data[f"intro_{code}"]}
                for code in self.languages_offered
            },
        }


class LanguageForm(forms.Form):
    """Which version a test mail or a preview is about."""

    language = forms.ChoiceField(label=_("Version"))

    def __init__(self, *args, mailing: Mailing, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (version.language, language_name(version.language))
            for version in mailing.versions.all()
        ]


class ScheduleForm(NetworkForm):
    """The moment to send, as the network's clock shows it (its time zone is active)."""

    at = forms.DateTimeField(
        label=_("Send at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["at"].help_text = _("In the network's time zone (%(zone)s).") % {
            "zone": self.network.time_zone
        }


class ConfirmForm(forms.Form):
    """A confirmation step: nothing to enter, the button says what happens."""
