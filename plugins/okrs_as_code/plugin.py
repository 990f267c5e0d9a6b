"""The MkDocs plugin `okrs`: publishes an OKR root as pages of a Material for MkDocs site.

The plugin only wires MkDocs events to the pure core: it loads and lints the OKRs once per
build, asks `site.Site` for page specs, adds them as in-memory files, and renders each page
body from a namespaced template (`okrs/objective.html`...) looked up through the theme, so a
`custom_dir` can override any of them. Nothing is written into docs_dir.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import os
import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, ValidationError
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel, file_sort_key
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import nest_paths

from .check import check
from .config import ConfigError, config_from_mapping, load_pyproject_config
from .diagnostics import Severity
from .escaping import for_terminal
from .glossary import merge, reference_glossary
from .nav_trim import trimmed_nav
from .rules import lint_rules
from .site import Site
from .site.markup import Terms
from .site.tooltips import GlossaryTooltips

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

    from .config import LintConfig
    from .diagnostics import Diagnostic
    from .site import NavEntry, PageSpec

log = get_plugin_logger(__name__)

PACKAGE = Path(__file__).parent
TEMPLATES = PACKAGE / "templates"
STYLESHEET = PACKAGE / "assets" / "okrs.css"
STYLESHEET_URI = "assets/stylesheets/okrs.css"
# Extensions the hand-written pages need for glossary tooltips and admonitions; the
# generated pages are HTML already and need none.
EXTENSIONS = ("abbr", "admonition")
LINT_KEYS = ("select", "ignore", "severity", "output_verbs", "stale_days")
# Only h2 headings go into the table of contents: generated pages are short, and their h3s
# ("Open (4)", "Supported by") are labels rather than sections worth a line each.
_HEADING = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_ID = re.compile(r'\sid="([^"]+)"')


class _Date(BaseConfigOption[dt.date | None]):
    """A date written YYYY-MM-DD (YAML may hand it over as a date already)."""

    def run_validation(self, value: object) -> dt.date | None:
        if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise ValidationError(f"expected a date written YYYY-MM-DD, not {value!r}")


class _PluginConfig(base.Config):  # type: ignore[no-untyped-call, unused-ignore]
    enabled = c.Type(bool, default=True)
    """Build the OKR pages; false leaves the site as if the plugin were not there."""
    root = c.Dir(exists=True, default="okrs")
    """The OKR root, relative to mkdocs.yml."""
    include_confidential = c.Type(bool, default=False)
    """Publish objectives marked `visibility: confidential` too."""
    strict_lint = c.Type(bool, default=False)
    """Log lint warnings, so that `mkdocs build --strict` fails on them."""
    as_of = _Date()
    """The date progress is computed on (default: the build date), for reproducible builds."""
    select = c.Optional(c.ListOfItems(c.Type(str)))
    """Lint codes or prefixes to run; overrides [tool.okrs] select."""
    ignore = c.Optional(c.ListOfItems(c.Type(str)))
    """Lint codes or prefixes to skip; overrides [tool.okrs] ignore."""
    severity = c.Optional(c.DictOfItems(c.Choice(("error", "warning", "info"))))
    """Severity by lint code; overrides [tool.okrs] severity."""
    output_verbs = c.Optional(c.ListOfItems(c.Type(str)))
    """Extra delivery verbs for OKR101; overrides [tool.okrs] output_verbs."""
    stale_days = c.Optional(c.Type(int))
    """Days without a check-in before OKR301; overrides [tool.okrs] stale_days."""


class _OkrPage(Page):
    """A page whose body comes from a template and a page spec, not from Markdown."""

    def __init__(
        self, spec: PageSpec, file: File, config: MkDocsConfig, plugin: OkrsPlugin
    ) -> None:
        # Material puts page titles into HTML unescaped; data titles are escaped here.
        super().__init__(html.escape(spec.title, quote=False), file, config)
        self.spec = spec
        self._plugin = plugin
        if self.edit_url and "/../" in self.edit_url:
            # Without repo_url (which costs every visitor a GitHub API call), MkDocs does not
            # resolve docs/../okrs/... itself.
            parts = urlsplit(self.edit_url)
            self.edit_url = urlunsplit(parts._replace(path=posixpath.normpath(parts.path)))

    def read_source(self, config: MkDocsConfig) -> None:
        super().read_source(config)
        if self.spec.kind != "home":
            # base.html strips tags from page.title for <title>, which would unescape it again;
            # meta.title is used as it is.
            self.meta["title"] = self.title

    drawn: str | None = None
    """The body as drawn, kept aside while search indexes the page's own words."""
    _anchors: set[str] | None = None

    def render(self, config: MkDocsConfig, files: Files) -> None:
        # No Markdown to convert: the body is drawn from the template, which is both faster
        # and keeps data text away from the site's Markdown extensions.
        self.content = self._plugin.render_body(self, config)
        self.toc = get_toc(_toc_tokens(self.content))
        self._anchors = None

    @property
    def present_anchor_ids(self) -> set[str] | None:
        """The ids in the body, found only if a hand-written page links to an anchor here."""
        if self._anchors is None and self.content is not None:
            self._anchors = set(_ID.findall(self.drawn or self.content))
        return self._anchors

    @present_anchor_ids.setter
    def present_anchor_ids(self, value: set[str] | None) -> None:
        self._anchors = value


