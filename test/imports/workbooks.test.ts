// An Excel workbook (.xlsx) imported as its sheet saved as CSV would be: Lansweeper's and ServiceNow's
// Excel exports, and people's own summaries and pivot tables. The fixtures were written by openpyxl (text
// inline); the same workbooks as Excel writes them (text in the shared strings part, in rich-text runs,
// with phonetic runs that are no text) are made from them here.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { MAX_IMPORT_BYTES } from '../../src/imports/import-limits.js';
import { MAX_WORKBOOK_PART_BYTES, readWorkbook } from '../../src/imports/read-workbook.js';
import { zipEntryNames } from '../../src/imports/unzip-export.js';
import { countsOf, planned, refusal } from '../helpers/import-plans.js';

const fixture = (name: string) => readFileSync(`test/fixtures/imports/${name}`);

/** The workbook with its parts changed: `edit` gets the unzipped parts and changes them in place. */
function edited(name: string, edit: (parts: Unzipped) => void): Uint8Array {
  const parts = unzipSync(fixture(name));
  edit(parts);
  return zipSync(parts);
}

/** Inline strings moved to a shared strings part, as Excel writes them; the first as rich-text runs. */
function withSharedStrings(parts: Unzipped): void {
  const strings: string[] = [];
  for (const [path, bytes] of Object.entries(parts)) {
    if (!path.startsWith('xl/worksheets/')) continue;
    parts[path] = strToU8(
      strFromU8(bytes).replace(/ t="inlineStr"><is><t>([^<]*)<\/t><\/is>/g, (_, text: string) => {
        strings.push(text);
        return ` t="s"><v>${strings.length - 1}</v>`;
      }),
    );
  }
  const items = strings.map((text, index) =>
    index === 0
      ? `<si><r><rPr><b/></rPr><t>${text.slice(0, 3)}</t></r><r><t xml:space="preserve">${text.slice(3)}</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>`
      : `<si><t>${text}</t></si>`,
  );
  parts['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${items.join('')}</sst>`,
  );
}

describe('an Excel workbook', () => {
  it('reads Lansweeper’s report saved as Excel as its CSV would be read', () => {
    const plan = planned(fixture('lansweeper-assets.xlsx'));
    expect(plan.format.id).toBe('lansweeper');
    expect(countsOf(plan)).toEqual({
      'windows/10-22h2': 2,
      'windows/11-23h2-w': 2,
      'windows-server/2019': 1,
      'windows-server/2012-r2': 1,
      'windows/5-sp3': 1,
    });
  });

  it('reads the same workbook with its text in the shared strings part, as Excel writes it', () => {
    const plan = planned(edited('lansweeper-assets.xlsx', withSharedStrings));
    expect(countsOf(plan)).toEqual(countsOf(planned(fixture('lansweeper-assets.xlsx'))));
  });

  it('finds the summary past a cover sheet, a filter row and a blank row; its Grand Total is not counted', () => {
    const plan = planned(fixture('excel-pivot.xlsx'));
    expect(plan.format.id).toBe('summary');
    expect(countsOf(plan)).toEqual({
      'windows/10-22h2': 1234,
      'windows/11-24h2-w': 56,
      'macos/14': 12,
      'windows-server/2016': 7,
    });
    expect(plan.unrecognised).toEqual([{ value: '(blank)', rows: 3 }]);
  });

  it('skips a hidden sheet', () => {
    const bytes = edited('excel-pivot.xlsx', (parts) => {
      const workbook = strFromU8(parts['xl/workbook.xml'] as Uint8Array);
      parts['xl/workbook.xml'] = strToU8(
        workbook.replace(/(<sheet [^>]*name="Pivot"[^>]*?)state="visible"/, '$1state="hidden"'),
      );
    });
    expect(refusal(bytes)).toContain('no column names an operating system');
  });
});

describe('a workbook refused, with the reason and nothing saved', () => {
  it('names the first sheet’s header when no sheet has an OS or a release and count', () => {
    const bytes = edited('excel-pivot.xlsx', (parts) => {
      for (const path of Object.keys(parts).filter((part) => part.startsWith('xl/worksheets/')))
        parts[path] = strToU8(
          strFromU8(parts[path] as Uint8Array).replace(/Row Labels|Count of Device name|Ownership/g, 'Colour'),
        );
    });
    expect(refusal(bytes)).toContain('the header row has “Device inventory, December 2026”');
  });

  it('names the sheet’s own row of a count that is no number', () => {
    const bytes = edited('excel-pivot.xlsx', (parts) => {
      const sheet = strFromU8(parts['xl/worksheets/sheet2.xml'] as Uint8Array);
      parts['xl/worksheets/sheet2.xml'] = strToU8(
        sheet.replace('<c r="B5" t="n"><v>56</v></c>', '<c r="B5" t="inlineStr"><is><t>lots</t></is></c>'),
      );
    });
    expect(refusal(bytes)).toBe('line 5: the count “lots” is not a whole number of machines');
  });

  it('does not expand entities a sheet declares (a billion laughs)', () => {
    const bytes = edited('lansweeper-assets.xlsx', (parts) => {
      const laughs = Array.from(
        { length: 9 },
        (_, level) => `<!ENTITY l${level + 1} "${`&l${level};`.repeat(10)}">`,
      ).join('');
      parts['xl/worksheets/sheet1.xml'] = strToU8(
        `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY l0 "lol">${laughs}]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>OSname</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>&l9;</t></is></c></row></sheetData></worksheet>`,
      );
    });
    expect(refusal(bytes)).toMatch(/not well-formed XML/);
  });

  it('stops a part that inflates past its limit, as it inflates', () => {
    // The limit is four times the import's (a sheet's XML is about twice its CSV); a smaller one here.
    expect(MAX_WORKBOOK_PART_BYTES).toBe(4 * MAX_IMPORT_BYTES);
    const bytes = edited('lansweeper-assets.xlsx', (parts) => {
      parts['xl/sharedStrings.xml'] = new Uint8Array(2 * 1024 * 1024 + 1).fill(0x20);
    });
    const read = readWorkbook(
      bytes,
      zipEntryNames(bytes) ?? [],
      { header: () => undefined, record: () => undefined },
      2 * 1024 * 1024,
    );
    expect(read).toEqual({ ok: false, reason: '“xl/sharedStrings.xml” in the zip archive is over 2 MB once unpacked' });
  });

  it('says a sheet that is not XML is not well-formed', () => {
    const bytes = edited('lansweeper-assets.xlsx', (parts) => {
      parts['xl/worksheets/sheet1.xml'] = strToU8('<worksheet><sheetData><row>');
    });
    expect(refusal(bytes)).toMatch(/^the workbook's part “xl\/worksheets\/sheet1.xml” is not well-formed XML/);
  });
});
