"""Benchmarks: each builds its data in a throw-away SQLite database and prints its figures.

Run them with `make bench` (`python -m bench`); they are not tests and assert no timings.
"""
