"""``@frozen`` records behave as the frozen dataclasses they replaced, for every caller:
construction, repr, equality, hashing, immutability, copies, and ``dataclasses`` itself."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from datetime import date

import pytest

from store.corpus.filters import Filters
from store.frozen import frozen, replace
from store.model import Cable, Level, Marking, Paragraph
from store.records import KnownFields, RawCable


@frozen
class Point:
    """A point."""

    x: int
    y: int = 0
    label: str | None = None

    @property
    def norm(self) -> int:
        return abs(self.x) + abs(self.y)


@dataclasses.dataclass(frozen=True)
class DataPoint:
    x: int
    y: int = 0
    label: str | None = None


def test_construction_and_defaults_as_a_dataclass():
    assert (Point(1).x, Point(1).y, Point(1).label) == (1, 0, None)
    assert Point(1, 2, "a") == Point(x=1, y=2, label="a") == Point(label="a", y=2, x=1)
    with pytest.raises(TypeError):
        Point()
    with pytest.raises(TypeError):
        Point(1, z=3)
    with pytest.raises(TypeError):
        Point(1, 2, "a", 4)
    assert Point(3, -4).norm == 7 and Point.__doc__ == "A point."


def test_a_first_instance_made_wrong_fails_as_any_other():
    @frozen
    class Fresh:
        a: int
        b: int = 2

    with pytest.raises(TypeError):
        Fresh(b=1)  # the __init__ is made at the first instance, whatever its arguments
    assert Fresh(1) == Fresh(a=1, b=2) and Fresh(1, 3).b == 3


def test_repr_is_the_dataclass_repr():
    for args in [(1,), (1, 2, "a'b"), (None, (1, 2), "\n")]:
        assert repr(Point(*args)) == repr(DataPoint(*args)).replace("DataPoint", "Point")
    cable = Cable(id="06X1", classification=Marking(Level.SECRET, ("NOFORN",), "S//NF"))
    assert repr(cable).startswith(
        "Cable(id='06X1', aliases=(), source=None, csv_id=None, created=None, "
    )
    marking = "Marking(level=<Level.SECRET: 2>, caveats=('NOFORN',), text='S//NF')"
    assert f"classification={marking}" in repr(cable)
    assert repr(cable).endswith("header='', body='', warnings=())")


def test_equality_and_hash_by_values_and_class():
    assert Point(1, 2) == Point(1, 2) and hash(Point(1, 2)) == hash(Point(1, 2))
    assert Point(1, 2) != Point(2, 1)
    assert Point(1, 2) != (1, 2, None) and Point(1) != DataPoint(1)
    assert len({Point(1), Point(1), Point(2)}) == 2
    assert Paragraph("a", "1.") == Paragraph("a", "1.") != Paragraph("a", "2.")
    assert Filters() == Filters() and Filters().is_empty() and not Filters(tags=("KZ",)).is_empty()


def test_no_assignment_after_construction():
    point = Point(1)
    with pytest.raises(AttributeError):
        point.x = 2
    with pytest.raises(AttributeError):
        point.other = 2
    with pytest.raises(AttributeError):
        del point.x
    assert point.x == 1
    with pytest.raises(AttributeError):
        Paragraph("a").text = "b"


def test_copies_and_pickles_keep_every_field():
    cable = Cable(
        id="06X1",
        paragraphs=(Paragraph("a", "1.", Marking(Level.CONFIDENTIAL, (), "C")),),
        declassify_on=date(2016, 1, 2),
        warnings=("w",),
    )
    raw = RawCable("f.txt", "row 1", "text", KnownFields(id="06X1", references=("A",)))
    for value in (cable, raw, Filters(levels=frozenset({Level.SECRET})), Point(1, 2)):
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            assert pickle.loads(pickle.dumps(value, protocol)) == value
        assert copy.copy(value) == value and copy.deepcopy(value) == value


def test_replace_changes_only_the_fields_named():
    point = Point(1, 2, "a")
    assert replace(point, y=5) == Point(1, 5, "a") and point == Point(1, 2, "a")
    assert dataclasses.replace(point, label=None) == Point(1, 2)
    with pytest.raises(TypeError):
        replace(point, z=1)
    with pytest.raises(TypeError):
        dataclasses.replace(point, z=1)


def test_code_using_dataclasses_sees_a_dataclass():
    point = Point(1, 2)
    assert dataclasses.is_dataclass(point) and dataclasses.is_dataclass(Point)
    assert [f.name for f in dataclasses.fields(point)] == ["x", "y", "label"]
    assert [f.name for f in dataclasses.fields(Cable)][:3] == ["id", "aliases", "source"]
    assert dataclasses.asdict(point) == {"x": 1, "y": 2, "label": None}
    known = KnownFields(id="06X1", header="h")
    assert dataclasses.replace(known, header=None) == KnownFields(id="06X1")
    raw = RawCable("f", "", "t", known)
    assert dataclasses.replace(raw, known=KnownFields()).known == KnownFields()
    assert dataclasses.fields(Point)[1].default == 0


def test_a_shared_mutable_default_or_a_missing_default_is_refused():
    with pytest.raises(TypeError, match="mutable default"):

        @frozen
        class Listed:
            items: list = []  # noqa: RUF012

    with pytest.raises(TypeError, match="without a default"):

        @frozen
        class Gap:
            first: int = 0
            second: int
