"""The text a suggestion works on: an article's paragraphs, split into sentences, with their lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from builder.authoring.importing.lines import byline
from builder.diagnostics import Diagnostics, Origin
from builder.load.readers.article import read_article
from builder.load.yaml_nodes import Located, load_markdown
from builder.model.article import Article, ExplicitMention
from builder.resolve.text import Sentences

# Headings are a desk's labels ("High Stakes"), not reporting: no names or dates are taken from them.
_SKIPPED_BLOCKS = {"heading"}
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)")
# "Maria DelgadoMay 9, 2024": a page's byline run into its date when the page became text
GLUED_BYLINE = re.compile(rf"^(?P<name>[^\W\d_][\w’'.\-]*(?:\s+[^\W\d_][\w’'.\-]*){{0,3}}?){_MONTH}\s?\d{{1,2}},"
                          r"\s?\d{4}$")


def credit_names(text: str) -> list[str] | None:
    """The names of a byline or credit line ("By A, B and C", "Reporting by A in Seattle; Editing by B",
    "Maria DelgadoMay 9, 2024"), or None when the paragraph is not one: the import's rules for them."""
    line = " ".join(text.split())
    glued = GLUED_BYLINE.match(line)
    if glued:
        return [glued["name"]]
    found = byline(line)
    return None if found is None else found[0] + [name for name, _ in found[1]]

_LABEL_WORDS = 5
# A full stop that ends no sentence: a middle initial ("Samuel R. Whitfield"), a title ("Supt. Kemal Aydin").
_NO_END = re.compile(r"(?:(?<![.\w])[A-Z]|\b(?:Supt|Insp|Det|Dr|Prof|Lt|Col|Gen|Sgt|Capt|Cpl|Maj|Adm|Cmdr|Mr|Mrs|Ms"
                     r"|St|Sen|Rep|Gov|Rev|Fr|Hon)|\bJ[Rr])\.$")


def furniture(text: str) -> bool:
    """Page furniture, not reporting: "Advertisement", "Share this article", a section label ("Risk
    Management"). A few words without a full stop are no sentence; a byline is kept for its names."""
    line = " ".join(text.split())
    words = line.split()
    return len(words) <= _LABEL_WORDS and not re.search(r"[.!?:;\"“”)]$", line) and credit_names(line) is None \
        and not any(ch.isdigit() for ch in line)


@dataclass(frozen=True)
class Sentence:
    passage: int  # index into ArticleText.passages
    start: int
    end: int
    text: str


@dataclass
class Passage:
    text: str
    line: int
    kind: str  # the block kind: "text", "caption", "credit", "embed" …, or "byline" ("By Maria Delgado",
    # "Reporting by Jane Roe; Editing by John Doe")
    explicit: list[ExplicitMention] = field(default_factory=list)  # the article's own mention markup
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class ArticleText:
    article: Article
    path: str
    passages: list[Passage]

    @property
    def sentences(self) -> list[Sentence]:
        return [sentence for passage in self.passages for sentence in passage.sentences]

    def lowercase_words(self) -> set[str]:
        """Words the article also writes in lower case: a capitalised one of them is a sentence start."""
        return {word for passage in self.passages for word in passage.text.split() if word.islower()}


def _split(index: int, text: str) -> list[Sentence]:
    begin, spans = 0, []
    for stop, resume in Sentences(text).breaks:
        if _NO_END.search(text[max(0, stop - 6) : stop]) or text[resume : resume + 1] == "(":
            continue  # "ASHEVILLE, N.C. (AP)": a bracket does not start a sentence
        spans.append((begin, stop))
        begin = resume
    spans.append((begin, len(text)))
    return [Sentence(index, start, end, text[start:end]) for start, end in spans if text[start:end].strip()]


def article_text(article: Article, path: str) -> ArticleText:
    passages: list[Passage] = []
    for block in article.blocks:
        if block.kind in _SKIPPED_BLOCKS:
            continue
        for paragraph in block.paragraphs:
            if block.kind == "text" and furniture(paragraph.text) and not paragraph.explicit:
                continue
            kind = "byline" if block.kind == "text" and credit_names(paragraph.text) is not None else block.kind
            passage = Passage(paragraph.text, paragraph.line, kind, paragraph.explicit)
            passage.sentences = _split(len(passages), paragraph.text)
            passages.append(passage)
    return ArticleText(article, path, passages)


def read_article_file(file: Path, path: str, diagnostics: Diagnostics) -> Article | None:
    """An article file anywhere (it need not be under content/ yet), checked like `check` does."""
    if file.suffix != ".md":
        diagnostics.error(Origin(path, 1), "an article is a .md file with front matter "
                                           "(turn text or HTML into one with 'python -m builder import')")
        return None
    source = load_markdown(file, path, diagnostics)
    if source is None:
        return None
    if not isinstance(source.data, Located):
        diagnostics.error(Origin(path, 2), "front matter must be a mapping of fields")
        return None
    article: Article = read_article(file.stem, source.data, source.body, source.body_line, diagnostics)
    return article
