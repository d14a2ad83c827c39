"""The MkDocs adapter: validate before MkDocs touches the output, then add the generated pages.

Validation runs in ``on_pre_build``, which MkDocs calls before it cleans ``site_dir``: when the
content has errors, the build stops there (under ``mkdocs serve`` the preview shows them instead:
``preview``). Whatever stops a build later, the site built earlier
stays as it was too: MkDocs writes into a staging folder swapped in at the end (``site_output``).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import jinja2
from markupsafe import Markup
from mkdocs.config.base import ConfigErrors, ConfigWarnings, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from builder.diagnostics import Diagnostic, Diagnostics, Severity
from builder.pipeline import (
    DataError,
    DataJob,
    DataRequest,
    ReadCache,
    build_site,
    clean_page,
    data_paths,
    html_style,
    interface_language,
    interface_words,
    plan_pages,
    site_title,
    write_requested_data,
)
from builder.plugin import html_pages, search_entries, theme
from builder.plugin.html_pages import Finished, Finisher
from builder.plugin.incremental import Incremental, SkippedPages, TemplateCache
from builder.plugin.options import TimelineConfig, option_line
from builder.plugin.preview import problems_page, write_problems
from builder.plugin.site_output import StagedSite, swappable
from builder.runtime.page_supply import PageSupply, RenderError
from builder.runtime.progress import QUIET, Progress, reporter
from builder.runtime.spill import SpillStore
from builder.runtime.standing import StandingChild
from builder.runtime.terminal import PrintableRecords, printable

if TYPE_CHECKING:
    from builder.pipeline import RenderedPage

log = logging.getLogger("mkdocs.plugins.timeline")


class TimelinePlugin(BasePlugin[TimelineConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.pages: list[str] = []
        self.supply: PageSupply[Finished] | None = None
        self.owners: dict[str, str] = {}  # generated page → the entity it is about
        self.ready: dict[str, list[dict[str, Any]] | None] = {}  # search entries made with the pages
        self.incremental = Incremental()  # under `mkdocs serve`: what the last build made
        self.templates = TemplateCache()
        self.reads = ReadCache()  # content files as last read, under `mkdocs serve`
        self.data_writer: StandingChild | None = None  # under `mkdocs serve`: the open data, on the other core
        self.trusted: tuple[str, Callable[[str], str]] | None = None  # raw_html's converter, kept across rebuilds
        self.waiting = SpillStore()  # generated pages between conversion and writing
        self.output: StagedSite | None = None
        self.data: DataJob | None = None  # the open data, made while MkDocs builds (see DataJob)
        self.previewing = False  # under `mkdocs serve`: content errors become the site (see preview.py)
        self.problems: list[Diagnostic] | None = None
        self.progress: Progress = QUIET  # stages and pages n/N, on a terminal
        self.title: str | None = None  # content/site.yml's, as written
        self.serving: str | None = None  # a preview's rebuild: the folder being served (incremental.py)
        self.scratch: str | None = None  # meanwhile the empty folder MkDocs cleans instead
        self.files_kept: dict[tuple[str, bool, InclusionLevel], File] = {}  # a preview's generated files
        self.language = "en"  # the pages' interface language, from theme.language
        self.warned_languages: set[str] = set()  # an unknown theme.language is said once, not every rebuild

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[ConfigErrors, ConfigWarnings]:
        errors, warnings = super().load_config(options, config_file_path)
        name = Path(config_file_path).name if config_file_path else "mkdocs.yml"

        def located(key: str, message: object) -> str:
            return f"{name}:{option_line(config_file_path, key)}: {message}"

        errors = [(key, ValidationError(located(key, message))) for key, message in errors]
        warnings = [(key, located(key, message)) for key, message in warnings]
        content_dir = Path(config_file_path or ".").parent / self.config.content_dir
        if not errors and not content_dir.is_dir():
            message = f"content directory '{self.config.content_dir}' does not exist"
            errors.append(("content_dir", ValidationError(located("content_dir", message))))
        return errors, warnings

    def _content_dir(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.content_dir

    @event_priority(100)  # first: other plugins that note site_dir see the staging folder
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.output is not None:  # a build that ended without either event (Ctrl-C in serve)
            self.output.staged.discard()
        theme.install(config)
        code = str(config.theme.get("language") or "en")
        self.language, unknown = interface_language(code)
        if unknown and code not in self.warned_languages:
            self.warned_languages.add(code)
            log.warning(unknown)
        self._drop_scratch()  # a build that ended without either event
        # The title is set in content/site.yml: the theme's <title>, header and nav say it too.
        # It is content, so plain text: escaped here, since the theme prints site_name as it is (Markup,
        # so that where the theme escapes it again, `| e` leaves it alone).
        self.title = site_title(self._content_dir(config), Path(config.config_file_path).parent)
        if self.title is not None:
            config.site_name = Markup.escape(self.title)
        self.serving = None
        if self.previewing and self.incremental.in_place(config.site_dir):
            # Staged or in place is decided in on_files, once the edit is known; meanwhile MkDocs
            # cleans an empty folder (see builder/plugin/incremental.py).
            self.output, self.serving = None, config.site_dir
            self.scratch = config.site_dir = tempfile.mkdtemp(prefix=".timeline-scratch-",
                                                              dir=Path(config.site_dir).parent)
        else:
            self.output = StagedSite(config) if swappable(config.site_dir) else None
        PrintableRecords.install(logging.getLogger("mkdocs"))  # file names and content reach the terminal
        return config

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.previewing = command == "serve"
        if self.previewing:
            logging.getLogger("mkdocs.commands.build").addFilter(SkippedPages())
            # Forked now, before the server's threads start: later builds cannot fork.
            self.data_writer = StandingChild(write_requested_data)

    def on_shutdown(self) -> None:
        if self.data_writer is not None:
            self.data_writer.close()
            self.data_writer = None

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.problems = None
        self.progress = QUIET if self.previewing else reporter()  # a preview's rebuild takes a second or two
        if self.data is not None:  # a build of `mkdocs serve` that ended without either event
            self.data.cancel()
            self.data = None
        result = build_site(self._content_dir(config), root=Path(config.config_file_path).parent,
                            raw_html=self.config.raw_html, docs_dir=Path(config.docs_dir),
                            reads=self.reads if self.previewing else None, progress=self.progress)
        # Under --strict MkDocs would fail on these warnings only at the end, after cleaning
        # site_dir; failing here keeps the previous site.
        warnings_fail = self.config.fail_on_warning or config.strict
        for diagnostic in result.diagnostics:
            if diagnostic.severity is Severity.ERROR or warnings_fail:
                log.error(printable(diagnostic.format()))
            else:
                log.warning(printable(diagnostic.format()))
        errors = len(result.diagnostics.errors)
        if warnings_fail:
            errors += len(result.diagnostics.warnings)
        if errors:
            summary = f"{errors} problem{'s' if errors != 1 else ''} in {self.config.content_dir}/"
            if not self.previewing:
                raise PluginError(f"{summary}: nothing was built")
            log.error(f"{summary}: the preview shows them until they are fixed")
            self.problems = [diagnostic for diagnostic in result.diagnostics
                             if diagnostic.severity is Severity.ERROR or warnings_fail]
            self.close()
            self.pages = []
            self.incremental.forget()
            return
        self.close()
        if not result.site.info.title_given:  # else the site's name is site.yml's (on_config)
            result.site.info.title = config.site_name
        style = html_style(html_pages.toc_options(config), self._trusted_markdown(config), self.language)
        pending = plan_pages(result.site, directory_urls=config.use_directory_urls, raw_html=self.config.raw_html,
                             style=style)
        self.pages = [page.src_uri for page in pending]
        self.owners = {page.src_uri: page.owner for page in pending}
        self.ready = {}
        if self.previewing:
            self.incremental.plan(result.site, self.pages)
        else:
            # Forked before the page worker starts its pipe-draining thread: a fork needs no other threads.
            self.data = DataJob(result.site, Path(config.site_dir), directory_urls=config.use_directory_urls,
                                site_url=config.site_url or "", parallel=self.config.parallel)
        # A preview renders the pages an edit may change, and Material indexes only those that did.
        finish = Finisher(None if self.previewing else search_entries.search_config(config),
                          config.use_directory_urls)
        self.supply = PageSupply(pending, finish, parallel=self.config.parallel)

    def _trusted_markdown(self, config: MkDocsConfig) -> Callable[[str], str] | None:
        if not self.config.raw_html:
            return None
        key = repr((config.markdown_extensions, config.mdx_configs))
        if self.trusted is None or self.trusted[0] != key:
            self.trusted = key, html_pages.trusted_markdown(config)
        return self.trusted[1]

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        files = self._files(files, config)
        if self.serving is not None:
            self._choose_output(files, config)
        elif self.previewing and self.problems is None:  # staged: the next build compares with this one
            self.incremental.decide(config, files, set(self.pages), in_place=False)
        self.progress.stage("reading pages", len(files.documentation_pages()))
        return files

    def _choose_output(self, files: Files, config: MkDocsConfig) -> None:
        """A preview's rebuild: into the folder being served when only pages change, else staged."""
        assert self.serving is not None
        self._drop_scratch()
        config.site_dir = self.serving
        if self.problems is not None or not self.incremental.decide(config, files, set(self.pages), in_place=True):
            self.output = StagedSite(config) if swappable(config.site_dir) else None
        for file in files:
            file.dest_dir = config.site_dir
            file.__dict__.pop("abs_dest_path", None)  # a cached property, made from dest_dir

    def _generated_file(self, config: MkDocsConfig, src_uri: str, inclusion: InclusionLevel) -> File:
        """A generated page's File; a preview keeps them from one build to the next (making 21,000
        File objects, each parsing its path, took seconds of every rebuild at M)."""
        key = (src_uri, config.use_directory_urls, inclusion)  # what its URL and place in the nav follow
        kept = self.files_kept.get(key) if self.previewing else None
        if kept is not None:
            kept.page = None  # MkDocs makes this build's Page
            kept.dest_dir = config.site_dir
            kept.__dict__.pop("abs_dest_path", None)  # a cached property, made from dest_dir
            return kept
        file = File.generated(config, src_uri, content="", inclusion=inclusion)
        if self.previewing:
            self.files_kept[key] = file
        return file

    def _drop_scratch(self) -> None:
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None

    def _files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.problems is not None:  # the preview of a project with errors: only the problems page
            config.nav = None  # the nav names pages that are not built: no warning for each
            return Files([])
        for src_uri in self.pages:
            existing = files.get_file_from_path(src_uri)
            if existing is not None:
                log.warning(f"{config.docs_dir}/{src_uri} is replaced by the generated page of the same name")
                files.remove(existing)
            # Entity pages are reached from the index pages, never from the nav: Material renders
            # the nav into every page, which would make the build quadratic.
            in_nav = src_uri == "index.md" or src_uri.endswith("/index.md")
            inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            # The content arrives later (html_pages), rendered meanwhile on the other core.
            files.append(self._generated_file(config, src_uri, inclusion))
        for src_uri in data_paths() if self.data is not None or self.previewing else ():
            if (existing := files.get_file_from_path(src_uri)) is not None:
                log.warning(f"{config.docs_dir}/{src_uri} is replaced by the open-data file of the same name")
                files.remove(existing)
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.supply is not None:
            html_pages.adopt(files, self.pages, config, self._made, lazy=not self.previewing)
            search_entries.install(config, self._search_entries, self._parsed if self.previewing else None)
        return nav

    def _made(self, src_uri: str) -> RenderedPage:
        assert self.supply is not None  # adopt() hands this out only while there is a supply
        if self.previewing and (stand_in := self.incremental.stand_in(src_uri)) is not None:
            return stand_in
        try:
            made = self.supply.page(src_uri)
        except RenderError as exc:
            raise PluginError(str(exc)) from None
        assert made is not None  # only generated pages are adopted
        self.ready[src_uri] = made.entries
        if self.previewing:
            return self.incremental.rendered(made.page, self.owners.get(src_uri, ""))
        return made.page

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        self.progress.stage("writing pages", len(files.documentation_pages()))
        if self.previewing:
            env.bytecode_cache = self.templates
        env.globals["timeline_t"] = interface_words(self.language)  # the theme overrides' words (404.html)
        return env

    def _parsed(self, page: Page, entries: list[dict[str, Any]]) -> None:
        self.incremental.indexed(page.file.src_uri, entries)

    def _search_entries(self, page: Page) -> list[dict[str, Any]] | None:
        """A generated page's search entries, made with it (or, unchanged in a preview, remembered)."""
        src_uri = page.file.src_uri
        if self.previewing and (remembered := self.incremental.entries(src_uri)) is not None:
            return remembered
        entries = self.ready.pop(src_uri, None)
        if self.previewing and entries is not None:
            self.incremental.indexed(src_uri, entries)
        return entries

    # MkDocs converts every page before it writes any; generated pages wait out of memory meanwhile
    # (see builder/runtime/spill.py), are restored just before the theme renders them, and are let go once
    # written. Emptied, not None: a page's title falls back on its Markdown when that is None. Pages
    # written by hand stay in memory (other plugins may read them across pages), sanitised.
    @event_priority(-100)  # last: after every other plugin has changed the HTML
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        self.progress.advance()
        if self.supply is None or not self.supply.generates(page.file.src_uri):
            return html if self.config.raw_html else self._sanitised(html, page, config)
        if html:  # a lazy page has none yet (html_pages.GeneratedHtmlPage)
            self.waiting.put(page.file.src_uri, (page.markdown or "", html))
        page.markdown = ""
        return ""

    def _sanitised(self, html: str, page: Page, config: MkDocsConfig) -> str:
        """A page written by hand is content too: cleaned like a Markdown field, unless raw_html."""
        root = Path(config.config_file_path).parent
        source_path = Path(page.file.abs_src_path) if page.file.abs_src_path else None
        source = page.markdown or ""
        if source_path is not None and source_path.is_file():
            source = source_path.read_text(encoding="utf-8-sig", errors="replace")
        path = Path(os.path.relpath(source_path or Path(config.docs_dir) / page.file.src_uri, root)).as_posix()
        diagnostics = Diagnostics()
        cleaned = clean_page(html, source, path, diagnostics)
        for diagnostic in diagnostics:
            log.warning(printable(diagnostic.format()))
        return cleaned

    @event_priority(100)  # first: before search indexes the page and the theme renders it
    def on_page_context(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        if isinstance(page, html_pages.GeneratedHtmlPage) and page.lazy:
            page.fill()
            return context
        texts = self.waiting.take(page.file.src_uri)
        if texts is not None:
            page.markdown, page.content = texts
        return context

    @event_priority(-100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        self.progress.advance()
        if self.supply is not None and self.supply.generates(page.file.src_uri):
            page.markdown = page.content = ""
        return output

    # Last of all (below Material's "last", -100): every plugin has written its files by then.
    @event_priority(-1000)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.progress.stage("writing the open data")
        self.close()
        if self.previewing:
            self._publish_preview(config)
            return
        if self.data is not None:  # into the staging folder: published with the pages or not at all
            data, self.data = self.data, None
            try:
                data.finish(Path(config.site_dir))
            except DataError as exc:
                raise PluginError(str(exc)) from None
        if self.problems is not None:
            write_problems(Path(config.site_dir), problems_page(
                self.problems, site_name=self.title or config.site_name, content_dir=self.config.content_dir,
                language=self.language))
        if self.output is not None:
            output, self.output = self.output, None
            output.publish()
        self.progress.done()

    def _publish_preview(self, config: MkDocsConfig) -> None:
        """Under ``mkdocs serve``: the pages first, then, while the browser reloads, the open data."""
        if self.problems is not None:
            write_problems(Path(config.site_dir), problems_page(
                self.problems, site_name=self.title or config.site_name, content_dir=self.config.content_dir,
                language=self.language))
        published = Path(os.path.realpath(config.site_dir))
        if self.output is not None:
            output, self.output = self.output, None
            published = output.staged.target
            output.publish(previewing=True)
        if self.problems is None:
            log.info(self.incremental.summary())
            self.incremental.commit(published)
        if self.problems is None and self.data_writer is not None:  # written into the site once ready
            self.data_writer.submit(DataRequest(
                self._content_dir(config), Path(config.config_file_path).parent, published, self.config.raw_html,
                config.use_directory_urls, config.site_url or ""))

    @event_priority(-1000)  # last: it may raise, to report a full disk in one line
    def on_build_error(self, *, error: Exception) -> None:
        self.progress.done()
        self.close()
        self.incremental.forget()
        self._drop_scratch()
        self.serving = None
        if self.data is not None:
            self.data.cancel()
            self.data = None
        if self.output is not None:
            output, self.output = self.output, None
            output.abandon(error)

    def close(self) -> None:
        self.waiting.close()
        if self.supply is not None:
            self.supply.close()
            self.supply = None

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        server.watch(str(self._content_dir(config)))
        server.watch(str(Path(__file__).parent.parent))
        return server
