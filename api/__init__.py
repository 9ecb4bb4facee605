"""zhifa api package."""
