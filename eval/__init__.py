"""zhifa eval package."""
