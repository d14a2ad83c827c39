"""The text a suggestion works on: an article's paragraphs, split into sentences, with their lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from builder.diagnostics import Diagnostics, Origin
from builder.load.readers.article import read_article
from builder.load.yaml_nodes import Located, load_markdown
from builder.model.article import Article, ExplicitMention
from builder.resolve.text import Sentences

# Headings are a desk's labels ("High Stakes"), not reporting: no names or dates are taken from them.
_SKIPPED_BLOCKS = {"heading"}


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
    kind: str  # the block kind: "text", "caption", "credit", "embed" …
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
            passage = Passage(paragraph.text, paragraph.line, block.kind, paragraph.explicit)
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
