"""Default texts of the legal and service pages (Korean first, English second), one module per
page, written for this platform. `cms.editorial.tree.legal_pages_ensure` creates each page once
with these blocks; afterwards the pages belong to the editors. Each body is a list of
(block type, value) for cms.editorial.legal.LegalPage: "heading" and "paragraph" take a string,
"list" a list of strings.

Before launch the operator checks the contact details (privacy officer, addresses) against the
real organisation; see docs/privacy.md."""

from .accessibility import ACCESSIBILITY
from .contact import CONTACT
from .privacy import PRIVACY
from .terms import TERMS

LEGAL_PAGES = [PRIVACY, TERMS, ACCESSIBILITY, CONTACT]
