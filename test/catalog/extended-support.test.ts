// Who pays for extended support: the table names only products of the catalogue that have an
// extended phase, and answers say free, paid or by subscription only where the table says so.
import { describe, expect, it } from '@jest/globals';
import { extendedSupportTerms } from '../../src/catalog/names/extended-support.js';
import { runText } from '../../src/commands/run-command.js';
import { renderText } from '../../src/render/render-text.js';
import { depsAt, SPEAKER, testCore } from '../helpers/test-core.js';

const catalog = testCore().catalog;
const answer = async (text: string, day = '2026-12-06') => renderText(await runText(text, depsAt(day), SPEAKER));

describe('the table of who pays for extended support', () => {
  it.each(Object.keys(extendedSupportTerms))('%s is a product with an extended phase', (name) => {
    const product = catalog.productByName.get(name);
    expect(product?.releases.some((release) => release.phases.some((phase) => phase.kind === 'extended'))).toBe(true);
  });

  it.each([
    ['debian 12', 'Only free extended support remains: Debian LTS', 'Debian LTS is free'],
    ['ubuntu 20.04', 'Only extended support (subscription) remains', 'comes with Ubuntu Pro'],
    ['windows 10 22h2', 'Only paid extended support remains: Extended Security Updates', 'bought per device'],
    ['rhel 7', 'Only paid extended support remains', 'paid add-on'],
  ])('%s: %s', async (question, status, note) => {
    const text = await answer(question);
    expect(text).toContain(status);
    expect(text).toContain(note);
  });

  it('claims no price for a product it does not list', async () => {
    const unlisted = catalog.products.find(
      (product) =>
        !(product.name in extendedSupportTerms) &&
        product.releases.some((release) => release.phases.some((phase) => phase.kind === 'extended')),
    );
    expect(unlisted).toBeDefined();
    expect(unlisted && (await answer(`${unlisted.name}`))).not.toMatch(/\b(paid|free)\b/);
  });

  it('counts machines "on extended support only", whoever pays', async () => {
    const deps = depsAt('2026-12-06');
    await runText('inventory set debian 12 30, windows 10 22h2 5', deps, SPEAKER);
    const text = renderText(await runText('inventory', deps, SPEAKER));
    expect(text).toContain('35 on extended support only');
    expect(text).toContain('free Debian LTS only until 2028-06-30');
    expect(text).toContain('paid Extended Security Updates only until 2028-10-10');
  });

  it('says who pays in exports and the HTTP API (extended_support_cost), null where nobody has said', async () => {
    const deps = depsAt('2026-12-06');
    await runText(
      'inventory set debian 12 30, windows 10 22h2 5, ubuntu 20.04 4, windows 8.1 2, eslint 8 1',
      deps,
      SPEAKER,
    );
    const result = await runText('inventory export --format json', deps, SPEAKER);
    if (result.kind !== 'export') throw new Error(result.kind);
    const rows = (
      JSON.parse(result.content) as {
        counts: { product: string; release: string; extended_support_cost: string | null }[];
      }
    ).counts;
    const costs = Object.fromEntries(rows.map((row) => [`${row.product}/${row.release}`, row.extended_support_cost]));
    expect(costs).toMatchObject({
      'debian/12': 'free',
      'windows/10-22h2': 'paid',
      'ubuntu/20.04': 'subscription',
      'windows/8.1': null,
    });
  });
});
