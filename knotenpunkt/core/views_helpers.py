"""Pieces every app's pages share: form pages, domain errors on forms, paging.

They live in core so that no app reaches into another app's views for generic things.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from .errors import DomainError
from .forms import add_domain_error

PAGE_SIZE = 25


def attempt(form, call):
    """Run a service; each broken rule becomes an error on the field it names (None on failure)."""
    try:
        return call()
    except DomainError as error:
        add_domain_error(form, error)
        return None


def initial_from(obj, form_class) -> dict:
    """An edit form starts from the object's current values, field by field."""
    return {name: getattr(obj, name) for name in form_class.base_fields}


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def form_page(
    request,
    form,
    *,
    title,
    back_url,
    submit_label,
    intro="",
    danger=False,
    template="core/form_page.html",
    extra=None,
):
    """The one template for every simple form: heading, intro, the form, a way back.

    A page that shows more than the form names a `template` extending core/form_page.html
    and gives its `extra` context.
    """
    context = {
        "form": form,
        "title": title,
        "back_url": back_url,
        "submit_label": submit_label,
        "intro": intro,
        "danger": danger,
        **(extra or {}),
    }
    return render(request, template, context)


def done(request, message, url):
    messages.success(request, message)
    return redirect(url)


def form_flow(
    request,
    form,
    *,
    save: Callable[[], Any],
    message: str | Callable[[Any], str],
    next_url: str | Callable[[Any], str],
    **page,
):
    """The usual write page: a valid POST runs `save`, then says `message` and goes to `next_url`.

    `message` and `next_url` may be functions of what `save` returned; a broken rule, an invalid
    form or a GET shows the form page again (`page` are the arguments of `form_page`).
    """
    if request.method == "POST" and form.is_valid():
        result = attempt(form, save)
        if result:
            if callable(message):
                message = message(result)
            if callable(next_url):
                next_url = next_url(result)
            return done(request, message, next_url)
    return form_page(request, form, **page)
