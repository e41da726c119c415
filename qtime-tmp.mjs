import pg from 'pg';
import { readFileSync } from 'node:fs';
const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/vv_lead' });
await client.connect();
const [file, ...params] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const values = params.map((p) => (p === 'null' ? null : p));
let res;
for (let i = 0; i < 30; i++) res = await client.query(process.env.NAMED ? { name: 'q', text, values } : { text, values });
const times = [];
for (let i = 0; i < 300; i++) { const t = performance.now(); res = await client.query(process.env.NAMED ? { name: 'q', text, values } : { text, values }); times.push(performance.now() - t); }
times.sort((a, b) => a - b);
console.log(file, 'median', times[150].toFixed(2), 'p90', times[270].toFixed(2), 'rows', res.rows.length, JSON.stringify(res.rows[0]).length);
await client.end();
