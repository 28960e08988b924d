"""The demo's knowledge base: network and group pages, each saved two or three times."""

from knotenpunkt.knowledge.models import Page, Revision
from knotenpunkt.workinggroups.models import WorkingGroup

from .rows import Demo
from .wiki_data import PAGES


def wiki_add(demo: Demo, groups: dict[str, WorkingGroup]) -> list[Page]:
    """The pages of wiki_data whose group exists; every save a revision with author and time."""
    pages = []
    for spec in PAGES:
        group = groups.get(spec.group) if spec.group else None
        if spec.group and group is None:
            continue
        saved = [demo.days_ago(save.days_ago, 9 + number) for number, save in enumerate(spec.saves)]
        page = demo.rows.add(
            Page(
                network=demo.network,
                group=group,
                slug=spec.slug,
                title=spec.title,
                visibility=spec.visibility,
                created_at=saved[0],
                updated_at=saved[-1],
            )
        )
        for number, (save, at) in enumerate(zip(spec.saves, saved, strict=True), start=1):
            revision = demo.rows.add(
                Revision(
                    network=demo.network,
                    page=page,
                    number=number,
                    title=spec.title,
                    body="\n\n".join(spec.sections[: save.sections]) + "\n",
                    author=demo.authors.get(save.author) if save.author else None,
                    comment=save.comment,
                    created_at=at,
                )
            )
        demo.rows.link(page, "current_revision", revision)
        pages.append(page)
    return pages
