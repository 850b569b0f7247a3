"""Synthetic cables: invented test data with the real corpus's shape (see bench/generate.py)."""
