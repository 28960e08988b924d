"""Users log in with their e-mail; what they may do depends on their role in each network."""

import secrets

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.models import NetworkScopedModel


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in; the same account may hold roles in several networks."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("name"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="de"
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    # Set when the account was disabled and anonymised (accounts.erasure); the row stays for
    # the history that points at it (wiki versions, minutes), shown as a former contact.
    erased_at = models.DateTimeField(null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """How the account is shown to others: the name, never the address where a name exists.

        The e-mail address is the last resort for an account that has no name (one made on
        the command line); an erased account is a former contact.
        """
        if self.erased_at is not None:
            return gettext("Former contact")
        return self.full_name or self.email


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    CITY_LIAISON = "city_liaison", _("City liaison")
    MEMBER_CONTACT = "member_contact", _("Member contact")


class NetworkRole(NetworkScopedModel):
    """One role of one user in one network."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_roles"
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    # When the role was given: the team page shows it. Set by the grant, not by the row, so
    # that records brought in from elsewhere (the demo, a migration) keep their real dates.
    granted_at = models.DateTimeField(_("granted on"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["network", "user", "role"], name="unique_role_per_network"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}"


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(NetworkScopedModel):
    """An invitation by mail to take a role; it expires and can be used once."""

    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    person = models.ForeignKey(
        "members.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitations",
    )
    # A member contact speaks for an organisation: accepting makes them its contact
    # (members.invited_contacts). Other roles need none.
    organisation = models.ForeignKey(
        "members.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organisation"),
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="de")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A withdrawn invitation stays (audit trail, data export) but its link no longer works.
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} ({self.role})"

    @property
    def status(self) -> str:
        """open, accepted, cancelled or expired: what the invitation's link leads to."""
        if self.accepted_at is not None:
            return "accepted"
        if self.cancelled_at is not None:
            return "cancelled"
        if self.expires_at <= timezone.now():
            return "expired"
        return "open"

    @property
    def is_usable(self) -> bool:
        return self.status == "open"


class ErasureRequest(NetworkScopedModel):
    """A user's request that a network erase what it holds about them (GDPR Art. 17).

    One per network the user belongs to; the network's coordination carries it out, which
    erases the user's contact persons there and ends their roles (members.erasure).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="erasure_requests"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "user"],
                condition=models.Q(done_at__isnull=True),
                name="one_open_erasure_request_per_network",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.requested_at:%Y-%m-%d})"

    @property
    def is_open(self) -> bool:
        return self.done_at is None
