"""Demo hotspots (step soslab.maps.demo): recompute them from the demo reports through the
service, as the debounced task would, so the map shows them at once. The reports that form them
are in soslab.problems.demo.clusters. Idempotent: the recompute replaces the stored set."""

from .services import hotspots_recompute


def load(out):
    return {"hotspots": hotspots_recompute()}
