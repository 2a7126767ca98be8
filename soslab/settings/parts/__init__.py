"""The parts of soslab.settings.base, one module per concern."""
