from __future__ import annotations

from newsdiff.align import Unit, align
from newsdiff.models import ChangeKind
from newsdiff.text import key

P = [
    "The harbour bridge partly collapsed on Friday evening, sending cars into the water.",
    "Twelve people were taken to hospital, four of them with serious injuries.",
    "The mayor called it the darkest night the city had known and promised an inquiry.",
    "Divers searched the harbour through the night with the help of ferry crews.",
    "The bridge opened in 1968 and carries about forty thousand vehicles a day.",
    "Engineers had warned last year that two of the piers needed urgent repairs.",
]


def units(texts: list[str]) -> list[Unit]:
    return [Unit(key(t)) for t in texts]


def shape(old: list[str], new: list[str]) -> list[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    return [(link.kind.value, link.old, link.new) for link in align(units(old), units(new))]


def test_identical_paragraphs_are_unchanged() -> None:
    assert shape(P, P) == [("unchanged", (i,), (i,)) for i in range(len(P))]


def test_typography_is_not_a_change() -> None:
    new = [p.replace("darkest", "“darkest”").replace(",", " ,") for p in P]
    kinds = {k for k, _, _ in shape(P, [p.replace("'", "’") for p in P])}
    assert kinds == {"unchanged"}
    assert ("changed", (2,), (2,)) in shape(P, new)


def test_edit_add_remove() -> None:
    new = [
        P[0],
        P[1].replace("Twelve", "Seventeen"),
        "A new paragraph about the ferry timetable.",
        *P[3:],
    ]
    assert shape(P, new) == [
        ("unchanged", (0,), (0,)),
        ("changed", (1,), (1,)),
        ("removed", (2,), ()),
        ("added", (), (2,)),
        ("unchanged", (3,), (3,)),
        ("unchanged", (4,), (4,)),
        ("unchanged", (5,), (5,)),
    ]


def test_move_is_one_change_at_its_new_place() -> None:
    new = [P[0], P[4], P[1], P[2], P[3], P[5]]
    found = shape(P, new)
    assert ("moved", (4,), (1,)) in found
    assert [n for _, _, n in found] == [(0,), (1,), (2,), (3,), (4,), (5,)]


def test_split_and_merge() -> None:
    first, second = P[2].split(" and ")
    split = [P[0], P[1], first + ".", "It promised " + second + ".", *P[3:]]
    assert ("split", (2,), (2, 3)) in shape(P, split)
    merged = [P[0], P[1] + " " + P[2], *P[3:]]
    assert ("merged", (1, 2), (1,)) in shape(P, merged)


def test_reordered_merge_is_found() -> None:
    old = [
        P[0],
        "The coastguard said eleven boats and two helicopters joined the search overnight.",
        "Police divers recovered a car from the water near the fourth pier on Saturday.",
        P[5],
    ]
    new = [
        P[0],
        "Police divers recovered a car near the fourth pier on Saturday, after eleven "
        "boats and two helicopters searched overnight, the coastguard said.",
        P[5],
    ]
    assert ("merged", (1, 2), (1,)) in shape(old, new)


def test_headings_link_only_to_headings() -> None:
    old = [Unit(key("Divers search the harbour"), heading=True), Unit(key(P[3]))]
    new = [Unit(key("Divers search the harbour through the night")), Unit(key(P[3]))]
    kinds = [link.kind for link in align(old, new)]
    assert kinds == [ChangeKind.REMOVED, ChangeKind.ADDED, ChangeKind.UNCHANGED]


def test_unrelated_texts_share_no_links() -> None:
    other = [
        "The football club announced a new coach for the coming season.",
        "Tickets for the opening match go on sale next week at the stadium.",
    ]
    assert {k for k, _, _ in shape(P, other)} == {"removed", "added"}


def test_large_inputs_with_sparse_edits_stay_aligned() -> None:
    old = [
        f"Paragraph {n} of the live blog reports update number {n * 7} from the quay."
        for n in range(3000)
    ]
    new = list(old)
    new[1500] = new[1500].replace("update", "correction")
    del new[10]
    new.insert(2000, new.pop(5))
    found = shape(old, new)
    counts: dict[str, int] = {}
    for kind, _, _ in found:
        counts[kind] = counts.get(kind, 0) + 1
    assert counts == {"unchanged": 2997, "changed": 1, "removed": 1, "moved": 1}


def test_a_whole_article_run_together_is_one_merge() -> None:
    wall = [" ".join(P)]
    assert shape(P, wall) == [("merged", tuple(range(len(P))), (0,))]
    assert shape(wall, P) == [("split", (0,), tuple(range(len(P))))]
