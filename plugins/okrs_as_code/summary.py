"""The Markdown summaries a reviewer reads in a pull-request comment or a job summary.

Everything from YAML is escaped: titles may hold Markdown, HTML or @mentions, and a comment
must neither render them nor ping anyone. Objectives marked confidential appear only as "a
confidential objective" (with their team) unless the caller includes them on purpose, since
comments and job summaries are read more widely than the files.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from .diagnostics import Severity
from .reporting import site_base
from .reporting import summary as counts_line
from .site.views import format_value
from .urls import REVIEW, objective_path, objective_path_above

if TYPE_CHECKING:
    from collections.abc import Sequence

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


def validate_summary(
    result: CheckResult, *, site_url: str | None = None, include_confidential: bool = False
) -> str:
    """The job summary of `okrs validate`: the counts, then errors and findings by file.

    Messages of findings on confidential objectives can quote their titles, so only their
    code and line are shown unless `include_confidential`."""
    hidden: set[str] = set()
    if result.okrs is not None and not include_confidential:
        hidden = {objective_path(o).rstrip("/") for o in result.okrs.objectives() if o.confidential}
    lines = ["### OKR validation", ""]
    scope = f" ({result.scope})" if result.scope else ""
    icon = "❌" if result.exit_status else "✅"
    lines += [f"{icon} {counts_line(result.diagnostics)}{scope}", ""]
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in result.diagnostics:
        if d.accepted is None:
            by_file[d.loc.path].append(d)
    for path, items in by_file.items():
        lines += [f"<details><summary>{escape(path)}: {_plural(len(items), 'item')}</summary>", ""]
        for d in items:
            owner = _objective_of(d.subject)
            if owner is not None and "/".join(owner) in hidden:
                text = f"{_ICONS[d.severity]} **{d.code}** {d.name} (on a confidential objective)"
            else:
                text = _finding_line(d)
            lines.append(f"- line {d.loc.line}: {text}")
        lines += ["", "</details>", ""]
    base = site_base(site_url)
    if base and result.findings:
        lines.append(f"Every finding, with the reasons for acknowledged ones: {base}{REVIEW}")
    return "\n".join(lines).rstrip() + "\n"


# okrs diff --------------------------------------------------------------------------------------

_WHAT = {"objective": "objective", "key_result": "key result", "initiative": "initiative"}


def _teams(*sets: OkrSet | None) -> tuple[dict[str, str], dict[str, int]]:
    """Team names and their order in the organization, the head's first."""
    names: dict[str, str] = {}
    order: dict[str, int] = {}
    for okrs in sets:
        if okrs is not None:
            for team in okrs.organization.teams:
                names.setdefault(team.id, team.name)
                order.setdefault(team.id, len(order))
    return names, order


def _unit(value: str | None, unit: str | None) -> str:
    if value is None or value == "none" or not unit:
        return value or "none"
    try:
        number = float(value)
    except ValueError:
        return f"{value} {unit}"
    # The site's way of writing a value (€26, 92.1%), so the summary reads like the pages.
    return format_value(number, unit) or value


def _values(c: Change) -> str:
    unit = c.unit if c.field in ("target", "baseline") else None
    return f"{_code(_unit(c.old, unit))} → **{_code(_unit(c.new, unit))}**"


def _pct(value: int | None) -> str:
    return "n/a" if value is None else f"{value}%"


def _change_line(c: Change, site_url: str | None, hidden: bool) -> str:
    """One change as a list item; `hidden` leaves out every title and value."""
    what = _WHAT[c.level]
    # Pages of added items do not exist on the published site until the change is merged.
    page = None if c.kind == "added" else c.page
    name = f"a {what}" if hidden else f"{what} {_link(c.title, page, site_url)}"
    if c.kind == "added":
        return f"**new** {name}"
    if c.kind == "removed":
        return f"**removed** {name}"
    if c.level == "objective":
        name = "the objective"
    if c.kind == "retitled":
        return f"{name} **retitled**" + ("" if hidden else f" (was “{escape(c.old or '')}”)")
    if c.kind == "checkin" and c.checkin is not None:
        move = c.checkin
        count = _plural(len(move.dates), "new check-in")
        if hidden:
            return f"{name}: {count}"
        parts = [f"{name}: {count} ({', '.join(move.dates)})"]
        if move.latest:
            parts.append(f"latest {escape(move.latest)}")
        before, after = move.progress
        was_met, is_met = move.met
        if is_met is not None:
            # A threshold is met or not met; a 0 % -> 0 % would hide the value moving.
            state = "met" if is_met else "not met"
            parts.append(f"still {state}" if was_met is is_met else f"now **{state}**")
        elif before is not None or after is not None:
            parts.append(f"progress {_pct(before)} → **{_pct(after)}**")
        if move.health[1]:
            same = move.health[0] == move.health[1]
            parts.append(
                f"still {move.health[1].lower()}"
                if same
                else f"{move.health[0].lower()} → **{move.health[1].lower()}**"
            )
        return " · ".join(parts)
    field = (c.field or "").replace("_", " ")
    icon = "⚠️ " if c.finding is not None and c.finding.code == "OKR302" else ""
    if hidden:
        return f"{icon}{name}: {field} changed"
    return f"{icon}{name}: {field} {_values(c)}"


