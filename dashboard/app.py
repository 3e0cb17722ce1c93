"""ClaimAtlas: who says the strikes hit where, each side on one map. Run `streamlit run dashboard/app.py`.

This file only composes the page; filtering, drawing and escaping live in the dashboard modules.
"""

from __future__ import annotations

import os
import sys
from functools import partial
from pathlib import Path

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the repository; without an install
# the packages would not import.
_ROOT = str(Path(__file__).resolve().parents[1])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

import streamlit as st  # noqa: E402
from streamlit_folium import st_folium  # noqa: E402

from dashboard import claims, dispute, mapping, sources, store_view, tables, views  # noqa: E402
from geo.registry import Registry, Side, load_registry  # noqa: E402

MAP_HEIGHT = 620
GEOJSON = "application/geo+json"
UPLOADS, OPEN_GEOJSON, STORE = "Your articles", "Open a GeoJSON file", "A claims store"
TABS = ("Map", "Side by side and dispute", "Claims", "Articles")


@st.cache_resource(show_spinner="Loading the gazetteer and the language model…")
def load_pipeline():
    from geo.pipeline import Pipeline

    return Pipeline.load()


@st.cache_resource
def load_campaign() -> Registry:
    return load_registry()


# Datasets are cached as resources, one object shared by every session and rerun: st.cache_data would
# unpickle a copy on every rerun, two fifths of a warm run's time. Nothing in the dashboard mutates a
# feature (tests/test_dashboard.py::test_drawing_and_tables_leave_the_features_as_they_were).
@st.cache_resource(show_spinner="Reading the bundled corpus…", max_entries=2)
def corpus_dataset(corpus_key: tuple[str, ...]) -> sources.Dataset:
    return sources.from_corpus(load_pipeline())


@st.cache_data(show_spinner=False, max_entries=1)
def corpus_texts(corpus_key: tuple[str, ...]) -> dict[str, sources.ArticleText]:
    return sources.corpus_texts()


@st.cache_resource(show_spinner="Opening the GeoJSON…", max_entries=4)
def geojson_dataset(data: bytes, name: str) -> sources.Dataset:
    return sources.from_geojson(data, name, corpus_texts(sources.corpus_files()))


def empty_dataset(origin: str) -> sources.Dataset:
    return sources.Dataset({"type": "FeatureCollection", "features": []}, {}, (), origin)


def bundled_dataset() -> sources.Dataset:
    path = sources.env_geojson()
    if path is not None:
        try:
            return geojson_dataset(path.read_bytes(), path.name)
        except (OSError, claims.CollectionError) as exc:
            st.error(views.plain_markdown(f"{sources.ENV_GEOJSON}={path}: {exc}"))
            return empty_dataset(str(path))
    try:
        return corpus_dataset(sources.corpus_files())
    except Exception as exc:  # the pipeline is another team's code: show its failure, keep the page up
        st.error(f"The pipeline could not read the bundled corpus: {type(exc).__name__}: {exc}")
        return empty_dataset("bundled corpus (not available)")


def uploaded_dataset() -> sources.Dataset:
    st.sidebar.caption(sources.ARTICLE_CAP_REASON)
    files = st.sidebar.file_uploader(
        "Your articles",
        type=list(sources.UPLOAD_TYPES),
        accept_multiple_files=True,
        key="uploads",
        max_upload_size=sources.MAX_FILE_MB,
    )
    uploads, refused = sources.check_uploads([sources.Upload(f.name, f.getvalue()) for f in files or []])
    uploads, copies = sources.unique_uploads(uploads)
    for message in refused + copies:
        st.sidebar.warning(views.plain_markdown(message))
    if not uploads:
        st.info("Upload articles in the sidebar to map their claims.")
        return empty_dataset("your articles (none yet)")
    key = sources.uploads_key(uploads)
    if st.session_state.get("uploads_key") != key:
        bar = st.progress(0.0, text=f"Reading {len(uploads)} files…")

        def progress(done: int, total: int) -> None:
            bar.progress(done / max(total, 1), text=f"Article {done} of {total}")

        try:
            dataset = sources.from_uploads(load_pipeline(), uploads, progress)
        except Exception as exc:  # see bundled_dataset
            st.error(f"The pipeline failed on your articles: {type(exc).__name__}: {exc}")
            return empty_dataset("your articles (failed)")
        finally:
            bar.empty()
        st.session_state["uploads_key"] = key
        st.session_state["uploads_dataset"] = dataset
    return st.session_state["uploads_dataset"]


