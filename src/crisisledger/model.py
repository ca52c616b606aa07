"""The records every stage speaks: frozen, typed, and free of imports from the rest of the package.

Field names follow the canonical export (`shared/design/architecture.md`); `to_dict` functions live in
`export/`, so this module stays a pure vocabulary. Offsets are Python `str` indices into `Document.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Role(StrEnum):
    REPORT = "report"
    QUOTE = "quote"
    BACKGROUND = "background"
    COMMENTARY = "commentary"
    BOILERPLATE = "boilerplate"


class EventType(StrEnum):
    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"
    DISPLACEMENT = "DISPLACEMENT"
    INCIDENT = "INCIDENT"


class Certainty(StrEnum):
    ASSERTED = "asserted"
    REPORTED = "reported"
    UNCONFIRMED = "unconfirmed"
    ALLEGED = "alleged"
    DENIED = "denied"


class Stance(StrEnum):
    ASSERT = "assert"
    DENY = "deny"
    ACCUSE = "accuse"
    REQUEST = "request"
    PRAISE = "praise"
    CONCEDE = "concede"
    THREATEN = "threaten"


class FigureKind(StrEnum):
    KILLED = "killed"
    INJURED = "injured"
    MISSING = "missing"
    DISPLACED = "displaced"
    REFUGEES = "refugees"
    STRANDED = "stranded"
    DETAINED = "detained"
    POPULATION = "population"
    AID = "aid"
    DISTANCE_KM = "distance_km"
    DURATION_HOURS = "duration_hours"
    OTHER = "other"


CRISIS_KINDS = frozenset(
    {
        FigureKind.KILLED,
        FigureKind.INJURED,
        FigureKind.MISSING,
        FigureKind.DISPLACED,
        FigureKind.REFUGEES,
        FigureKind.STRANDED,
        FigureKind.DETAINED,
        FigureKind.POPULATION,
    }
)


class Qualifier(StrEnum):
    EXACT = "exact"
    APPROXIMATE = "approximate"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"


class ActorKind(StrEnum):
    STATE = "state"
    GOVERNMENT = "government"
    MILITARY = "military"
    POLICE = "police"
    ARMED_GROUP = "armed_group"
    CIVILIANS = "civilians"
    ORGANIZATION = "organization"
    MEDIA = "media"
    PERSON = "person"


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class PlacePrecision(StrEnum):
    SITE = "site"
    TOWN = "town"
    ADMIN = "admin"
    AREA = "area"
    COUNTRY = "country"
    REGION = "region"


class DuplicateKind(StrEnum):
    COPY = "copy"
    SUPERSEDED = "superseded"


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the normalised text: `text == document.text[start:end]`."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DuplicateOf:
    document: str
    kind: DuplicateKind


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    published: date
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    language: str = "en"
    duplicate_of: DuplicateOf | None = None
    source: str | None = None  # where intake read it (file path); not exported


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int
    role: Role
    paragraph: int = 0  # index of the paragraph (blank-line block) holding it

    @property
    def span(self) -> Span:
        return Span(self.text, self.start, self.end)


@dataclass(frozen=True, slots=True)
class DateRange:
    start: date
    end: date
    precision: DatePrecision


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A calendar expression resolved against the publication date; `range` is None for `*_REF` values."""

    text: str
    start: int
    end: int
    range: DateRange | None
    timex: str | None = None  # TIMEX3 value (`2023-W38`, `1998-Q3`, `PRESENT_REF`) for benchmarks


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention; `name` and `geonames_id` are None when the gazetteer lacks it."""

    text: str
    start: int
    end: int
    name: str | None
    geonames_id: int | None
    lat: float | None
    lon: float | None
    country: str | None
    precision: PlacePrecision | None


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    text: str
    start: int
    end: int
    name: str
    country: str | None
    kind: ActorKind
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    id: str
    kind: FigureKind
    value: float | None
    value_min: float | None
    value_max: float | None
    qualifier: Qualifier
    evidence: Span
    trigger: Span  # the number itself, used for ordering and highlighting
    unit: str | None = None
    who: str | None = None
    place: Place | None = None
    as_of: date | None = None
    since: date | None = None
    attributed_to: str | None = None
    certainty: Certainty = Certainty.ASSERTED


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: EventType
    evidence: Span
    trigger: Span
    mode: str | None = None
    actors: tuple[Actor, ...] = ()
    targets: tuple[Actor, ...] = ()
    place: Place | None = None
    date: DateRange | None = None
    certainty: Certainty = Certainty.ASSERTED
    attributed_to: str | None = None
    background: bool = False
    figures: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    speaker: str
    stance: Stance
    evidence: Span
    trigger: Span
    actor: str | None = None
    channel: str | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything read from one document: the per-document object of the export."""

    document: Document
    sentences: tuple[Sentence, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    places: tuple[Place, ...] = ()
    actors: tuple[Actor, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    stages: tuple[str, ...] = field(default=())  # `stage@version` of every stage that ran
