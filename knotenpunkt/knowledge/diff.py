"""Line differences between two versions of a page, as rows a template shows in a table."""

import difflib
from dataclasses import dataclass

CONTEXT_LINES = 3


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "same", "removed", "added" or "gap" (unchanged lines left out)
    old_number: int | None
    new_number: int | None
    text: str


def line_diff(old: str, new: str, *, context: int = CONTEXT_LINES) -> list[DiffLine]:
    """Changed lines with a few unchanged ones around them; empty when nothing changed."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    rows: list[DiffLine] = []
    for number, group in enumerate(matcher.get_grouped_opcodes(context)):
        if number:
            rows.append(DiffLine("gap", None, None, ""))
        for tag, old_start, old_end, new_start, new_end in group:
            if tag == "equal":
                rows += [
                    DiffLine("same", old_start + offset + 1, new_start + offset + 1, line)
                    for offset, line in enumerate(old_lines[old_start:old_end])
                ]
                continue
            rows += [
                DiffLine("removed", old_start + offset + 1, None, line)
                for offset, line in enumerate(old_lines[old_start:old_end])
            ]
            rows += [
                DiffLine("added", None, new_start + offset + 1, line)
                for offset, line in enumerate(new_lines[new_start:new_end])
            ]
    return rows