def _objective_of(subject: str | None) -> tuple[str, str, str] | None:
    if subject is None:
        return None
    parts = subject.split("/")
    return (parts[0], parts[1], parts[2]) if len(parts) >= 3 else None


def _escape_ref(ref: str) -> str:
    if re.fullmatch(r"[0-9a-f]{40}", ref):
        ref = ref[:12]
    return _code(ref)


def _headline(result: DiffResult, n_objectives: int, n_teams: int) -> str:
    changes = result.changes
    counts = Counter(c.kind for c in changes)
    checkins = sum(len(c.checkin.dates) for c in changes if c.checkin is not None)
    parts = [
        *(_by_level(changes, kind) for kind in ("added", "removed")),
        f"{counts['retitled']} retitled" if counts["retitled"] else "",
        _plural(counts["changed"], "value changed", "values changed") if counts["changed"] else "",
        _plural(checkins, "new check-in") if checkins else "",
        f"{_plural(len(result.introduced), 'finding')} introduced" if result.introduced else "",
        f"{len(result.resolved)} resolved" if result.resolved else "",
    ]
    scope = f"{_plural(n_objectives, 'objective')} in {_plural(n_teams, 'team')}"
    return f"{scope}: " + " · ".join(p for p in parts if p)


def _by_level(changes: Sequence[Change], kind: str) -> str:
    """ "1 objective and 2 key results added"."""
    levels = Counter(c.level for c in changes if c.kind == kind)
    words = [
        _plural(levels[level], _WHAT[level])
        for level in ("objective", "key_result", "initiative")
        if levels[level]
    ]
    return f"{' and '.join(words)} {kind}" if words else ""


def _moved_line(c: Change, team: str, site_url: str | None, hidden: bool) -> str:
    """A goalpost moved or an item dropped, for the list at the top."""
    d = c.finding
    assert d is not None
    rule = f"**{d.code}** {d.name}"
    where = f"{escape(d.loc.path)} line {d.loc.line}"
    note = f" · acknowledged: “{escape(d.accepted)}”" if d.accepted else ""
    what = _WHAT[c.level]
    if hidden:
        subject = f"a {what} of a confidential objective"
        did = f"{c.field} changed" if d.code == "OKR302" else "removed"
        return f"**{team}** › {subject}: {did} · {rule}{note}"
    link = _link(c.title, c.page, site_url)
    if d.code == "OKR302":
        return f"**{team}** › {link}: {c.field} {_values(c)} · {rule}, {where}{note}"
    return f"**{team}** › {what} {link} removed · {rule}, {where}{note}"


