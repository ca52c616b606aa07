"""The ledger's tables (SQLAlchemy Core), shared by every SQL store."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, ForeignKey, Integer, MetaData, String, Table, Text

metadata = MetaData()

meta = Table("meta", metadata, Column("key", String, primary_key=True), Column("value", Text, nullable=False))

documents = Table(
    "documents",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("outlet", Text),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(32), nullable=False, index=True),
    Column("source", Text),
    Column("ingested_at", String(32), nullable=False),
    Column("duplicate_of", String(16)),
    Column("duplicate_kind", String(16)),
    Column("record", Text, nullable=False),  # the canonical per-document object as JSON
)

events = Table(
    "events",
    metadata,
    Column("document", String(16), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("id", String(16), primary_key=True),
    Column("type", String(16), nullable=False, index=True),
    Column("mode", Text),
    Column("date_start", String(10), index=True),
    Column("date_end", String(10)),
    Column("precision", String(8)),
    Column("place", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(3), index=True),
    Column("certainty", String(16), nullable=False),
    Column("background", Boolean, nullable=False),
    Column("actors", Text),  # space-separated actor ids, for filtering
    Column("targets", Text),
    Column("evidence", Text, nullable=False),
)

figures = Table(
    "figures",
    metadata,
    Column("document", String(16), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("id", String(16), primary_key=True),
    Column("kind", String(16), nullable=False, index=True),
    Column("value", Float),
    Column("value_min", Float),
    Column("value_max", Float),
    Column("qualifier", String(16), nullable=False),
    Column("who", Text),
    Column("place", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(3)),
    Column("as_of", String(10), index=True),
    Column("since", String(10)),
    Column("certainty", String(16), nullable=False),
    Column("attributed_to", Text),
    Column("evidence", Text, nullable=False),
)

places = Table(
    "places",
    metadata,
    Column("document", String(16), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("name", Text, index=True),
    Column("geonames_id", Integer),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(3), index=True),
    Column("precision", String(8)),
)

claims = Table(
    "claims",
    metadata,
    Column("document", String(16), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("id", String(16), primary_key=True),
    Column("speaker", Text, nullable=False),
    Column("actor", Text),
    Column("channel", Text),
    Column("stance", String(16), nullable=False),
    Column("evidence", Text, nullable=False),
)

revisions = Table(
    "revisions",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("document", String(16), nullable=False, index=True),
    Column("record", String(16)),
    Column("action", String(16), nullable=False),
    Column("field", Text),
    Column("before", Text),  # JSON
    Column("after", Text),  # JSON
    Column("author", Text, nullable=False),
    Column("time", String(32), nullable=False),
    Column("reason", Text),
)

# -- link state (issue 5): near-duplicate fingerprints, the event index, components and clusters ----------
link_documents = Table(
    "link_documents",
    metadata,
    Column("document", String(16), primary_key=True),
    Column("outlet", Text),
    Column("url", Text),
    Column("published", String(32), nullable=False),
    Column("shingles", Text, nullable=False),  # JSON list of shingle hashes
    Column("words", Text, nullable=False),  # normalised words: does the text credit another outlet?
)

link_bands = Table(
    "link_bands",
    metadata,
    Column("band", Integer, primary_key=True),
    Column("hash", String(16), primary_key=True),
    Column("document", String(16), primary_key=True),
)

link_events = Table(
    "link_events",
    metadata,
    Column("document", String(16), primary_key=True),
    Column("event", String(16), primary_key=True),
    Column("node", Text, nullable=False),  # JSON of the clusterer's view of the event
    Column("component", Text, nullable=False, index=True),
    Column("cluster", String(15), nullable=False, index=True),
)

link_event_keys = Table(
    "link_event_keys",
    metadata,
    Column("bucket", Integer, primary_key=True),
    Column("key", String(40), primary_key=True),
    Column("document", String(16), primary_key=True),
    Column("event", String(16), primary_key=True),
)
