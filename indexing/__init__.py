"""zhifa indexing package."""
