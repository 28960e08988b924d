from django.urls import include, path

app_name = "infomail"

urlpatterns = [
    path("mail/", include("knotenpunkt.infomail.urls_public")),
    path("manage/mail/", include("knotenpunkt.infomail.urls_manage")),
]
