"""The search index in the database, on both engines, and the registry of indexed models.

Every registered model has an integer primary key and a `search_text` TextField holding
`analysis.index_text(...)` (written by the model's services in the same transaction as the text).

- SQLite: an FTS5 external-content table `<table>_fts` over `search_text` (rowid = pk), kept in
  step by three triggers (insert, delete, update of search_text). `ensure_indexes()` creates them
  idempotently on every post_migrate (a migration that rebuilds the model's table drops its
  triggers; they come back at the end of `migrate`). A row matches when its pk is in
  `SELECT rowid FROM <table>_fts WHERE <table>_fts MATCH '<expression>'`.
- PostgreSQL: a stored generated column `search_vector = to_tsvector('simple', search_text)`
  (tokens are already analysed, so the 'simple' configuration only lowercases) with a GIN index,
  created by a migration of the model's app (`pg_index_operation`) and by `ensure_indexes()`
  (the column is the database's, not a model field); a row matches when
  `search_vector @@ to_tsquery('simple', '<expression>')`.

An expression is a tree: a token (str), ("and", [...]) or ("or", [...]).
"""

from dataclasses import dataclass, field

from django.db import connections, migrations, models, router
from django.db.models.lookups import In

_REGISTRY = {}
PG_VECTOR = "search_vector"  # PostgreSQL only: the stored tsvector column (see _pg_ensure)


@dataclass(frozen=True)
class Registration:
    """How a model joins the index: `parts(obj)` gives the texts for `index_text` (title first),
    `queryset()` the rows `search_rebuild` recomputes (with what `parts` needs prefetched),
    `tie_break` the order among equally ranked rows."""

    model: type
    parts: object = None
    queryset: object = None
    tie_break: tuple = field(default=("-pk",))

    @property
    def table(self):
        return self.model._meta.db_table

    @property
    def fts_table(self):
        return f"{self.table}_fts"


def register(model, *, parts=None, queryset=None, tie_break=("-pk",)):
    """Add `model` to the index (call from the app's AppConfig.ready()). The model needs an
    integer pk and a `search_text` TextField. `parts(obj)` returns the texts to analyse, title
    first; without it `search_rebuild` only rebuilds the database index from the stored text."""
    meta = model._meta
    if meta.get_field("search_text").get_internal_type() != "TextField":
        raise TypeError(f"{meta.label}.search_text must be a TextField")
    if meta.pk.get_internal_type() not in ("AutoField", "BigAutoField", "IntegerField"):
        raise TypeError(f"{meta.label} needs an integer primary key to be indexed")
    _REGISTRY[meta.label] = Registration(
        model=model, parts=parts, queryset=queryset, tie_break=tuple(tie_break)
    )
    return model


def registration(model):
    try:
        return _REGISTRY[model._meta.concrete_model._meta.label]
    except KeyError:
        raise LookupError(f"{model._meta.label} is not registered for search") from None


def registrations():
    return list(_REGISTRY.values())


# --- Expressions ------------------------------------------------------------------------------


def _render(expression, quote, and_, or_):
    if isinstance(expression, str):
        return quote(expression)
    op, children = expression
    if len(children) == 1:
        return _render(children[0], quote, and_, or_)
    joiner = and_ if op == "and" else or_
    return "(" + joiner.join(_render(child, quote, and_, or_) for child in children) + ")"


def fts5_query(expression):
    """The FTS5 MATCH string (tokens are word characters only; quoted all the same)."""
    return _render(expression, lambda t: '"' + t.replace('"', '""') + '"', " AND ", " OR ")


def tsquery(expression):
    """The PostgreSQL to_tsquery string."""
    return _render(expression, lambda t: "'" + t.replace("'", "''") + "'", " & ", " | ")


BROAD = 1000  # at least this many index matches: walk the rows in order and probe them


def _fts_subquery(model, expression):
    fts = registration(model).fts_table
    # Table names come from the registry, never from input; the query is a parameter.
    sql = f'SELECT rowid FROM "{fts}" WHERE "{fts}" MATCH %s'  # noqa: S608
    return models.expressions.RawSQL(sql, [fts5_query(expression)])  # noqa: S611


