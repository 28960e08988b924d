"""View decorators: a network page that needs a login and a permission from the table."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login

from .permissions import require


def network_permission_required(action: str):
    """Anonymous visitors are sent to log in; logged-in users without the role get 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            require(request.user, request.network, action)
            return view(request, *args, **kwargs)

        wrapped.required_action = action
        return wrapped

    return decorator
