"""The search index and its selector: normalised text, prefixes, permissions, networks, updates."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core import search
from knotenpunkt.core.models import SearchEntry
from knotenpunkt.members import services as member_services
from knotenpunkt.members.csv_import import csv_import_run
from knotenpunkt.members.models import AgreementVersion, Organisation
from knotenpunkt.members.tests.factories import OrganisationFactory, PersonFactory, kind_of

pytestmark = pytest.mark.django_db

COORDINATOR_ONLY = search.COORDINATOR


def entry(network, title, body="", *, visibility=search.NETWORK, group_id=None, key=None):
    """An entry written as a registered app would write it (for content of apps to come)."""
    document = search.Document(
        title=title,
        body=body,
        url=f"things/{key or title[:20]}/",
        visibility=visibility,
        group_id=group_id,
    )
    return SearchEntry.objects.create(
        network=network,
        target_type="tests.thing",
        target_id=key or title[:60],
        **search.entry_fields(document),
    )


def member_of_groups(network, user, *groups, left_on=None):
    """The user's person belongs to the groups (a left_on date ends the membership)."""
    from knotenpunkt.workinggroups.models import GroupMembership

    person = PersonFactory(network=network, user=user, email=user.email)
    for group in groups:
        GroupMembership.objects.create(
            network=network,
            group=group,
            person=person,
            joined_on=datetime.date(2020, 1, 1),
            left_on=left_on,
        )
    return person


def working_group(network, name):
    from knotenpunkt.workinggroups.models import WorkingGroup

    return WorkingGroup.objects.create(
        network=network,
        name=name,
        slug=name.lower().replace(" ", "-"),
        active_from=datetime.date(2020, 1, 1),
    )


def titles(network, query, *, viewer=None):
    """Titles of everything found (sorted), as the coordinator unless another viewer is given."""
    viewer = viewer or search.Viewer(has_role=True, sees_everything=True)
    page = search.search(network=network, viewer=viewer, query=query, per_page=100)
    return sorted(result.entry.title for result in page.results)


# Normalised text: German, Turkish, Arabic, Persian --------------------------------------------


@pytest.mark.parametrize(
    ("stored", "query"),
    [
        ("Straßenfest in der Müllerstraße", "strasse"),
        ("Straßenfest in der Müllerstraße", "MÜLLERSTR"),
        ("Straßenfest in der Müllerstraße", "mullerstrasse"),
        ("Ärztliche Beratung für Geflüchtete", "arztliche gefluchtete"),
        ("Türk Kültür Derneği", "kultur dernegi"),
        ("Işık Gençlik Merkezi", "isik genclik"),
        ("İstanbul Dayanışma Derneği", "istanbul dayanisma"),
        ("Müdür: Ayşe Yılmaz", "mudur ayse yilmaz"),
        ("مَدْرَسَةُ الأَمَل لِلُّغَة", "مدرسة الامل"),
        ("جمعية الصداقة العربية", "الصداقه"),  # taa marbuta typed as haa
        ("کتابخانه‌ی مرکزی", "كتابخانه"),  # Persian kaf, searched with the Arabic one
        ("Kurs ٢٠٢٤ für Eltern", "2024"),  # Arabic-Indic digits
    ],
)
def test_text_is_found_whatever_the_accents_case_and_letter_variants(network, stored, query):
    entry(network, stored)
    entry(network, "Etwas ganz anderes")
    assert titles(network, query) == [stored]


def test_the_query_may_carry_the_diacritics_the_text_lacks(network):
    entry(network, "Dayanisma Dernegi")
    entry(network, "Madrasa مدرسة")
    assert titles(network, "Dayanışma Derneği") == ["Dayanisma Dernegi"]
    assert titles(network, "مَدْرَسَة") == ["Madrasa مدرسة"]


def test_every_word_is_a_prefix_and_all_words_are_required(network):
    entry(network, "Integrationskurs für Frauen", "Montags im Bürgerhaus")
    entry(network, "Integrationskurs für Männer", "Dienstags im Rathaus")
    entry(network, "Sprachcafé", "Frauenfrühstück")
    assert titles(network, "integr") == [
        "Integrationskurs für Frauen",
        "Integrationskurs für Männer",
    ]
    assert titles(network, "integr frau") == ["Integrationskurs für Frauen"]
    assert titles(network, "frau") == ["Integrationskurs für Frauen", "Sprachcafé"]
    assert titles(network, "integr rathaus") == ["Integrationskurs für Männer"]
    # A prefix matches the beginning of a word only.
    assert titles(network, "kurs") == []


