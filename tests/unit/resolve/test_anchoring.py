"""Anchoring in article text: quotes and cited passages found verbatim (modulo typography), corrections, names."""

from __future__ import annotations

from pathlib import Path

from builder.model.site import Site, Span
from builder.resolve.anchoring import CONTEXT_SIDE, CONTEXT_WHOLE, MENTIONS_PER_ARTICLE
from tests.unit.resolve.content import actor, article, event, place, resolved

NAMES: dict[str, str | bytes] = {
    "actors/erdogan.md": actor("Recep Tayyip Erdoğan", more="aliases: [Erdoğan]\n"),
    "actors/jeffrey.md": actor("James Jeffrey"),
    "places/ankara.md": place("Ankara"),
}
TEXT = ("Erdoğan said: “We’re determined to drive away regime forces.”\n\n"
        "Jeffrey met officials in Ankara. He said  the U.S.\nwould help.\n")


def quoting(*quotes: str, body: str = TEXT) -> dict[str, str | bytes]:
    # Most passages looked for here are the reporter's sentences: marked so, as `check` would ask.
    lines = "".join(f"  - {{by: erdogan, article: a, text: '{q}', kind: reported}}\n" for q in quotes)
    return {**NAMES, "articles/a.md": article(body), "events/e.md": event(more=f"quotes:\n{lines}")}


def marked(site: Site, kind: str, article_id: str = "a") -> list[tuple[int, str, Span]]:
    """(paragraph, text marked, span) of every span of one kind."""
    paragraphs = site.articles[article_id].paragraphs
    return [(number, paragraphs[number].text[s.start:s.end], s)
            for number, spans in enumerate(site.spans[article_id]) for s in spans if s.kind == kind]


# quotes


def test_a_quote_written_with_straight_quotes_is_found_in_curly_text(tmp_path: Path) -> None:
    site, problems = resolved(tmp_path, quoting("We''re determined to drive away"))
    assert problems == []
    ((number, text, span),) = marked(site, "quote")
    assert (number, text) == (0, "We’re determined to drive away")
    (quote,) = site.events["e"].quotes
    assert span == Span(span.start, span.end, "quote", "event", "e", "q-e-1", "An event", "q-e-1")
    assert quote.anchor == "q-e-1"
    assert site.article_quotes["a"] == [quote]


def test_double_quotes_dashes_and_no_break_spaces_inside_a_quote(tmp_path: Path) -> None:
    body = "He told\u00a0Ankara “enough” – twice.\n"
    site, problems = resolved(tmp_path, quoting('told Ankara "enough" - twice', body=body))
    assert problems == []
    assert [text for _, text, _ in marked(site, "quote")] == ["told\u00a0Ankara “enough” – twice"]


def test_quote_marks_around_a_quote_and_spacing_do_not_matter(tmp_path: Path) -> None:
    site, problems = resolved(tmp_path, quoting('"the U.S. would help"'))
    assert problems == []
    ((number, text, _),) = marked(site, "quote")
    assert (number, text) == (1, "the U.S.\nwould help"), "the span covers the article's own line break"


def test_a_quote_across_double_spaces(tmp_path: Path) -> None:
    site, problems = resolved(tmp_path, quoting("He said the U.S."))
    assert problems == []
    assert [text for _, text, _ in marked(site, "quote")] == ["He said  the U.S."]


def test_offsets_are_in_the_plain_text_without_mention_markup(tmp_path: Path) -> None:
    body = "Then [Erdoğan](actor:erdogan) told [Ankara](-) “enough”.\n"
    site, problems = resolved(tmp_path, quoting("Erdoğan told Ankara “enough”", body=body))
    assert problems == []
    ((_, text, _),) = marked(site, "quote")
    assert text == "Erdoğan told Ankara “enough"


def test_a_quote_found_twice_is_anchored_at_its_first_occurrence(tmp_path: Path) -> None:
    body = "Intro.\n\nHe said no. Later:\n\nHe said no.\n"
    site, problems = resolved(tmp_path, quoting("He said no.", body=body))
    assert problems == []
    assert [(number, span.start) for number, _, span in marked(site, "quote")] == [(1, 0)]


