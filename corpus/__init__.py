"""zhifa corpus package."""
