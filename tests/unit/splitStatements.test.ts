import { describe, expect, it } from 'vitest';
import { splitStatements } from '../../src/server/store/migrate.ts';

describe('splitStatements (migration files)', () => {
  it('splits at semicolons that end a line, drops comments, keeps function bodies whole', () => {
    const sql = [
      '-- a comment; with a semicolon',
      'CREATE TABLE a (x int);',
      'CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$',
      'BEGIN',
      "  RAISE EXCEPTION 'no';",
      'END',
      '$$;',
      'CREATE INDEX i ON a (x);',
    ].join('\n');
    expect(splitStatements(sql)).toEqual([
      'CREATE TABLE a (x int)',
      "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RAISE EXCEPTION 'no';\nEND\n$$",
      'CREATE INDEX i ON a (x)',
    ]);
  });
});
