"""Tables for the three guards of content as data: plain text made inert, Markdown fields sanitised,
URLs limited to http(s). The whole path, in a real build and in Chromium, is tests/site/test_injection.py."""

from __future__ import annotations

import html as html_module

import markdown
import pytest

from builder.diagnostics import Diagnostics, Origin
from builder.load.fields import WEB_URL, Fields
from builder.load.yaml_nodes import Located
from builder.model.prose import Prose
from builder.render.plain_text import inert
from builder.render.sanitize import check, clean, removals, render, to_html
from builder.render.urls import Links

# --- plain text ---------------------------------------------------------------------------------

PLAIN = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "[x](javascript:alert(1))",
    "![x](javascript:alert(1))",
    '{: onmouseover="alert(1)" }',
    "*bold* and _under_ and **strong**",
    "`code` and ``more``",
    "&lt;script&gt; already escaped",
    "a \\*backslash\\* escape",
    "~~struck~~ ^^up^^",
    "two\n\nparagraphs\n# heading\n- item",
    "C#",
    "<javascript:alert(1)>",
]
NORMAL = ["Recep Tayyip Erdoğan", "Médecins Sans Frontières", "O'Brien & Sons", "بشار الأسد", "AT&T", "3 < 4 > 2"]


@pytest.mark.parametrize("text", PLAIN + NORMAL)
def test_plain_text_renders_as_itself_in_a_markdown_heading_and_paragraph(text: str) -> None:
    """Whatever the text, Markdown with the site's extensions gives back exactly the text, as text."""
    converter = markdown.Markdown(extensions=["attr_list", "toc", "admonition", "tables", "footnotes"])
    for source, shown in ((f"## Within {inert(text)}", f"Within {text}"), (f"Said {inert(text)} here",
                          f"Said {text} here"), (f"<p>{inert(text)}</p>", text)):
        converter.reset()
        html = converter.convert(source)
        opening, rest = html.split(">", 1)
        inside = rest.rsplit("<", 1)[0]  # the one element's content
        assert "<" not in inside and " on" not in opening, html  # no element, no attribute from the text
        assert html_module.unescape(inside) == shown, html


@pytest.mark.parametrize(("text", "expected"), [
    ("Erdoğan", "Erdoğan"),
    ("a < b", "a &#60; b"),
    ("[x](y)", "&#91;x&#93;(y)"),
    ("x {: a }", "x &#123;: a &#125;"),
    ("line\nbreak", "line&#10;break"),
    ("C#", "C&#35;"),
    ("#1 hit", "#1 hit"),
])
def test_inert_writes_references(text: str, expected: str) -> None:
    assert str(inert(text)) == expected


# --- Markdown fields ----------------------------------------------------------------------------

KEPT = [
    ("**strong** *em* `code`", ["<strong>strong</strong>", "<em>em</em>", "<code>code</code>"]),
    ("[link](https://example.org/a)", ['<a href="https://example.org/a" rel="noopener noreferrer">link</a>']),
    ("[mail](mailto:a@example.org)", ['href="mailto:a@example.org"']),
    ("[page](other.md#part)", ['href="other.md#part"']),
    ("![map](https://example.org/m.png)", ['<img alt="map" src="https://example.org/m.png">']),
    ("| a | b |\n|:--|--:|\n| 1 | 2 |", ['<th style="text-align:left">a</th>', "<td", "<table>"]),
    ("- one\n- two", ["<ul>", "<li>one</li>"]),
    ("1. one\n2. two", ["<ol>"]),
    ("## Heading", ["<h2>Heading</h2>"]),
    ("> quoted", ["<blockquote>"]),
    ("```python\nx = 1\n```", ['<pre><code class="language-python">x = 1']),
    ("Text[^1]\n\n[^1]: The note.", ['<sup id="fnref:1">', '<li id="fn:1">', 'href="#fn:1"']),
    ("!!! note\n    Careful.", ['<div class="admonition note">', '<p class="admonition-title">']),
    ("Term\n:   Definition", ["<dl>", "<dt>Term</dt>"]),
    ("<b>bold</b> <sub>2</sub> <abbr title='x'>X</abbr>", ["<b>bold</b>", "<sub>2</sub>", 'title="x"']),
]


