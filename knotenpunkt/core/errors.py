"""Errors that services raise for rule violations; views show their message to the user."""


class DomainError(Exception):
    """A business rule was broken; `message` is translatable, `field` names the form field."""

    def __init__(self, message, *, field: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.field = field


class PermissionDenied(DomainError):
    """The actor's role in this network does not allow the action."""


class ImportRejected(DomainError):
    """An uploaded file cannot be imported; `problems` lists every reason found."""

    def __init__(self, message, *, problems=(), field: str | None = None):
        super().__init__(message, field=field)
        self.problems = list(problems)