def test_two_quotes_of_one_event_are_numbered_and_sorted_by_anchor(tmp_path: Path) -> None:
    site, problems = resolved(tmp_path, quoting("would help", "Jeffrey met officials"))
    assert problems == []
    assert [q.id for q in site.article_quotes["a"]] == ["q-e-1", "q-e-2"]
    assert [(n, text) for n, text, _ in marked(site, "quote")] == [(1, "Jeffrey met officials"), (1, "would help")]


def test_a_quote_not_found_points_to_the_closest_paragraph(tmp_path: Path) -> None:
    site, problems = resolved(tmp_path, quoting("Jeffrey met the officials in Ankara"))
    assert problems == ["content/events/e.md:5: quote not found in article 'a': \"Jeffrey met the officials in "
                        "Ankara\"; the closest paragraph starts \"Jeffrey met officials in Ankara. He said the "
                        "U.S. would hel…\""]
    assert marked(site, "quote") == []
    assert site.events["e"].quotes[0].anchor == ""
    assert site.article_quotes["a"] == []


def test_a_long_quote_not_found_is_shortened_and_without_a_hint_when_nothing_is_close(tmp_path: Path) -> None:
    _, problems = resolved(tmp_path, quoting("zzz " * 40))
    assert problems == ["content/events/e.md:5: quote not found in article 'a': \"" + "zzz " * 19 + "zzz…\""]


def test_an_empty_looking_quote_is_not_found(tmp_path: Path) -> None:
    _, problems = resolved(tmp_path, quoting('""'))
    assert len(problems) == 1 and "quote not found in article 'a'" in problems[0]


def test_a_quote_of_an_unknown_article_is_reported_once(tmp_path: Path) -> None:
    files = {**NAMES, "articles/a.md": article(TEXT),
             "events/e.md": event(more="quotes: [{by: erdogan, article: b, text: x}]\n")}
    _, problems = resolved(tmp_path, files)
    assert problems == ["content/events/e.md:4: unknown article 'b'"]


def test_cited_passages_of_relations(tmp_path: Path) -> None:
    files = {**NAMES, "articles/a.md": article(TEXT), "relations/r.yml": (
        "- id: r\n  subject: jeffrey\n  type: meets\n  object: erdogan\n"
        "  sources:\n    - a\n    - {article: a, text: met officials in Ankara}\n"
        "    - {article: a, text: not there}\n")}
    site, problems = resolved(tmp_path, files)
    assert problems == ["content/relations/r.yml:8: quote not found in article 'a': \"not there\""]
    ((number, text, span),) = marked(site, "citation")
    assert (number, text) == (1, "met officials in Ankara")
    assert (span.target_kind, span.target_id, span.anchor, span.label, span.fragment) == (
        "relation", "r", "c-r-2", "James Jeffrey meets Recep Tayyip Erdoğan", "r-r")
    assert [c.anchor for c in site.relations["r"].sources] == ["", "c-r-2", ""]


# corrections


def test_corrections_mark_every_whole_word_occurrence(tmp_path: Path) -> None:
    body = "A USn convoy.\n\nThe USn troops, not USnavy.\n"
    files = {**NAMES, "articles/a.md": article(body, more="corrections: [{text: USn, correction: US}, "
                                                           "{text: nowforced, correction: now forced}]\n")}
    site, problems = resolved(tmp_path, files)
    assert problems == ["content/articles/a.md:4: correction: 'nowforced' does not occur in article 'a'"]
    assert [(n, text, s.label) for n, text, s in marked(site, "sic")] == [(0, "USn", "US"), (1, "USn", "US")]


# names


