// Named prepared statements on the ORM's pool, for the hottest reads: PostgreSQL parses and plans each once per
// connection and then only binds its parameters, where a statement through the ORM arrives with its values inlined
// into new text every time.
import { TransactionContext } from '@mikro-orm/core';
import type { Pool } from 'pg';

/** A statement by name: the same name must always carry the same text (PostgreSQL keeps it per connection). */
export interface NamedStatement {
  name: string;
  /** SQL with $1, $2, ... parameters. */
  text: string;
}

/** Runs a named statement with its parameters; arrays bind as PostgreSQL arrays. */
export type StatementRunner = <R>(statement: NamedStatement, values: unknown[]) => Promise<R[]>;

/** `onQuery` is told each statement's text, as the ORM's hook is (statement counting in tests and benches). */
export function statementRunner(pool: Pool, onQuery?: (sql: string) => void): StatementRunner {
  return async <R>(statement: NamedStatement, values: unknown[]) => {
    onQuery?.(statement.text);
    const result = await pool.query({ name: statement.name, text: statement.text, values });
    return result.rows as R[];
  };
}

/**
 * Whether the caller runs inside an ORM transaction (MikroORM carries it in async context): a statement on the pool
 * would not see that transaction's writes, so such a caller reads through the ORM instead.
 */
export function isInOrmTransaction(): boolean {
  return TransactionContext.getEntityManager() !== undefined;
}
