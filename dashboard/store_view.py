"""The page for a claims store (`CLAIMATLAS_STORE=PATH streamlit run dashboard/app.py`, or the sidebar).

Every filter becomes a `geo.store.StoreFilter` and is answered by the store's SQL and R*Tree; Python
only ever holds what the view shows: counts per cell, or up to `POINT_LIMIT` claims, and a page of
the claims table.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

from dashboard import store_map, tables, views
from dashboard.claims import CLAIM_TYPE_LABELS, claims_frame
from geo.errors import StoreError
from geo.registry import Side
from geo.store import ClaimStore, StoreFilter

ENV_STORE = "CLAIMATLAS_STORE"
MAP_KEY = "store_map"
DRAWN_KEY = "store_map_drawn"  # (centre, zoom, box) the map was last drawn at
TABLE_ROWS = 500


def chosen_store() -> Path | None:
    """The store named in the sidebar (filled from $CLAIMATLAS_STORE), or None for the other sources."""
    value = st.sidebar.text_input(
        "Claims store",
        value=os.environ.get(ENV_STORE, ""),
        key="store_path",
        placeholder="path to a store from `python -m geo build --store`",
        help="Written by `python -m geo build DIR --store PATH`; leave empty for the other sources.",
    )
    return Path(value.strip()) if value.strip() else None


def _filters(store: ClaimStore, sides: Mapping[str, Side]) -> StoreFilter:
    st.sidebar.header("Filters")
    present = store.values("side")
    order = [s for s in sides if s in present] + [s for s in present if s not in sides]
    chosen = [
        s for s in order if st.sidebar.checkbox(views.side_of(sides, s).label, value=True, key=f"st_side_{s}")
    ]
    types = st.sidebar.multiselect(
        "Claim type",
        store.values("claim_type"),
        default=store.values("claim_type"),
        format_func=lambda t: CLAIM_TYPE_LABELS.get(t, t),
        key="st_types",
    )
    roles = st.sidebar.multiselect(
        "Role of the place", store.values("role"), default=["target"], key="st_roles"
    )
    first, last = store.date_range()
    dates: tuple[date, ...] = ()
    if first and last:
        lo, hi = date.fromisoformat(first[:10]), date.fromisoformat(last[:10])
        picked = st.sidebar.date_input(
            "Published", value=(lo, hi), min_value=lo, max_value=hi, key="st_dates"
        )
        dates = tuple(picked) if isinstance(picked, (tuple, list)) else (picked,)
    articles = st.sidebar.text_input("Articles (ids, comma-separated)", key="st_articles")
    return StoreFilter(
        sides=tuple(chosen) or ("",),  # no side ticked shows nothing, not everything
        claim_types=tuple(types) or ("",),
        roles=tuple(roles) or ("",),
        precisions=store_map.MAP_PRECISIONS,
        articles=tuple(a.strip() for a in articles.split(",") if a.strip()),
        date_from=dates[0].isoformat() if dates else "",
        date_to=dates[-1].isoformat() if len(dates) > 1 else "",
    )


def render(path: Path, sides: Mapping[str, Side]) -> None:
    try:
        store = ClaimStore(path, create=False)
    except StoreError as exc:
        st.error(str(exc))
        return
    with store:
        where = _filters(store, sides)
        center, zoom, bbox = store_map.view_of(st.session_state.get(MAP_KEY))
        if bbox is not None:
            center = store_map.view_center(bbox)
        drawn = st.session_state.get(DRAWN_KEY)
        if drawn is not None and store_map.same_view((center, zoom), drawn[:2]):
            center, zoom, bbox = drawn  # the view the map was drawn at: the same map, no new frame
        st.session_state[DRAWN_KEY] = (center, zoom, bbox)
        in_view = replace(where, bbox=bbox)
        total, shown = store.count(where), store.count(in_view)
        if shown > store_map.POINT_LIMIT:
            degrees = store_map.cell_degrees(zoom)
            payload = store_map.cells_payload(store.cells(in_view, degrees), sides, degrees)
            how = "counted per side and cell: click a cell or zoom in to see its claims"
        else:
            payload = store_map.points_payload(store.features(in_view), sides)
            how = "click a claim for its evidence"
        st.title("ClaimAtlas")
        st.caption(
            f"Claims store {path.name}: {shown} claims in view of {total} matching the filters; {how}."
        )
        on_map = [views.side_of(sides, s) for s in sides if s in where.sides]
        st.html(views.legend_row_html(on_map) + store_map.STORE_MAP_KEY_HTML)
        st_folium(
            store_map.build_store_map(payload, center, zoom),
            key=MAP_KEY,
            height=620,
            width="stretch",
            returned_objects=["bounds", "zoom"],
        )
        rows = store.features(in_view, limit=TABLE_ROWS)
    st.subheader("Claims in view")
    st.caption(f"The first {len(rows)} of {shown}, by article.")
    tables.claims_table(claims_frame(rows), key="st_table")
