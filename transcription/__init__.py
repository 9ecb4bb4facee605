"""zhifa transcription package."""