@pytest.mark.parametrize(("source", "fragments"), KEPT, ids=[source[:20] for source, _ in KEPT])
def test_formatting_stays(source: str, fragments: list[str]) -> None:
    raw = to_html(source)
    cleaned = clean(raw)
    for fragment in fragments:
        assert fragment in cleaned, cleaned
    assert removals(raw, cleaned) == []


REMOVED = [
    ("<script>alert(1)</script>", "removed <script> element", "alert"),
    ("<style>body{display:none}</style>", "removed <style> element", "display"),
    ('<img src=x onerror="alert(1)">', "removed onerror attribute of <img>", "onerror"),
    ('<a href="javascript:alert(1)">x</a>', "removed javascript: URL", "javascript"),
    ("[x](javascript:alert(1))", "removed javascript: URL", "javascript"),
    ("[x](JaVaScRiPt:alert(1))", "removed javascript: URL", "javascript"),
    ("![x](data:image/svg+xml,<svg onload=alert(1)>)", "removed data: URL", "data:"),
    ("[x](vbscript:msgbox(1))", "removed vbscript: URL", "vbscript"),
    ("[x]\n\n[x]: javascript:alert(1)", "removed javascript: URL", "javascript"),
    ('<iframe srcdoc="<script>alert(1)</script>"></iframe>', "removed <iframe> element", "srcdoc"),
    ('<svg onload="alert(1)"><circle r="1"/></svg>', "removed <svg> element", "onload"),
    ('<math><mi xlink:href="javascript:alert(1)">x</mi></math>', "removed <math> element", "javascript"),
    ('<form action="https://x.org"><input name="q"></form>', "removed <form> element", "<form"),
    ('<object data="x.swf"></object><embed src="x.swf">', "removed <object> element", "x.swf"),
    ('<p style="position:fixed">x</p>', "removed style attribute of <p>", "position"),
    ('<div onclick="alert(1)">x</div>', "removed onclick attribute of <div>", "onclick"),
    ('## Heading {: onmouseover="alert(1)" }', "removed onmouseover attribute of <h2>", "onmouseover"),
    ('<p id="__md_scope">x</p>', "removed id attribute of <p>", "__md_scope"),
    ('<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', "removed <meta> element", "refresh"),
    ('<link rel="stylesheet" href="https://evil.example/x.css">', "removed <link> element", "evil"),
    ('<base href="https://evil.example/">', "removed <base> element", "evil"),
    # The theme's own classes would dress a field as its dialogs: a fake sign-in box over the page.
    ('<div class="md-consent"><div class="md-consent__overlay"></div></div>', 'removed class "md-consent" of <div>',
     "md-consent"),
    ('<div class="md-dialog md-dialog--active">x</div>', 'removed class "md-dialog--active" of <div>', "md-dialog"),
    ("[sign in](https://evil.example/){: .md-button .md-button--primary }", 'removed class "md-button" of <a>',
     "md-button"),
    ('<p class="note md-typeset">x</p>', 'removed class "md-typeset" of <p>', "md-typeset"),
    ("!!! md-consent\n    x", 'removed class "md-consent" of <div>', 'class="admonition md-consent'),
]


@pytest.mark.parametrize(("source", "message", "gone"), REMOVED, ids=[message for _, message, _ in REMOVED])
def test_what_could_run_goes_and_is_named(source: str, message: str, gone: str) -> None:
    raw = to_html(source)
    cleaned = clean(raw)
    assert gone.lower() not in cleaned.lower(), cleaned
    assert message in [removal.message for removal in removals(raw, cleaned)]


def test_each_removal_is_a_warning_at_its_line_in_a_body() -> None:
    body = "First paragraph.\n\n<script>alert(1)</script>\n\nThen [x](javascript:alert(1)).\n"
    diagnostics = Diagnostics()
    check(Prose(body, Origin("content/actors/x.md", 7), "description", exact=True), diagnostics)
    assert [d.format() for d in diagnostics] == [
        "content/actors/x.md:9: warning: description: removed <script> element (raw HTML is sanitised; "
        "set raw_html: true in the plugin options only for content you trust)",
        "content/actors/x.md:11: warning: description: removed javascript: URL (raw HTML is sanitised; "
        "set raw_html: true in the plugin options only for content you trust)",
    ]


