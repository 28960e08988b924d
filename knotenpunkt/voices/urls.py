"""The voice pages: the public form and status page under voice/, triage under manage/voices/."""

from django.urls import path, register_converter

from . import views_manage, views_public


class VoiceTokenConverter:
    """A status token: URL-safe base64, bounded. Anything else is no match (a 404)."""

    regex = "[A-Za-z0-9_-]{1,100}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return str(value)


register_converter(VoiceTokenConverter, "voice_token")

app_name = "voices"

VOICE = "manage/voices/<id:voice_id>/"

urlpatterns = [
    path("voice/", views_public.send, name="send"),
    path("voice/<voice_token:voice_token>/", views_public.status, name="status"),
    path("manage/voices/", views_manage.voice_list, name="manage"),
    path(VOICE, views_manage.voice_detail, name="detail"),
    path(f"{VOICE}route/", views_manage.voice_route, name="route"),
    path(f"{VOICE}answer/", views_manage.voice_answer, name="answer"),
    path(f"{VOICE}close/", views_manage.voice_close, name="close"),
    path(f"{VOICE}erase-contact/", views_manage.voice_contact_erase, name="contact_erase"),
]
