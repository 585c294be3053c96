// Finding rules of query-to-select and the fix hint shown with each (docs/rules/<RULE>.md explains more).
export const QUERY_RULE_HINTS: Record<string, string> = {
  'QUERY-UNRECOGNISED': 'Convert this query by hand to select()/execute (see docs/transforms/query-to-select.md).',
  'QUERY-ESCAPES':
    'The Query object leaves this function or is used in a way the tool cannot follow; convert it and its users by hand (pass a select() statement, execute it where the result is needed).',
  'QUERY-SUBQUERY': 'Build the inner statement with select(...) and use .subquery()/.cte()/.scalar_subquery() on it; then convert the outer query.',
  'QUERY-FROM-SELF': 'Replace with an explicit subquery: sq = select(...).subquery(); select(aliased(M, sq)).',
  'QUERY-JOIN-LEGACY': 'Join on a relationship attribute (join(User.addresses)) or an explicit target and ON clause; use aliased() for aliases.',
  'QUERY-WITH-PARENT': 'Use select(M).where(with_parent(instance, Parent.rel)).',
  'QUERY-YIELD-PER': 'Use execution_options(yield_per=N) with session.stream()/partitions(), without joined eager loading of collections.',
  'QUERY-VALUES': 'Select the columns directly: session.execute(select(M.a, M.b).where(...)).',
  'QUERY-FROM-STATEMENT': 'Use select(M).from_statement(text(...)) and session.scalars(...).',
  'QUERY-INDEX': 'Use .offset(i).limit(1) and decide how a missing row should behave (Query raised IndexError).',
  'QUERY-OPTIONS-UNKNOWN':
    'Select.options() does not flatten lists as Query.options() did: write .options(*opts) where a list arrives, .options(opt) where one option does, then convert the query.',
  'QUERY-FILTER-BY-JOIN': 'Write the criterion explicitly: .where(Target.column == value).',
  'QUERY-DISTINCT-ORDER': 'Add the ORDER BY expressions to the selected columns, or drop distinct(), so results match the legacy query.',
  'QUERY-UNIQUE-UNHASHABLE':
    'Select the JSON/ARRAY column in a separate query, or read it from the entity (row.User.prefs), so the rows hold only hashable values; then add .unique().',
  'QUERY-ENTITY-UNKNOWN':
    'Convert by hand: use session.scalars() for a single entity, session.execute() (rows) otherwise. For a name or self.<attr> holding a model class, docs/rules/QUERY-ENTITY-UNKNOWN.md lists what the tool can prove.',
  'QUERY-SYNC-CONTEXT':
    'This code cannot become async (lambda, generator expression, property, dunder method, module or class level, or a function that keeps another legacy query). Convert that other query by hand first, restructure, or run the query via session.run_sync().',
  'QUERY-NAME-CONFLICT': 'A local name shadows the SQLAlchemy construct the conversion needs; rename it, or import the construct under another name.',
  'QUERY-SQLMODEL': 'SQLModel sessions: use session.exec(select(...)) (sqlmodel.select) by hand.',
  'QUERY-RAW-SQL': 'Wrap the SQL string in text(): session.execute(text("..."), params).',
};
