"""Everything that writes the warehouse: contract, ingest, SQL models, KPI registry, CLI."""
