// The harness itself: a real server starts, answers, survives a crash restart, and stops.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../support/postgres.js';

let server: TestPostgres;
beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(() => server?.stop());

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

it('keeps committed rows across a crash restart on the same port', async () => {
  const url = await server.createDatabase();
  await query(url, 'CREATE TABLE t (n int); INSERT INTO t VALUES (41), (1)');
  await server.restart('immediate');
  expect(await query(url, 'SELECT sum(n)::int AS s FROM t')).toEqual([{ s: 42 }]);
  expect((await query(url, 'SHOW server_version'))[0].server_version).toMatch(/^15\./);
}, 60_000);
