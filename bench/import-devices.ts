// Importing a 100,000-device Intune-style export end to end, as `inventory import` does it: decode,
// parse (Papa Parse), recognise the format, map every device through the resolver, build the preview,
// then apply it to a team in a real file store. Beside it, Papa Parse alone over the same bytes: the
// floor no import can go below; and the preview of the same devices as Graph JSON and as an Excel workbook. Peak memory is the process's high-water mark across the runs.
import { strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';
import { join } from 'node:path';
import { runCommand } from '../src/commands/run-command.js';
import { LowdbStore } from '../src/store/json/lowdb-store.js';
import { makeTempDir } from '../test/helpers/temp-dir.js';
import { depsAt } from '../test/helpers/test-core.js';
import { ms, summarize } from './stats.js';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

// What an Intune export of a mixed estate holds: builds of Windows 10 and 11 with and without an
// edition, Macs, phones, and a few rows no release is found for.
const MIX: [os: string, version: string, sku: string, share: number][] = [
  ['Windows', '10.0.19045.5131', 'Enterprise', 30],
  ['Windows', '10.0.19045.4894', 'Professional', 10],
  ['Windows', '10.0.19044.5131', 'Enterprise', 5],
  ['Windows', '10.0.22631.4460', 'Enterprise', 15],
  ['Windows', '10.0.22631.4460', '', 5],
  ['Windows', '10.0.26100.2314', 'Enterprise', 10],
  ['Windows', '10.0.26100.2314', 'Professional', 5],
  ['Windows', '10.0.17763.6532', 'Enterprise', 3],
  ['macOS', '14.7.1 (23H222)', '', 6],
  ['macOS', '15.1.1 (24B91)', '', 4],
  ['iOS/iPadOS', '17.6.1', '', 3],
  ['Android', '14', '', 2],
  ['Windows', '', 'Enterprise', 2],
];

function intuneExport(devices: number): Buffer {
  const header =
    'Device ID,Device name,Enrollment date,Last check-in,Azure AD Device ID,OS version,Serial number,Manufacturer,Model,Primary user UPN,Compliance,Managed by,Ownership,OS,SkuFamily,JoinType';
  const rows: string[] = [header];
  const total = MIX.reduce((sum, [, , , share]) => sum + share, 0);
  for (let n = 0; n < devices; n += 1) {
    let pick = (n * 7919) % total;
    const [os, version, sku] = MIX.find(([, , , share]) => (pick -= share) < 0) ?? MIX[0]!;
    const id = n.toString(16).padStart(8, '0');
    rows.push(
      `${id}-1c2d-4e5f-8a9b-00000000${id.slice(0, 4)},"PC-${n}",2023-02-14 09:12:44.0000000,11/27/2026 18:02:11,${id}-aaaa-bbbb-cccc-000000000000,${version},SN${n},Dell Inc.,"Latitude 5420",user${n}@contoso.com,Compliant,Intune,Corporate,${os},${sku},Azure AD joined`,
    );
  }
  return Buffer.from(`\ufeff${rows.join('\r\n')}\r\n`, 'utf8');
}

/** The same devices as Microsoft Graph's managedDevices answer, saved as JSON ("value"). */
function graphJson(devices: number): Buffer {
  const total = MIX.reduce((sum, [, , , share]) => sum + share, 0);
  const value = Array.from({ length: devices }, (_, n) => {
    let pick = (n * 7919) % total;
    const [os, version] = MIX.find(([, , , share]) => (pick -= share) < 0) ?? MIX[0]!;
    const id = n.toString(16).padStart(8, '0');
    return {
      id: `${id}-1c2d-4e5f-8a9b-00000000${id.slice(0, 4)}`,
      deviceName: `PC-${n}`,
      enrolledDateTime: '2023-02-14T09:12:44Z',
      lastSyncDateTime: '2026-11-27T18:02:11Z',
      operatingSystem: os === 'iOS/iPadOS' ? 'iOS' : os,
      osVersion: version,
      serialNumber: `SN${n}`,
      manufacturer: 'Dell Inc.',
      model: 'Latitude 5420',
      userPrincipalName: `user${n}@contoso.com`,
      complianceState: 'compliant',
      managedDeviceOwnerType: 'company',
    };
  });
  return Buffer.from(JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata', value }));
}

/** Excel's column letters: 0 -> A, 26 -> AA. */
const columnName = (index: number): string =>
  index < 26 ? String.fromCharCode(65 + index) : columnName(Math.floor(index / 26) - 1) + columnName(index % 26);

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The same export as Excel saves it (.xlsx): the rows of the CSV in one sheet, every text in the shared
 * strings part, as Excel writes them.
 */
function excelWorkbook(csv: Buffer): Uint8Array {
  const rows = Papa.parse<string[]>(csv.toString('utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
  const shared = new Map<string, number>();
  const indexOf = (text: string) => {
    let index = shared.get(text);
    if (index === undefined) shared.set(text, (index = shared.size));
    return index;
  };
  const sheetRows = rows.map(
    (row, r) =>
      `<row r="${r + 1}">${row.map((value, c) => (value === '' ? '' : `<c r="${columnName(c)}${r + 1}" t="s"><v>${indexOf(value)}</v></c>`)).join('')}</row>`,
  );
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const related = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="${main}" xmlns:r="${related}"><sheets><sheet name="Devices" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${related}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(
      `<sst xmlns="${main}" uniqueCount="${shared.size}">${[...shared.keys()].map((text) => `<si><t>${escapeXml(text)}</t></si>`).join('')}</sst>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<worksheet xmlns="${main}"><sheetData>${sheetRows.join('')}</sheetData></worksheet>`,
    ),
  });
}

const temp = makeTempDir();
const store = await LowdbStore.open(join(temp.path, 'eolwatch.json'));
const deps = depsAt('2026-11-28', { store: async () => store });
const bytes = intuneExport(DEVICES);
const json = graphJson(DEVICES);
const workbook = excelWorkbook(bytes);
const baselineRss = process.memoryUsage().rss;

const parseOnly: number[] = [];
const preview: number[] = [];
const apply: number[] = [];
const endToEnd: number[] = [];
const jsonPreview: number[] = [];
const workbookPreview: number[] = [];
let summary = '';
let importPeakMb: number;
try {
  for (let run = 0; run <= RUNS; run += 1) {
    let started = performance.now();
    const previewed = await runCommand(
      { kind: 'inventory-file', file: { name: 'intune.csv', bytes }, mode: 'preview' },
      deps,
      {
        workspace: 'T1',
        channel: `C${run}`,
        user: 'U1',
      },
    );
    const previewMs = performance.now() - started;
    started = performance.now();
    const applied = await runCommand(
      { kind: 'inventory-file', file: { name: 'intune.csv', bytes }, mode: 'replace' },
      deps,
      {
        workspace: 'T1',
        channel: `C${run}`,
        user: 'U1',
      },
    );
    const applyMs = performance.now() - started;
    started = performance.now();
    const fromJson = await runCommand(
      { kind: 'inventory-file', file: { name: 'managedDevices.json', bytes: json }, mode: 'preview' },
      deps,
      { workspace: 'T1', channel: `C${run}`, user: 'U1' },
    );
    const jsonMs = performance.now() - started;
    if (fromJson.kind !== 'import-preview') throw new Error(`unexpected ${fromJson.kind} from JSON`);
    started = performance.now();
    const fromWorkbook = await runCommand(
      { kind: 'inventory-file', file: { name: 'devices.xlsx', bytes: workbook }, mode: 'preview' },
      deps,
      { workspace: 'T1', channel: `C${run}`, user: 'U1' },
    );
    const workbookMs = performance.now() - started;
    if (fromWorkbook.kind !== 'import-preview' || fromWorkbook.devices !== DEVICES - DEVICES / 50)
      throw new Error(
        `unexpected ${fromWorkbook.kind} from the workbook: ${JSON.stringify(fromWorkbook).slice(0, 300)}`,
      );
    if (previewed.kind !== 'import-preview' || applied.kind !== 'inventory-updated')
      throw new Error(`unexpected ${previewed.kind} / ${applied.kind}`);
    summary = `${previewed.devices.toLocaleString('en-US')} devices -> ${previewed.rows.length} releases, ${previewed.unrecognised.reduce((sum, value) => sum + value.rows, 0).toLocaleString('en-US')} not recognised, ${previewed.guessed.reduce((sum, value) => sum + value.rows, 0).toLocaleString('en-US')} with the edition guessed`;
    if (run === 0) continue; // warm-up: JIT, the resolver's first calls
    preview.push(previewMs);
    apply.push(applyMs);
    endToEnd.push(previewMs + applyMs);
    jsonPreview.push(jsonMs);
    workbookPreview.push(workbookMs);
  }
  // The high-water mark of the imports alone: the baseline below holds every field, and comes after.
  importPeakMb = process.resourceUsage().maxRSS / 1024;
  for (let run = 0; run <= RUNS; run += 1) {
    const started = performance.now();
    Papa.parse(bytes.toString('utf8'), { delimiter: ',' });
    if (run > 0) parseOnly.push(performance.now() - started);
  }
} finally {
  await store.close();
  temp.remove();
}

const line = (label: string, samples: number[]) => {
  const { median, max } = summarize(samples);
  return `  ${label.padEnd(58)} median ${ms(median)}, worst ${ms(max)}`;
};
console.log(
  `importing a ${DEVICES.toLocaleString('en-US')}-device Intune-style export (${(bytes.length / 1024 / 1024).toFixed(1)} MB, UTF-8 with BOM, CRLF), ${RUNS} runs after a warm-up`,
);
console.log(`  ${summary}`);
console.log(line('baseline: Papa Parse alone over the same text', parseOnly));
console.log(line('preview: decode, parse, detect, map, preview', preview));
console.log(line('apply (replace): the same again, then store + history fsync', apply));
console.log(line('end to end (preview, then the button applies it)', endToEnd));
console.log(
  line(`preview of the same devices as Graph JSON (${(json.length / 1024 / 1024).toFixed(1)} MB)`, jsonPreview),
);
console.log(
  line(
    `preview of the same devices as an Excel workbook (${(workbook.length / 1024 / 1024).toFixed(1)} MB)`,
    workbookPreview,
  ),
);
console.log(
  `  preview, the Excel workbook / the CSV export: x${(summarize(workbookPreview).median / summarize(preview).median).toFixed(2)}`,
);
console.log(
  `  preview, Graph JSON / the CSV export: x${(summarize(jsonPreview).median / summarize(preview).median).toFixed(2)}`,
);
console.log(
  `  end to end / Papa Parse alone: x${(summarize(endToEnd).median / summarize(parseOnly).median).toFixed(2)}   (target: end to end < 2 s)`,
);
console.log(
  `  resident memory: ${(baselineRss / 1024 / 1024).toFixed(0)} MB with the catalogue and the file in memory, peak while importing ${importPeakMb.toFixed(0)} MB (+${(importPeakMb - baselineRss / 1024 / 1024).toFixed(0)})`,
);
