// The prepared catalogue: a start reuses the validated copy while every file it came from is unchanged,
// and falls back to the full load (writing a new copy) whenever one changed or the copy is not usable.
import { afterAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, existsSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCatalog, preparedCatalogPath } from '../../src/catalog-sync/prepared-catalog.js';
import type { CatalogSources } from '../../src/catalog-sync/load-initial-catalog.js';
import { indexCatalog } from '../../src/catalog/index-catalog.js';
import type { Resolver } from '../../src/catalog/resolve-name.js';
import { editedCatalog, releaseIn } from '../helpers/catalog-server.js';
import { CATALOG_FILES } from '../helpers/test-core.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const temp = makeTempDir();
afterAll(() => temp.remove());
const TODAY = '2026-11-29';
let made = 0;

/** Its own copy of the bundled files, so that their times can be changed. */
function sources(): CatalogSources {
  made += 1;
  const catalogPath = join(temp.path, `products-${made}.json`);
  const supplementsPath = join(temp.path, `supplements-${made}.json`);
  copyFileSync(CATALOG_FILES.catalogPath, catalogPath);
  copyFileSync(CATALOG_FILES.supplementsPath, supplementsPath);
  return { catalogPath, supplementsPath, cachePath: join(temp.path, `cache-${made}.json`) };
}

const labelOf = async (from: CatalogSources, key = 'windows/8.1') =>
  indexCatalog((await openCatalog(from, TODAY)).catalog).releaseByKey.get(key)?.label;

/** The copy's parts: its first line's numbers, its header, and each product's releases. */
function readCopy(path: string) {
  const bytes = readFileSync(path);
  const firstLine = bytes.subarray(0, bytes.indexOf(10) + 1).toString('latin1');
  const [, format, headerBytes] = /^eolwatch prepared catalogue (\d+) (\d+) (\d+)\n$/.exec(firstLine) ?? [];
  const header = JSON.parse(bytes.subarray(firstLine.length, firstLine.length + Number(headerBytes)).toString('utf8'));
  const bodyStart = firstLine.length + Number(headerBytes);
  const releases = header.products.map((product: { at: number; bytes: number }) =>
    JSON.parse(bytes.subarray(bodyStart + product.at, bodyStart + product.at + product.bytes).toString('utf8')),
  );
  return { format: Number(format), header, releases };
}

/** Edits the prepared copy in place, keeping its stamps: only a start that reads the copy sees the edit. */
function editCopy(from: CatalogSources, label: string): void {
  const path = preparedCatalogPath(from);
  const { format, header, releases } = readCopy(path);
  const windows = header.products.findIndex((product: { name: string }) => product.name === 'windows');
  releases[windows].find((release: { name: string }) => release.name === '8.1').label = label;
  let at = 0;
  const bodies = releases.map((list: unknown, index: number) => {
    const body = JSON.stringify(list);
    Object.assign(header.products[index], { at, bytes: Buffer.byteLength(body) });
    at += Buffer.byteLength(body);
    return body;
  });
  const headerText = JSON.stringify(header);
  writeFileSync(
    path,
    `eolwatch prepared catalogue ${format} ${Buffer.byteLength(headerText)} ${at}\n${headerText}${bodies.join('')}`,
  );
}

it('writes a copy on the first start and reads it on the next, with every fact as the full load gives it', async () => {
  const from = sources();
  const full = await openCatalog(from, TODAY);
  expect(existsSync(preparedCatalogPath(from))).toBe(true);
  const again = await openCatalog(from, TODAY);
  expect(again.source).toBe('bundled snapshot');
  expect(again.catalog.generatedAt).toBe(full.catalog.generatedAt);
  expect(again.catalog.releaseCount).toBe(full.catalog.releaseCount);
  expect(again.catalog.products).toEqual(full.catalog.products);
  editCopy(from, 'read from the copy');
  expect(await labelOf(from)).toBe('read from the copy');
});

const later = new Date(Date.now() + 5000);

it.each([
  ['the catalogue file', (from: CatalogSources) => utimesSync(from.catalogPath, later, later)],
  ['the supplements file', (from: CatalogSources) => utimesSync(from.supplementsPath, later, later)],
])('ignores the copy once %s changed, and writes a new one', async (_name, change) => {
  const from = sources();
  await openCatalog(from, TODAY);
  editCopy(from, 'stale');
  change(from);
  expect(await labelOf(from)).toBe('8.1');
  editCopy(from, 'the new copy');
  expect(await labelOf(from)).toBe('the new copy');
});

it('ignores the copy once a refresh wrote the cache beside it', async () => {
  const from = sources();
  await openCatalog(from, TODAY);
  editCopy(from, 'stale');
  writeFileSync(
    from.cachePath,
    JSON.stringify({
      url: 'x',
      fetchedAt: TODAY,
      validators: { etag: '"v2"', lastModified: null },
      body: readFileSync(from.catalogPath, 'utf8'),
    }),
  );
  const opened = await openCatalog(from, TODAY);
  expect(opened).toMatchObject({ source: 'cached refresh', validators: { etag: '"v2"' }, problem: null });
  expect(indexCatalog(opened.catalog).releaseByKey.get('windows/8.1')?.label).toBe('8.1');
  expect(await openCatalog(from, TODAY)).toMatchObject({
    source: 'cached refresh',
    fetchedAt: TODAY,
    validators: { etag: '"v2"' },
  });
});