def opened_dataset() -> sources.Dataset:
    st.sidebar.caption(sources.GEOJSON_CAP_REASON)
    file = st.sidebar.file_uploader(
        "A claims GeoJSON",
        type=["geojson", "json"],
        key="geojson_file",
        max_upload_size=sources.MAX_GEOJSON_MB,
    )
    if file is None:
        st.info("Open a GeoJSON written by `python -m geo build` or downloaded here.")
        return empty_dataset("GeoJSON (none yet)")
    try:
        return geojson_dataset(file.getvalue(), file.name)
    except claims.CollectionError as exc:
        st.error(views.plain_markdown(str(exc)))
        return empty_dataset(file.name)


def choose_source() -> str:
    """What the page shows, chosen first in the sidebar (a claims store if $CLAIMATLAS_STORE names one)."""
    st.sidebar.header("Data")
    bundled = "GeoJSON from " + sources.ENV_GEOJSON if sources.env_geojson() else "Bundled corpus"
    options = [bundled, UPLOADS, OPEN_GEOJSON, STORE]
    return str(
        st.sidebar.radio(
            "Source",
            options,
            index=options.index(STORE) if os.environ.get(store_view.ENV_STORE, "").strip() else 0,
            key="source",
            label_visibility="collapsed",
        )
    )


def dataset_of(choice: str) -> sources.Dataset:
    if choice == UPLOADS:
        return uploaded_dataset()
    if choice == OPEN_GEOJSON:
        return opened_dataset()
    return bundled_dataset()


def _titles(features: list[dict]) -> dict[str, str]:
    """Article id -> its title (the id when it has none), for lists a reader picks from."""
    titles: dict[str, str] = {}
    for f in features:
        p = f["properties"]
        titles.setdefault(str(p.get("article")), str(p.get("title") or p.get("article")))
    return titles


def choose_time(features: list[dict]) -> tuple[tuple[str, str] | None, bool]:
    """A date range and a replay day (claims as they appeared, up to that day); None when nothing is dated."""
    days = claims.days_of(features)
    if not days:
        st.sidebar.caption(
            "Time: no claim here has a date (no day in its sentence, no publication date in its "
            "article's metadata), so every claim is shown and there is no date filter."
        )
        return None, True
    st.sidebar.caption("Time (the event day, else the article's date)")
    if len(days) > 1:
        first, last = st.sidebar.select_slider(
            "Date range", days, value=(days[0], days[-1]), key="date_range"
        )
        within = [d for d in days if first <= d <= last]
        upto = st.sidebar.select_slider(
            "Replay: claims up to",
            within,
            value=within[-1],
            key=f"replay_{first}_{last}",
            help="Slide to replay the claims day by day as they appeared.",
        )
        chosen = (first, upto)
    else:
        chosen = (days[0], days[0])
    undated = st.sidebar.checkbox(
        "Include claims with no date",
        value=True,
        key="undated",
        help="A claim with no day of its own and an article with no date in its metadata belongs to no "
        "day: ticked, it stays on the map whatever the range and the replay; unticked, it is hidden.",
    )
    return chosen, undated


def choose_filters(features: list[dict], sides: dict[str, Side]) -> claims.Filters:
    st.sidebar.header("Filters")
    present = claims.distinct(features, "side")
    st.sidebar.caption("Sides (map, tables and downloads)")
    chosen_sides = {
        sid
        for sid in [s for s in sides if s in present] + [s for s in present if s not in sides]
        if st.sidebar.checkbox(
            views.plain_markdown(views.side_of(sides, sid).label), value=True, key=f"side_{sid}"
        )
    }
    days, undated = choose_time(features)
    types = st.sidebar.multiselect(
        "Claim type",
        claims.CLAIM_TYPES,
        default=list(claims.CLAIM_TYPES),
        format_func=lambda t: claims.CLAIM_TYPE_LABELS.get(t, t),
        key="claim_types",
    )
    titles = _titles(features)
    articles = st.sidebar.multiselect(
        "Articles",
        list(titles),
        format_func=lambda a: titles.get(a, a),
        placeholder="All articles",
        key="articles",
    )
    # Basis values this version does not know still show, so that they can be filtered too.
    bases_present = list(claims.BASES) + [
        b for b in claims.distinct(features, "location_basis") if b not in claims.BASES
    ]
    bases = st.sidebar.multiselect(
        "Where the place comes from",
        bases_present,
        default=bases_present,
        format_func=lambda b: claims.BASIS_LABELS.get(b, b),
        key="bases",
        help="Untick 'inferred from the article' to hide places the claim's sentence does not name.",
    )
    precisions = st.sidebar.multiselect(
        "Precision",
        claims.PRECISIONS,
        default=list(claims.PRECISIONS),
        format_func=lambda p: claims.PRECISION_LABELS.get(p, p),
        key="prec",
    )
    roles = st.sidebar.multiselect(
        "Role of the place",
        claims.ROLES,
        default=["target"],
        key="roles",
        help="Context places are where something was said (New York), not where strikes hit.",
    )
    confidence = st.sidebar.slider(
        "Confidence at least",
        0.0,
        1.0,
        0.0,
        0.05,
        key="min_conf",
        help="On the map, fainter fills are less confident claims.",
    )
    return claims.Filters(
        sides=frozenset(chosen_sides),
        claim_types=frozenset(types),
        articles=frozenset(articles) or None,
        bases=frozenset(bases),
        precisions=frozenset(precisions),
        roles=frozenset(roles),
        days=days,
        undated=undated,
        min_confidence=confidence,
    )


