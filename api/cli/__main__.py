"""``python -m api.cli`` runs the same command line as ``zhifa``."""

from api.cli import main

main()
