"""Django's admin, for installation operators only: accounts, with their roles shown."""

from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import forms as auth_forms
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .models import NetworkRole, User


class UserCreationForm(auth_forms.AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)
        field_classes: dict = {}

    def clean_email(self):
        # Stored in lower case like every other account, so that login finds it.
        return User.objects.normalize_email(self.cleaned_data["email"]).lower()


class UserChangeForm(auth_forms.UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"
        field_classes: dict = {}


@admin.register(User)
class UserAdmin(auth_admin.UserAdmin):
    form = UserChangeForm
    add_form = UserCreationForm
    ordering = ("email",)
    list_display = ("email", "full_name", "is_active", "is_staff", "date_joined", "last_login")
    list_filter = ("is_active", "is_staff", "is_superuser")
    search_fields = ("email", "full_name")
    readonly_fields = ("last_login", "date_joined", "roles_in_networks")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal data"), {"fields": ("full_name", "preferred_language")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Networks"), {"fields": ("roles_in_networks",)}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "usable_password", "password1", "password2"),
            },
        ),
    )

    @admin.display(description=_("Roles in networks"))
    def roles_in_networks(self, obj):
        """Shown only: each network's coordinators grant and remove roles in the app."""
        if obj.pk is None:
            return "–"
        # The admin works across networks, outside any django-scopes scope.
        roles = (
            NetworkRole.objects.with_scopes_disabled().filter(user=obj).select_related("network")
        )
        return (
            format_html_join(
                mark_safe("<br>"),
                "{} ({}): {}",
                ((r.network.name, r.network.slug, r.get_role_display()) for r in roles),
            )
            or "–"
        )
