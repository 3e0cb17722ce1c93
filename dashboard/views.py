"""HTML for popups, tooltips, the legend and the article view. Every piece of article text is escaped here.

The rule: escape the text first, then insert our own tags at offsets computed on the raw text, so that
nothing from an article (`<script>`, `<img onerror=...>`) can become markup.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from dashboard.claims import BASIS_LABELS, CLAIM_TYPE_LABELS, PRECISION_LABELS, claim_day, place_label
from geo.registry import Side

FALLBACK_COLOR = "#777777"
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def safe_color(color: str) -> str:
    """A registry colour fit for a style attribute (anything else becomes grey)."""
    return color if _HEX.match(color or "") else FALLBACK_COLOR


def side_of(sides: Mapping[str, Side], side_id: str, label: str = "") -> Side:
    """The registry's side, or a grey stand-in for an id the registry does not know."""
    return sides.get(side_id) or Side(side_id, label or side_id or "unknown", FALLBACK_COLOR)


def mention_in_evidence(props: Mapping[str, Any]) -> tuple[int, int] | None:
    """Where the place is named inside the evidence sentence, as offsets into the evidence, if at all."""
    evidence = str(props.get("evidence") or "")
    ev_start, m_start, m_end = (
        props.get("evidence_start"),
        props.get("mention_start"),
        props.get("mention_end"),
    )
    if isinstance(ev_start, int) and isinstance(m_start, int) and isinstance(m_end, int):
        start, end = m_start - ev_start, m_end - ev_start
        if 0 <= start < end <= len(evidence):
            written = str(props.get("place_as_written") or "")
            if not written or evidence[start:end].lower() == written.lower():
                return start, end
    written = str(props.get("place_as_written") or props.get("place") or "")
    if written:
        found = evidence.lower().find(written.lower())
        if found >= 0:
            return found, found + len(written)
    return None


def evidence_html(props: Mapping[str, Any]) -> str:
    """The evidence sentence, escaped, with the place named in it wrapped in <mark>."""
    evidence = str(props.get("evidence") or "")
    span = mention_in_evidence(props)
    if span is None:
        return escape(evidence)
    start, end = span
    return f"{escape(evidence[:start])}<mark>{escape(evidence[start:end])}</mark>{escape(evidence[end:])}"


def _claim_type(props: Mapping[str, Any]) -> str:
    return CLAIM_TYPE_LABELS.get(str(props.get("claim_type")), str(props.get("claim_type") or ""))


def tooltip_html(props: Mapping[str, Any], side: Side) -> str:
    """One line: side, claim type, place."""
    casualties = props.get("casualties")
    extra = f" ({escape(str(casualties))})" if casualties is not None else ""
    return (
        f'<b style="color:{safe_color(side.color)}">{escape(side.label)}</b>: '
        f"{escape(_claim_type(props))}{extra} — {escape(place_label(props))}"
    )


def popup_html(props: Mapping[str, Any], side: Side) -> str:
    """Who claims what where, the evidence with the place marked, and the article it comes from."""
    color = safe_color(side.color)
    speaker = str(props.get("speaker") or "") or "(the reporter)"
    casualties = props.get("casualties")
    basis = BASIS_LABELS.get(str(props.get("location_basis")), str(props.get("location_basis") or ""))
    precision = PRECISION_LABELS.get(str(props.get("precision")), str(props.get("precision") or ""))
    rows = [
        ("Speaker", escape(speaker)),
        ("Claim", escape(_claim_type(props))),
        ("Casualties", escape(str(casualties)) if casualties is not None else "—"),
        ("Day", escape(claim_day(props)) or "not stated"),
        (
            "Place",
            f"{escape(place_label(props))} "
            f"<small>({escape(precision)}, {escape(basis)}"
            f"{', context' if props.get('role') == 'context' else ''})</small>",
        ),
    ]
    table = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    title = escape(str(props.get("title") or ""))
    source = escape(", ".join(str(props[k]) for k in ("outlet", "published") if props.get(k)))
    return (
        f'<div class="ca-popup" style="border-left:4px solid {color};padding-left:6px">'
        f'<div style="font-weight:bold;color:{color}">{escape(side.label)}</div>'
        f'<table class="ca-props">{table}</table>'
        f'<blockquote style="margin:4px 0;font-style:italic">{evidence_html(props)}</blockquote>'
        f"<div><small>{title}{' · ' + source if source else ''}</small></div>"
        f"</div>"
    )


