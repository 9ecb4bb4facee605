"""Case base: penalty decisions, court cases and CAIL criminal cases, and similar-case search."""
