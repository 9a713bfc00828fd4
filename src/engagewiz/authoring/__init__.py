"""For knowledge-base authors: where answers are read, check's lint and search."""
