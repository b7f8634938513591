// The Atom feed (feed.xml beside index.html, written by the publish step: crates/publish/src/feed.rs)
// of the one-report site (dist/) and of the several-report one (dist-multi/, the fixture reports
// beside the real one). Read as a feed reader reads it: well-formed XML (fast-xml-parser's
// validator, as the feed parser itself forgives broken markup), parsed by feedsmith as Atom. Every
// link in it is relative and, served under a sub-path, resolves against the feed's own address.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { detectAtomFeed, parseAtomFeed } from 'feedsmith';
import { serve, DIST } from '../lib/server.mjs';
import { elements } from '../lib/html.mjs';

const MULTI = resolve(fileURLToPath(new URL('../../../dist-multi/', import.meta.url)));

/** The NAMEs of the reports in a folder of reports (NAME.facts.toml beside NAME.txt). */
const reportNames = (folder) => readdirSync(resolve(fileURLToPath(new URL(folder, import.meta.url))))
  .filter((f) => f.endsWith('.facts.toml'))
  .map((f) => f.slice(0, -'.facts.toml'.length));
const SEEDS = reportNames('../../../seeds/');
const FIXTURES = reportNames('../../fixtures/reports/');

const SITES = [
  { label: 'dist', dir: DIST, reports: SEEDS, revisions: 0 },
  // The Q3 brief restates a figure of the Q1 brief with another value.
  { label: 'dist-multi', dir: MULTI, reports: [...SEEDS, ...FIXTURES], revisions: 1 },
];

const servers = new Map();
before(async () => {
  for (const site of SITES) {
    assert.ok(existsSync(join(site.dir, 'feed.xml')), `no ${join(site.dir, 'feed.xml')}: build the site first (bash .ci/build; dist-multi with DASHBOARD_SEEDS=seeds:tests/fixtures/reports bash .ci/build --dist dist-multi)`);
    servers.set(site.dir, await serve({ root: site.dir }));
  }
});
after(async () => { for (const server of servers.values()) await server.close(); });

/** The site's feed as text and as feedsmith reads it. */
function readFeed(dir) {
  const xml = readFileSync(join(dir, 'feed.xml'), 'utf8');
  return { xml, feed: parseAtomFeed(xml) };
}

/** The page's site block (the JSON the boot script reads): its report, its data, the site's name. */
function siteBlock(dir, page = 'index.html') {
  const html = readFileSync(join(dir, page), 'utf8');
  const block = elements(html).find((e) => e.name === 'script' && e.attrs.id === 'site');
  assert.ok(block, `${page} has a site block`);
  return JSON.parse(block.text);
}

const linkOf = (entry) => entry.links?.find((l) => (l.rel ?? 'alternate') === 'alternate')?.href;
const isRevision = (entry) => /\?indicator=/.test(linkOf(entry) ?? '');
/** The links inside an entry's HTML content. */
const contentLinks = (entry) => elements(entry.content?.value ?? '').filter((e) => e.name === 'a').map((e) => e.attrs.href);
/** A link written relative to where it is: no scheme, no host, no root. */
const isRelative = (href) => typeof href === 'string' && href !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('/');

