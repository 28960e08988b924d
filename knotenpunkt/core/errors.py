"""Errors that services raise for rule violations; views show their message to the user."""


class DomainError(Exception):
    """A business rule was broken; `message` is translatable, `field` names the form field.

    One error may carry several broken rules (`errors`, pairs of field and message), so that a
    page shows every problem of what was entered at once, not one per attempt
    (decision 0022). `message` and `field` are then those of the first.
    """

    def __init__(self, message, *, field: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.field = field
        self.errors: list[tuple[str | None, object]] = [(field, message)]

    @classmethod
    def several(cls, errors) -> "DomainError":
        """One error for every (field, message) pair of `errors` (at least one)."""
        errors = list(errors)
        field, message = errors[0]
        error = cls(message, field=field)
        error.errors = errors
        return error


class PermissionDenied(DomainError):
    """The actor's role in this network does not allow the action."""


class ImportRejected(DomainError):
    """An uploaded file cannot be imported; `problems` lists every reason found."""

    def __init__(self, message, *, problems=(), field: str | None = None):
        super().__init__(message, field=field)
        self.problems = list(problems)