it.each([
  ['cut short', (text: string) => text.slice(0, text.length / 2)],
  [
    'of an older format',
    (text: string) => text.replace(/^eolwatch prepared catalogue \d+/, 'eolwatch prepared catalogue 2'),
  ],
  ['of the JSON format before', (text: string) => JSON.stringify({ format: 2, products: [], text })],
  ['damaged in its header', (text: string) => text.replace(/"stamps":/, '"stamps"?')],
  ['not an object', () => 'null'],
  ['without products', (text: string) => text.replace(/"products":/, '"items":')],
])('falls back to the full load when the copy is %s', async (_name, damage) => {
  const from = sources();
  await openCatalog(from, TODAY);
  const path = preparedCatalogPath(from);
  writeFileSync(path, damage(readFileSync(path, 'utf8')));
  expect(await labelOf(from)).toBe('8.1');
  expect((await openCatalog(from, TODAY)).catalog.releaseCount).toBeGreaterThan(1000);
});

it('keeps no copy of a start whose cache was refused, so the refusal is said at every start', async () => {
  const from = sources();
  writeFileSync(
    from.cachePath,
    JSON.stringify({
      url: 'x',
      fetchedAt: TODAY,
      validators: { etag: null, lastModified: null },
      body: editedCatalog(
        readFileSync(from.catalogPath, 'utf8'),
        (data) => (releaseIn(data, 'windows', '8.1').eolFrom = '9999-01-01'),
      ),
    }),
  );
  for (const _start of [1, 2]) {
    const opened = await openCatalog(from, TODAY);
    expect(opened.source).toBe('bundled snapshot');
    expect(opened.problem).toMatch(/9999-01-01/);
  }
  expect(existsSync(preparedCatalogPath(from))).toBe(false);
});

it("keeps the copy in the user's cache folder when the cache's own folder is not there (npx from anywhere)", async () => {
  const fallbackDir = join(temp.path, 'user-cache', 'eolwatch');
  const from = { ...sources(), cachePath: join(temp.path, 'no-data-folder', 'cache.json'), fallbackDir };
  await openCatalog(from, TODAY);
  const path = preparedCatalogPath(from);
  expect(path.startsWith(fallbackDir)).toBe(true);
  expect(existsSync(path)).toBe(true);
  editCopy(from, 'from the user cache');
  expect(await labelOf(from)).toBe('from the user cache');
  // Another catalogue file is another copy.
  expect(preparedCatalogPath({ ...from, catalogPath: CATALOG_FILES.catalogPath })).not.toBe(path);
});

it('starts all the same when the copy cannot be written', async () => {
  const file = join(temp.path, 'a-file');
  writeFileSync(file, '');
  // Neither the cache's folder nor the fallback (under a file) can hold it.
  const from = {
    ...sources(),
    cachePath: join(temp.path, 'no-such-folder', 'cache.json'),
    fallbackDir: join(file, 'eolwatch'),
  };
  expect(await labelOf(from)).toBe('8.1');
  expect(existsSync(preparedCatalogPath(from))).toBe(false);
});

describe('a product read from the copy on first use', () => {
  const summary = (resolution: ReturnType<Resolver>) =>
    resolution.kind === 'release'
      ? `${resolution.release.productName}/${resolution.release.name}`
      : resolution.kind === 'releases'
        ? `${resolution.product.name}: ${resolution.releases.map((release) => release.name).join(',')}`
        : resolution.kind === 'ambiguous'
          ? `ambiguous: ${resolution.candidates.join(',')}`
          : `not-found: ${resolution.suggestions.join(',')}`;

  it('answers every question of the corpus, and more, as the full load does', async () => {
    const from = sources();
    const full = indexCatalog((await openCatalog(from, TODAY)).catalog);
    const prepared = indexCatalog((await openCatalog(from, TODAY)).catalog);
    const questions = readFileSync('test/fixtures/questions.tsv', 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'))
      .map((line) => line.split('\t')[0] as string);
    // Codenames, labels alone, the catalogue's own spelling, builds and near misses.
    questions.push('jammy', 'bookworm', 'noble', 'xp sp3', 'windows-server 2003', 'WINDOWS 8.1', '10.0.19045');
    questions.push('6.3.9600', 'vista', 'is vista dead', 'nope', '22h2', 'windwos 8.1', 'ubuntu 99.04', '');
    expect(questions.length).toBeGreaterThan(400);
    for (const question of questions)
      expect([question, summary(prepared.resolve(question))]).toEqual([question, summary(full.resolve(question))]);
    expect(prepared.catalog.releaseLabels()).toEqual(full.catalog.releaseLabels());
  });

  it('reads the copy it opened, even after a new copy replaced it', async () => {
    const from = sources();
    await openCatalog(from, TODAY);
    const opened = await openCatalog(from, TODAY);
    const path = preparedCatalogPath(from);
    // Another start writes a new copy (as writeFileDurably does: a new file renamed over the old).
    copyFileSync(path, `${path}.new`);
    renameSync(`${path}.new`, path);
    editCopy(from, 'the other copy');
    expect(indexCatalog(opened.catalog).releaseByKey.get('windows/8.1')?.label).toBe('8.1');
  });

  it('says which copy is damaged when a product cannot be read from it', async () => {
    const from = sources();
    await openCatalog(from, TODAY);
    const path = preparedCatalogPath(from);
    // One byte of the first product's releases, so that the copy is still taken as whole.
    const bytes = readFileSync(path);
    const firstLine = bytes.indexOf(10) + 1;
    const headerBytes = Number(/ (\d+) \d+\n$/.exec(bytes.subarray(0, firstLine).toString('latin1'))?.[1]);
    bytes[firstLine + headerBytes] = '!'.charCodeAt(0);
    writeFileSync(path, bytes);
    const opened = await openCatalog(from, TODAY);
    expect(() => opened.catalog.productByName.get(opened.catalog.products[0]?.name ?? '')?.releases).toThrow(
      new RegExp(`prepared catalogue ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged`),
    );
  });
});
