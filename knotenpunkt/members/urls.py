"""Member pages inside a network: public directory, workspace and coordinator management."""

from django.urls import path

from . import urls_csv, views, views_agreements, views_erasure, views_lookup, views_people

app_name = "members"

MANAGE = "manage/members/"

urlpatterns = [
    path("members/", views.directory, name="directory"),
    path("workspace/", views.workspace, name="workspace"),
    path(
        "workspace/organisation/<id:organisation_id>/edit/",
        views.workspace_organisation_edit,
        name="workspace_organisation_edit",
    ),
    path("workspace/lookup/people/", views_lookup.person_lookup, name="person_lookup"),
    path(
        "workspace/lookup/organisations/",
        views_lookup.organisation_lookup,
        name="organisation_lookup",
    ),
    path(
        "workspace/contacts/<id:position_id>/note/",
        views.position_note,
        name="position_note",
    ),
    # Organisations
    path(MANAGE, views.manage_list, name="manage_list"),
    path(f"{MANAGE}add/", views.organisation_create, name="organisation_create"),
    path(
        f"{MANAGE}<id:organisation_id>/",
        views.organisation_detail,
        name="organisation_detail",
    ),
    path(f"{MANAGE}<id:organisation_id>/edit/", views.organisation_edit, name="organisation_edit"),
    path(f"{MANAGE}<id:organisation_id>/join/", views.membership_join, name="membership_join"),
    path(f"{MANAGE}<id:organisation_id>/leave/", views.membership_leave, name="membership_leave"),
    path(
        f"{MANAGE}<id:organisation_id>/signatures/add/",
        views.signature_add,
        name="signature_add",
    ),
    path(
        f"{MANAGE}<id:organisation_id>/contacts/add/",
        views_people.position_open,
        name="position_open",
    ),
    # Contact positions
    path(
        f"{MANAGE}contacts/<id:position_id>/handover/",
        views_people.contact_handover,
        name="contact_handover",
    ),
    path(
        f"{MANAGE}contacts/<id:position_id>/end/",
        views_people.position_close,
        name="position_close",
    ),
    # People
    path(f"{MANAGE}people/", views_people.person_list, name="person_list"),
    path(f"{MANAGE}people/add/", views_people.person_create, name="person_create"),
    path(f"{MANAGE}people/<id:person_id>/", views_people.person_detail, name="person_detail"),
    path(f"{MANAGE}people/<id:person_id>/edit/", views_people.person_edit, name="person_edit"),
    path(f"{MANAGE}people/<id:person_id>/erase/", views_people.person_erase, name="person_erase"),
    path(
        f"{MANAGE}people/erasure-requests/", views_erasure.erasure_requests, name="erasure_requests"
    ),
    path(
        f"{MANAGE}people/erasure-requests/<id:request_id>/carry-out/",
        views_erasure.erasure_request_carry_out,
        name="erasure_request_carry_out",
    ),
    # Cooperation agreement
    path(f"{MANAGE}agreements/", views_agreements.agreement_list, name="agreement_list"),
    path(f"{MANAGE}agreements/add/", views_agreements.agreement_create, name="agreement_create"),
    path(
        f"{MANAGE}agreements/not-signed/",
        views_agreements.agreements_unsigned,
        name="agreements_unsigned",
    ),
    path(
        f"{MANAGE}agreements/<id:agreement_id>/",
        views_agreements.agreement_detail,
        name="agreement_detail",
    ),
    *urls_csv.urlpatterns,
]
