"""zhifa models package."""
