"""Objects of every kind a network URL names, made in a given network (for generated tests).

URL keyword → a function that makes an object of that kind in the network and returns the
value for the URL. A generated test that meets a keyword missing here tells which to add.
"""

import datetime

from knotenpunkt.accounts.models import ErasureRequest, Invitation
from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.eventcalendar.models import Edition, EventSource
from knotenpunkt.eventcalendar.tests.factories import EventFactory
from knotenpunkt.infomail.services_subscribers import confirmation_make
from knotenpunkt.infomail.tests.factories import mailing_make, subscriber_make, topic_make
from knotenpunkt.knowledge.tests import factories as knowledge
from knotenpunkt.meetings.tests import factories as meetings
from knotenpunkt.members.models import ImportJob
from knotenpunkt.members.tests.factories import (
    AgreementVersionFactory,
    ContactPositionFactory,
    OrganisationFactory,
    PersonFactory,
)
from knotenpunkt.offers.tests import factories as offers
from knotenpunkt.offers.tests.factories_api import offer_make, organisation_make
from knotenpunkt.publishing.models import (
    NewsItem,
    NewsTranslation,
    StaticPage,
    StaticPageTranslation,
)
from knotenpunkt.voices.tests.factories import voice_make
from knotenpunkt.workinggroups.tests.factories import (
    GoalFactory,
    GroupMembershipFactory,
    WorkingGroupFactory,
)


def _static_page(network):
    page = StaticPage.objects.create(network=network, slug=f"only-{network.slug}")
    StaticPageTranslation.objects.create(
        network=network, page=page, language="de", title="Nur hier", body="Text"
    )
    return page.slug


def _news(network):
    """A published news item, so that its public page is walked as well as the manage pages."""
    item = NewsItem.objects.create(
        network=network, published_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    NewsTranslation.objects.create(
        network=network, item=item, language=network.default_language, title="Neu", body="Text"
    )
    return item.pk


def _subscriber(network, status="active"):
    return subscriber_make(network, f"{status}@{network.slug}.example", status=status)


def _sent_mailing(network):
    """A sent issue, so that its public archive page is walked as well as the manage pages."""
    mailing = mailing_make(
        network,
        status="sent",
        sent_at=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC),
    )
    mailing.versions.update(sent_text="Infobrief", sent_html="<p>Infobrief</p>")
    return mailing.pk


def _invitation(network):
    return Invitation.objects.create(
        network=network,
        email=f"invited@{network.slug}.example",
        role="member_contact",
        expires_at=datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC),
    ).pk


# URL keyword → how to make an object of that kind in a given network (returns the value).
OBJECT_MAKERS = {
    "organisation_id": lambda n: (
        OrganisationFactory(network=n, joined_on=datetime.date(2020, 1, 1)).pk
    ),
    "person_id": lambda n: PersonFactory(network=n).pk,
    "position_id": lambda n: ContactPositionFactory(organisation=OrganisationFactory(network=n)).pk,
    "agreement_id": lambda n: AgreementVersionFactory(network=n).pk,
    "network_role_id": lambda n: grant_role(UserFactory(), n, "member_contact").pk,
    "invitation_id": _invitation,
    "request_id": lambda n: ErasureRequest.objects.create(network=n, user=UserFactory()).pk,
    "slug": _static_page,
    "news_id": _news,
    "page_path": knowledge.isolation_page_path,
    "page_id": knowledge.isolation_page_id,
    "revision_id": knowledge.isolation_revision_id,
    "document_id": knowledge.isolation_document_id,
    "group_slug": lambda n: WorkingGroupFactory(network=n).slug,
    "membership_id": lambda n: GroupMembershipFactory(group=WorkingGroupFactory(network=n)).pk,
    "goal_id": lambda n: GoalFactory(group=WorkingGroupFactory(network=n)).pk,
    "meeting_id": meetings.isolation_meeting_id,
    "session_id": meetings.isolation_session_id,
    "agenda_item_id": meetings.isolation_agenda_item_id,
    "registration_id": meetings.isolation_registration_id,
    "version_id": meetings.isolation_version_id,
    "action_item_id": meetings.isolation_action_item_id,
    "event_id": lambda n: EventFactory(network=n).pk,
    "language": lambda n: "tr",  # not an object: the event_id next to it is
    "edition_id": lambda n: (
        Edition.objects.create(
            network=n, starts_on=datetime.date(2030, 1, 1), ends_on=datetime.date(2030, 2, 28)
        ).pk
    ),
    "source_id": lambda n: (
        EventSource.objects.create(
            network=n, organisation=OrganisationFactory(network=n), name="Kalender"
        ).pk
    ),
    "subscriber_token": lambda n: _subscriber(n).token,
    "confirmation": lambda n: confirmation_make(_subscriber(n, status="pending")),
    "subscriber_id": lambda n: _subscriber(n, status="suspended").pk,
    "topic_id": lambda n: topic_make(n, f"Thema {n.slug}").pk,
    "mailing_id": _sent_mailing,
    "voice_id": lambda n: voice_make(n)[0].pk,
    "voice_token": lambda n: voice_make(n)[1],
    # The HSDS API names its objects by UUID (a publicly listed offer and organisation).
    "service_uuid": lambda n: str(offer_make(n).uuid),
    "organization_uuid": lambda n: str(organisation_make(n).uuid),
    "api_path": lambda n: "no-such-endpoint",  # any other address under the API
    "job_id": lambda n: (
        ImportJob.objects.create(
            network=n, kind="organisations", upload_token=f"isolation-{n.slug}", language="de"
        ).pk
    ),
    "service_id": offers.isolation_service_id,
    "location_id": offers.isolation_location_id,
    "schedule_id": offers.isolation_schedule_id,
    "service_at_location_id": offers.isolation_service_at_location_id,
    "offer_token": offers.isolation_offer_token,
}


NETWORK_MARKER = "(?P<network>"  # the resolver that mounts /<lang>/<network>/
