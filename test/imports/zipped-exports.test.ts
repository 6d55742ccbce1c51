// A device export in a zip, as Intune's export and Graph's report export jobs hand it over: the one
// CSV or JSON inside is read as if sent alone; anything else is refused with the reason, nothing saved.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Zip, ZipDeflate, strToU8, zipSync } from 'fflate';
import { MAX_IMPORT_BYTES } from '../../src/imports/import-limits.js';
import { countsOf, planned, refusal } from '../helpers/import-plans.js';

const intuneCsv = readFileSync('test/fixtures/imports/intune-devices.csv');

/** A zip written as streaming tools write it: sizes in a data descriptor after each entry, not before. */
function streamedZip(name: string, content: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  const entry = new ZipDeflate(name);
  zip.add(entry);
  entry.push(content, true);
  zip.end();
  return Buffer.concat(parts);
}

describe('a zip holding one export', () => {
  it('reads Intune’s zipped device export as the CSV itself', () => {
    const zipped = planned(readFileSync('test/fixtures/imports/intune-devices-export.zip'));
    const alone = planned(intuneCsv);
    expect(zipped.format.id).toBe('intune');
    expect(countsOf(zipped)).toEqual(countsOf(alone));
    expect(zipped.devices).toBe(113);
  });

  it.each([
    ['deflated', zipSync({ 'devices.csv': intuneCsv })],
    ['stored, not compressed', zipSync({ 'devices.csv': [intuneCsv, { level: 0 }] })],
    ['written by a streaming tool (a data descriptor)', streamedZip('devices.csv', intuneCsv)],
    [
      'in a folder, beside macOS’s resource fork',
      zipSync({
        export: { 'devices.csv': intuneCsv },
        __MACOSX: { export: { '._devices.csv': strToU8('x') } },
      }),
    ],
  ])('reads the CSV in a zip %s', (_how, bytes) => {
    expect(countsOf(planned(bytes))).toEqual(countsOf(planned(intuneCsv)));
  });

  it('reads an Intune report export job in JSON: its columns in “Schema”, its rows in “Values”', () => {
    const plan = planned(readFileSync('test/fixtures/imports/intune-report-export-job.zip'));
    expect(plan.format.id).toBe('intune');
    expect(countsOf(plan)).toEqual({
      'android/14': 1,
      'ios/17': 1,
      'macos/14': 1,
      'windows/10-22h2': 1,
      // A bare build with no edition: counted under the edition whose support ends first, and said so.
      'windows/10-1809-w': 1,
      'windows/11-23h2-w': 1,
      'windows/11-24h2-w': 1,
    });
    expect(plan.guessed.map((guess) => guess.value)).toEqual([
      'Windows 10.0.22631.4460',
      'Windows 10.0.26100.2314',
      'Windows 10.0.17763.6414',
    ]);
  });

  it('reads JSON in a zip, as a Graph export job set to JSON writes it', () => {
    const json = readFileSync('test/fixtures/imports/graph-managed-devices.json');
    expect(countsOf(planned(zipSync({ 'report.json': json })))).toEqual(countsOf(planned(json)));
  });
});

describe('a zip refused, with the reason', () => {
  it.each([
    ['no export in it', zipSync({ 'readme.md': strToU8('hello') }), 'a zip archive with no CSV or JSON file in it'],
    [
      'several exports',
      zipSync({ 'a.csv': intuneCsv, 'b.csv': intuneCsv }),
      'the zip archive holds 2 files (“a.csv”, “b.csv”): import them one at a time',
    ],
    [
      'an Excel workbook with no sheet',
      zipSync({
        '[Content_Types].xml': strToU8('<Types/>'),
        xl: { 'workbook.xml': strToU8('<workbook/>') },
      }),
      'the workbook has no sheet to read',
    ],
    ['a broken archive', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'zip archive'],
    [
      'a zip inside the zip',
      zipSync({ 'inner.csv': zipSync({ 'devices.csv': intuneCsv }) }),
      'a zip archive or an Excel workbook',
    ],
  ])('%s', (_what, bytes, reason) => {
    expect(refusal(bytes)).toContain(reason);
  });

  it('stops an entry that inflates past the import limit (a zip bomb) without holding it whole', () => {
    // Zeros compress about a thousandfold: a small archive that would unpack past the limit.
    const bomb = zipSync({ 'devices.csv': new Uint8Array(MAX_IMPORT_BYTES + 1) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(refusal(bomb)).toBe('“devices.csv” in the zip archive is over 50 MB once unpacked');
  });
});
