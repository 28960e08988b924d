"""Forms of the knowledge base; the choices offered depend on what the user may write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.params import ID_MAX

from .models import Visibility
from .uploads import allowed_extensions, max_bytes

MARKDOWN_HELP = _("Markdown: ## heading, **bold**, - list item, [link](https://…).")
VISIBILITY_HELP = _(
    "Public: anyone, also without logging in. Network-internal: everyone with a role in "
    "the network. Group-internal: the working group's members, the coordination and the "
    "city liaison."
)


def _visibility_choices(*, with_group: bool):
    return [
        (value, label)
        for value, label in Visibility.choices
        if with_group or value != Visibility.GROUP
    ]


class GroupChoiceMixin:
    """A choice of working group; coordinators may also choose the whole network."""

    def add_group_field(self, groups, *, network_allowed: bool):
        self.fields["group"] = forms.ModelChoiceField(
            label=_("Belongs to"),
            queryset=groups,
            required=not network_allowed,
            empty_label=_("The whole network") if network_allowed else None,
        )


class PageCreateForm(GroupChoiceMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    slug = forms.CharField(
        label=_("Short name in the address"),
        max_length=70,
        required=False,
        help_text=_("Optional; made from the title if left empty."),
    )
    visibility = forms.ChoiceField(
        label=_("Visible to"), choices=Visibility.choices, help_text=VISIBILITY_HELP
    )
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 18}),
        required=False,
        help_text=MARKDOWN_HELP,
    )
    comment = forms.CharField(
        label=_("What did you write?"),
        max_length=300,
        required=False,
        help_text=_("A short note for the history, e.g. “first draft”."),
    )

    field_order = ["title", "group", "visibility", "body", "comment", "slug"]

    def __init__(self, *args, groups, network_allowed: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_group_field(groups, network_allowed=network_allowed)
        self.order_fields(self.field_order)


class PageEditForm(forms.Form):
    base_revision = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1, max_value=ID_MAX
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    visibility = forms.ChoiceField(label=_("Visible to"), help_text=VISIBILITY_HELP)
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 18}),
        required=False,
        help_text=MARKDOWN_HELP,
    )
    comment = forms.CharField(
        label=_("What did you change?"),
        max_length=300,
        required=False,
        help_text=_("A short note for the history, e.g. “dates for 2025 added”."),
    )

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visibility"].choices = _visibility_choices(
            with_group=page.group_id is not None
        )


class DocumentUploadForm(GroupChoiceMixin, forms.Form):
    file = forms.FileField(label=_("File"))
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Optional; the file name is used if left empty."),
    )
    visibility = forms.ChoiceField(
        label=_("Visible to"), choices=Visibility.choices, help_text=VISIBILITY_HELP
    )

    def __init__(self, *args, groups=None, network_allowed: bool = False, page=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("Allowed types: %(types)s. At most %(size)s MB.") % {
            "types": allowed_extensions(),
            "size": max_bytes() // (1024 * 1024),
        }
        if page is None:
            self.add_group_field(groups, network_allowed=network_allowed)
            self.order_fields(["file", "title", "group", "visibility"])
        else:
            self.fields["visibility"].choices = _visibility_choices(
                with_group=page.group_id is not None
            )