def _is_okr_page(item: Any) -> bool:
    return isinstance(item, _OkrPage)


def _toc_tokens(content: str) -> list[Any]:
    """Table-of-contents tokens (as the toc extension makes them) for the h2s of a body."""
    return [
        {
            "level": 2,
            "id": m.group(1),
            "name": " ".join(_TAG.sub("", m.group(2)).split()),
            "children": [],
        }
        for m in _HEADING.finditer(content)
    ]


class OkrsPlugin(BasePlugin[_PluginConfig]):  # type: ignore[no-untyped-call, unused-ignore]
    """Publish the OKRs under `root` as cross-linked pages: cycles, teams, objectives, key
    results, initiatives, a glossary and a review of every lint finding."""

    def __init__(self) -> None:
        self.site: Site | None = None
        self.lint_config: LintConfig | None = None
        self._env: jinja2.Environment | None = None
        self._terms: Terms | None = None
        self._tooltips = GlossaryTooltips(lambda: self._terms)

    # Configuration ----------------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        for extension in EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        # MkDocs hands this list to Markdown, which takes extension instances as well as names.
        extensions: list[Any] = config.markdown_extensions
        if self._tooltips not in extensions:
            extensions.append(self._tooltips)
        if STYLESHEET_URI not in config.extra_css:
            config.extra_css.append(STYLESHEET_URI)
        # After custom_dir and the theme, so that both can override the okrs/ templates.
        if str(TEMPLATES) not in config.theme.dirs:
            config.theme.dirs.append(str(TEMPLATES))
        # Material draws glossary tooltips (abbr titles) itself with this feature.
        features = config.theme.get("features")
        is_material = config.theme.name == "material"
        if is_material and isinstance(features, list) and "content.tooltips" not in features:
            features.append("content.tooltips")
        self.lint_config = self._lint_config(config)
        self._env = None
        return config

    def _lint_config(self, config: MkDocsConfig) -> LintConfig:
        """[tool.okrs] of the nearest pyproject.toml, with the keys set in mkdocs.yml on top."""
        here = Path(config.config_file_path or ".").resolve().parent
        overrides = {k: self.config[k] for k in LINT_KEYS if self.config[k] is not None}
        if self.config.as_of is not None:
            overrides["as_of"] = self.config.as_of
        try:
            lint_config = load_pyproject_config(here)
            if overrides:
                own = config_from_mapping(overrides, "mkdocs.yml: plugins.okrs")
                lint_config = dataclasses.replace(
                    lint_config, **{k: getattr(own, k) for k in overrides}, source=own.source
                )
        except ConfigError as e:
            raise PluginError(for_terminal(str(e))) from None
        return lint_config

    # Pages --------------------------------------------------------------------------------------

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        if self.lint_config is None:
            raise PluginError("the okrs plugin was not configured (on_config did not run)")
        result = check(Path(self.config.root), self.lint_config)
        okrs, errors = result.okrs, result.errors
        if okrs is None or errors:
            # The same lines as `okrs validate`, so that editors and CI link them alike.
            lines = "\n".join(_log_line(d) for d in errors)
            root = for_terminal(os.path.relpath(self.config.root))
            raise PluginError(f"the OKRs under {root} have errors:\n{lines}")
        findings = list(result.findings)
        self._report(findings)
        glossary = merge(reference_glossary(), okrs.glossary)
        self._terms = Terms(glossary)
        home_taken = any(f.dest_uri == "index.html" for f in files.documentation_pages())
        rules = lint_rules()
        self.site = Site(
            okrs,
            findings,
            as_of=self.lint_config.today(),
            glossary=glossary,
            rules=rules,
            enabled=[code for code in rules if self.lint_config.enabled(code)],
            include_confidential=self.config.include_confidential,
            directory_urls=config.use_directory_urls,
            home="okrs/" if home_taken else "",
        )
        files.append(File.generated(config, STYLESHEET_URI, abs_src_path=str(STYLESHEET)))
        docs_dir = Path(config.docs_dir).resolve()
        edit_uris: dict[str, str] = {}
        for spec in self.site.pages:
            if files.get_file_from_path(spec.src_uri) is not None:
                raise PluginError(
                    f"{spec.src_uri} is both a page of the OKR site and a file in "
                    f"{config.docs_dir}; rename one of them"
                )
            inclusion = InclusionLevel.INCLUDED if spec.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, spec.src_uri, content="", inclusion=inclusion)
            if spec.source is not None:
                # "Edit this page" opens the YAML: edit_uri points at docs_dir, so the path is
                # relative to it (../okrs/2026-Q4/checkout.yaml) and the URL join resolves it.
                yaml = spec.source.path
                if yaml not in edit_uris:
                    relative = os.path.relpath(Path(yaml).resolve(), docs_dir)
                    edit_uris[yaml] = Path(relative).as_posix()
                file.edit_uri = edit_uris[yaml]
            files.append(file)
            _OkrPage(spec, file, config, self)
        config.nav = self._nav(config, files, self.site)
        return files

    def _report(self, findings: list[Diagnostic]) -> None:
        """Lint findings are page content; only under strict_lint are they logged as warnings."""
        open_findings = [f for f in findings if f.accepted is None]
        if not self.config.strict_lint:
            if open_findings:
                log.info(f"{len(open_findings)} lint findings; they are listed on the review page")
            return
        for d in open_findings:
            message = _log_line(d)
            if d.severity is Severity.INFO:
                log.info(message)
            else:
                log.warning(message)

    def _nav(self, config: MkDocsConfig, files: Files, site: Site) -> list[Any]:
        """The site's nav: its own pages as MkDocs would list them, plus cycles and teams."""
        ours = [_nav_item(entry) for entry in site.nav]
        home = f"{site.home}index.md"
        if config.nav is not None:
            listed = set(_nav_paths(config.nav))
            extra = [item for item in [home, *ours] if not set(_nav_paths([item])) & listed]
            return [*config.nav, *extra]
        own_pages = sorted(
            (
                f
                for f in files.documentation_pages()
                if f.generated_by is None and f.inclusion.is_in_nav()  # type: ignore[no-untyped-call, unused-ignore]
            ),
            key=file_sort_key,
        )
        auto = nest_paths(f.src_uri for f in own_pages)  # type: ignore[no-untyped-call, unused-ignore]
        top = [item for item in auto if isinstance(item, str)]
        sections = [item for item in auto if not isinstance(item, str)]
        cycles, tail = ours[:-2], ours[-2:]
        return [*top, home, *cycles, *sections, *tail]

    def on_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        if not self.config.enabled or self.site is None:
            return None
        # Pages outside the nav hang under the page above them (objective under its team's
        # page, KR and initiative under their objective), so that breadcrumbs show the whole
        # way down and the nav opens down to the team, which is marked as the current place.
        # The nav stays small because each page's nav is trimmed before it is drawn.
        pages = {f.src_uri: f.page for f in files.documentation_pages() if f.page is not None}
        for spec in self.site.pages:
            if spec.parent is None:
                continue
            page, above = pages.get(spec.src_uri), pages.get(f"{spec.parent}index.md")
            if page is not None and above is not None:
                page.parent = above  # type: ignore[assignment]
        return nav

    @event_priority(50)  # Before search plugins index the page (they run at 0).
    def _search_view(
        self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        if isinstance(page, _OkrPage) and self.site is not None and page.content is not None:
            text = self.site.search_text(page.spec)
            if text is not None:
                page.drawn, page.content = page.content, str(text)
        return context

    @event_priority(-100)  # After every indexer, before the theme draws the page.
    def _drawn_view(
        self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        if isinstance(page, _OkrPage) and page.drawn is not None:
            page.content, page.drawn = page.drawn, None
        if self.site is not None and context.get("nav") is not None:
            # Pages below the nav (objectives, KRs, initiatives) are most of the site: they
            # show only the way down to their team, which keeps every page's nav small.
            deep = isinstance(page, _OkrPage) and page.spec.parent is not None
            context["nav"] = trimmed_nav(context["nav"], _is_okr_page, siblings=not deep)
        return context

    on_page_context = CombinedEvent(_search_view, _drawn_view)

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # Hand-written pages get glossary tooltips from the GlossaryTooltips extension.
        return None

    def render_body(self, page: _OkrPage, config: MkDocsConfig) -> str:
        """The HTML body of a generated page, from its template in the theme's search path."""
        if self.site is None:
            raise PluginError("the okrs plugin has no site to draw (on_files did not run)")
        if self._env is None:
            self._env = _autoescaping_env(config)
        template = self._env.get_template(page.spec.template)
        return template.render(page=page, config=config, **self.site.context(page.spec))

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        if self.config.enabled:
            server.watch(self.config.root)
        return server


def _log_line(d: Diagnostic) -> str:
    """A finding as one log line: nothing from a file name or data acts on the terminal."""
    return for_terminal(f"{d.loc}: {d.code} {d.message}")


def _autoescaping_env(config: MkDocsConfig) -> jinja2.Environment:
    """The theme's Jinja environment with autoescaping on: every value from data is escaped
    unless the site made it `Markup` on purpose."""
    env = config.theme.get_env()
    env.autoescape = True
    return env


def _nav_item(entry: NavEntry) -> Any:
    """A nav entry as mkdocs.yml would write it; section titles are HTML, hence escaped."""
    src = f"{entry.path}index.md"
    if not entry.children:
        return src
    return {html.escape(entry.title, quote=False): [src, *(_nav_item(c) for c in entry.children)]}


def _nav_paths(items: Any) -> list[str]:
    """Every file named in a nav configuration."""
    out: list[str] = []
    if isinstance(items, str):
        out.append(items)
    elif isinstance(items, list):
        for item in items:
            out.extend(_nav_paths(item))
    elif isinstance(items, dict):
        for value in items.values():
            out.extend(_nav_paths(value))
    return out
