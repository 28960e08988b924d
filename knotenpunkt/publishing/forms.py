"""The forms of the network's settings page, its static pages, its news and its home page."""

from django import forms
from django.conf import settings
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core import blocks
from knotenpunkt.core.forms import CheckedForm
from knotenpunkt.core.images import IMAGE_FORMATS
from knotenpunkt.core.languages import language_name
from knotenpunkt.core.models import Network
from knotenpunkt.core.validation import form_validator

from .models import NewsItem
from .validation import BODY_MAX, VIDEO_URL_MAX, check_described_image, check_video_url


def _model_field(name: str, **kwargs):
    """The form field of a Network field, with the model's label, length and help text."""
    return Network._meta.get_field(name).formfield(**kwargs)


def _language_choices():
    """In the reader's language: only the language switcher names each in its own."""
    return [(code, language_name(code)) for code, _name in settings.LANGUAGES]


class NetworkSettingsForm(forms.Form):
    name = _model_field("name")
    city = _model_field("city")
    description = _model_field("description")
    coordinating_body = _model_field("coordinating_body")
    contact_email = _model_field("contact_email")
    contact_phone = _model_field("contact_phone")
    address = _model_field("address")
    imprint_responsible = _model_field("imprint_responsible")
    logo = forms.ImageField(
        label=_("logo"),
        required=False,
        help_text=_("JPEG, PNG, GIF or WebP, at most 5 MB; printed on the calendar edition."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join(f"image/{kind.lower()}" for kind in sorted(IMAGE_FORMATS))}
        ),
    )
    accent_colour = _model_field(
        "accent_colour", widget=forms.TextInput(attrs={"placeholder": "#0b5cad", "dir": "ltr"})
    )
    default_language = forms.ChoiceField(label=_("default language"), choices=_language_choices)
    enabled_languages = forms.MultipleChoiceField(
        label=_("languages offered"),
        choices=_language_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The default language is always offered."),
    )
    edition_months = forms.TypedMultipleChoiceField(
        label=_("months in which a calendar edition starts"),
        choices=[(number, name) for number, name in MONTHS.items()],
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=Network._meta.get_field("edition_months").help_text,
    )
    plenaries_per_year_target = _model_field("plenaries_per_year_target")

    def values(self) -> dict:
        """The cleaned data as `network_update` takes it: an untouched logo is left out."""
        values = dict(self.cleaned_data)
        logo = values.pop("logo")
        if logo is False:  # the "clear" box
            values["logo"] = ""
        elif logo is not None:
            values["logo"] = logo
        return values


class StaticPageTextForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=200, required=False)
    body = forms.CharField(
        label=_("text (Markdown)"),
        widget=forms.Textarea(attrs={"rows": 16}),
        max_length=BODY_MAX,
        required=False,
        help_text=_("Leave title and text empty to remove this language's text."),
    )

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        # The text is in `language`, whatever the page around it is written in (RTL included).
        for field in self.fields.values():
            field.widget.attrs.update({"lang": language, "dir": "auto"})


def _image_field():
    return forms.ImageField(
        label=_("image"),
        required=False,
        help_text=_("JPEG, PNG, GIF or WebP, at most 5 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join(f"image/{kind.lower()}" for kind in sorted(IMAGE_FORMATS))}
        ),
    )


def _image_alt_field():
    return forms.CharField(
        label=_("image description (alt text)"),
        max_length=NewsItem._meta.get_field("image_alt").max_length,
        required=False,
        help_text=_("What the image shows, for people who cannot see it. Needed with an image."),
    )


class NewsCreateForm(CheckedForm):
    title = forms.CharField(label=_("title"), max_length=200)
    body = forms.CharField(
        label=_("text (Markdown)"), widget=forms.Textarea(attrs={"rows": 14}), max_length=BODY_MAX
    )
    image = _image_field()
    image_alt = _image_alt_field()

    def service_checks(self, data):
        check_described_image(data.get("image"), data.get("image_alt", ""), has_image=False)


class NewsImageForm(CheckedForm):
    image = _image_field()
    image_alt = _image_alt_field()

    def __init__(self, *args, item, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item

    def values(self) -> dict:
        """As `news_image_set` takes them: None keeps the image, False removes it."""
        image = self.cleaned_data.get("image")
        return {"image": image, "image_alt": self.cleaned_data.get("image_alt", "")}

    def service_checks(self, data):
        image = data.get("image")
        if image is False:
            return
        keeps = bool(self.item.image) and not image
        check_described_image(image or None, data.get("image_alt", ""), has_image=keeps)


class HomeBlockForm(forms.Form):
    """One button of the arrangement page: move a block or show/hide it."""

    block = forms.ChoiceField(choices=lambda: [(t, t) for t in blocks.templates(blocks.HOME)])
    move = forms.ChoiceField(choices=[("up", "up"), ("down", "down")], required=False)
    show = forms.ChoiceField(choices=[("1", "1"), ("0", "0")], required=False)


class VideoForm(forms.Form):
    video_url = forms.CharField(
        label=_("video address"),
        max_length=VIDEO_URL_MAX,
        required=False,
        help_text=_(
            "The address of the video file (MP4 or WebM) or of the page that shows it. "
            "Empty: the page says the video is coming."
        ),
        widget=forms.URLInput(attrs={"dir": "ltr"}),
    )
    video_url.validators.append(form_validator(check_video_url))