def map_tab(shown: list[dict], everything: list[dict], sides: dict[str, Side], view_key: str) -> None:
    on_map, tray = st.columns([4, 1])
    with on_map:
        st_folium(
            mapping.build_map(shown, sides, view_key=view_key),
            key="main_map",
            height=MAP_HEIGHT,
            width="stretch",
            returned_objects=[],
        )
    country = [f for f in shown if f["properties"].get("precision") == "country"]
    with tray:
        st.markdown(f"**Country only ({len(country)})**")
        if country:
            st.caption("Claims that name no place inside the country: not on the map.")
            st.html(views.country_tray_html(country, sides))
        else:
            st.caption("None under the current filters.")
    st.caption(
        "The sidebar switches choose the sides for the map, the tables and the downloads. A town is a "
        'dot, an area ("northern Homs") a dashed circle, a governorate a hatched outline with its name.'
    )
    # Each file is written when its button is clicked, not on every rerun (they were two fifths of the
    # script's time), and a click does not rerun the page.
    downloads = [
        ("GeoJSON (shown)", partial(claims.to_geojson, shown), "claims_shown.geojson", GEOJSON, "dl_gj"),
        ("GeoJSON (all)", partial(claims.to_geojson, everything), "claims_all.geojson", GEOJSON, "dl_gja"),
        ("CSV (shown)", partial(claims.to_csv, shown), "claims_shown.csv", "text/csv", "dl_csv"),
        ("CSV (all)", partial(claims.to_csv, everything), "claims_all.csv", "text/csv", "dl_csva"),
    ]
    for col, (label, write, name, mime, key) in zip(st.columns(4), downloads, strict=True):
        col.download_button(label, write, name, mime, key=key, on_click="ignore")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def place_card_view(
    shown: list[dict], sides: dict[str, Side]
) -> tuple[list[dispute.PlaceCard], dispute.PlaceCard | None]:
    """Choose a distance and a day window; show one locality's card. Returns every card (for the table)
    and the one shown."""
    cols = st.columns([1, 1, 2])
    radius = cols[0].slider("Within (km)", 1, 50, int(dispute.DEFAULT_RADIUS_KM), key="radius")
    window = cols[1].number_input(
        "Within days (0: any)",
        0,
        365,
        0,
        key="window",
        help="Of the place's own first claim; claims with no date always count.",
    )
    cards = dispute.place_cards(shown, float(radius), int(window) or None)
    if not cards:
        st.caption("No place below country level under the current filters.")
        return cards, None
    labels = [
        f"{c.locality.label} ({_count(len(c.sides), 'side')}, {_count(len(c.entries), 'claim')})"
        for c in cards
    ]
    chosen = cols[2].selectbox("Place card", range(len(cards)), format_func=lambda i: labels[i], key="card")
    card = cards[chosen]
    columns = []
    for sid in [s for s in sides if s in card.sides] + [s for s in card.sides if s not in sides]:
        side = views.side_of(sides, sid)
        entries = [
            views.claim_entry_html(
                e.props,
                side,
                claims.place_label(e.props) + (f", {e.km:g} km away" if e.km > 0 else ""),
            )
            for e in card.entries
            if e.props.get("side") == sid
        ]
        columns.append((side, entries))
    inside = " or inside it" if card.locality.geometry_json else ""  # a governorate holds its towns
    note = f"Every side's claims within {radius} km{inside}" + (f" and {window} days" if window else "")
    st.html(views.place_card_html(columns, card.locality.label, note))
    return cards, card


