"""zhifa assistant package."""
