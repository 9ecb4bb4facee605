"""One module per review point; each exposes ``check(case, ctx) -> list[Flag]``."""