def test_names_are_linked_where_they_occur_as_whole_words(tmp_path: Path) -> None:
    body = "Erdoğan met James Jeffrey in Ankara. Ankaran food.\n"
    site, problems = resolved(tmp_path, {**NAMES, "articles/a.md": article(body)})
    assert problems == []
    assert [(text, s.target_kind, s.target_id, s.anchor) for _, text, s in marked(site, "mention")] == [
        ("Erdoğan", "actor", "erdogan", "m-1-0"), ("James Jeffrey", "actor", "jeffrey", "m-1-12"),
        ("Ankara", "place", "ankara", "m-1-29")]
    assert site.mentions[("place", "ankara")][0].sentence == "Erdoğan met James Jeffrey in Ankara."


def test_markup_settles_or_suppresses_a_mention(tmp_path: Path) -> None:
    body = "[Jeffrey](actor:jeffrey) said [Ankara](-) agreed; [the capital](place:ankara) too.\n"
    site, problems = resolved(tmp_path, {**NAMES, "articles/a.md": article(body)})
    assert problems == []
    assert [(text, s.target_id) for _, text, s in marked(site, "mention")] == [("Jeffrey", "jeffrey"),
                                                                               ("the capital", "ankara")]


def test_an_ambiguous_name_is_a_warning_with_the_markup_that_settles_it(tmp_path: Path) -> None:
    files = {**NAMES, "places/turkey.md": place("Turkey"), "actors/turkey.md": actor("Turkey", "state"),
             "articles/a.md": article("Intro.\n\nTurkey said. Turkey again.\n\n[Turkey](place:turkey) is big.\n")}
    site, problems = resolved(tmp_path, files)
    assert problems == ["content/articles/a.md:7: warning: 'Turkey' could be actor 'turkey' or place 'turkey': "
                        "write [Turkey](actor:turkey) or [Turkey](-) to settle it"]
    assert [(n, s.target_kind) for n, _, s in marked(site, "mention")] == [(2, "place")]


def test_validating_alone_gives_the_same_problems_without_mentions(tmp_path: Path) -> None:
    files = {**NAMES, "actors/turkey.md": actor("Turkey", "state"), "places/turkey.md": place("Turkey"),
             "articles/a.md": article("Turkey and Erdoğan.\n", more="corrections: [{text: xyz, correction: y}]\n")}
    full, full_problems = resolved(tmp_path / "full", files)
    checked, checked_problems = resolved(tmp_path / "check", files, validate_only=True)
    assert checked_problems == full_problems and len(full_problems) == 2
    assert marked(full, "mention") and not marked(checked, "mention")
    assert not checked.mentions


def test_mentions_listed_once_per_sentence_and_at_most_per_article(tmp_path: Path) -> None:
    sentences = " ".join(f"Ankara {i} and Ankara." for i in range(MENTIONS_PER_ARTICLE + 5))
    site, problems = resolved(tmp_path, {**NAMES, "articles/a.md": article(sentences + "\n")})
    assert problems == []
    assert len(marked(site, "mention")) == 2 * (MENTIONS_PER_ARTICLE + 5), "every occurrence is linked"
    listed = site.mentions[("place", "ankara")]
    assert len(listed) == MENTIONS_PER_ARTICLE
    assert [m.more for m in listed] == [0] * (MENTIONS_PER_ARTICLE - 1) + [5]
    assert listed[0].sentence == "Ankara 0 and Ankara."


def test_a_long_sentence_is_cut_to_whole_words_around_the_name(tmp_path: Path) -> None:
    words = "abcdef " * (CONTEXT_WHOLE // 7)  # 7 characters: the cut falls inside a word, which is then left out
    site, _ = resolved(tmp_path, {**NAMES, "articles/a.md": article(f"{words}Ankara {words}end.\n")})
    (mention,) = site.mentions[("place", "ankara")]
    assert mention.sentence.startswith("…abcdef ") and mention.sentence.endswith(" abcdef…")
    assert set(mention.sentence.strip("…").split()) == {"abcdef", "Ankara"}, "only whole words"
    assert len(mention.sentence) <= 2 * CONTEXT_SIDE + len("Ankara") + 4
