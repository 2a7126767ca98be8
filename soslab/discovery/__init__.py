"""Discovery and sharing: sitemap.xml, robots.txt, canonical/OpenGraph tags, share images, icons
and the web manifest. Reads public content of the domain apps and Wagtail's page tree (through
Wagtail's own API, never cms): what it lists or draws is exactly what `.public()` and
`Page.objects.live().public()` let anyone see."""