def _pg_subquery(model, expression):
    """The ids matching through the GIN index. OFFSET 0 keeps PostgreSQL from folding it into
    the outer query: folded, a LIMITed list walked in its own order could compute to_tsvector for
    every row when the matches are few (2.6 s for a misspelling at 100k, measured)."""
    table, pk = model._meta.db_table, model._meta.pk.column
    sql = (
        f'SELECT "{pk}" FROM "{table}" WHERE '  # noqa: S608 - a registered table
        f"{PG_VECTOR} @@ to_tsquery('simple'::regconfig, %s) OFFSET 0"
    )
    return models.expressions.RawSQL(sql, [tsquery(expression)])  # noqa: S611


def fts_matches(queryset, expression, cap=BROAD):
    """How many rows of the whole index match, counted up to `cap`: zero means no row can match,
    and the size chooses the plan (match_condition's `broad`)."""
    connection = connections[queryset.db]
    model = queryset.model
    if connection.vendor == "postgresql":
        inner = _pg_subquery(model, expression)
        sql = f"SELECT count(*) FROM ({inner.sql} LIMIT %s) AS matches"  # noqa: S608
        params = inner.params
    else:
        fts = registration(model).fts_table
        sql = f'SELECT count(*) FROM (SELECT 1 FROM "{fts}" WHERE "{fts}" MATCH %s LIMIT %s)'  # noqa: S608
        params = [fts5_query(expression)]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, cap])
        return cursor.fetchone()[0]


class _VectorMatches(models.Func):
    """PostgreSQL, thousands of matches: each row's stored vector is checked as the list walks
    its own index, and the first page stops after a few dozen rows. (The matches' ids as a
    hashed subquery made PostgreSQL read every matching vector first: 116-260 ms at 100k.)"""

    template = "%(expressions)s"
    arg_joiner = " @@ to_tsquery('simple'::regconfig, "
    output_field = models.BooleanField()

    def as_sql(self, compiler, connection, **extra):
        sql, params = super().as_sql(compiler, connection, **extra)
        return f"({sql}))", params


def _vector_column(model):
    """The stored search_vector of `model`'s table as a column of the query (relabelled with the
    table's alias when the queryset becomes a subquery); it is the database's, not a field."""
    from django.contrib.postgres.search import SearchVectorField
    from django.db.models.expressions import Col

    field = SearchVectorField()
    field.set_attributes_from_name(PG_VECTOR)
    field.model = model
    return Col(model._meta.db_table, field)


class _Unindexed(models.Func):
    """+pk: the same value, but SQLite may not look rows up by it (so it keeps the list's index
    on the sort order and checks each row against the matches instead)."""

    template = "(+%(expressions)s)"
    output_field = models.IntegerField()


def match_condition(queryset, expression, *, broad=False):
    """A condition for queryset.filter(): rows whose search_text matches `expression`.

    SQLite: `pk IN (SELECT rowid FROM <table>_fts WHERE ... MATCH ...)`; PostgreSQL: `pk IN
    (SELECT pk ... WHERE to_tsvector(...) @@ to_tsquery(...))` through the GIN index. By default
    the database starts from the matches (best when they are few); `broad=True` (thousands of
    matches) makes it walk the queryset's own order and probe each row, so the first page stops
    after a few dozen rows instead of sorting every match."""
    if connections[queryset.db].vendor == "postgresql":
        if broad:
            return _VectorMatches(_vector_column(queryset.model), models.Value(tsquery(expression)))
        return models.Q(pk__in=_pg_subquery(queryset.model, expression))
    subquery = _fts_subquery(queryset.model, expression)
    if broad:
        return In(_Unindexed(models.F("pk")), subquery)
    return models.Q(pk__in=subquery)


# --- Creating and rebuilding -----------------------------------------------------------------


def _sqlite_statements(reg):
    table, fts, pk = reg.table, reg.fts_table, reg.model._meta.pk.column
    insert = f'INSERT INTO "{fts}"(rowid, search_text) VALUES (new."{pk}", new.search_text);'  # noqa: S608
    delete = f'INSERT INTO "{fts}"("{fts}", rowid, search_text) VALUES (\'delete\', old."{pk}", old.search_text);'  # noqa: S608
    return [
        f'CREATE TRIGGER IF NOT EXISTS "{fts}_ai" AFTER INSERT ON "{table}" BEGIN {insert} END',
        f'CREATE TRIGGER IF NOT EXISTS "{fts}_ad" AFTER DELETE ON "{table}" BEGIN {delete} END',
        f'CREATE TRIGGER IF NOT EXISTS "{fts}_au" AFTER UPDATE OF search_text ON "{table}" '
        f"BEGIN {delete} {insert} END",
    ]