for (const site of SITES) {
  test(`${site.label}/feed.xml is well-formed and parses as an Atom feed named after the site, with stable ids and relative links only`, () => {
    const { xml, feed } = readFeed(site.dir);
    assert.equal(XMLValidator.validate(xml), true, 'well-formed XML');
    assert.ok(detectAtomFeed(xml), 'detected as Atom');
    assert.ok(xml.includes('<feed xmlns="http://www.w3.org/2005/Atom"'), 'the Atom namespace');
    const { title_zh, title_en } = siteBlock(site.dir);
    assert.equal(feed.title?.value, `${title_zh} · ${title_en}`);
    assert.match(feed.subtitle?.value ?? '', /last day of the latest month/, 'the subtitle says how entries are dated');
    // Ids are absolute IRIs that do not name a host: the site is served from anywhere.
    const ids = [feed.id, ...feed.entries.map((e) => e.id)];
    for (const id of ids) assert.match(id ?? '', /^(urn:uuid:[0-9a-f-]{36}|tag:.+)$/, `${id} is a host-free IRI`);
    assert.equal(new Set(ids).size, ids.length, 'every id differs');
    assert.deepEqual(feed.links.map((l) => [l.rel, l.href]).sort(), [['alternate', './'], ['self', 'feed.xml']]);
    assert.ok(!/xml:base="[a-z]+:/i.test(xml), 'no absolute xml:base');
    for (const entry of feed.entries) {
      assert.ok(entry.title?.value, `entry ${entry.id} has a title`);
      for (const href of [linkOf(entry), ...contentLinks(entry)]) assert.ok(isRelative(href), `not a relative link: ${href} (${entry.title?.value})`);
    }
  });

  test(`${site.label}/feed.xml: entries are newest first, each dated at midnight UTC, the feed as new as its newest entry`, () => {
    const { feed } = readFeed(site.dir);
    const dates = feed.entries.map((e) => e.updated);
    for (const d of dates) assert.match(d, /^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    for (let i = 1; i < dates.length; i++) {
      assert.ok(Date.parse(dates[i - 1]) >= Date.parse(dates[i]), `entry ${i} (${dates[i]}) is newer than entry ${i - 1} (${dates[i - 1]})`);
    }
    assert.equal(feed.updated, dates[0]);
  });

  test(`${site.label}/feed.xml has an entry per report (the default one at ./) and ${site.revisions ? 'at least one revision' : 'its revisions'}`, () => {
    const { feed } = readFeed(site.dir);
    const reports = feed.entries.filter((e) => !isRevision(e));
    assert.equal(reports.length, site.reports.length, reports.map(linkOf).join(', '));
    const links = reports.map(linkOf);
    const defaultName = siteBlock(site.dir).name;
    assert.deepEqual(links.filter((l) => l === './'), ['./'], 'the default report is the site\'s address');
    for (const name of site.reports.filter((n) => n !== defaultName)) assert.ok(links.includes(`${name}.html`), `${name}.html in ${links}`);
    for (const entry of reports) assert.match(entry.summary?.value ?? '', /\d+ figures?/, 'the summary says how many figures');
    const revisions = feed.entries.filter(isRevision);
    assert.ok(revisions.length >= site.revisions, `${revisions.length} revision entries`);
    for (const entry of revisions) {
      assert.match(entry.title.value, /^修订：.+（.+）.+ · Revised: .+/);
      const content = elements(entry.content?.value ?? '');
      assert.equal(content.filter((e) => e.name === 'blockquote').length, 2, 'both sentences');
      assert.equal(contentLinks(entry).length, 2, 'a link to each sentence in its report');
    }
  });

  test(`${site.label}: every link of the feed resolves, served under a sub-path`, async () => {
    const server = servers.get(site.dir);
    const { feed } = readFeed(site.dir);
    const feedUrl = new URL('feed.xml', server.url);
    const self = await fetch(feedUrl);
    assert.equal(self.status, 200, String(feedUrl));
    const hrefs = [...feed.links.map((l) => l.href), ...feed.entries.flatMap((e) => [linkOf(e), ...contentLinks(e)])];
    for (const href of new Set(hrefs)) {
      // A feed reader resolves a relative link against the feed's own address.
      const url = new URL(href, feedUrl);
      assert.ok(url.origin === server.origin && url.pathname.startsWith(new URL(server.url).pathname), `${href} leaves the site (${url})`);
      const response = await fetch(url);
      assert.equal(response.status, 200, `${href} (${url})`);
      await response.arrayBuffer();
    }
    // The indicator a revision links to is one its report's page holds (its report file declares it).
    for (const entry of feed.entries.filter(isRevision)) {
      const url = new URL(linkOf(entry), feedUrl);
      const page = url.pathname.slice(new URL(server.url).pathname.length) || 'index.html';
      const file = JSON.parse(readFileSync(join(site.dir, siteBlock(site.dir, page).report), 'utf8'));
      const indicator = url.searchParams.get('indicator');
      assert.ok((file.report?.indicators ?? []).some((i) => i.id === indicator), `${page}'s report declares ${indicator}`);
    }
  });

  test(`${site.label}/index.html names the feed in its head`, () => {
    const html = readFileSync(join(site.dir, 'index.html'), 'utf8');
    const links = elements(html).filter((e) => e.name === 'link' && e.parent === 'head' && e.attrs.rel === 'alternate' && e.attrs.type === 'application/atom+xml');
    assert.deepEqual(links.map((l) => l.attrs.href), ['feed.xml']);
  });
}
