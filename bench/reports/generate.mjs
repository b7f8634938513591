// Writes the report sets of the scale benchmark: for each N given, DIR/N/ holds the real report
// (seeds/) and N-1 copies of the reviewed fixture brief (tests/fixtures/reports/), each under a new
// name with its ids renamed so none clash: gen-0001 ... gen-0099. The copies drop their indicator
// lines (99 copies of one brief are not a series). Usage: node generate.mjs DIR 1 10 100
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const REAL = '000_51d79537997213ea';
const FIXTURE = 'fixture-east-2021q1';
const [dir, ...counts] = process.argv.slice(2);
if (!dir || counts.length === 0) {
  console.error('usage: node generate.mjs DIR N...');
  process.exit(2);
}
const toml = readFileSync(join(ROOT, 'tests/fixtures/reports', `${FIXTURE}.facts.toml`), 'utf8');
const text = readFileSync(join(ROOT, 'tests/fixtures/reports', `${FIXTURE}.txt`), 'utf8');

export function copyOf(i) {
  const name = `gen-${String(i).padStart(4, '0')}`;
  const body = toml
    .split('\n').filter((l) => !l.startsWith('indicator = ')).join('\n')
    .replaceAll(FIXTURE, name)
    .replaceAll('east-2021q1', `${name}-s`);
  return { name, toml: body };
}

for (const n of counts.map(Number)) {
  const out = join(resolve(dir), String(n));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const ext of ['facts.toml', 'txt']) copyFileSync(join(ROOT, 'seeds', `${REAL}.${ext}`), join(out, `${REAL}.${ext}`));
  // The site's settings too (which report opens, the site's name and description), as the site has them.
  copyFileSync(join(ROOT, 'seeds', 'site.toml'), join(out, 'site.toml'));
  for (let i = 1; i < n; i++) {
    const c = copyOf(i);
    writeFileSync(join(out, `${c.name}.facts.toml`), c.toml);
    writeFileSync(join(out, `${c.name}.txt`), text);
  }
  console.log(`${out}: ${n} report(s)`);
}
