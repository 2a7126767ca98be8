"""Performance benchmarks (`make bench`). Each `bench_*.py` module defines `run(report)`.

`report(name, value, unit, note="")` records one measurement; the runner prints a table at the end.
Benchmarks generate their own data in a dedicated database (soslab.settings.bench) and time with
time.perf_counter; targets live here, never in the unit tests.
"""
