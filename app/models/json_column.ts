/**
 * Column options for jsonb columns that may hold arrays: node-postgres would send a JS array as
 * a PostgreSQL array literal, so the value is serialized to JSON text first.
 */
export const jsonColumn = {
  prepare: (value: unknown) =>
    value === null || value === undefined ? value : JSON.stringify(value),
}
