"""The coordinator's subscriber list and one's own subscription (under manage/mail/subscribers/)."""

from django.urls import path

from . import views_subscribers

urlpatterns = [
    path("", views_subscribers.subscriber_list, name="subscribers"),
    path("me/", views_subscribers.subscribe_self, name="subscribe_self"),
    path("topics/", views_subscribers.topic_list, name="topics"),
    path("topics/new/", views_subscribers.topic_create, name="topic_create"),
    path("topics/<id:topic_id>/", views_subscribers.topic_edit, name="topic_edit"),
    path(
        "<id:subscriber_id>/remove/",
        views_subscribers.subscriber_remove,
        name="subscriber_remove",
    ),
]
