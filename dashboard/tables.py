"""The claims table as the page draws it, for the claims tab and the store's page alike: the columns a
reader needs, by their human names, and an empty cell where a claim has no figure."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard.claims import COLUMN_LABELS

TABLE_COLUMNS = (
    "side_label", "speaker", "claim_type", "casualties", "place", "admin1_name", "precision",
    "location_basis", "role", "confidence", "event_date", "evidence", "title", "outlet", "published",
)  # fmt: skip


def claims_table(frame: pd.DataFrame, key: str) -> None:
    """`frame` from claims.claims_frame. Streamlit writes a grey "None" in empty cells unless told."""
    # Files written before `admin1_name`, and opened GeoJSON files until geo.claimsfile keeps it, have
    # no governorate: a column of blanks would only take room.
    columns = [c for c in TABLE_COLUMNS if c != "admin1_name" or frame[c].astype(bool).any()]
    config: dict[str, Any] = {c: COLUMN_LABELS[c] for c in columns}
    config["evidence"] = st.column_config.TextColumn(COLUMN_LABELS["evidence"], width="large")
    config["confidence"] = st.column_config.NumberColumn(COLUMN_LABELS["confidence"], format="%.2f")
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        key=key,
        column_order=columns,
        column_config=config,
        placeholder="",
    )
