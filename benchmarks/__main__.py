import importlib
import os
import pkgutil
import sys
import time

os.environ["DJANGO_SETTINGS_MODULE"] = "soslab.settings.bench"


def main(selected):
    import django

    django.setup()
    from django.core.management import call_command

    os.makedirs("var", exist_ok=True)
    print("==> migrating the benchmark database", flush=True)  # noqa: T201
    call_command("migrate", verbosity=0)
    rows = []

    def report(name, value, unit, note=""):
        rows.append((name, value, unit, note))
        print(f"    {name}: {value:,.2f} {unit} {note}", flush=True)  # noqa: T201

    import benchmarks

    for module_info in pkgutil.iter_modules(benchmarks.__path__):
        if not module_info.name.startswith("bench_"):
            continue
        if selected and module_info.name not in selected:
            continue
        module = importlib.import_module(f"benchmarks.{module_info.name}")
        print(f"==> {module_info.name}", flush=True)  # noqa: T201
        started = time.perf_counter()
        module.run(report)
        print(f"    ({time.perf_counter() - started:.1f} s)", flush=True)  # noqa: T201

    width = max((len(row[0]) for row in rows), default=10)
    print("\n" + "benchmark".ljust(width) + "  value        unit")  # noqa: T201
    for name, value, unit, note in rows:
        print(f"{name.ljust(width)}  {value:>11,.2f}  {unit} {note}")  # noqa: T201


if __name__ == "__main__":
    main(sys.argv[1:])