def test_the_matches_respect_network_and_visibility(network, other_network):
    entry(network, "Sprachcafé", visibility=search.NETWORK)
    entry(network, "Sprachkurs intern", visibility=search.COORDINATOR)
    entry(other_network, "Sprachcafé anderswo")
    member = search.Viewer(has_role=True)
    found = search.search(network=network, viewer=member, query="sprach")
    assert [result.entry.title for result in found.results] == ["Sprachcafé"]
    assert not search.search(network=network, viewer=member, query="  ").results


def test_title_matches_come_before_body_matches(network):
    entry(network, "Protokoll März", "Es ging um Wohnraum und Wohnraum und Wohnraum.")
    entry(network, "Wohnraum für Familien", "Ein Projekt.")
    viewer = search.Viewer(has_role=True, sees_everything=True)
    page = search.search(network=network, viewer=viewer, query="wohnraum")
    assert [result.entry.title for result in page.results] == [
        "Wohnraum für Familien",
        "Protokoll März",
    ]


@pytest.mark.parametrize("query", ["", "   ", "!!!", "*", '"', "-", "()", "’ – …"])
def test_a_query_without_words_finds_nothing(network, query):
    entry(network, "Sprachcafé")
    assert titles(network, query) == []


@pytest.mark.parametrize(
    "query", ['"Sprach', "Sprach*", "sprach:*", "^sprach", "(sprach)", "sprach-", "{sprach}"]
)
def test_query_syntax_typed_by_the_user_is_just_text(network, query):
    entry(network, "Sprachcafé")
    entry(network, "Andere Sache")
    assert titles(network, query) == ["Sprachcafé"]


def test_operator_words_are_searched_as_words(network):
    entry(network, "Hilfe in der Not")
    entry(network, "Kunst and Kultur")
    entry(network, "Kunst oder Kultur")
    assert titles(network, "NOT") == ["Hilfe in der Not"]
    assert titles(network, "not kunst") == []
    assert titles(network, "kunst AND") == ["Kunst and Kultur"]
    assert titles(network, "kunst OR kultur") == []
    assert titles(network, "NEAR") == []


# Permissions and networks ---------------------------------------------------------------------


def test_each_role_sees_what_its_visibility_allows(network):
    group = working_group(network, "Wohnen")
    entry(network, "Wohnungsmarkt öffentlich", visibility=search.PUBLIC)
    entry(network, "Wohnungsmarkt im Netzwerk", visibility=search.NETWORK)
    entry(network, "Wohnungsmarkt in der Gruppe", visibility=search.GROUP, group_id=group.pk)
    entry(network, "Wohnungsmarkt Koordination", visibility=COORDINATOR_ONLY)
    mine = SearchEntry.objects.filter(target_type="tests.thing")
    everything = sorted(mine.values_list("title", flat=True))

    def sees(*roles):
        user = UserFactory()
        for role in roles:
            grant_role(user, network, role)
        return titles(network, "wohnungsmarkt", viewer=search.viewer_for(user, network))

    assert sees("coordinator") == everything
    assert sees("city_liaison") == everything
    assert sees("member_contact") == ["Wohnungsmarkt im Netzwerk", "Wohnungsmarkt öffentlich"]
    assert sees() == ["Wohnungsmarkt öffentlich"]


def test_group_entries_are_found_by_current_members_only(network):
    housing, health = working_group(network, "Wohnen"), working_group(network, "Gesundheit")
    entry(network, "Protokoll Wohnen", visibility=search.GROUP, group_id=housing.pk)
    entry(network, "Protokoll Gesundheit", visibility=search.GROUP, group_id=health.pk)

    member, former, outsider = UserFactory(), UserFactory(), UserFactory()
    for user in (member, former, outsider):
        grant_role(user, network, "member_contact")
    member_of_groups(network, member, housing)
    member_of_groups(network, former, health, left_on=datetime.date(2023, 1, 1))

    def found(user):
        return titles(network, "protokoll", viewer=search.viewer_for(user, network))

    assert found(member) == ["Protokoll Wohnen"]
    assert found(former) == []
    assert found(outsider) == []


def test_membership_of_a_group_in_another_network_does_not_count(network, other_network):
    group = working_group(network, "Wohnen")
    entry(network, "Protokoll Wohnen", visibility=search.GROUP, group_id=group.pk)
    user = UserFactory()
    grant_role(user, network, "member_contact")
    grant_role(user, other_network, "member_contact")
    member_of_groups(other_network, user, working_group(other_network, "Wohnen"))
    assert search.viewer_for(user, network).group_ids == frozenset()
    assert titles(network, "protokoll", viewer=search.viewer_for(user, network)) == []


