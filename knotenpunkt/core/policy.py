"""The one permission policy: may this person do this action in this network (on this object)?

Core knows no role and no app. Apps fill the policy from their AppConfig.ready():

- accounts registers where roles come from (`register_role_source`),
- workinggroups registers which groups a person belongs to (`register_group_source`),
- every app declares its actions in its `rules.py` (`declare`): the roles that may do the
  action anywhere in the network, and optionally a rule that grants it on one object to
  others (the current lead of this group, the contact of this organisation, …).

Nobody without a role in the network may do anything here: the workspace is for the
network's people, whatever a rule says. Views declare their action with `requires` (or
`public` / `signed_in`), services that act for a person call `require`.
See docs/decisions/0013-one-permission-policy.md.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from .memo import network_memo

Rule = Callable[[Any, Any, Any], bool]  # (user, network, obj or None) -> bool


class UnknownAction(KeyError):
    """An action nobody declared: a programming error, never a refusal."""


@dataclass(frozen=True)
class Action:
    name: str
    roles: frozenset[str]
    rule: Rule | None = None


_actions: dict[str, Action] = {}
_sources: dict[str, Callable] = {}


# Registration (from the apps' ready()) ---------------------------------------------------


def declare(name: str, *, roles, rule: Rule | None = None) -> Action:
    """Declare an action: `roles` may do it network-wide; `rule(user, network, obj)` grants it
    to other role holders as well (for one object, or with obj None for the page that lists)."""
    action = Action(name=name, roles=frozenset(roles), rule=rule)
    if name in _actions and _actions[name] != action:
        raise ValueError(f"action {name!r} is declared twice")
    _actions[name] = action
    return action


def register_role_source(source: Callable[[Any, Any], frozenset[str]]) -> None:
    """`source(user, network)`: the roles an authenticated user holds in the network."""
    _sources["roles"] = source


def register_group_source(source: Callable[[Any, Any], frozenset[int]]) -> None:
    """`source(user, network)`: the ids of the groups the user currently belongs to."""
    _sources["groups"] = source


def actions() -> dict[str, Action]:
    return dict(_actions)


def action_named(name: str) -> Action:
    try:
        return _actions[name]
    except KeyError:
        raise UnknownAction(f"unknown action {name!r}") from None


# Questions -------------------------------------------------------------------------------


def roles_of(user, network) -> frozenset[str]:
    """The user's roles in this network.

    Asked on every page (navigation, permission checks): kept on the user object for the
    request and memoised per process under the network's memo token, which every role grant
    or revocation renews (core/memo.py) — so a revoked role counts nowhere from the next request.
    """
    if not getattr(user, "is_authenticated", False) or network is None:
        return frozenset()
    cache = user.__dict__.setdefault("_network_roles_cache", {})
    if network.pk not in cache:
        source = _sources["roles"]
        cache[network.pk] = network_memo(
            network, ("roles", user.pk), lambda: frozenset(source(user, network))
        )
    return cache[network.pk]


def groups_of(user, network) -> frozenset[int]:
    """The groups the user belongs to now (none without a role in the network)."""
    source = _sources.get("groups")
    if source is None or not roles_of(user, network):
        return frozenset()
    return frozenset(source(user, network))


def can(user, network, action: str, obj=None) -> bool:
    """Whether the user may do the action in the network (on `obj`, if the rule looks at one)."""
    declared = action_named(action)
    roles = roles_of(user, network)
    if not roles:
        return False
    if roles & declared.roles:
        return True
    return declared.rule is not None and bool(declared.rule(user, network, obj))


def require(user, network, action: str, obj=None) -> None:
    """Raise PermissionDenied (HTTP 403) unless the user may do the action."""
    if not can(user, network, action, obj):
        raise PermissionDenied(action)


def require_actor(actor, network, action: str, obj=None) -> None:
    """For services: a person must be allowed; no actor is the system itself (tasks, reminders)."""
    if actor is not None:
        require(actor, network, action, obj)


# View declarations -----------------------------------------------------------------------


@dataclass(frozen=True)
class Declaration:
    """What a view says about itself: the action (None: public), whether a login is needed,
    and how to load the object the action is about from the URL."""

    action: str | None
    login: bool
    loader: Callable | None = None
    post: str | None = None

    def action_for(self, method: str) -> str | None:
        return self.post if self.post and method == "POST" else self.action


def declaration_of(view) -> Declaration | None:
    return getattr(view, "policy", None)


def requires(
    action: str,
    *,
    obj: Callable | None = None,
    post: str | None = None,
    refusal: str | None = None,
):
    """A workspace page: anonymous visitors log in, others need the action (403 otherwise).

    `obj(request, **url_kwargs)` loads the object the action is about (a 404 if it is not in
    this network); the view receives it as the keyword `obj`. `post` is the action a POST
    needs instead, for pages that everybody reads and few change. `refusal` is a template
    that explains a refusal to those with a role here (still a 403).
    """

    declaration = Declaration(action=action, login=True, loader=obj, post=post)

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            needed = declaration.action_for(request.method)
            if not roles_of(request.user, request.network):
                # Outsiders learn nothing, not even which objects exist.
                raise PermissionDenied(needed)
            if obj is None:
                if refusal and not can(request.user, request.network, needed):
                    return render(request, refusal, status=403)
                require(request.user, request.network, needed)
                return view(request, *args, **kwargs)
            loaded = obj(request, **kwargs)
            require(request.user, request.network, needed, loaded)
            return view(request, *args, obj=loaded, **kwargs)

        wrapped.policy = declaration
        return wrapped

    return decorator


def public(view):
    """A page anyone may open; what it shows may still depend on who asks."""
    view.policy = Declaration(action=None, login=False)
    return view


def signed_in(view):
    """A page of one's own account, outside any network: a login, no role."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    wrapped.policy = Declaration(action=None, login=True)
    return wrapped
