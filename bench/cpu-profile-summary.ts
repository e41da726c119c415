/**
 * Where a CPU profile's time went: self time per function and per area (a package under
 * node_modules, a folder of src/, Node's own internals, garbage collection), and inclusive time of
 * the project's own functions.
 *
 *   npx tsx bench/cpu-profile-summary.ts <file>.cpuprofile [rows, default 25]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function area(url: string, name: string): string {
  if (name === '(garbage collector)') return '(garbage collector)';
  if (name === '(idle)' || name === '(program)') return name;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  const own = /\/(src|bench)\/(.*)\/[^/]+$/.exec(url) ?? /\/(src|bench)\/([^/]+)$/.exec(url);
  if (own) return `${own[1]}/${(own[2] as string).split('/').slice(0, 2).join('/')}`;
  if (url.startsWith('node:') || url === '') return '(node)';
  return url;
}

const file = process.argv[2];
if (!file) throw new Error('usage: cpu-profile-summary.ts <file>.cpuprofile [rows]');
const rows = Number(process.argv[3] ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const self = new Map<number, number>();
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const idle = [...self].filter(([id]) => ['(idle)', '(program)'].includes(byId.get(id)?.callFrame.functionName ?? '')).reduce((a, [, t]) => a + t, 0);
const busy = total - idle;

const label = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*\/(node_modules|src|bench)\//, '$1/')}:${node.callFrame.lineNumber + 1}`;
const selfByFunction = new Map<string, number>();
const selfByArea = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, time] of self) {
  const node = byId.get(id);
  if (!node) continue;
  selfByFunction.set(label(node), (selfByFunction.get(label(node)) ?? 0) + time);
  const a = area(node.callFrame.url, node.callFrame.functionName);
  selfByArea.set(a, (selfByArea.get(a) ?? 0) + time);
  // Inclusive time of the project's functions: each sample counts once for every own frame on its stack.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at);
    if (!frame || !/\/src\//.test(frame.callFrame.url)) continue;
    const key = label(frame);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + time);
  }
}

const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / busy).toFixed(1).padStart(5)} %`;
const top = (map: Map<string, number>) =>
  [...map]
    .filter(([k]) => k !== '(idle)' && k !== '(program)' && !k.startsWith('(idle)') && !k.startsWith('(program)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows);
console.log(`busy ${(busy / 1000).toFixed(0)} ms of ${(total / 1000).toFixed(0)} ms sampled (percentages of busy time)`);
console.log('\nself time by area');
for (const [k, v] of top(selfByArea)) console.log(`${ms(v)}  ${k}`);
console.log('\nself time by function');
for (const [k, v] of top(selfByFunction)) console.log(`${ms(v)}  ${k}`);
console.log('\ninclusive time of own functions (src/)');
for (const [k, v] of top(inclusive)) console.log(`${ms(v)}  ${k}`);
