"""Editorial pages: the home page and its sections hook, the legal and service pages with their
default texts, and the editorial part of the page tree."""