def test_a_theme_class_is_warned_at_its_line_and_formatting_classes_stay() -> None:
    body = ('Intro.\n\n!!! note\n    Kept.\n\n<div class="md-consent">\n<a class="md-button" href="https://x.org">in</a>\n'
            "</div>\n")
    diagnostics = Diagnostics()
    check(Prose(body, Origin("content/actors/x.md", 3), "description", exact=True), diagnostics)
    assert [(d.line, d.message.split(" (raw")[0]) for d in diagnostics] == [
        (8, 'description: removed class "md-consent" of <div>'), (9, 'description: removed class "md-button" of <a>')]
    cleaned = clean(to_html(body))
    assert '<div class="admonition note">' in cleaned and "md-" not in cleaned


def test_a_yaml_field_is_warned_at_its_key_and_repeats_are_counted() -> None:
    diagnostics = Diagnostics()
    check(Prose("<script>a</script>\n<script>b</script>", Origin("content/site.yml", 2), "intro"), diagnostics)
    assert [(d.line, d.message.split(" (raw")[0]) for d in diagnostics] == [
        (2, "intro: removed <script> element (2 times)")]


def test_clean_fields_cost_no_conversion_and_give_no_warning() -> None:
    diagnostics = Diagnostics()
    check(Prose("Plain *text* with no markup, 3 > 2 & so on.", Origin("a.md", 1), "note"), diagnostics)
    assert not diagnostics.items


def test_rendered_field_is_one_inert_line_with_page_links() -> None:
    links = Links("actors/x.md", directory_urls=True)
    html = str(render("See [y](y.md#a) and [e](../events/e.md).\n\n```\n[k](javascript:1)\n```", links,
                      raw_html=False))
    assert "\n" not in html and html.startswith('<div class="tl-prose">')
    assert 'href="../y/#a"' in html and 'href="../../events/e/"' in html
    assert "&#91;k&#93;(javascript:1)" in html  # code stays text, even for a Markdown reader
    inline = str(render("A *short* note.", links, raw_html=False, inline=True))
    assert inline == '<span class="tl-note">A <em>short</em> note.</span>'
    longer = str(render("One.\n\nTwo.", links, raw_html=False, inline=True))
    assert longer == '<div class="tl-note"><p>One.</p>&#10;<p>Two.</p></div>'  # no <p> inside a <span>


def test_raw_html_hands_the_markdown_over_as_written() -> None:
    links = Links("actors/x.md", directory_urls=True)
    assert str(render("<b onclick=x>trusted</b>", links, raw_html=True)) == "<b onclick=x>trusted</b>"


# --- URLs ---------------------------------------------------------------------------------------

URLS = [
    ("https://www.example.org/world/2020/feb/12/a-b_c?x=1&y=2#top", True),
    ("http://example.org", True),
    ("HTTPS://EXAMPLE.ORG/", True),
    ("https://münchen.example/straße", True),
    ("https://web.archive.org/web/2020/https://example.org/a", True),
    ("javascript:alert(1)", False),
    ("JAVASCRIPT:alert(1)", False),
    ("java\tscript:alert(1)", False),
    ("java\nscript:alert(1)", False),
    ("\x01javascript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("vbscript:msgbox(1)", False),
    ("mailto:a@example.org", False),
    ("ftp://example.org/file", False),
    ("//evil.example/x", False),
    ("/relative/path", False),
    ("relative/path", False),
    ("example.org", False),
    ("https://", False),
    ("https:///path", False),
    ("http:/one-slash.org", False),
    ("https://exa mple.org/", False),
    ("https://example.org/\u00a0x", False),
    ("https://example.org/\u2028x", False),
    ("https:\\\\evil.example", False),
]


@pytest.mark.parametrize(("url", "accepted"), URLS, ids=[repr(url) for url, _ in URLS])
def test_only_http_addresses_are_urls(url: str, accepted: bool) -> None:
    assert bool(WEB_URL.fullmatch(url)) is accepted
    data = Located(Origin("content/articles/a.md", 1))
    data["url"] = url
    data.key_lines["url"] = 5
    diagnostics = Diagnostics()
    value = Fields(data, diagnostics, "article 'a'", {"url"}).url("url")
    assert (value == url) is accepted
    if not accepted:
        [error] = diagnostics.errors
        assert (error.path, error.line) == ("content/articles/a.md", 5)
        assert "only http:// and https:// addresses are allowed" in error.message
