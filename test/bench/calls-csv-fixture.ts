/**
 * Writes a canonical calls CSV (FORMATS.md section 1) of any size with DuckDB's
 * own COPY: deterministic, realistic in shape (outcomes, waits, callbacks, empty
 * optional fields, offsets and platform-local instants), and fast enough for
 * 10 million rows (about 20 s).
 */
import fs from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

export async function writeCallsCsv(file: string, rows: number): Promise<void> {
  if (fs.existsSync(file)) return;
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  const tmp = `${file}.part`;
  // One call every ~3 s over a year; hash(i * k) gives independent deterministic draws.
  await c.run(`COPY (
    SELECT 'C' || lpad(i::VARCHAR, 10, '0') AS call_id,
      CASE WHEN i % 2 = 0
        THEN strftime(TIMESTAMP '2025-11-22 00:00:00' + to_seconds((i * 3.1536)::BIGINT), '%Y-%m-%dT%H:%M:%S') || '+08:00'
        ELSE strftime(TIMESTAMP '2025-11-22 00:00:00' + to_seconds((i * 3.1536)::BIGINT), '%Y-%m-%d %H:%M:%S') END AS started_at,
      ['recharge', 'orders', 'security', 'disputes'][1 + (hash(i) % 4)::INT] AS queue,
      (hash(i * 7) % 4)::VARCHAR AS ivr_option,
      '138' || lpad((hash(i * 3) % 100000000)::VARCHAR, 8, '0') AS caller,
      CASE WHEN i % 5 = 0 THEN NULL ELSE 'M' || lpad((hash(i * 11) % 5000000)::VARCHAR, 8, '0') END AS customer_id,
      CASE WHEN i % 3 = 0 THEN NULL ELSE 'O' || (hash(i * 13) % 90000000)::VARCHAR END AS order_id,
      ['operation', 'product', 'security'][1 + (hash(i * 17) % 3)::INT] AS category,
      ['low', 'normal', 'normal', 'high', 'urgent'][1 + (hash(i * 19) % 5)::INT] AS priority,
      ['answered', 'answered', 'answered', 'answered', 'abandoned', 'timeout', 'busy', 'unreachable', 'callback'][1 + (hash(i * 23) % 9)::INT] AS outcome,
      CASE WHEN outcome IN ('busy', 'unreachable') THEN NULL ELSE (hash(i * 29) % 300)::VARCHAR END AS wait_s,
      CASE WHEN outcome = 'answered' THEN (hash(i * 31) % 900)::VARCHAR END AS talk_s,
      CASE WHEN outcome = 'answered' THEN 'A' || (1000 + hash(i * 37) % 60)::VARCHAR END AS agent_id,
      CASE WHEN hash(i * 41) % 20 = 0 THEN 'true' ELSE 'false' END AS transferred,
      CASE WHEN outcome = 'callback' THEN strftime(TIMESTAMP '2025-11-22 00:05:00' + to_seconds((i * 3.1536)::BIGINT), '%Y-%m-%dT%H:%M:%S') || '+08:00' END AS callback_requested_at,
      CASE WHEN outcome = 'callback' AND i % 2 = 0 THEN strftime(TIMESTAMP '2025-11-22 00:09:00' + to_seconds((i * 3.1536)::BIGINT), '%Y-%m-%dT%H:%M:%S') || '+08:00' END AS callback_at
    FROM range(${rows}) t(i)
  ) TO '${tmp.replaceAll("'", "''")}' (HEADER, FORMAT csv)`);
  c.closeSync();
  inst.closeSync();
  fs.renameSync(tmp, file);
}