def _fts_rebuild_sql(fts):
    """FTS5's command re-reading the whole external content table."""
    return f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\')'  # noqa: S608


def _sqlite_ensure(cursor, reg):
    """The FTS table and its triggers. Missing triggers (a migration rebuilt the model's table,
    which drops them) mean rows may have changed unseen: the index is rebuilt then."""
    fts = reg.fts_table
    cursor.execute(
        "SELECT type, name FROM sqlite_master WHERE name IN (%s, %s, %s, %s)",
        [fts, f"{fts}_ai", f"{fts}_ad", f"{fts}_au"],
    )
    present = {name for _type, name in cursor.fetchall()}
    if fts not in present:
        cursor.execute(
            f'CREATE VIRTUAL TABLE "{fts}" USING fts5(search_text, content="{reg.table}", '
            f"content_rowid=\"{reg.model._meta.pk.column}\", tokenize='unicode61 remove_diacritics 0')"
        )
    for statement in _sqlite_statements(reg):
        cursor.execute(statement)
    if len(present) < 4:
        cursor.execute(_fts_rebuild_sql(fts))


def pg_index_name(table):
    return f"{table}_search_vector"[:63]


def _pg_ensure(cursor, table):
    """The stored `search_vector` column (generated from search_text) and its GIN index. Stored,
    not an index on the expression: when PostgreSQL scans a small table instead of using the
    index, an expression index recomputes to_tsvector on every row (22 ms for 1,000 problems,
    a search runs several such queries), the stored vector is read as it is (0.04 ms). An
    expression index of an earlier build of this module is replaced."""
    cursor.execute(
        "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = %s AND column_name = %s",
        [table, PG_VECTOR],
    )
    if cursor.fetchone() is None:
        cursor.execute(
            f'ALTER TABLE "{table}" ADD COLUMN {PG_VECTOR} tsvector GENERATED ALWAYS AS '
            "(to_tsvector('simple'::regconfig, search_text)) STORED"
        )
    cursor.execute(f'DROP INDEX IF EXISTS "{f"{table}_search"[:63]}"')
    cursor.execute("SELECT to_regclass(%s)", [f'"{pg_index_name(table)}"'])
    if cursor.fetchone()[0] is not None:  # CREATE ... IF NOT EXISTS still needs a lock
        return
    cursor.execute(
        f'CREATE INDEX IF NOT EXISTS "{pg_index_name(table)}" ON "{table}" USING gin ({PG_VECTOR})'
    )


def ensure_index(reg, using="default"):
    """Create the model's index where missing (idempotent)."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            _sqlite_ensure(cursor, reg)
        elif connection.vendor == "postgresql":
            _pg_ensure(cursor, reg.table)


def ensure_indexes(using="default", **kwargs):
    """Every registered model's index (post_migrate receiver; skips tables not migrated yet)."""
    tables = set(connections[using].introspection.table_names())
    for reg in registrations():
        if reg.table in tables and router.allow_migrate_model(using, reg.model):
            ensure_index(reg, using)


def rebuild_index(reg, using="default"):
    """Rebuild the database index of one model from the stored search_text (SQLite: the FTS
    table; PostgreSQL's GIN index is on the column itself, so it is only created if missing)."""
    connection = connections[using]
    ensure_index(reg, using)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(_fts_rebuild_sql(reg.fts_table))


def pg_index_operation(table):
    """A migration operation creating the GIN index of `table` on PostgreSQL (nothing elsewhere:
    SQLite's FTS table is made by ensure_indexes at the end of migrate)."""

    def forward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            _pg_ensure(schema_editor.connection.cursor(), table)

    def backward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f'DROP INDEX IF EXISTS "{pg_index_name(table)}"')
            schema_editor.execute(f'ALTER TABLE "{table}" DROP COLUMN IF EXISTS {PG_VECTOR}')

    return migrations.RunPython(forward, backward, elidable=False)
