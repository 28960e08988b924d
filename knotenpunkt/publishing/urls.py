from django.urls import path

from . import views, views_home, views_news, views_settings

app_name = "publishing"

urlpatterns = [
    path("pages/<slug:slug>/", views.static_page, name="page"),
    path("easy-read/", views.easy_read, name="easy_read"),
    path("sign-language/", views.sign_language, name="sign_language"),
    path("news/", views.news_list, name="news"),
    path("news/<id:news_id>/", views.news_item, name="news_item"),
    path("manage/settings/", views_settings.network_settings, name="settings"),
    path("manage/settings/video/", views_settings.sign_language_video, name="video"),
    path(
        "manage/settings/pages/<slug:slug>/<slug:language>/",
        views_settings.static_page_text,
        name="page_text",
    ),
    path("manage/home/", views_home.home_arrange, name="home_arrange"),
    path("manage/news/", views_news.news_manage, name="news_manage"),
    path("manage/news/new/", views_news.news_create, name="news_create"),
    path("manage/news/<id:news_id>/", views_news.news_edit, name="news_edit"),
    path("manage/news/<id:news_id>/publish/", views_news.news_publish, name="news_publish"),
    path("manage/news/<id:news_id>/unpublish/", views_news.news_unpublish, name="news_unpublish"),
    path("manage/news/<id:news_id>/<slug:language>/", views_news.news_text, name="news_text"),
]
