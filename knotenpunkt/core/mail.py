"""Outgoing mail: rendered in the recipient's language now, sent by the worker after commit."""

from django.db import transaction
from django.template import Context
from django.template.loader import get_template
from django.utils import translation

from .tasks import send_mail_task


def render_plain_text(template: str, context: dict) -> str:
    """A plain-text template rendered without HTML escaping: a mail is not a page, so a
    title "Kaffee & <Kuchen>" must read as written, not as `&amp;` or `&lt;`."""
    return get_template(template).template.render(Context(context, autoescape=False))


def render_mail(template: str, context: dict) -> tuple[str, str]:
    """(subject, body) of `<template>_subject.txt` and `<template>_body.txt`, both plain
    text; the subject on one line (a line break would end the header)."""
    subject = " ".join(render_plain_text(f"{template}_subject.txt", context).split())
    return subject, render_plain_text(f"{template}_body.txt", context)


def mail_send_later(*, to: str, template: str, context: dict, language: str) -> None:
    """Render `<template>_subject.txt` and `<template>_body.txt`; enqueue the send on commit.

    Rendering happens here so that the worker needs no request; sending waits for
    the commit so that a rolled-back write never mails anybody.
    """
    with translation.override(language):
        subject, body = render_mail(template, context)
    transaction.on_commit(lambda: send_mail_task.enqueue(to=[to], subject=subject, body=body))
