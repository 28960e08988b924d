"""The line diff behind the "changes" page."""

from knotenpunkt.knowledge.diff import DiffLine, line_diff


def test_same_text_has_no_changes():
    assert line_diff("a\nb", "a\nb") == []


def test_changed_lines_come_with_their_line_numbers():
    assert line_diff("a\nb\nc", "a\nB\nc\nd") == [
        DiffLine("same", 1, 1, "a"),
        DiffLine("removed", 2, None, "b"),
        DiffLine("added", None, 2, "B"),
        DiffLine("same", 3, 3, "c"),
        DiffLine("added", None, 4, "d"),
    ]


def test_long_unchanged_stretches_are_left_out_between_changes():
    old = "\n".join(f"Zeile {number}" for number in range(1, 31))
    new = old.replace("Zeile 2\n", "Zeile zwei\n").replace("Zeile 29", "Zeile neunundzwanzig")
    rows = line_diff(old, new, context=2)
    assert [row.kind for row in rows].count("gap") == 1
    assert len([row for row in rows if row.kind == "same"]) == 2 * 2 + 1 + 1
    assert DiffLine("added", None, 29, "Zeile neunundzwanzig") in rows
