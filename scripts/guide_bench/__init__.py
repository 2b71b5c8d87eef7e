"""Measuring helpers shared by the benchmarks (scripts/bench_*.py) and the browser tests: a local
server with gzip, and taps and screens to a page's first aid. Not part of the engine package."""
