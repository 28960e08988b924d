"""Writing an issue of the info mail: drafting it, changing it, deleting a draft.

An issue has its blocks (what the mail pulls in), its segments (languages and topics of the
subscribers it goes to; empty means everyone) and a version per language (subject and an
intro in Markdown). Sending, scheduling and test mails are in `services_sending.py`.

`versions` is `{language: {"subject": …, "intro": …}}`; a language whose subject and intro
are both empty has no version (an existing one is removed), and at least one version is
needed. Every function is one write: keyword-only, atomic, one audit entry.
"""

from collections.abc import Iterable, Mapping

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.validation import all_checks, check_length, max_length_of

from .models import Mailing, MailingVersion, Topic

MANAGE = "infomail.manage"
EDITABLE = (Mailing.Status.DRAFT, Mailing.Status.SCHEDULED)


def _check_choices(values, allowed, *, field: str, message: str) -> list[str]:
    values = list(dict.fromkeys(values or ()))  # without repeats, in the given order
    unknown = [value for value in values if value not in allowed]
    if unknown:
        raise DomainError(message % {"values": ", ".join(map(str, unknown))}, field=field)
    return values


def _check_topics(network, topics) -> list[Topic]:
    """Topics of this network only (objects or ids); another network's topic is refused."""
    ids = {getattr(topic, "pk", topic) for topic in topics or ()}
    found = list(Topic.objects.filter(network=network, pk__in=ids))
    if len(found) != len(ids):
        raise DomainError(_("Choose topics of this network."), field="topics")
    return found


def _check_versions(versions: Mapping[str, Mapping]) -> dict[str, dict]:
    """The versions as {language: {subject, intro}}, without empty ones; every rule at once."""
    known = dict(settings.LANGUAGES)
    subject_max = max_length_of(MailingVersion, "subject")
    cleaned = {}
    with all_checks() as check:
        for language, values in (versions or {}).items():
            subject = (values.get("subject") or "").strip()
            intro = (values.get("intro") or "").strip()
            if not subject and not intro:
                continue
            if language not in known:
                raise DomainError(_("Unknown language: %(code)s") % {"code": language})
            field = f"subject_{language}"
            if not subject:
                check.refuse(_("A version with an introduction needs a subject."), field=field)
                continue
            subject = check(check_length, subject, field=field, max_length=subject_max)
            cleaned[language] = {"subject": subject, "intro": intro}
    if not cleaned:
        raise DomainError(_("Write the subject of at least one language version."), field=None)
    return cleaned


def _check(network, *, blocks, languages, topics, versions):
    with all_checks() as check:
        blocks = check(
            _check_choices,
            blocks,
            Mailing.Block.values,
            field="blocks",
            message=_("Unknown blocks: %(values)s"),
        )
        languages = check(
            _check_choices,
            languages,
            dict(settings.LANGUAGES),
            field="languages",
            message=_("Unknown languages: %(values)s"),
        )
        topics = check(_check_topics, network, topics)
        versions = check(_check_versions, versions)
    return blocks, languages, topics, versions


def _write_versions(mailing: Mailing, versions: dict[str, dict]) -> None:
    current = {version.language: version for version in mailing.versions.all()}
    for language, version in current.items():
        if language not in versions:
            version.delete()
    for language, values in versions.items():
        version = current.get(language)
        if version is None:
            MailingVersion.objects.create(
                network_id=mailing.network_id, mailing=mailing, language=language, **values
            )
        elif (version.subject, version.intro) != (values["subject"], values["intro"]):
            version.subject, version.intro = values["subject"], values["intro"]
            version.save(update_fields=["subject", "intro"])


def _state(mailing: Mailing) -> dict:
    """What the audit trail compares: segments, blocks and each version's subject and intro."""
    state = {
        "blocks": sorted(mailing.blocks),
        "languages": sorted(mailing.languages),
        "topics": sorted(topic.name for topic in mailing.topics.all()),
    }
    for version in mailing.versions.all():
        state[f"subject ({version.language})"] = version.subject
        state[f"intro ({version.language})"] = version.intro
    return state


def _diff(before: dict, after: dict) -> dict:
    return {
        name: (before.get(name), after.get(name))
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }


@transaction.atomic
def mailing_create(
    *,
    network,
    actor,
    blocks: Iterable[str] = (),
    languages: Iterable[str] = (),
    topics: Iterable = (),
    versions: Mapping[str, Mapping],
) -> Mailing:
    """Draft an issue with its versions (at least one)."""
    require_actor(actor, network, MANAGE)
    blocks, languages, topics, versions = _check(
        network, blocks=blocks, languages=languages, topics=topics, versions=versions
    )
    mailing = Mailing.objects.create(
        network=network,
        blocks=blocks,
        languages=languages,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    mailing.topics.set(topics)
    _write_versions(mailing, versions)
    audit_record(
        network=network,
        actor=actor,
        action="mailing.create",
        target=mailing,
        summary=", ".join(versions[language]["subject"] for language in versions),
        changes=_diff({}, _state(mailing)),
    )
    return mailing


@transaction.atomic
def mailing_update(
    *,
    mailing: Mailing,
    actor,
    blocks: Iterable[str] = (),
    languages: Iterable[str] = (),
    topics: Iterable = (),
    versions: Mapping[str, Mapping],
) -> Mailing:
    """Change a draft or a scheduled issue (all its values at once, as the form holds them).

    Editing a scheduled issue is allowed and keeps its schedule: the coordinator corrects a
    typo without having to schedule it again, and what goes out is rendered at sending time.
    Once it is being sent or sent, it is what people received and cannot change.
    """
    network = mailing.network
    require_actor(actor, network, MANAGE)
    # Read the status under a lock: the periodic job may start the issue at this moment.
    mailing = Mailing.objects.select_for_update().get(pk=mailing.pk)
    _refuse_unless_editable(mailing)
    blocks, languages, topics, versions = _check(
        network, blocks=blocks, languages=languages, topics=topics, versions=versions
    )
    before = _state(mailing)
    mailing.blocks, mailing.languages = blocks, languages
    mailing.save(update_fields=["blocks", "languages"])
    mailing.topics.set(topics)
    _write_versions(mailing, versions)
    changes = _diff(before, _state(mailing))
    if changes:
        audit_record(
            network=network,
            actor=actor,
            action="mailing.update",
            target=mailing,
            summary=", ".join(changes),
            changes=changes,
        )
    return mailing


def _refuse_unless_editable(mailing: Mailing) -> None:
    if mailing.status == Mailing.Status.SENDING:
        raise DomainError(_("This info mail is being sent and can no longer be changed."))
    if mailing.status == Mailing.Status.SENT:
        raise DomainError(_("This info mail has been sent and can no longer be changed."))


@transaction.atomic
def mailing_delete(*, mailing: Mailing, actor) -> None:
    """Delete a draft; a scheduled issue is unscheduled first, a sent one stays in the archive."""
    network = mailing.network
    require_actor(actor, network, MANAGE)
    mailing = Mailing.objects.select_for_update().get(pk=mailing.pk)
    if mailing.status == Mailing.Status.SCHEDULED:
        raise DomainError(_("This info mail is scheduled: withdraw the schedule to delete it."))
    _refuse_unless_editable(mailing)
    audit_record(
        network=network,
        actor=actor,
        action="mailing.delete",
        target=mailing,
        summary=", ".join(version.subject for version in mailing.versions.all()),
        changes=_diff(_state(mailing), {}),
    )
    mailing.delete()
