// Database drivers and clients other than SQLAlchemy's: what their connect calls make, or their classes type, is no
// SQLAlchemy session, whatever dependency hands it over (`def get_db(): conn = sqlite3.connect(DB); yield conn`).

/** Top-level modules of such libraries. */
export const NON_SESSION_LIBRARIES: ReadonlySet<string> = new Set([
  'sqlite3', 'psycopg2', 'psycopg', 'pymysql', 'MySQLdb', 'mysql', 'pymssql', 'pyodbc', 'oracledb', 'cx_Oracle', 'duckdb',
  'pymongo', 'motor', 'redis', 'asyncpg', 'aiosqlite', 'aiomysql', 'aiopg', 'clickhouse_driver', 'clickhouse_connect',
  'neo4j', 'cassandra', 'boto3', 'elasticsearch', 'firebase_admin', 'supabase',
]);

/** Whether an absolute dotted name (`sqlite3.connect`, `psycopg2.extensions.connection`) belongs to such a library. */
export function isNonSessionLibraryName(qualified: string): boolean {
  return NON_SESSION_LIBRARIES.has(qualified.split('.')[0] as string);
}