def diff_summary(
    result: DiffResult, *, site_url: str | None = None, include_confidential: bool = False
) -> str:
    """The reviewer's summary of `okrs diff`: goalposts first, then every change grouped by
    team and objective, with numbers old -> new and the findings introduced and resolved."""
    names, order = _teams(result.head_check.okrs, result.base_okrs)

    def hidden(subject: str | None) -> bool:
        return not include_confidential and result.is_confidential(subject)

    # Per objective: its title and page, and items (subject, line) with findings beneath.
    titles: dict[tuple[str, str, str], tuple[str, str | None]] = {}
    items: dict[tuple[str, str, str], list[tuple[str | None, str]]] = defaultdict(list)
    status: dict[tuple[str, str, str], str] = {}
    for c in result.changes:
        key = (c.cycle, c.team, c.objective)
        objective_page = objective_path_above(c.page)
        titles.setdefault(key, (c.objective_title, objective_page))
        if c.level == "objective" and c.kind in ("added", "removed"):
            status[key] = "new objective" if c.kind == "added" else "objective removed"
            titles[key] = (c.title, None if c.kind == "added" else objective_page)
            continue
        subject = c.page.rstrip("/")
        items[key].append((subject, _change_line(c, site_url, hidden(subject))))
    below: dict[str | None, list[str]] = defaultdict(list)
    for label, found in (("introduced", result.introduced), ("resolved", result.resolved)):
        for d in found:
            owner = _objective_of(d.subject)
            if owner is None:
                continue
            key = owner
            titles.setdefault(key, (key[2], f"{'/'.join(key)}/"))
            if hidden(d.subject):
                line = f"a finding {label}"
            elif label == "introduced":
                line = f"new finding: {_finding_line(d)}"
            else:
                line = f"✅ resolved: **{d.code}** {d.name}"
            if any(subject == d.subject for subject, _ in items[key]):
                below[d.subject].append(line)
            else:
                items[key].append((d.subject, line))
                below.setdefault(d.subject, [])
    objectives = set(titles)
    teams = {key[1] for key in objectives}

    if result.head == "the work tree":
        lines = [f"### OKR changes against {_escape_ref(result.base)}", ""]
    else:
        lines = [f"### OKR changes: {_escape_ref(result.base)} → {_escape_ref(result.head)}", ""]
    if not objectives:
        lines += ["No changes to objectives, key results or initiatives.", ""]
    else:
        lines += [_headline(result, len(objectives), len(teams)), ""]

    errors = result.head_check.errors
    if errors:
        lines += [f"#### ❌ {_plural(len(errors), 'error')} in the OKR files", ""]
        lines += [f"- {escape(str(d.loc))}: **{d.code}** {escape(d.message)}" for d in errors[:20]]
        if len(errors) > 20:
            lines.append(f"- … and {len(errors) - 20} more (see the annotations)")
        lines.append("")

    moved = [c for c in result.changes if c.finding is not None]
    if moved:
        n_goal = sum(1 for c in moved if c.finding and c.finding.code == "OKR302")
        n_drop = len(moved) - n_goal
        title = " and ".join(
            p
            for p in (
                _plural(n_goal, "goalpost moved", "goalposts moved") if n_goal else "",
                _plural(n_drop, "item dropped", "items dropped") if n_drop else "",
            )
            if p
        )
        lines += [f"#### ⚠️ {title} after the cycle started", ""]
        for c in sorted(moved, key=lambda c: (order.get(c.team, 10**6), c.ref)):
            team = escape(names.get(c.team, c.team))
            lines.append("- " + _moved_line(c, team, site_url, hidden(c.page.rstrip("/"))))
        lines.append("")

    by_team: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for key in titles:
        by_team[(key[0], key[1])].append(key)
    for cycle, team in sorted(by_team, key=lambda k: (k[0], order.get(k[1], 10**6), k[1])):
        lines += [f"#### {escape(names.get(team, team))} · {escape(cycle)}", ""]
        for key in by_team[(cycle, team)]:
            title, page = titles[key]
            heading = (
                "A confidential objective"
                if hidden("/".join(key))
                else _link(title, page, site_url)
            )
            suffix = f" ({status[key]})" if key in status else ""
            lines += [f"**{heading}**{suffix}", ""]
            for item_subject, line in items[key]:
                lines.append(f"- {line}")
                # Four spaces nest the list in every Markdown dialect, GitHub's and Python's.
                lines += [f"    - {extra}" for extra in below.get(item_subject, [])]
            lines.append("")

    base = site_base(site_url)
    if base:
        lines.append(
            "<sub>Links open the published site, which shows the base until this is merged. "
            f"Every rule: {base}{REVIEW}</sub>"
        )
    else:
        lines.append("<sub>`okrs rules CODE` explains a finding and what to write instead.</sub>")
    return "\n".join(lines).rstrip() + "\n"


def diff_text(result: DiffResult) -> str:
    """Every change as a `path:line:col: what` line for a terminal, in file order.

    The terminal is the author's own, so confidential objectives are shown in full here."""
    lines = []
    for c in sorted(result.changes, key=lambda c: (c.loc.path, c.loc.line, c.loc.col)):
        what = _WHAT[c.level]
        where = f"{c.loc.path}:{c.loc.line}:{c.loc.col}:"
        if c.kind in ("added", "removed"):
            text = f"{c.kind} {what} {c.ref}: {c.title}"
        elif c.kind == "retitled":
            text = f"retitled {what} {c.ref}: {c.old!r} -> {c.new!r}"
        elif c.kind == "checkin" and c.checkin is not None:
            move = c.checkin
            before, after = move.progress
            text = (
                f"{_plural(len(move.dates), 'new check-in')} on {c.ref} "
                f"({', '.join(move.dates)}): progress {_pct(before)} -> {_pct(after)}, "
                f"{move.health[0].lower()} -> {move.health[1].lower()}"
            )
        else:
            text = f"{c.field} of {what} {c.ref}: {c.old} -> {c.new}"
        lines.append(f"{where} {text}")
    return "\n".join(lines)
