"""Django's admin, for installation operators: the networks, and switching one off or on.

Everything else about a network is edited by its coordinator on its settings page; the admin
only shows it, so that every change goes through the audited services.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Network
from .services import network_active_set


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "city", "default_language", "is_active", "created_at")
    list_filter = ("is_active",)
    search_fields = ("name", "slug", "city")
    ordering = ("name",)
    actions = ("deactivate", "activate")

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in Network._meta.fields if field.name != "id"]

    def has_add_permission(self, request):
        return False  # a network starts with `manage.py network_create` (docs/operating.md)

    def has_delete_permission(self, request, obj=None):
        return False  # deactivate instead: the data stays and can be brought back

    def _set_active(self, request, queryset, *, active: bool) -> int:
        changed = 0
        for network in queryset:
            if network.is_active != active:
                network_active_set(network=network, active=active, actor=request.user)
                changed += 1
        return changed

    @admin.action(description=_("Deactivate the selected networks"))
    def deactivate(self, request, queryset):
        count = self._set_active(request, queryset, active=False)
        self.message_user(
            request,
            ngettext("%(count)d network deactivated.", "%(count)d networks deactivated.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Activate the selected networks again"))
    def activate(self, request, queryset):
        count = self._set_active(request, queryset, active=True)
        self.message_user(
            request,
            ngettext("%(count)d network activated.", "%(count)d networks activated.", count)
            % {"count": count},
            messages.SUCCESS,
        )
