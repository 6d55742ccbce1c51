import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { CatalogError } from '../../src/catalog/catalog.js';
import { createCatalog } from '../../src/catalog/create-catalog.js';
import { CATALOG_FILES, testCore } from '../helpers/test-core.js';

const readJson = (path: string): any => JSON.parse(readFileSync(path, 'utf8'));
const supplements = readJson(CATALOG_FILES.supplementsPath);
const small = () => readJson('test/fixtures/api-v1-product-windows.json');
const asFull = (productResponse: any) => ({
  schema_version: '1.2.1',
  generated_at: '2026-08-22T08:52:34+00:00',
  total: 1,
  result: [productResponse.result],
});

describe('the catalogue', () => {
  it('holds all 464 products and 8,351 releases of the snapshot, dated 2026-08-22', () => {
    const { catalog } = testCore();
    expect(catalog.products).toHaveLength(464);
    expect(catalog.releaseCount).toBe(8351);
    expect(catalog.generatedAt.slice(0, 10)).toBe('2026-08-22');
  });

  it('accepts a single product in the full shape', () => {
    expect(createCatalog(asFull(small()), supplements).productByName.get('windows')?.releases).toHaveLength(47);
  });

  it.each([
    ['a release date that does not parse', (data: any) => (data.result[0].releases[0].releaseDate = '2023-02-30')],
    ['an end date that is not a date', (data: any) => (data.result[0].releases[0].eolFrom = 'soon')],
    ['a product without releases', (data: any) => delete data.result[0].releases],
    ['no result at all', (data: any) => delete data.result],
  ])('refuses %s', (_case, spoil) => {
    const data = asFull(small());
    spoil(data);
    expect(() => createCatalog(data, supplements)).toThrow(CatalogError);
  });

  it('refuses a supplement for a release the catalogue lacks', () => {
    const bad = { supplements: [{ ...supplements.supplements[0], release: '3.11' }] };
    expect(() => createCatalog(asFull(small()), bad)).toThrow(/windows 3\.11/);
  });
});
