"""ClaimAtlas: who says the strikes hit where, each side on one map. Run `streamlit run dashboard/app.py`.

This file only composes the page; filtering, drawing and escaping live in the dashboard modules.
"""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the repository; without an install
# the packages would not import.
_ROOT = str(Path(__file__).resolve().parents[1])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

import streamlit as st  # noqa: E402
from streamlit_folium import st_folium  # noqa: E402

from dashboard import claims, mapping, sources, store_view, views  # noqa: E402
from geo.registry import Side, load_sides  # noqa: E402

MAP_HEIGHT = 620


@st.cache_resource(show_spinner="Loading the gazetteer and the language model…")
def load_pipeline():
    from geo.pipeline import Pipeline

    return Pipeline.load()


@st.cache_resource
def load_registry() -> dict[str, Side]:
    return load_sides()


@st.cache_data(show_spinner="Reading the bundled corpus…", max_entries=2)
def corpus_dataset(corpus_key: tuple[str, ...]) -> sources.Dataset:
    return sources.from_corpus(load_pipeline())


@st.cache_data(show_spinner=False, max_entries=1)
def corpus_texts(corpus_key: tuple[str, ...]) -> dict[str, sources.ArticleText]:
    return sources.corpus_texts()


@st.cache_data(show_spinner="Opening the GeoJSON…", max_entries=4)
def geojson_dataset(data: bytes, name: str) -> sources.Dataset:
    return sources.from_geojson(data, name, corpus_texts(sources.corpus_files()))


@st.cache_data(show_spinner=False, max_entries=8)
def frame_of(features: list[dict], key: str):
    return claims.claims_frame(features)


def empty_dataset(origin: str) -> sources.Dataset:
    return sources.Dataset({"type": "FeatureCollection", "features": []}, {}, (), origin)


def bundled_dataset() -> sources.Dataset:
    path = sources.env_geojson()
    if path is not None:
        try:
            return geojson_dataset(path.read_bytes(), path.name)
        except (OSError, claims.CollectionError) as exc:
            st.error(f"{sources.ENV_GEOJSON}={path}: {exc}")
            return empty_dataset(str(path))
    try:
        return corpus_dataset(sources.corpus_files())
    except Exception as exc:  # the pipeline is another team's code: show its failure, keep the page up
        st.error(f"The pipeline could not read the bundled corpus: {type(exc).__name__}: {exc}")
        return empty_dataset("bundled corpus (not available)")


def uploaded_dataset() -> sources.Dataset:
    st.sidebar.caption(
        f"Up to {sources.MAX_FILES} files, {sources.MAX_FILE_MB} MB each: "
        + ", ".join(f".{t}" for t in sources.UPLOAD_TYPES)
    )
    files = st.sidebar.file_uploader(
        "Your articles", type=list(sources.UPLOAD_TYPES), accept_multiple_files=True, key="uploads"
    )
    uploads, refused = sources.check_uploads([sources.Upload(f.name, f.getvalue()) for f in files or []])
    for message in refused:
        st.sidebar.warning(message)
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
    file = st.sidebar.file_uploader("A claims GeoJSON", type=["geojson", "json"], key="geojson_file")
    if file is None:
        st.info("Open a GeoJSON written by `python -m geo build` or downloaded here.")
        return empty_dataset("GeoJSON (none yet)")
    try:
        return geojson_dataset(file.getvalue(), file.name)
    except claims.CollectionError as exc:
        st.error(str(exc))
        return empty_dataset(file.name)


def choose_dataset() -> sources.Dataset:
    st.sidebar.header("Data")
    bundled = "GeoJSON from " + sources.ENV_GEOJSON if sources.env_geojson() else "Bundled corpus"
    choice = st.sidebar.radio(
        "Source",
        [bundled, "Your articles", "Open a GeoJSON file"],
        key="source",
        label_visibility="collapsed",
    )
    if choice == "Your articles":
        return uploaded_dataset()
    if choice == "Open a GeoJSON file":
        return opened_dataset()
    return bundled_dataset()


def choose_filters(features: list[dict], sides: dict[str, Side]) -> claims.Filters:
    st.sidebar.header("Filters")
    present = claims.distinct(features, "side")
    st.sidebar.caption("Sides")
    chosen_sides = {
        sid
        for sid in [s for s in sides if s in present] + [s for s in present if s not in sides]
        if st.sidebar.checkbox(views.side_of(sides, sid).label, value=True, key=f"side_{sid}")
    }
    types = st.sidebar.multiselect(
        "Claim type",
        claims.CLAIM_TYPES,
        default=list(claims.CLAIM_TYPES),
        format_func=lambda t: claims.CLAIM_TYPE_LABELS[t],
        key="claim_types",
    )
    articles = st.sidebar.multiselect(
        "Articles", claims.distinct(features, "article"), placeholder="All articles", key="articles"
    )
    bases = st.sidebar.multiselect(
        "Where the place comes from",
        claims.BASES,
        default=list(claims.BASES),
        format_func=lambda b: claims.BASIS_LABELS[b],
        key="bases",
        help="Untick 'inferred from the article' to hide places the claim's sentence does not name.",
    )
    precisions = st.sidebar.multiselect(
        "Precision", claims.PRECISIONS, default=list(claims.PRECISIONS), key="prec"
    )
    roles = st.sidebar.multiselect(
        "Role of the place",
        claims.ROLES,
        default=["target"],
        key="roles",
        help="Context places are where something was said (New York), not where strikes hit.",
    )
    return claims.Filters(
        sides=frozenset(chosen_sides),
        claim_types=frozenset(types),
        articles=frozenset(articles) or None,
        bases=frozenset(bases),
        precisions=frozenset(precisions),
        roles=frozenset(roles),
    )