def legend_html(sides: Iterable[Side]) -> str:
    """The sides' colours, in the order given (the registry's): for every view that colours by side."""
    items = []
    for side in sides:
        items.append(
            f'<div><span style="display:inline-block;width:11px;height:11px;border-radius:50%;'
            f'background:{safe_color(side.color)};margin-right:5px;border:1px solid #333"></span>'
            f"{escape(side.label)}</div>"
        )
    return f'<div class="ca-legend"><b>Who claims it</b>{"".join(items)}</div>'


def legend_row_html(sides: Iterable[Side]) -> str:
    """The sides' colours on one wrapping line, for a legend above a map: eight sides one per line
    pushed the store's map below the fold."""
    items = "".join(
        f'<span style="white-space:nowrap;margin-right:14px"><span style="display:inline-block;width:11px;'
        f"height:11px;border-radius:50%;background:{safe_color(side.color)};margin-right:5px;"
        f'border:1px solid #333;vertical-align:-1px"></span>{escape(side.label)}</span>'
        for side in sides
    )
    return (
        '<div class="ca-legend" style="display:flex;flex-wrap:wrap;align-items:baseline;row-gap:2px">'
        f'<b style="margin-right:12px">Who claims it</b>{items}</div>'
    )


# How the claims map draws precision, basis and confidence (mapping.py). Only that map draws them: the
# store's map has points and counted cells, the article view underlines text.
MAP_KEY_HTML = (
    '<details style="margin-top:4px;border-top:1px solid #ccc;padding-top:3px"><summary><small>'
    "How to read the map</small></summary><small>"
    "● town &nbsp; ◯ dashed circle: area (&ldquo;northern X&rdquo;)<br>"
    "▨ hatched: governorate, labelled<br>"
    "outline: solid named in the claim, dashed in its sentence, dotted inferred<br>"
    "faint = low confidence; claims at one town sit in a ring<br>"
    "claims naming only a country: in the list beside the map</small></details>"
)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of article text to highlight: a place mention (marked) or a claim's evidence (underlined)."""

    start: int
    end: int
    color: str
    kind: str  # "mention" | "evidence"
    title: str = ""


def article_html(text: str, spans: Sequence[Span]) -> str:
    """The article text, escaped, with spans highlighted in their side's colour; overlaps nest cleanly.

    The text is cut at every span boundary; each piece is escaped and wrapped in the spans covering it.
    """
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out = []
    for a, b in itertools.pairwise(cuts):
        piece = escape(text[a:b]).replace("\n", "<br>")
        covering = [s for s in spans if s.start <= a and b <= s.end]
        for s in sorted(covering, key=lambda s: s.kind == "evidence"):  # mentions innermost
            color = safe_color(s.color)
            title = f' title="{escape(s.title)}"' if s.title else ""
            if s.kind == "mention":
                style = f"background:{color}55;border-bottom:2px solid {color}"
                piece = f'<mark style="{style}"{title}>{piece}</mark>'
            else:
                piece = f'<span style="text-decoration:underline 2px {color}"{title}>{piece}</span>'
        out.append(piece)
    return f'<div class="ca-article">{"".join(out)}</div>'


def article_spans(text: str, features: Iterable[Mapping[str, Any]], sides: Mapping[str, Side]) -> list[Span]:
    """Spans for the claims of one article: the evidence sentences and the place mentions in them.

    Offsets come from the pipeline; when they do not match the text (another reader, an edited file),
    the evidence and the place are looked up in the text instead.
    """
    spans: list[Span] = []
    seen: set[tuple[int, int, str]] = set()
    for f in features:
        p = f["properties"]
        side = side_of(sides, str(p.get("side")), str(p.get("side_label") or ""))
        title = f"{side.label}: {_claim_type(p)} — {p.get('place')}"
        ev = _locate(text, str(p.get("evidence") or ""), p.get("evidence_start"), p.get("evidence_end"))
        if ev and (ev[0], ev[1], side.id) not in seen:
            seen.add((ev[0], ev[1], side.id))
            spans.append(Span(ev[0], ev[1], side.color, "evidence", title))
        written = str(p.get("place_as_written") or "")
        mention = _locate(text, written, p.get("mention_start"), p.get("mention_end"))
        if mention is None and ev and written:
            found = text.lower().find(written.lower(), ev[0], ev[1])
            mention = (found, found + len(written)) if found >= 0 else None
        if mention:
            spans.append(Span(mention[0], mention[1], side.color, "mention", title))
    return spans


def _locate(text: str, needle: str, start: Any, end: Any) -> tuple[int, int] | None:
    in_range = isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
    if in_range and (not needle or text[start:end] == needle):
        return start, end
    if needle:
        found = text.find(needle)
        if found >= 0:
            return found, found + len(needle)
    return None


