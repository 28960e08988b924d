"""The network's audit log: /<lang>/<network>/manage/audit/"""

from django.urls import path

from . import views_audit

app_name = "audit"

urlpatterns = [
    path("manage/audit/", views_audit.audit_log_page, name="log"),
]
