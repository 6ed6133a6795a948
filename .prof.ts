import Database from 'better-sqlite3';
import fs from 'node:fs';
import { createServices } from './electron/services/index.js';
import { roundTo } from './shared/model/rounding.js';
const file = '/tmp/bench/prof.rpjmd';
fs.copyFileSync('/tmp/bench/rpjmd.rpjmd', file);
const src = new Database('/tmp/bench/rpjmd.rpjmd', { readonly: true });
const sid = src.prepare("SELECT id FROM scenario WHERE status='draft' ORDER BY id LIMIT 1").pluck().get() as number;
const dec = new Map((src.prepare('SELECT id, decimals FROM indicator').all() as {id:number;decimals:number}[]).map(r=>[r.id,r.decimals]));
const cells = src.prepare('SELECT indicator_id indicatorId, year, value FROM scenario_target WHERE scenario_id=? ORDER BY indicator_id, year LIMIT 5000').all(sid) as {indicatorId:number;year:number;value:number}[];
const blocks = [0.98, 1.02].map((f) => cells.map((c) => ({ ...c, value: roundTo(c.value * f, dec.get(c.indicatorId)!) })));
const s = createServices({ dataDir: '/tmp/bench/data', host: 'browser', appVersion: 'x' });
const r = await s.dispatch('workbook.open', { path: file });
if (!r.ok) throw new Error(JSON.stringify(r));
const times: number[] = [];
for (let i = 0; i < 60; i++) {
  const t = performance.now();
  const x = await s.dispatch('targets.set', { scenarioId: sid, action: 'target.paste', cells: blocks[i % 2] });
  if (!x.ok) throw new Error(JSON.stringify(x).slice(0, 300));
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log('median', times[30]!.toFixed(1));
await s.close();