def claim_entry_html(props: Mapping[str, Any], side: Side, where: str = "") -> str:
    """One claim on a place card: what, where (and how far), when, who, the evidence, the article."""
    casualties = props.get("casualties")
    what = escape(_claim_type(props)) + (f" ({escape(str(casualties))})" if casualties is not None else "")
    day = claim_day(props)
    speaker = str(props.get("speaker") or "") or "the reporter"
    return (
        f'<div class="ca-entry" style="border-left:3px solid {safe_color(side.color)}">'
        f"<b>{what}</b> — {escape(where or place_label(props))}"
        f"<br><small>{escape(day) if day else 'day not stated'} · {escape(speaker)}</small>"
        f"<blockquote>{evidence_html(props)}</blockquote>"
        f"<small>{escape(str(props.get('title') or ''))}</small></div>"
    )


def place_card_html(columns: Sequence[tuple[Side, Sequence[str]]], title: str, note: str) -> str:
    """A card: the place, then one column per side holding its claims' HTML (from claim_entry_html)."""
    cols = "".join(
        f'<div class="ca-col"><div class="ca-col-head" style="color:{safe_color(side.color)}">'
        f"{escape(side.label)}</div>{''.join(entries)}</div>"
        for side, entries in columns
    )
    return (
        "<style>.ca-card{font:14px/1.4 sans-serif}.ca-cols{display:flex;gap:12px;align-items:flex-start}"
        ".ca-col{flex:1;min-width:0}.ca-col-head{font-weight:bold;border-bottom:2px solid currentColor}"
        ".ca-entry{padding:4px 6px;margin:6px 0;background:#fafafa}.ca-entry blockquote{margin:3px 0;"
        "font-style:italic}.ca-entry mark{background:#ffe066}</style>"
        f'<div class="ca-card"><h4>{escape(title)}</h4><p><small>{escape(note)}</small></p>'
        f'<div class="ca-cols">{cols}</div></div>'
    )


def country_tray_html(features: Iterable[Mapping[str, Any]], sides: Mapping[str, Side]) -> str:
    """Country-level claims as a list by side: they name no place inside the country, so they have
    no honest spot on the map."""
    by_side: dict[str, list[str]] = {}
    for f in features:
        p = f["properties"]
        side = side_of(sides, str(p.get("side")), str(p.get("side_label") or ""))
        casualties = p.get("casualties")
        what = escape(_claim_type(p)) + (f" ({escape(str(casualties))})" if casualties is not None else "")
        speaker = str(p.get("speaker") or "") or "the reporter"
        by_side.setdefault(side.id, []).append(
            f'<li title="{escape(str(p.get("evidence") or ""))}">{what} — {escape(str(p.get("place") or ""))}'
            f" <small>({escape(speaker)})</small></li>"
        )
    order = [s for s in sides if s in by_side] + sorted(set(by_side) - set(sides))
    blocks = "".join(
        f'<div style="margin-bottom:6px"><b style="color:{safe_color(side_of(sides, sid).color)}">'
        f"{escape(side_of(sides, sid).label)}</b> ({len(by_side[sid])})"
        f'<ul style="margin:2px 0 0 16px;padding:0">{"".join(by_side[sid])}</ul></div>'
        for sid in order
    )
    return f'<div class="ca-tray" style="font:13px/1.35 sans-serif">{blocks}</div>'


def time_note(features: Sequence[Mapping[str, Any]], undated_shown: bool) -> str:
    """What the page says about claims with no date. An article's date is taken from its metadata only
    (never from page furniture such as a scraped page's own date), and a claim's day only from a day its
    sentence names; so whole corpora can be undated, and the reader must know whether they are shown."""
    total = len(features)
    undated = sum(1 for f in features if not claim_day(f["properties"]))
    if not total or not undated:
        return ""
    if undated == total:
        return (
            f"None of the {total} claims has a date (no day in its sentence, no publication date in its "
            "article's metadata), so there is nothing to filter or replay by date: all are shown."
        )
    state = "shown whatever dates are chosen" if undated_shown else "hidden"
    return (
        f"{undated} of {total} claims have no date and are {state} "
        "(the sidebar's 'Include claims with no date' switches them)."
    )


_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^\"'&%@,;?/])")


def plain_markdown(text: str) -> str:
    """Text for a Streamlit label or caption, which are Markdown: every ASCII punctuation mark
    backslash-escaped (CommonMark's rule), so a side or file named `![x](http://...)` shows those
    characters instead of fetching an image, and `:red[...]` or `$...$` stay as typed."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
