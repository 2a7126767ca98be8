"""A small HTML reader for accessibility tests (standard library only): elements with their
attributes, text and ancestors, headings in document order."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict
    parent: "Element | None" = None
    text: str = ""
    children: list = field(default_factory=list)

    def get(self, name, default=None):
        return self.attrs.get(name, default)

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def closest(self, tag):
        return next((node for node in self.ancestors() if node.tag == tag), None)

    def descendants(self):
        for child in self.children:
            yield child
            yield from child.descendants()


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.elements = []
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs}, self.stack[-1])
        self.stack[-1].children.append(element)
        # <template> content is inert (not in the page until a script clones it): left out.
        if not any(node.tag == "template" for node in self.stack):
            self.elements.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        for element in self.stack[1:]:
            element.text += data


class Document:
    def __init__(self, html):
        reader = _Reader()
        reader.feed(html)
        self.elements = reader.elements

    def find_all(self, tag=None, **attrs):
        """Elements by tag and attribute values (`class_` for class, True for "present")."""
        wanted = {name.rstrip("_").replace("_", "-"): value for name, value in attrs.items()}
        return [
            element
            for element in self.elements
            if (tag is None or element.tag == tag)
            and all(
                (name in element.attrs) if value is True else element.attrs.get(name) == value
                for name, value in wanted.items()
            )
        ]

    def by_id(self, element_id):
        found = self.find_all(id=element_id)
        assert len(found) == 1, f"expected one element with id {element_id!r}, found {len(found)}"
        return found[0]

    def headings(self):
        return [
            (int(element.tag[1]), " ".join(element.text.split()))
            for element in self.elements
            if element.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}
        ]


def parse(html):
    if not isinstance(html, str):
        html = html.content.decode()
    return Document(html)


def heading_jumps(html):
    """Headings that go down more than one level from the one before (h1 -> h3), and a page that
    does not start with its h1. Empty when the outline is sound."""
    problems = []
    previous = 0
    for level, text in parse(html).headings():
        if level > previous + 1:
            problems.append(f"h{previous} -> h{level} {text!r}")
        previous = level
    return problems


def described_by(document, element):
    """The texts an element's aria-describedby points at (every id must exist)."""
    ids = element.get("aria-describedby", "").split()
    return [" ".join(document.by_id(each).text.split()) for each in ids]
