"""Mobility Atlas dashboard: Streamlit pages reading the warehouse (read-only)."""