def map_tab(shown: list[dict], everything: list[dict], sides: dict[str, Side]) -> None:
    st_folium(
        mapping.build_map(shown, sides),
        key="main_map",
        height=MAP_HEIGHT,
        width="stretch",
        returned_objects=[],
    )
    st.caption(
        "Layers (top right) switch sides on and off; country-level claims have a layer of their own, off "
        "at first. Claims of several sides at one place sit in a ring around it."
    )
    cols = st.columns(4)
    cols[0].download_button(
        "GeoJSON (shown)",
        claims.to_geojson(shown),
        "claims_shown.geojson",
        "application/geo+json",
        key="dl_gj",
    )
    cols[1].download_button(
        "GeoJSON (all)",
        claims.to_geojson(everything),
        "claims_all.geojson",
        "application/geo+json",
        key="dl_gja",
    )
    cols[2].download_button("CSV (shown)", claims.to_csv(shown), "claims_shown.csv", "text/csv", key="dl_csv")
    cols[3].download_button(
        "CSV (all)", claims.to_csv(everything), "claims_all.csv", "text/csv", key="dl_csva"
    )


def side_by_side_tab(shown: list[dict], sides: dict[str, Side]) -> None:
    present = [s for s in claims.distinct(shown, "side")]
    ordered = [s for s in sides if s in present] + [s for s in present if s not in sides]
    if len(ordered) < 2:
        st.info("Side by side needs claims from at least two sides; widen the filters.")
    else:
        left_default = "russia" if "russia" in ordered else ordered[0]
        right_default = "opposition" if "opposition" in ordered else ordered[1]
        cols = st.columns(2)
        fmt = lambda s: views.side_of(sides, s).label  # noqa: E731
        left = cols[0].selectbox(
            "Left map", ordered, index=ordered.index(left_default), format_func=fmt, key="left"
        )
        right = cols[1].selectbox(
            "Right map", ordered, index=ordered.index(right_default), format_func=fmt, key="right"
        )
        st_folium(
            mapping.build_pair(shown, sides, left, right),
            key="pair_map",
            height=480,
            width="stretch",
            returned_objects=[],
        )
    st.subheader("Contested places")
    table = claims.contested_places(shown, sides)
    if table.empty:
        st.caption("No place is claimed by two sides under the current filters.")
    else:
        st.caption(
            "Places two or more sides make claims about; each cell is what that side says happened there."
        )
        st.dataframe(table, hide_index=True, width="stretch", key="contested")


def claims_tab(shown: list[dict], total: int) -> None:
    query = st.text_input(
        "Search the claims", key="search", placeholder="speaker, place, words of the evidence…"
    )
    frame = claims.search_frame(claims.claims_frame(shown), query)
    st.caption(
        f"{len(frame)} of {total} claims (sidebar filters and search applied); click a header to sort."
    )
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        key="claims_table",
        column_order=[
            "side_label",
            "speaker",
            "claim_type",
            "casualties",
            "place",
            "precision",
            "location_basis",
            "role",
            "confidence",
            "evidence",
            "title",
            "article",
            "claim_id",
        ],
        column_config={
            "side_label": "Side",
            "evidence": st.column_config.TextColumn("Evidence", width="large"),
            "confidence": st.column_config.NumberColumn(format="%.2f"),
        },
    )


def articles_tab(shown: list[dict], dataset: sources.Dataset, sides: dict[str, Side]) -> None:
    ids = [a for a in claims.distinct(shown, "article") if a in dataset.articles]
    if not ids:
        st.info("No article text for the claims shown.")
        return
    chosen = st.selectbox(
        "Article", ids, format_func=lambda a: f"{dataset.articles[a].title} ({a})", key="article_view"
    )
    article = dataset.articles[chosen]
    mine = [f for f in shown if f["properties"].get("article") == chosen]
    present = {f["properties"]["side"] for f in mine}
    st.html(views.legend_html([views.side_of(sides, s) for s in sides if s in present]))
    st.caption("Place mentions are marked, claims underlined, in the colour of the side that makes them.")
    st.html(
        f"<h4>{views.escape(article.title)}</h4>"
        + views.article_html(article.text, views.article_spans(article.text, mine, sides))
    )


def main() -> None:
    st.set_page_config(page_title="ClaimAtlas", layout="wide")
    sides = load_registry()
    store_path = store_view.chosen_store()  # a claims store has a page of its own (dashboard/store_view.py)
    if store_path is not None:
        store_view.render(store_path, sides)
        return
    dataset = choose_dataset()
    everything = dataset.features
    shown = claims.apply_filters(everything, choose_filters(everything, sides))

    st.title("ClaimAtlas")
    st.caption(
        f"Who says Russia's air strikes of 30 September – 1 October 2015 hit where — {dataset.origin}. "
        f"{len(shown)} of {len(everything)} claims shown."
    )
    if dataset.errors:
        with st.expander(f"{len(dataset.errors)} files or articles could not be read", expanded=True):
            for error in dataset.errors:
                st.text(error)

    tab_map, tab_pair, tab_claims, tab_articles = st.tabs(["Map", "Side by side", "Claims", "Articles"])
    with tab_map:
        map_tab(shown, everything, sides)
    with tab_pair:
        side_by_side_tab(shown, sides)
    with tab_claims:
        claims_tab(shown, len(everything))
    with tab_articles:
        articles_tab(shown, dataset, sides)


if __name__ == "__main__":
    main()
