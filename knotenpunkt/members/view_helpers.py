"""Small pieces every member page uses: form pages, domain errors on forms, paging, permissions."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from knotenpunkt.core.errors import DomainError

PAGE_SIZE = 25


def attempt(form, call):
    """Run a service; a broken rule becomes an error on the field it names (None on failure)."""
    try:
        return call()
    except DomainError as error:
        field = error.field if error.field in form.fields else None
        form.add_error(field, error.message)
        return None


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def form_page(request, form, *, title, back_url, submit_label, intro="", danger=False):
    """The one template for every simple form: heading, intro, the form, a way back."""
    context = {
        "form": form,
        "title": title,
        "back_url": back_url,
        "submit_label": submit_label,
        "intro": intro,
        "danger": danger,
    }
    return render(request, "members/form_page.html", context)


def done(request, message, url):
    messages.success(request, message)
    return redirect(url)
