"""``python -m builder import``: the seed file reproduces both hand-annotated articles; a saved HTML
page gives its metadata and text without the page's furniture; nothing is ever overwritten; the
result passes ``check`` once its actors exist."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from builder.authoring.importing import lines
from builder.authoring.importing.actors import ActorIndex
from builder.authoring.importing.draft import Draft, Metadata, Part
from builder.authoring.importing.writer import plan
from builder.diagnostics import Diagnostics
from builder.load.readers.article_body import parse_body
from builder.load.yaml_nodes import load_markdown
from tests.conftest import ROOT, run_cli

MakeProject = Callable[[dict[str, str | bytes]], Path]
FIXTURES = ROOT / "tests" / "fixtures" / "import"
SEED = FIXTURES / "seed-two-articles.txt"  # the seed source file, byte for byte
PAGE = FIXTURES / "saved-news-page.html"
BLOOMBERG_TITLE = "Erdoğan vows to drive Syrian government forces from Idlib, buoyed by US support"
SEED_OPTIONS = ["--published", "2020-02-12", "--publisher", "bloomberg", "--publisher", "the-guardian",
                "--title", BLOOMBERG_TITLE, "--title", ""]


def read(file: Path) -> tuple[dict[str, Any], list[tuple[str, str, str, list[str]]]]:
    """Front matter as plain values, and the body as (kind, embed type, by, paragraph texts) with the
    annotation markup stripped: what an article is once its explicit mentions are taken out."""
    diagnostics = Diagnostics()
    source = load_markdown(file, file.name, diagnostics)
    assert source is not None and not diagnostics.items, diagnostics.items
    blocks = parse_body(source.body, source.body_line, file.name, diagnostics)
    assert not diagnostics.items, diagnostics.items
    front = {key: _plain(value) for key, value in source.data.items()}
    return front, [(b.kind, b.embed_type, b.by.id if b.by else "", [p.text for p in b.paragraphs]) for b in blocks]


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


@pytest.fixture(scope="module")
def seed_import(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("imported")
    result = run_cli(ROOT, "import", str(SEED), "--out", str(out), *SEED_OPTIONS)
    assert result.returncode == 0, result.stderr
    return out, result.stdout


def test_seed_import_reproduces_both_articles_text_and_blocks(seed_import: tuple[Path, str]) -> None:
    out, _ = seed_import
    written = sorted(out.glob("*.md"))
    assert [f.name for f in written] == ["bloomberg-erdogan-vows-to-drive-syrian-government-forces.md",
                                         "the-guardian-us-syrian-and-russian-forces-involved-in-deadly.md"]
    annotated = [ROOT / "content/articles/bloomberg-erdogan-vows-idlib.md",
                 ROOT / "content/articles/guardian-checkpoint-clash.md"]
    for imported, reference in zip(written, annotated, strict=True):
        assert read(imported)[1] == read(reference)[1], imported.name


def test_seed_import_reproduces_metadata(seed_import: tuple[Path, str]) -> None:
    out, _ = seed_import
    for imported, reference in zip(sorted(out.glob("*.md")),
                                   ["bloomberg-erdogan-vows-idlib.md", "guardian-checkpoint-clash.md"], strict=True):
        front, _ = read(imported)
        expected, _ = read(ROOT / "content/articles" / reference)
        for key in ("title", "publisher", "authors", "contributors", "published", "language"):
            assert front[key] == expected[key], (imported.name, key)
        assert "note" not in front and "corrections" not in front  # a person's judgement, not the importer's


def test_seed_import_reports_what_it_dropped(seed_import: tuple[Path, str]) -> None:
    out, report = seed_import
    text = "".join(file.read_text(encoding="utf-8") for file in out.glob("*.md"))
    assert "Leave a Reply" not in text and "logged in" not in text
    assert "US backs Turkish invasion" not in text  # the reposting blog's title, replaced by --title
    assert f"{SEED}:1 (title line, replaced by --title): US backs Turkish invasion" in report
    assert f"{SEED}:99 (comment form): Leave a Reply" in report
    assert f"{SEED}:101 (comment form): You must be logged in to post a comment." in report


def test_import_never_overwrites_and_writes_nothing_when_refusing(tmp_path: Path) -> None:
    out = tmp_path / "articles"
    out.mkdir()
    taken = out / "the-guardian-us-syrian-and-russian-forces-involved-in-deadly.md"
    taken.write_text("mine\n", encoding="utf-8")
    result = run_cli(ROOT, "import", str(SEED), "--out", str(out), *SEED_OPTIONS)
    assert result.returncode == 1
    assert f"{SEED}:55: {taken} already exists: it is never overwritten" in result.stderr
    assert "nothing written" in result.stderr and "Traceback" not in result.stderr
    assert [f.name for f in out.iterdir()] == [taken.name]  # not even the other article
    assert taken.read_text(encoding="utf-8") == "mine\n"


def test_import_refuses_an_id_the_project_already_has(make_project: MakeProject) -> None:
    project = make_project({"content/articles/bloomberg-erdogan-vows-idlib.md": "taken\n"})
    result = run_cli(project, "import", str(SEED), *SEED_OPTIONS, "--id", "bloomberg-erdogan-vows-idlib",
                     "--id", "")
    assert result.returncode == 1
    assert "content/articles/bloomberg-erdogan-vows-idlib.md already exists" in result.stderr
    assert sorted(p.name for p in (project / "content/articles").iterdir()) == ["bloomberg-erdogan-vows-idlib.md"]


PAGE_ACTORS = {
    "content/actors/the-daily-ledger.md": "---\nname: The Daily Ledger\nkind: media-outlet\n---\n",
    "content/actors/lina-haddad.md": "---\nname: Lina Haddad\nkind: person\n---\n",
    "content/actors/tom-oneill.md": "---\nname: Tom O’Neill\nkind: person\n---\n",
    "content/actors/omar-saleh.md": "---\nname: Omar Saleh\nkind: person\n---\n",
    "content/actors/reuters.md": "---\nname: Reuters\nkind: media-outlet\n---\n",
    "content/actors/karim-aziz.md": "---\nname: Karim Aziz\nkind: person\n---\n",
}


def test_html_page_imports_metadata_and_text_without_boilerplate(make_project: MakeProject) -> None:
    project = make_project({})
    result = run_cli(project, "import", str(PAGE))
    assert result.returncode == 0, result.stderr
    file = project / "content/articles/the-daily-ledger-floodwaters-recede-from-deir-ez-zor-market.md"
    front, body = read(file)
    assert front == {
        "title": "Floodwaters recede from Deir ez-Zor market as traders count losses",
        "publisher": "the-daily-ledger",
        "authors": ["lina-haddad", "tom-oneill"],
        "contributors": [{"actor": "omar-saleh", "role": "photograph"}, {"actor": "reuters", "role": "photo agency"},
                         {"actor": "karim-aziz", "role": "reporting"}],
        "published": "2021-03-04",
        "url": "https://ledger.example/world/2021/mar/04/deir-ez-zor-market-floods",
        "language": "en",
    }
    kinds = [(kind, paragraphs[0][:40]) for kind, _, _, paragraphs in body]
    assert kinds == [
        ("standfirst", "Shopkeepers say the Euphrates rose faste"),
        ("caption", "Traders clear mud from their stalls in D"),
        ("credit", "Photograph: Omar Saleh/Reuters"),
        ("byline", "By Lina Haddad and Tom O’Neill"),
        ("text", "Traders in the eastern Syrian city of De"),
        ("text", "“The water came in the night, faster tha"),
        ("text", "Local officials said at least 200 shops "),
        ("aside", "Read more: Dams upstream hold back less "),
        ("heading", "Counting the cost"),
        ("text", "The regional council estimated the damag"),
        ("embed", "Drove past the old market in Deir ez-Zor"),
        ("text", "Aid groups said drinking water was the m"),
        ("byline", "— Additional reporting by Karim Aziz in "),
    ]
    assert body[10][1] == "tweet" and body[10][3][1] == "— Sara Nouri (@saranouri) March 4, 2021"
    text = file.read_text(encoding="utf-8")
    for furniture in ("cookies", "World news", "Subscribe", "Share on", "Advertisement", "Sign up", "More on this",
                      "Comments", "Terrible news", "About us", "©", "dataLayer", "Thu 4 Mar"):
        assert furniture not in text, furniture
    for reason in ("not the article", "share buttons", "advertisement", "newsletter prompt", "related links"):
        assert f"({reason})" in result.stdout
    assert "embedded post by 'Sara Nouri'" in result.stdout


def test_imported_names_pass_check_once_their_actors_exist(make_project: MakeProject) -> None:
    project = make_project({})
    assert run_cli(project, "import", str(PAGE)).returncode == 0
    file = next((project / "content/articles").glob("*.md"))
    assert "publisher: the-daily-ledger  # TODO: no actor 'the-daily-ledger' yet (\"The Daily Ledger\")" in \
        file.read_text(encoding="utf-8")
    before = run_cli(project, "check")
    assert before.returncode == 1
    assert f"content/articles/{file.name}:4: unknown actor 'the-daily-ledger'" in before.stderr
    make_project(PAGE_ACTORS)
    after = run_cli(project, "--strict", "check")
    assert after.returncode == 0, after.stderr


def test_known_people_sign_embedded_posts_and_seed_articles_pass_check(make_project: MakeProject) -> None:
    sara = "---\nname: Sara Nouri\nkind: person\n---\n"
    project = make_project({**PAGE_ACTORS, "content/actors/sara-nouri.md": sara})
    assert run_cli(project, "import", str(PAGE), "--id", "floods").returncode == 0
    assert "::: embed type=tweet by=sara-nouri\n" in (project / "content/articles/floods.md").read_text("utf-8")
    assert run_cli(project, "--strict", "check").returncode == 0


def test_plain_text_dateline_and_byline_fill_the_front_matter(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Ceasefire holds in Idlib for a second day\n\nBy Jane Roe and John Doe in Beirut\n"
                     "Published Friday, 28 February 2020\n\nThe guns fell silent on Thursday.\n\n"
                     "Share this article\n\nSign up for our newsletter\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(ROOT, "import", str(story), "--out", str(out), "--publisher", "The Guardian")
    assert result.returncode == 0, result.stderr
    front, body = read(out / "the-guardian-ceasefire-holds-in-idlib-for-a-second-day.md")
    assert front["published"] == "2020-02-28" and front["authors"] == ["jane-roe", "john-doe"]
    assert front["publisher"] == "the-guardian"  # the name found among the project's actors
    assert body == [("byline", "", "", ["By Jane Roe and John Doe in Beirut"]),
                    ("text", "", "", ["The guns fell silent on Thursday."])]
    assert "(share buttons): Share this article" in result.stdout
    assert "(newsletter prompt): Sign up for our newsletter" in result.stdout


def test_splitting_can_be_overridden(tmp_path: Path) -> None:
    whole = run_cli(ROOT, "import", str(SEED), "--out", str(tmp_path / "one"), "--one", "--published", "2020-02-12",
                    "--title", "Both")
    assert whole.returncode == 0, whole.stderr
    assert len(list((tmp_path / "one").glob("*.md"))) == 1
    split = run_cli(ROOT, "import", str(SEED), "--out", str(tmp_path / "three"), "--published", "2020-02-12",
                    "--split-at", "Russia, Assad")
    assert split.returncode == 0, split.stderr
    titles = sorted(read(f)[0]["title"] for f in (tmp_path / "three").glob("*.md"))
    assert titles == ["Russia, Assad", "US backs Turkish invasion of Idlib in Syria. Russia opposes.",
                      "US, Syrian and Russian forces involved in deadly checkpoint clash"]


def test_mark_overrides_a_guess(tmp_path: Path) -> None:
    result = run_cli(ROOT, "import", str(SEED), "--out", str(tmp_path), *SEED_OPTIONS,
                     "--mark", "text=High Stakes", "--mark", "drop=Read more")
    assert result.returncode == 0, result.stderr
    _, body = read(tmp_path / "bloomberg-erdogan-vows-to-drive-syrian-government-forces.md")
    assert ("text", "", "", ["High Stakes"]) in body
    assert not any(paragraphs[0].startswith("Read more") for _, _, _, paragraphs in body)
    assert "(--mark): Read more: Turkish Military" in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["missing.txt"], "missing.txt:1: file not found"),
    ([str(SEED)], "no publication date found for 'US backs Turkish invasion of Idlib in Syria. Russia opposes.': "
                  "pass --published YYYY-MM-DD"),
    ([str(SEED), "--published", "2020-02-31"], ":1: published: "),
    ([str(SEED), "--published", "2020-02-12", "--title", "a", "--title", "b", "--title", "c"],
     "3 --title values for 2 articles"),
    (["latin1.txt"], "latin1.txt:2: not UTF-8 text"),
])
def test_bad_input_is_reported_with_path_and_line(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "latin1.txt").write_bytes("Title\nCaf\xe9 au lait\n".encode("latin-1"))
    out = tmp_path / "out"
    result = run_cli(tmp_path, "-f", str(ROOT / "mkdocs.yml"), "import", *args, "--out", str(out))
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(("line", "expected"), [
    ("Photographer: Aref Tammawi/AFP via Getty Images",
     [("Aref Tammawi", "photographer"), ("AFP", "photo agency"), ("Getty Images", "photo distributor")]),
    ("Photograph: AP", [("AP", "photograph")]),
    ("(AP Photo/Baderkhan Ahmad)", [("Baderkhan Ahmad", "photographer"), ("AP", "photo agency")]),
    ("Photo by Jane Roe", [("Jane Roe", "photograph")]),
    ("Photographs and video from the scene showed armored vehicles.", None),
])
def test_credit_lines(line: str, expected: list[tuple[str, str]] | None) -> None:
    assert lines.credit(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("By Lina Haddad and Tom O’Neill", (["Lina Haddad", "Tom O’Neill"], [])),
    ("By Martin Chulov in Beirut", (["Martin Chulov"], [])),
    ("— With assistance by Anthony Halpin", ([], [("Anthony Halpin", "assistance")])),
    ("Reporting by Jane Roe; Editing by John Doe", ([], [("Jane Roe", "reporting"), ("John Doe", "editing")])),
    ("By the end of February the talks had stalled.", None),
])
def test_byline_lines(line: str, expected: tuple[list[str], list[tuple[str, str]]] | None) -> None:
    assert lines.byline(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Published Friday, 28 February 2020", "2020-02-28"),
    ("Updated: February 12, 2020, 5:54 PM GMT+3", "2020-02-12"),
    ("2021-03-04T09:12:00Z", "2021-03-04"),
    ("Published on Tuesday", ""),
])
def test_dates_in_datelines(line: str, expected: str) -> None:
    assert lines.date_in(line) == expected


STORY = "Ceasefire holds in Idlib\n\nThe guns fell silent on Thursday.\n"


@pytest.mark.parametrize(("text", "args", "message"), [
    ("وقف إطلاق النار\n\nThe guns fell silent.\n", [],
     "story.txt:1: no article id can be made from the title 'وقف إطلاق النار' (pass --id)"),
    (STORY, ["--id", "Foo Bar"], "story.txt:1: article id: 'Foo Bar' is not a valid id"),
    (STORY, ["--title", "Index"], "story.txt:1: article id: 'index' is reserved"),
    (STORY, ["--publisher", "الجزيرة"], "story.txt:1: no actor id can be made from the name 'الجزيرة'"),
])
def test_ids_that_break_the_slug_rules_are_refused(tmp_path: Path, text: str, args: list[str], message: str) -> None:
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(tmp_path, "-f", str(ROOT / "mkdocs.yml"), "import", "story.txt", "--published", "2020-02-12",
                     *args, "--out", str(out))
    assert result.returncode == 1
    assert message in result.stderr
    assert "nothing written" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_values_yaml_would_misread_round_trip_and_pass_check(make_project: MakeProject) -> None:
    project = make_project(PAGE_ACTORS)
    story = project / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = run_cli(project, "import", str(story), "--published", "2020-02-12", "--title", "en: x",
                     "--id", "ceasefire")
    assert result.returncode == 0, result.stderr
    front, _ = read(project / "content/articles/ceasefire.md")
    assert front["title"] == "en: x" and front["published"] == "2020-02-12"
    # A language is a BCP 47 tag (issue 18): one that is not is refused before anything is written.
    refused = run_cli(project, "import", str(story), "--published", "2020-02-12", "--language", "en: x",
                      "--id", "refused")
    assert refused.returncode == 1 and "language: 'en: x' is not a BCP 47 language tag" in refused.stderr
    assert not (project / "content/articles/refused.md").exists()
    no = run_cli(project, "import", str(story), "--published", "2020-02", "--language", "no", "--id", "norsk")
    assert no.returncode == 0, no.stderr
    front, _ = read(project / "content/articles/norsk.md")
    assert front["language"] == "no" and front["published"] == "2020-02"
    check = run_cli(project, "--strict", "check")
    assert check.returncode == 0, check.stderr


def test_contributor_roles_yaml_would_misread_round_trip() -> None:
    metadata = Metadata(title="Story", publisher="", authors=[], published="2020-02-12", language="en", url="",
                        contributors=[("Jane Roe", "photo, agency: yes")])
    draft = Draft(source="story.txt", line=1, metadata=metadata, parts=[Part("text", ["Text."])])
    planned = plan(draft, ActorIndex(), Path("/nonexistent"), "story")
    front = yaml.safe_load(planned.markdown.split("---\n")[1])
    assert front["contributors"] == [{"actor": "jane-roe", "role": "photo, agency: yes"}]


def test_out_that_is_a_file_is_reported_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    out = tmp_path / "out"
    out.write_text("a file\n", encoding="utf-8")
    result = run_cli(tmp_path, "-f", str(ROOT / "mkdocs.yml"), "import", "story.txt", "--published", "2020-02-12",
                     "--out", str(out))
    assert result.returncode == 1
    assert f"{out}: " in result.stderr and "nothing written" in result.stderr
    assert "Traceback" not in result.stderr
    assert out.read_text(encoding="utf-8") == "a file\n"


def _page(body: str, head: str = "") -> bytes:
    return (f"<!doctype html><html><head><title>Floods in Idlib</title>{head}</head><body><article>"
            f"<h1>Floods in Idlib</h1>{body}<p>The river rose overnight.</p></article></body></html>").encode()


def test_json_ld_type_that_is_not_text_is_ignored(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(_page("", '<script type="application/ld+json">'
                               '{"@type": {"x": 1}, "datePublished": "2020-03-01"}</script>'))
    result = run_cli(tmp_path, "-f", str(ROOT / "mkdocs.yml"), "import", str(page), "--published", "2020-02-12",
                     "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "out").glob("*.md"))) == 1


def test_figure_with_an_empty_blockquote_keeps_its_caption(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(_page("<figure><blockquote class='twitter-tweet'></blockquote>"
                           "<figcaption>Rescuers at work</figcaption></figure>"))
    out = tmp_path / "out"
    result = run_cli(tmp_path, "-f", str(ROOT / "mkdocs.yml"), "import", str(page), "--published", "2020-02-12",
                     "--out", str(out))
    assert result.returncode == 0, result.stderr
    _, body = read(next(out.glob("*.md")))
    assert ("caption", "", "", ["Rescuers at work"]) in body
    assert ("text", "", "", ["The river rose overnight."]) in body


HOSTILE_PAGE = (
    "<!doctype html><html lang='en'><head><title>t</title>"
    "<meta property='og:title' content='og &lt;b&gt;'>"
    "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": \"2020-03-01\","
    " \"headline\": \"Floods\\u001b]0;pwned\\u0007 <script>alert(1)<\\/script>\\n- key: value\","
    " \"author\": {\"name\": \"Eve\\u001b[31m Mallory\"}}</script>"
    "</head><body><article><h1>ignored</h1>"
    "<p>::: embed type=tweet by=turkey</p>"
    "<p>The river rose overnight near [Turkey](actor:turkey) and [the town](-), officials said on Monday.</p>"
    "<p>Water reached the market.<br>::: caption<br>:::<br>It rose again.\u2028::: credit</p>"
    "<p>Clear\x1b[2J the screen, said a trader who lost his stall in the night.</p>"
    "</article></body></html>")
HOSTILE_TEXTS = [
    "::: embed type=tweet by=turkey",
    "The river rose overnight near [Turkey](actor:turkey) and [the town](-), officials said on Monday.",
    "Water reached the market.\n::: caption\n:::\nIt rose again.\n::: credit",
    "Clear the screen, said a trader who lost his stall in the night.",
]


def test_an_untrusted_page_stays_plain_text(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(HOSTILE_PAGE, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(tmp_path, "-f", str(ROOT / "mkdocs.yml"), "import", str(page), "--out", str(out), "--id", "x")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout
    file = out / "x.md"
    assert "\x1b" not in file.read_text(encoding="utf-8")
    front, body = read(file)  # read() asserts the reader reports nothing
    assert front["title"] == "Floods <script>alert(1)</script> - key: value", "one line, kept as text"
    assert set(front) == {"title", "authors", "published", "language"}, "no key smuggled in by the title"
    assert [(kind, paragraphs) for kind, _, _, paragraphs in body] == [("text", [t]) for t in HOSTILE_TEXTS]
    source = load_markdown(file, file.name, Diagnostics())
    assert source is not None
    paragraphs = [p for block in parse_body(source.body, source.body_line, file.name, Diagnostics())
                  for p in block.paragraphs]
    assert all(mention.ref is None for p in paragraphs for mention in p.explicit), "no mention links to an actor"


def test_import_never_writes_through_a_link(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    out, outside = tmp_path / "out", tmp_path / "outside.md"
    out.mkdir()
    (out / "ceasefire-holds-in-idlib.md").symlink_to(outside)  # dangling: it leads out of --out
    result = run_cli(tmp_path, "-f", str(ROOT / "mkdocs.yml"), "import", "story.txt", "--published", "2020-02-12",
                     "--out", str(out), "--id", "ceasefire-holds-in-idlib")
    assert result.returncode == 1 and "already exists" in result.stderr, result.stderr
    assert not outside.exists()


def test_markup_in_page_text_reads_back_as_exactly_that_text() -> None:
    """A seeded mutation loop over strings made of markup pieces: the reader gets back the text,
    one paragraph of running text, with no block, no link and no problem."""
    import random

    from builder.authoring.importing.inert import literal, plain

    pieces = ["[", "]", "(", ")", ":", "-", "actor:", "place:", "a", " ", "\n", ":::", "::: embed by=x", "\u2028",
              "\x1b[2J", "\x07", "x"]
    rng = random.Random(12)
    tried = 0
    while tried < 5000:
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))).strip()
        lines = plain(text).split("\n")
        if not text or any(not line.strip() for line in lines):
            continue  # a blank line splits paragraphs, which is not markup
        tried += 1
        diagnostics = Diagnostics()
        blocks = parse_body(literal(text), 1, "page.md", diagnostics)
        assert not diagnostics.items, (text, diagnostics.items)
        assert [(block.kind, [p.text for p in block.paragraphs]) for block in blocks] == \
            [("text", ["\n".join(line.rstrip() for line in lines)])], repr(text)
        assert all(mention.ref is None for mention in blocks[0].paragraphs[0].explicit), repr(text)


FRONT_MATTER_TEXTS = [
    "plain", "a: b", "- x", "# not a comment", "'quoted'", "\"double\"", "line\nbreak", "esc\x1b[2J",
    "nel\x85 del\x7f c1\x9b", "sep\u2028par\u2029", "bom\ufeff nonchar\uffff", "emoji 😀 and Arabic ٢٠٢٠", "yes",
    "2020-02-12", "~", "null", "{a: 1}", "&anchor *alias",
]


@pytest.mark.parametrize("text", FRONT_MATTER_TEXTS)
def test_front_matter_strings_read_back_exactly(text: str) -> None:
    from builder.authoring.importing.writer import yaml_text

    assert yaml.safe_load(f"title: {yaml_text(text)}\n") == {"title": text}


@pytest.mark.parametrize("text", ["[Turkey](place: turkey) said", "[Turkey](actr:turkey)", "[a]( Actor :x)",
                                  "see [site](https://example.org/)"])
def test_near_mention_markup_in_page_text_reads_back_without_a_warning(text: str) -> None:
    from builder.authoring.importing.inert import literal

    diagnostics = Diagnostics()
    blocks = parse_body(literal(text), 1, "page.md", diagnostics)
    assert not diagnostics.items
    assert [p.text for p in blocks[0].paragraphs] == [text]
    assert literal(text).startswith("see [site](https") or literal(text).startswith("[[")
