"""Outgoing mail: rendered in the recipient's language now, sent by the worker after commit."""

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import send_mail_task


def mail_send_later(*, to: str, template: str, context: dict, language: str) -> None:
    """Render `<template>_subject.txt` and `<template>_body.txt`; enqueue the send on commit.

    Rendering happens here so that the worker needs no request; sending waits for
    the commit so that a rolled-back write never mails anybody.
    """
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    transaction.on_commit(lambda: send_mail_task.enqueue(to=[to], subject=subject, body=body))