def test_entries_of_another_network_are_never_found(network, other_network):
    entry(network, "Sprachcafé Musterstadt", key="a")
    entry(other_network, "Sprachcafé Beispielhausen", key="a")
    user = UserFactory()
    grant_role(user, network, "coordinator")
    grant_role(user, other_network, "coordinator")
    viewer = search.viewer_for(user, network)
    assert titles(network, "sprachcafe", viewer=viewer) == ["Sprachcafé Musterstadt"]
    page = search.search(network=network, viewer=viewer, query="sprachcafe")
    assert page.total == 1 and "Beispielhausen" not in str(page.results[0].title)


def test_a_role_in_another_network_grants_nothing_here(network, other_network):
    entry(network, "Sprachcafé", visibility=search.NETWORK)
    user = UserFactory()
    grant_role(user, other_network, "coordinator")
    viewer = search.viewer_for(user, network)
    assert not viewer.has_role
    assert titles(network, "sprachcafe", viewer=viewer) == []


# Organisations: kept current by the members app ----------------------------------------------


def test_an_organisation_is_indexed_with_its_page_and_for_the_coordination(network, coordinator):
    organisation = member_services.organisation_create(
        network=network,
        actor=coordinator,
        name="Bildungswerk Anadolu",
        kind=kind_of(network),
        city="Musterstadt",
        description="Deutschkurse und Hausaufgabenhilfe",
    )
    stored = SearchEntry.objects.get(network=network, target_type="members.organisation")
    assert stored.target_id == str(organisation.pk)
    assert stored.url == f"manage/members/{organisation.pk}/"
    assert stored.visibility == search.COORDINATOR
    assert titles(network, "hausaufgaben") == ["Bildungswerk Anadolu"]
    member = UserFactory()
    grant_role(member, network, "member_contact")
    assert titles(network, "anadolu", viewer=search.viewer_for(member, network)) == []


def test_renaming_an_organisation_updates_the_index(network, coordinator):
    organisation = OrganisationFactory(network=network, name="Kulturverein Sonnenblume")
    member_services.organisation_update(
        organisation=organisation, actor=coordinator, name="Kulturverein Regenbogen"
    )
    assert titles(network, "sonnenblume") == []
    assert titles(network, "regenbogen") == ["Kulturverein Regenbogen"]
    assert SearchEntry.objects.filter(network=network).count() == 1


def test_deleting_an_organisation_removes_it_from_the_index(network):
    keep = OrganisationFactory(network=network, name="Stadtteilmütter Nord")
    gone = OrganisationFactory(network=network, name="Stadtteilmütter Süd")
    gone.delete()
    assert titles(network, "stadtteilmutter") == ["Stadtteilmütter Nord"]
    assert list(SearchEntry.objects.values_list("target_id", flat=True)) == [str(keep.pk)]


def test_deleting_a_network_takes_its_entries_along(network, other_network):
    entry(network, "Verein A")
    entry(other_network, "Verein B")
    other_network.delete()
    assert titles(network, "verein") == ["Verein A"]
    assert SearchEntry.objects.count() == 1
    _check_fts_integrity()


def test_csv_import_indexes_the_organisations_it_creates(network, coordinator):
    text = (
        "name;kind;city;joined_on\r\n"
        "Café Global e.V.;association;Musterstadt;31.03.2021\r\n"
        "Işık Kadın Derneği;association;Musterstadt;\r\n"
    )
    assert (
        csv_import_run(network=network, actor=coordinator, kind="organisations", raw=text.encode())
        == 2
    )
    assert titles(network, "cafe global") == ["Café Global e.V."]
    assert titles(network, "isik kadin") == ["Işık Kadın Derneği"]
    assert all(e.url.startswith("manage/members/") for e in SearchEntry.objects.all())


# Registry, bulk indexing and rebuilding ------------------------------------------------------


@pytest.fixture
def agreements_searchable():
    """A provider of our own: agreement versions, drafts (titles starting "Draft") hidden."""

    def document(version):
        if version.title.startswith("Draft"):
            return None
        return search.Document(
            title=version.title,
            body=search.markdown_to_text(version.text),
            url=f"agreements/{version.pk}/",
            visibility=search.NETWORK,
        )

    search.register(AgreementVersion, document, label="Agreement")
    yield
    search.unregister(AgreementVersion)


def _agreement(network, title, text="Text"):
    return AgreementVersion.objects.create(
        network=network, title=title, text=text, valid_from=datetime.date(2024, 1, 1)
    )


def test_a_registered_model_is_indexed_on_save_and_hidden_when_its_document_is_none(
    network, agreements_searchable
):
    version = _agreement(network, "Draft agreement", "## Ziele\n\n**Gemeinsam** handeln")
    assert titles(network, "gemeinsam") == []
    version.title = "Kooperationsvereinbarung"
    version.save()
    assert titles(network, "gemeinsam") == ["Kooperationsvereinbarung"]
    stored = SearchEntry.objects.get(target_type="members.agreementversion")
    assert stored.body == "Ziele\nGemeinsam handeln"  # markdown reduced to its text
    version.title = "Draft again"
    version.save()
    assert titles(network, "gemeinsam") == []


