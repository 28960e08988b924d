"""Account pages inside a network (roles and invitations): /<lang>/<network>/manage/team/…"""

app_name = "team"

urlpatterns: list = []