def side_by_side_tab(shown: list[dict], registry: Registry) -> None:
    sides = registry.sides
    st.subheader("Place cards")
    cards, card = place_card_view(shown, sides)
    st.subheader("Contested places")
    table = dispute.contested_table(cards, sides)
    if table.empty:
        st.caption("No place has claims of two sides near it under the current filters.")
    else:
        st.caption(
            "Places with claims of two or more sides within the chosen distance (and days); each cell is "
            "what that side says happened there or nearby."
        )
        st.dataframe(table, hide_index=True, width="stretch", key="contested", placeholder="")
    st.subheader("Two sides on two maps")
    present = [s for s in claims.distinct(shown, "side")]
    ordered = [s for s in sides if s in present] + [s for s in present if s not in sides]
    if len(ordered) < 2:
        st.info("Side by side needs claims from at least two sides; widen the filters.")
        return
    # Drawn on request: a second map frame on every page load would double the time to a drawn page.
    if not st.toggle("Show two maps that pan and zoom together", key="pair_on"):
        return
    left_default, right_default = dispute.pair_sides(shown, ordered, registry.force_side)
    cols = st.columns(2)
    fmt = lambda s: views.side_of(sides, s).label  # noqa: E731
    left = cols[0].selectbox(
        "Left map", ordered, index=ordered.index(left_default), format_func=fmt, key="left"
    )
    right = cols[1].selectbox(
        "Right map", ordered, index=ordered.index(right_default), format_func=fmt, key="right"
    )
    focus = dispute.card_points(card, (left, right)) if card is not None else []
    if card is not None:
        st.caption(views.plain_markdown(f"The maps open on the place card: {card.locality.label}."))
    st_folium(
        mapping.build_pair(shown, sides, left, right, focus),
        key="pair_map",
        height=480,
        width="stretch",
        returned_objects=[],
    )


def claims_tab(shown: list[dict], total: int) -> None:
    query = st.text_input(
        "Search the claims", key="search", placeholder="speaker, place, words of the evidence…"
    )
    frame = claims.search_frame(claims.claims_frame(shown), query)
    st.caption(
        f"{len(frame)} of {total} claims (sidebar filters and search applied); click a header to sort."
    )
    tables.claims_table(frame, key="claims_table")


def articles_tab(shown: list[dict], dataset: sources.Dataset, sides: dict[str, Side]) -> None:
    ids = [a for a in claims.distinct(shown, "article") if a in dataset.articles]
    if not ids:
        st.info("No article text for the claims shown.")
        return
    chosen = st.selectbox(
        "Article", ids, format_func=lambda a: dataset.articles[a].title or a, key="article_view"
    )
    article = dataset.articles[chosen]
    mine = [f for f in shown if f["properties"].get("article") == chosen]
    present = {f["properties"]["side"] for f in mine}
    st.html(views.legend_row_html([views.side_of(sides, s) for s in sides if s in present]))
    st.caption("Place mentions are marked, claims underlined, in the colour of the side that makes them.")
    st.html(
        f"<h4>{views.escape(article.title)}</h4>"
        + views.article_html(article.text, views.article_spans(article.text, mine, sides))
    )


def main() -> None:
    st.set_page_config(page_title="ClaimAtlas", layout="wide")
    registry = load_campaign()
    sides = registry.sides
    choice = choose_source()
    if choice == STORE:  # a claims store has a page of its own (dashboard/store_view.py)
        store_path = store_view.chosen_store()
        if store_path is None:
            st.title("ClaimAtlas")
            st.info("Type the path of a claims store in the sidebar.")
        else:
            store_view.render(store_path, sides)
        return
    dataset = dataset_of(choice)
    everything = dataset.features
    filters = choose_filters(everything, sides)
    shown = claims.apply_filters(everything, filters)

    st.title("ClaimAtlas")
    # A file name is the user's and the campaign's name the registry's; captions are Markdown.
    campaign = registry.campaign or "Air strikes"
    st.caption(
        views.plain_markdown(
            f"{campaign}: who says the strikes hit where. {dataset.origin}: "
            f"{len(shown)} of {len(everything)} claims shown. {views.time_note(everything, filters.undated)}"
        )
    )
    if dataset.errors:
        with st.expander(f"{len(dataset.errors)} files, articles or claims could not be read", expanded=True):
            for error in dataset.errors:
                st.text(error)

    # Only the open tab runs: a hidden tab's tables and cards would be computed, sent and mounted (with
    # the data-grid scripts they need) before the map could draw, for a view nobody is looking at.
    tab_map, tab_pair, tab_claims, tab_articles = st.tabs(TABS, key="tab", on_change="rerun")
    if tab_map.open:
        with tab_map:
            map_tab(shown, everything, sides, view_key=dataset.origin)
    if tab_pair.open:
        with tab_pair:
            side_by_side_tab(shown, registry)
    if tab_claims.open:
        with tab_claims:
            claims_tab(shown, len(everything))
    if tab_articles.open:
        with tab_articles:
            articles_tab(shown, dataset, sides)


if __name__ == "__main__":
    main()
