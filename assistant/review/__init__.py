"""法制审核: case files, the major-decision test, one checker per review point, opinions."""
