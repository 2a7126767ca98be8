"""`make bench` (full scale) and `make bench-smoke` (BENCH_SCALE=small): run every benchmark, or
the ones named on the command line, print a table, and exit 1 if any benchmark failed."""

import importlib
import os
import pkgutil
import sys
import time
import traceback

os.environ["DJANGO_SETTINGS_MODULE"] = "soslab.settings.bench"


def main(selected):
    from benchmarks.data import SCALE, SCALES

    if SCALE not in SCALES:
        print(f"BENCH_SCALE must be one of {', '.join(SCALES)}, not {SCALE!r}")  # noqa: T201
        return 2

    import django

    django.setup()
    from django.conf import settings

    import benchmarks

    names = [
        info.name
        for info in pkgutil.iter_modules(benchmarks.__path__)
        if info.name.startswith("bench_")
    ]
    unknown = sorted(set(selected) - set(names))
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; have {', '.join(names)}")  # noqa: T201
        return 2

    from benchmarks import dataset

    database = settings.DATABASES["default"]["NAME"]
    print(f"==> scale {SCALE}; the benchmark database {database}", flush=True)  # noqa: T201
    started = time.perf_counter()
    built = dataset.ensure()
    print(  # noqa: T201
        f"    dataset {'built' if built else 'reused'} ({time.perf_counter() - started:.1f} s)",
        flush=True,
    )
    rows, failed = [], []

    def report(name, value, unit, note=""):
        rows.append((name, value, unit, note))
        print(f"    {name}: {value:,.2f} {unit} {note}", flush=True)  # noqa: T201

    for name in names:
        if selected and name not in selected:
            continue
        print(f"==> {name}", flush=True)  # noqa: T201
        started = time.perf_counter()
        try:
            importlib.import_module(f"benchmarks.{name}").run(report)
        except Exception:  # noqa: BLE001 - reported, the other benchmarks still run, exit 1
            traceback.print_exc()
            failed.append(name)
        print(f"    ({time.perf_counter() - started:.1f} s)", flush=True)  # noqa: T201

    width = max((len(row[0]) for row in rows), default=10)
    print("\n" + "benchmark".ljust(width) + "  value        unit")  # noqa: T201
    for name, value, unit, note in rows:
        print(f"{name.ljust(width)}  {value:>11,.2f}  {unit} {note}")  # noqa: T201
    if failed:
        print(f"\nFAILED: {', '.join(failed)}")  # noqa: T201
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