def test_markdown_to_text_drops_scripts_and_markup():
    text = search.markdown_to_text(
        'Hallo <script>alert("x")</script> <img src=x onerror=alert(1)>*Welt*'
    )
    assert "alert" not in text and "<" not in text
    assert text.split() == ["Hallo", "Welt"]


def test_after_unregistering_saves_no_longer_index(network, agreements_searchable):
    search.unregister(AgreementVersion)
    _agreement(network, "Vereinbarung")
    assert not SearchEntry.objects.filter(target_type="members.agreementversion").exists()


def test_index_many_inserts_and_updates_in_bulk(network):
    organisations = Organisation.objects.bulk_create(
        Organisation(network=network, name=f"Initiative {n}", kind=kind_of(network))
        for n in ("Eins", "Zwei")
    )
    assert titles(network, "initiative") == []  # bulk_create sends no signals
    assert search.search_index_many(organisations) == 2
    organisations[0].name = "Bündnis Eins"
    Organisation.objects.bulk_update(organisations, ["name"])
    search.search_index_many(organisations)
    assert titles(network, "initiative") == ["Initiative Zwei"]
    assert titles(network, "bundnis") == ["Bündnis Eins"]
    assert SearchEntry.objects.filter(network=network).count() == 2


def test_reindex_rebuilds_a_network_from_its_providers(network, other_network, capsys):
    OrganisationFactory(network=network, name="Verein Lichtblick")
    OrganisationFactory(network=other_network, name="Verein Anderswo")
    Organisation.objects.filter(network=network).update(name="Verein Morgenrot")  # no signal
    entry(network, "Verwaist", key="orphan")  # from a provider that no longer exists
    assert titles(network, "morgenrot") == []

    call_command("search_reindex", network.slug)

    assert titles(network, "morgenrot") == ["Verein Morgenrot"]
    assert titles(network, "lichtblick verwaist") == []
    assert titles(network, "verwaist") == []
    assert titles(other_network, "anderswo") == ["Verein Anderswo"]
    assert f"{network.slug}: 1 entries" in capsys.readouterr().out


def test_reindex_of_an_unknown_network_is_an_error(network):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="nowhere"):
        call_command("search_reindex", "nowhere")


def test_a_document_with_an_absolute_url_or_group_without_id_is_refused():
    with pytest.raises(ValueError, match="relative"):
        search.Document("T", "", "/de/x/", search.NETWORK)
    with pytest.raises(ValueError, match="group"):
        search.Document("T", "", "x/", search.GROUP)
    with pytest.raises(ValueError, match="visibility"):
        search.Document("T", "", "x/", "everyone")


def test_network_path_is_relative_to_the_network_root():
    assert search.network_path("members:organisation_detail", organisation_id=7) == (
        "manage/members/7/"
    )


def _check_fts_integrity():
    """SQLite: FTS5 compares its index with the entries table and raises on any difference."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {search.FTS_TABLE}({search.FTS_TABLE}, rank)"
                " VALUES ('integrity-check', 1)"
            )


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 table exists on SQLite only")
def test_the_fts_index_follows_inserts_updates_upserts_and_deletes(network):
    first = entry(network, "Alter Titel", key="1")
    entry(network, "Zweiter Eintrag", key="2")
    first.search_title = search.search_text("Neuer Titel")
    first.save()
    SearchEntry.objects.filter(target_id="2").delete()
    organisation = OrganisationFactory(network=network, name="Erster Name")
    organisation.name = "Zweiter Name"
    search.search_index_many([organisation])  # an upsert
    _check_fts_integrity()
    matching = f"SELECT rowid FROM {search.FTS_TABLE} WHERE {search.FTS_TABLE} MATCH %s"
    with connection.cursor() as cursor:
        cursor.execute(matching, ["alter OR zweiter OR erster"])
        hits = {row[0] for row in cursor.fetchall()}
        assert hits == set(
            SearchEntry.objects.filter(title="Zweiter Name").values_list("id", flat=True)
        )
        cursor.execute(matching, ["neuer"])
        assert cursor.fetchall() == [(first.pk,)]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN index exists on PostgreSQL")
def test_postgresql_queries_the_expression_of_the_gin_index(network):
    """If core.search.PG_VECTOR drifted from the migration's index, every search would scan."""
    entry(network, "Sprachcafé im Bürgerhaus")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            f"EXPLAIN SELECT id FROM core_searchentry WHERE {search.PG_VECTOR}"
            " @@ to_tsquery('simple'::regconfig, %s)",
            [search.tsquery(["sprach"])],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "core_searchentry_fts" in plan
