"""The Markdown summaries a reviewer reads in a pull-request comment or a job summary.

Everything from YAML is escaped: titles may hold Markdown, HTML or @mentions, and a comment
must neither render them nor ping anyone. Objectives marked confidential appear only as "a
confidential objective" (with their team) unless the caller includes them on purpose, since
comments and job summaries are read more widely than the files.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from .diagnostics import Severity
from .reporting import site_base
from .reporting import summary as counts_line

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .check import CheckResult
    from .diagnostics import Diagnostic
    from .diff import Change, DiffResult
    from .model import OkrSet

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#!])")
_ICONS = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️"}


def escape(text: str) -> str:
    """Text from YAML as inert Markdown: one line, no markup, no HTML, no @mentions."""
    text = " ".join(text.split()).replace("&", "&amp;")
    return _SPECIAL.sub(r"\\\1", text).replace("@", "@\u2060")


def _code(text: str) -> str:
    """A value as inline code that no backquote in it can close."""
    text = " ".join(text.split())
    fence = "``" if "`" in text else "`"
    return f"{fence} {text} {fence}" if fence == "``" else f"`{text}`"


def _link(title: str, page: str | None, site_url: str | None) -> str:
    base = site_base(site_url)
    if base is None or page is None:
        return escape(title)
    return f"[{escape(title)}]({base}{page})"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one}" if n == 1 else f"{n} {many or one + 's'}"


def _finding_line(d: Diagnostic) -> str:
    icon = _ICONS[d.severity]
    return f"{icon} **{d.code}** {d.name}: {escape(d.message)}"


# okrs validate ----------------------------------------------------------------------------------


def validate_summary(result: CheckResult, *, site_url: str | None = None) -> str:
    """The job summary of `okrs validate`: the counts, then errors and findings by file."""
    lines = ["### OKR validation", ""]
    scope = f" ({result.scope})" if result.scope else ""
    icon = "❌" if result.exit_status else "✅"
    lines += [f"{icon} {counts_line(result.diagnostics)}{scope}", ""]
    open_items = [d for d in result.diagnostics if d.accepted is None]
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in open_items:
        by_file[d.loc.path].append(d)
    for path, items in by_file.items():
        lines.append(f"<details><summary>{escape(path)}: {_plural(len(items), 'item')}</summary>")
        lines.append("")
        for d in items:
            lines.append(f"- line {d.loc.line}: {_finding_line(d)}")
        lines += ["", "</details>", ""]
    base = site_base(site_url)
    if base and result.findings:
        lines.append(f"Every finding, with the reasons for acknowledged ones: {base}review/")
    return "\n".join(lines).rstrip() + "\n"


# okrs diff --------------------------------------------------------------------------------------

_VERB = {"objective": "objective", "key_result": "key result", "initiative": "initiative"}


def _team_names(*sets: OkrSet | None) -> dict[str, str]:
    names: dict[str, str] = {}
    for okrs in sets:
        if okrs is not None:
            for team in okrs.organization.teams:
                names.setdefault(team.id, team.name)
    return names


def _team_order(*sets: OkrSet | None) -> dict[str, int]:
    order: dict[str, int] = {}
    for okrs in sets:
        if okrs is not None:
            for team in okrs.organization.teams:
                order.setdefault(team.id, len(order))
    return order


def _unit(value: str | None, unit: str | None) -> str:
    if value is None or value == "none" or not unit:
        return value or "none"
    return f"{value} {unit}" if unit not in ("%",) else f"{value}%"


def _change_line(c: Change, site_url: str | None, hidden: bool) -> str:
    """One change as a list item; `hidden` leaves out every title and value."""
    what = _VERB[c.level]
    # Pages of added items do not exist on the published site until the change is merged.
    page = None if c.kind == "added" else c.page
    name = f"a {what}" if hidden else f"{what} {_link(c.title, page, site_url)}"
    if c.level == "objective" and c.kind not in ("added", "removed"):
        name = "the objective"
    if c.kind == "added":
        return f"➕ new {name}"
    if c.kind == "removed":
        return f"➖ removed {name}"
    if c.kind == "retitled":
        if hidden:
            return f"✏️ {name} retitled"
        old = escape(c.old or "")
        return f"✏️ {name} retitled (was “{old}”)"
    if c.kind == "checkin" and c.checkin is not None:
        move = c.checkin
        count = _plural(len(move.dates), "new check-in")
        if hidden:
            return f"📈 {name}: {count}"
        parts = [f"📈 {name}: {count} ({', '.join(move.dates)})"]
        if move.latest:
            parts.append(f"latest {escape(move.latest)}")
        before, after = move.progress
        if before is not None or after is not None:
            parts.append(
                f"progress {_pct(before)} → **{_pct(after)}**, "
                f"{move.health[0]} → **{move.health[1]}**"
            )
        elif move.health[1]:
            parts.append(move.health[1])
        return " · ".join(parts)
    field = (c.field or "").replace("_", " ")
    if hidden:
        return f"✏️ {name}: {field} changed"
    unit = c.unit if c.field in ("target", "baseline") else None
    return f"✏️ {name}: {field} {_code(_unit(c.old, unit))} → **{_code(_unit(c.new, unit))}**"


def _pct(value: int | None) -> str:
    return "n/a" if value is None else f"{value}%"


def _objective_of(subject: str | None) -> tuple[str, str, str] | None:
    if subject is None:
        return None
    parts = subject.split("/")
    return (parts[0], parts[1], parts[2]) if len(parts) >= 3 else None


def diff_summary(
    result: DiffResult, *, site_url: str | None = None, include_confidential: bool = False
) -> str:
    """The reviewer's summary of `okrs diff`: goalposts first, then every change grouped by
    team and objective, with numbers old -> new and the findings introduced and resolved."""
    head = result.head_check.okrs
    names = _team_names(head, result.base_okrs)
    order = _team_order(head, result.base_okrs)

    def hidden(subject: str | None) -> bool:
        return not include_confidential and result.is_confidential(subject)

    changes = result.changes
    moved = [d for d in result.moved]
    goalposts = [d for d in moved if d.code == "OKR302"]
    dropped = [d for d in moved if d.code == "OKR303"]
    checkins = [c for c in changes if c.kind == "checkin"]
    objectives = {(c.cycle, c.team, c.objective) for c in changes}
    for d in (*result.introduced, *result.resolved):
        key = _objective_of(d.subject)
        if key is not None:
            objectives.add(key)
    teams = {key[1] for key in objectives}

    lines = [f"### OKR changes: {_escape_ref(result.base)} → {_escape_ref(result.head)}", ""]
    if not changes and not result.introduced and not result.resolved:
        lines += ["No changes to objectives, key results or initiatives.", ""]
    else:
        lines.append(
            f"{_plural(len(objectives), 'objective')} in {_plural(len(teams), 'team')}: "
            + " · ".join(
                part
                for part in (
                    _count(changes, "added", "added"),
                    _count(changes, "removed", "removed"),
                    _count(changes, "retitled", "retitled"),
                    _count(changes, "changed", "changed", plural="changes", one="change"),
                    _plural(
                        sum(len(c.checkin.dates) for c in checkins if c.checkin), "new check-in"
                    )
                    if checkins
                    else "",
                    f"{_plural(len(result.introduced), 'finding')} introduced"
                    if result.introduced
                    else "",
                    f"{len(result.resolved)} resolved" if result.resolved else "",
                )
                if part
            )
        )
        lines.append("")
    errors = result.head_check.errors
    if errors:
        lines.append(f"#### ❌ {_plural(len(errors), 'error')} in the OKR files")
        lines.append("")
        lines += [f"- {escape(str(d.loc))}: **{d.code}** {escape(d.message)}" for d in errors[:20]]
        if len(errors) > 20:
            lines.append(f"- … and {len(errors) - 20} more (see the annotations)")
        lines.append("")
    if goalposts or dropped:
        title = " and ".join(
            part
            for part in (
                _plural(len(goalposts), "goalpost moved", "goalposts moved") if goalposts else "",
                _plural(len(dropped), "item dropped", "items dropped") if dropped else "",
            )
            if part
        )
        lines += [f"#### ⚠️ {title} after the cycle started", ""]
        for d in (*goalposts, *dropped):
            lines.append("- " + _moved_line(d, result, names, site_url, hidden(d.subject)))
        lines.append("")

    grouped: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    titles: dict[tuple[str, str, str], tuple[str, str | None]] = {}
    for c in changes:
        key = (c.cycle, c.team, c.objective)
        titles.setdefault(
            key,
            (
                c.objective_title,
                None
                if c.kind == "added" and c.level == "objective"
                else c.page.rsplit("/key-results/", 1)[0].rsplit("/initiatives/", 1)[0],
            ),
        )
        if c.level == "objective" and c.kind in ("added", "removed"):
            titles[key] = (c.title, None if c.kind == "added" else c.page)
            grouped[key].insert(
                0, "➕ new objective" if c.kind == "added" else "➖ objective removed"
            )
            continue
        grouped[key].append(_change_line(c, site_url, hidden(c.page.rstrip("/"))))
    for label, items in (("introduced", result.introduced), ("resolved", result.resolved)):
        for d in items:
            key = _objective_of(d.subject)
            if key is None:
                continue
            if hidden(d.subject):
                grouped[key].append(f"{'🆕' if label == 'introduced' else '✅'} a finding {label}")
            elif label == "introduced":
                grouped[key].append(f"🆕 {_finding_line(d)}")
            else:
                grouped[key].append(f"✅ resolved **{d.code}** {d.name}")
    by_team: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for key in grouped:
        by_team[(key[0], key[1])].append(key)
    for cycle, team in sorted(by_team, key=lambda k: (k[0], order.get(k[1], 10**6), k[1])):
        team_name = escape(names.get(team, team))
        lines += [f"#### {team_name} · {escape(cycle)}", ""]
        for key in by_team[(cycle, team)]:
            title, page = titles.get(key, (key[2], None))
            if hidden("/".join(key)):
                lines.append("**A confidential objective**")
            else:
                page_path = f"{page.rstrip('/')}/" if page else None
                lines.append(f"**{_link(title, page_path, site_url)}**")
            lines.append("")
            lines += [f"- {item}" for item in grouped[key]]
            lines.append("")
    base = site_base(site_url)
    if base:
        lines.append(
            "<sub>Links open the published site, which shows the base until this is merged. "
            f"Rules: {base}review/</sub>"
        )
    else:
        lines.append("<sub>`okrs rules CODE` explains a finding and what to write instead.</sub>")
    return "\n".join(lines).rstrip() + "\n"


def _escape_ref(ref: str) -> str:
    return _code(ref) if ref != "the work tree" else "the work tree"


def _count(
    changes: Iterable[Change], kind: str, word: str, *, plural: str = "", one: str = ""
) -> str:
    n = sum(1 for c in changes if c.kind == kind)
    if not n:
        return ""
    if one:
        return _plural(n, one, plural)
    return f"{n} {word}"


def _moved_line(
    d: Diagnostic,
    result: DiffResult,
    names: dict[str, str],
    site_url: str | None,
    hidden: bool,
) -> str:
    key = _objective_of(d.subject)
    team = escape(names.get(key[1], key[1])) if key else ""
    change = (
        next(
            (
                c
                for c in result.changes
                if d.code == "OKR302"
                and c.page.rstrip("/") == d.subject
                and c.kind == "changed"
                and c.field is not None
                and c.field in d.message
            ),
            None,
        )
        if d.code == "OKR302"
        else next(
            (c for c in result.changes if c.kind == "removed" and c.page.rstrip("/") == d.subject),
            None,
        )
    )
    note = f" · acknowledged: {escape(d.accepted)}" if d.accepted else ""
    if hidden or change is None:
        what = "a key result of a confidential objective" if hidden else escape(d.subject or "")
        verb = "goalpost moved" if d.code == "OKR302" else "removed"
        return f"**{team}**: {what}: {verb} (**{d.code}** {d.name}){note}"
    if d.code == "OKR302":
        unit = change.unit if change.field in ("target", "baseline") else None
        return (
            f"**{team}** › {_link(change.title, change.page, site_url)}: {change.field} "
            f"{_code(_unit(change.old, unit))} → **{_code(_unit(change.new, unit))}** "
            f"(**OKR302** {d.name}, {escape(str(d.loc))}){note}"
        )
    return (
        f"**{team}** › {_VERB[change.level]} {_link(change.title, change.page, site_url)} removed "
        f"(**OKR303** {d.name}, {escape(str(d.loc))}){note}"
    )
