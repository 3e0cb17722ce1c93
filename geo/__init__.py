"""ClaimAtlas's pipeline: articles in, resolved place mentions and attributed strike claims out.

Pure functions only; nothing here imports Streamlit, so the CLI, the tests and the dashboard share it.
"""
