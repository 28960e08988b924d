"""The workspace's subscriber pages: the coordinator's list, and one's own subscription."""

from django import forms
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from knotenpunkt.core.params import query_text
from knotenpunkt.core.policy import requires
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import attempt, done, form_flow, paginate

from . import services_subscribers as services
from . import services_topics
from .forms_subscribers import PreferencesForm, TopicForm
from .models import ConsentEvent, Subscriber, Topic
from .selectors_subscribers import subscriber_counts, subscribers_list, topics_list


@requires("infomail.manage")
def subscriber_list(request):
    """`manage/mail/subscribers/`: everyone who signed up, by status, with the counts."""
    network = request.network
    status = query_text(request, "status", max_length=20)
    if status not in Subscriber.Status.values:
        status = ""
    page = paginate(request, subscribers_list(network=network, status=status or None))
    context = {
        "page": page,
        "status": status,
        "statuses": Subscriber.Status.choices,
        "counts": subscriber_counts(network=network),
        "page_actions": [
            {
                "url": network_reverse(network, "infomail:topics"),
                "label": _("Topics"),
                "secondary": True,
            }
        ],
    }
    return render(request, "infomail/subscribers/list.html", context)


@requires("infomail.subscribe_self")
def subscribe_self(request):
    """`manage/mail/subscribers/me/`: one's own account's address, subscribed by oneself."""
    network, user = request.network, request.user
    subscriber = services.own_subscriber(network=network, user=user)
    active = subscriber is not None and subscriber.status == Subscriber.Status.ACTIVE
    initial = {"language": user.preferred_language}
    if active:
        initial = {
            "language": subscriber.language,
            "topics": [t.pk for t in subscriber.topics.all()],
        }
    form = PreferencesForm(request.POST or None, network=network, initial=initial)
    here = network_reverse(network, "infomail:subscribe_self")
    if request.method == "POST" and "leave" in request.POST and active:
        services.subscriber_unsubscribe(
            subscriber=subscriber, method=ConsentEvent.Method.ACCOUNT, request=request
        )
        return done(request, _("You no longer receive the info mail."), here)
    if request.method == "POST" and "leave" not in request.POST and form.is_valid():
        saved = attempt(
            form,
            lambda: services.subscriber_subscribe_self(
                network=network, user=user, actor=user, request=request, **form.values()
            ),
        )
        if saved:
            message = _("Your choice is saved.") if active else _("You receive the info mail now.")
            return done(request, message, here)
    context = {
        "form": form,
        "subscriber": subscriber,
        "active": active,
        "consent_text": services.CONSENT_TEXT,
    }
    return render(request, "infomail/subscribers/me.html", context)


def _subscriber(request, subscriber_id):
    return get_object_or_404(Subscriber, network=request.network, pk=subscriber_id)


@requires("infomail.manage", obj=_subscriber)
def subscriber_remove(request, subscriber_id, obj):
    """Erase an address on its owner's request: asked once, then gone with its consent log."""
    network = request.network
    form = forms.Form(request.POST if request.method == "POST" else None)
    back = network_reverse(network, "infomail:subscribers")
    return form_flow(
        request,
        form,
        save=lambda: services.subscriber_remove(subscriber=obj, actor=request.user) or True,
        message=_("The address was removed."),
        next_url=back,
        # Zero-width spaces let a long address wrap at "@" and "." in the heading on a phone,
        # never inside a word.
        title=_("Remove %(email)s")
        % {"email": obj.email.replace("@", "\u200b@").replace(".", ".\u200b")},
        intro=_(
            "Use this when the person asks for their data to be erased. The address, its "
            "consent log and its bounces are deleted; the sent mails keep no address. To stop "
            "mails only, the person leaves with the link in every mail."
        ),
        back_url=back,
        submit_label=_("Remove for good"),
        danger=True,
    )


# Topics ------------------------------------------------------------------------------------


def _topic(request, topic_id):
    return get_object_or_404(Topic, network=request.network, pk=topic_id)


@requires("infomail.manage")
def topic_list(request):
    """`manage/mail/subscribers/topics/`: what subscribers can choose, in every language."""
    network = request.network
    context = {"topics": topics_list(network=network), "languages": network.languages[1:]}
    return render(request, "infomail/subscribers/topics.html", context)


@requires("infomail.manage")
def topic_create(request):
    network = request.network
    form = TopicForm(request.POST or None, network=network)
    back = network_reverse(network, "infomail:topics")
    return form_flow(
        request,
        form,
        save=lambda: services_topics.topic_create(
            network=network, actor=request.user, **form.values()
        ),
        message=_("The topic was added."),
        next_url=back,
        title=_("Add a topic"),
        back_url=back,
        submit_label=_("Add topic"),
    )


@requires("infomail.manage", obj=_topic)
def topic_edit(request, topic_id, obj):
    network = request.network
    form = TopicForm(request.POST or None, network=network, initial=TopicForm.initial_of(obj))
    back = network_reverse(network, "infomail:topics")
    return form_flow(
        request,
        form,
        save=lambda: services_topics.topic_update(topic=obj, actor=request.user, **form.values()),
        message=_("The topic was saved."),
        next_url=back,
        title=_("Change the topic"),
        back_url=back,
        submit_label=_("Save"),
    )
