"""What an importer makes of a page before it is written: units of text, then article drafts."""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.model.article import BLOCK_KINDS

# Kinds a unit can have besides the article block kinds (builder.model.article.BLOCK_KINDS):
PLAIN = "plain"  # not decided yet: running text, a heading, a caption … by its shape and neighbours
TEXT = "text"  # running text, decided
DATELINE = "dateline"  # "Published …": goes to the front matter, not the body
DROP = "drop"  # boilerplate
TITLE = "title"  # the headline: goes to the front matter
# What ``--mark KIND=TEXT`` may say a line is.
MARK_KINDS = (*BLOCK_KINDS, TEXT, DROP, TITLE)


@dataclass
class Unit:
    """One line or paragraph of the source, with where it was and what it is taken to be."""

    lines: list[str]
    line: int
    kind: str = PLAIN
    reason: str = ""  # why it was dropped or marked, for the report
    by: str = ""  # embeds: the author's name as written
    embed_type: str = ""

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Part:
    """A block of the article body: running text, or a fenced block such as a caption."""

    kind: str
    paragraphs: list[str]
    embed_type: str = ""
    by: str = ""  # a name as written; the writer turns it into an actor id


@dataclass
class Metadata:
    """Front-matter facts read from the page; names stay as written until the writer resolves them."""

    title: str = ""
    publisher: str = ""
    authors: list[str] = field(default_factory=list)
    contributors: list[tuple[str, str]] = field(default_factory=list)  # (name, role)
    published: str = ""  # EDTF
    language: str = ""
    url: str = ""

    def credit(self, name: str, role: str) -> None:
        if name and (name, role) not in self.contributors:
            self.contributors.append((name, role))


@dataclass
class Draft:
    source: str  # path of the file it came from
    line: int  # where the article starts in it
    metadata: Metadata
    parts: list[Part] = field(default_factory=list)
    dropped: list[Unit] = field(default_factory=list)
    title_from: str = ""  # where the title came from, for the report
    title_line: int = 0  # the line the title was taken from, if it was
