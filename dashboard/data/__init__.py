"""The dashboard's data layer without Streamlit: ``loader`` runs the SQL files of ``dashboard/sql``
on a connection it is given, and one module per page reshapes the results (DataFrames in,
DataFrames out). ``dashboard/queries/`` is the cached facade the pages call."""
