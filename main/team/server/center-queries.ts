// Managers' figures and case search over the whole center, answered by SQL over `records`
// (indexed: type, status, openedAt, account, and a pg_trgm index on the case text).
import type pg from 'pg';
import type { z } from 'zod';
import type { teamReportInput, teamSearchInput, TeamReport, TeamSearchResult } from '../protocol.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

/** Cases matching every word (substring match; Chinese works without word breaks), newest first. */
export async function searchCenter(db: Queryable, input: z.output<typeof teamSearchInput>): Promise<TeamSearchResult> {
  const where = ["entity = 'cases'"];
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  for (const word of (input.text ?? '').normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean)) {
    where.push(`search_text LIKE ${param(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  }
  if (input.status?.length) where.push(`data->>'status' = ANY(${param(input.status)}::text[])`);
  if (input.type?.length) where.push(`data->>'type' = ANY(${param(input.type)}::text[])`);
  if (input.customerAccount) where.push(`data->>'customerAccount' = ${param(input.customerAccount)}`);
  if (input.from) where.push(`data->>'openedAt' >= ${param(new Date(input.from).toISOString())}`);
  if (input.to) where.push(`data->>'openedAt' < ${param(new Date(input.to).toISOString())}`);
  const clause = where.join(' AND ');
  const total = await db.query<{ n: string }>(`SELECT count(*) AS n FROM records WHERE ${clause}`, params);
  const page = await db.query<{ data: TeamSearchResult['cases'][number] }>(
    `SELECT data FROM records WHERE ${clause} ORDER BY data->>'openedAt' DESC, id DESC LIMIT ${param(input.limit)} OFFSET ${param(input.offset)}`,
    params,
  );
  return { total: Number(total.rows[0]!.n), cases: page.rows.map((row) => row.data) };
}

/** Case counts over the center by type, status, desk (the code in `C-<desk>-<n>`) and agent. */
export async function reportCenter(db: Queryable, input: z.output<typeof teamReportInput>): Promise<TeamReport> {
  const from = input.from ? new Date(input.from).toISOString() : null;
  const to = input.to ? new Date(input.to).toISOString() : null;
  const { rows } = await db.query<{ dimension: string; key: string | null; n: string }>(
    `WITH c AS (
       SELECT data FROM records
       WHERE entity = 'cases' AND ($1::text IS NULL OR data->>'openedAt' >= $1) AND ($2::text IS NULL OR data->>'openedAt' < $2)
     )
     SELECT 'total' AS dimension, NULL AS key, count(*) AS n FROM c
     UNION ALL SELECT 'type', data->>'type', count(*) FROM c GROUP BY 2
     UNION ALL SELECT 'status', data->>'status', count(*) FROM c GROUP BY 2
     UNION ALL SELECT 'desk', CASE WHEN data->>'id' ~ '^[A-Z]+-[A-Z0-9]+-[0-9]+$' THEN split_part(data->>'id', '-', 2) END, count(*) FROM c GROUP BY 2
     UNION ALL SELECT 'agent', data->>'agent', count(*) FROM c GROUP BY 2`,
    [from, to],
  );
  const of = (dimension: string) =>
    rows
      .filter((row) => row.dimension === dimension)
      .map((row) => ({ key: row.key, count: Number(row.n) }))
      .sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)));
  return {
    from,
    to,
    total: Number(rows.find((row) => row.dimension === 'total')?.n ?? 0),
    byType: of('type').map(({ key, count }) => ({ type: key ?? '', count })),
    byStatus: of('status').map(({ key, count }) => ({ status: key ?? '', count })),
    byDesk: of('desk').map(({ key, count }) => ({ deskCode: key, count })),
    byAgent: of('agent').map(({ key, count }) => ({ agent: key, count })),
  };
}
