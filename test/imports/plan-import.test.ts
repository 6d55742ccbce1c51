// Device exports as the tools write them -> exact counts per release; bad files refused with a reason.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { MAX_IMPORT_ROWS } from '../../src/imports/read-export-rows.js';
import { MAX_IMPORT_BYTES } from '../../src/imports/import-limits.js';
import { MAX_DISTINCT_UNRECOGNISED, planImport, type ImportPlan } from '../../src/imports/plan-import.js';
import { testCore } from '../helpers/test-core.js';

const deps = testCore().deps();
const fixture = (name: string) => readFileSync(`test/fixtures/imports/${name}`);

function plan(bytes: Uint8Array | string): ImportPlan {
  const planning = planImport(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, deps);
  if (!planning.ok) throw new Error(planning.reason);
  return planning.plan;
}

const countsOf = (result: ImportPlan) =>
  Object.fromEntries(result.counts.map(({ release, count }) => [`${release.productName}/${release.name}`, count]));

function refusal(bytes: Uint8Array | string): string {
  const planning = planImport(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, deps);
  if (planning.ok) throw new Error(`accepted: ${JSON.stringify(countsOf(planning.plan))}`);
  return planning.reason;
}

describe('each tool’s export, recognised by its header row', () => {
  it.each([
    [
      'intune-devices.csv',
      'intune',
      {
        'windows/10-22h2': 40,
        'windows/11-23h2-e': 25,
        'windows/11-24h2-w': 15,
        'windows/11-23h2-w': 10,
        'macos/14': 8,
        'ios/17': 6,
        'windows/10-21h2-e': 5,
        'android/14': 4,
      },
      3,
    ],
    [
      'configmgr-devices.tsv',
      'configmgr',
      {
        'windows/10-22h2': 12,
        'windows/10-1809-e-lts': 7,
        'windows-server/2012-r2': 4,
        'windows-server/2016': 3,
        'windows/11-23h2-e': 2,
        'windows/7-sp1': 2,
        'windows-server/2008-r2-sp1': 1,
      },
      0,
    ],
    ['jamf-computers.csv', 'jamf', { 'macos/15': 9, 'macos/14': 6, 'macos/13': 3, 'macos/12': 2, 'macos/10.15': 1 }, 0],
    [
      'lansweeper-assets.csv',
      'lansweeper',
      {
        'windows/10-22h2': 11,
        'windows/11-23h2-w': 6,
        'windows-server/2012-r2': 3,
        'windows-server/2019': 2,
        'windows/5-sp3': 1,
      },
      0,
    ],
    [
      'ad-computers-ps51.csv',
      'active-directory',
      {
        'windows/5-sp3': 18,
        'windows/8.1': 14,
        'windows-server/2012-r2': 5,
        'windows/10-22h2': 4,
        'windows/10-21h2-w': 3,
        'windows-server/2022': 2,
        'windows/7-sp1': 1,
      },
      3,
    ],
    [
      'defender-devices.csv',
      'defender',
      {
        'windows/10-22h2': 6,
        'windows-server/2019': 3,
        'windows-server/2012-r2': 2,
        'ubuntu/22.04': 2,
        'macos/14': 2,
        'windows/7-sp1': 1,
        'rhel/8': 1,
        'windows/11-23h2-w': 1,
      },
      1,
    ],
    [
      'servicenow-computers.csv',
      'device-list',
      {
        'windows/10-22h2': 4,
        'windows/11-23h2-e': 3,
        'rhel/8': 2,
        'windows-server/2016': 2,
        'macos/14': 1,
        'rhel/7': 1,
        'sles/15.5': 1,
        'ubuntu/22.04': 1,
        'windows-server/2012-r2': 1,
      },
      1,
    ],
    [
      'qualys-assets.csv',
      'device-list',
      {
        'windows/10-22h2': 3,
        'windows-server/2019': 2,
        'windows/11-23h2-w': 2,
        'macos/14': 1,
        'rhel/8': 1,
        'ubuntu/22.04': 1,
        'windows-server/2022': 1,
      },
      0,
    ],
    [
      // Nessus names Linux by its kernel, then the distribution; a router's Cisco IOS is no iPhone's.
      'tenable-assets.csv',
      'device-list',
      {
        'ubuntu/22.04': 3,
        'windows/10-22h2': 3,
        'rhel/8': 2,
        'ubuntu/20.04': 2,
        'windows-server/2022': 2,
        'centos/7': 1,
        'debian/12': 1,
        'esxi/7.0': 1,
        'rocky-linux/9': 1,
        'sles/15.5': 1,
        'windows/11-23h2-w': 1,
      },
      1,
    ],
    [
      // "Platform" names the device (iPhone, iPad, Mac): its OS is counted, never an iPhone model.
      'kandji-devices.csv',
      'device-list',
      { 'ios/16': 1, 'ipados/17': 1, 'macos/12': 1, 'macos/13': 1, 'macos/14': 1 },
      0,
    ],
    [
      // Only an "OS Version" column, with the OS's name in it.
      'mosyle-devices.csv',
      'device-list',
      { 'macos/14': 2, 'ios/16': 1, 'ipados/17': 1, 'macos/11': 1, 'macos/13': 1 },
      0,
    ],
    [
      // "Platform" says only Windows, Linux or Mac; "OS Version" names the system, "OS Build" its build.
      'crowdstrike-hosts.csv',
      'device-list',
      {
        'windows/10-22h2': 2,
        'windows/10-21h2-w': 1,
        'windows/11-24h2-w': 1,
        'windows/7-sp1': 1,
        'windows-server/2019': 1,
        'windows-server/2012-r2': 1,
        'windows-server/2022': 1,
        'rhel/8': 1,
        'ubuntu/22.04': 1,
        'centos/7': 1,
        'macos/14': 1,
        'macos/12': 1,
        'macos/15': 1,
      },
      0,
    ],
    [
      // "OS" holds only the version; "Platform" names the system (WinRT, AppleOsX, Apple, Android), and
      // "Model" tells an iPad's "Apple" from an iPhone's. The scanner with no OS is unrecognised.
      'workspace-one-devices.csv',
      'device-list',
      {
        'windows/10-22h2': 2,
        'windows/11-24h2-w': 1,
        'macos/14': 1,
        'macos/13': 1,
        'ios/17': 1,
        'ipados/16': 1,
        'android/13': 1,
        'android/14': 1,
      },
      1,
    ],
    [
      // The OS's columns named with a prefix ("Asset OS Name", "Asset OS Version"); a printer's firmware
      // is no operating system the catalogue tracks.
      'insightvm-assets.csv',
      'device-list',
      {
        'windows/10-22h2': 1,
        'windows/11-23h2-e': 1,
        'windows-server/2019': 1,
        'windows-server/2012-r2': 1,
        'ubuntu/22.04': 1,
        'rhel/8': 1,
        'centos/7': 1,
      },
      1,
    ],
    [
      // Microsoft Graph's managedDevices answer, saved from Graph Explorer: the list is "value".
      'graph-managed-devices.json',
      'intune',
      {
        'windows/10-22h2': 4,
        'windows/11-23h2-w': 3,
        'windows/11-24h2-w': 2,
        'windows/10-1809-w': 1,
        'macos/14': 2,
        'macos/13': 1,
        'ios/17': 2,
        'ipados/16': 1,
        'android/14': 1,
      },
      1,
    ],
    [
      // Jamf Pro's computers-inventory answer: "results", the OS in nested "operatingSystem" fields.
      'jamf-computers-inventory.json',
      'jamf',
      { 'macos/14': 3, 'macos/13': 2, 'macos/15': 2, 'macos/12': 1, 'macos/11': 1 },
      0,
    ],
    [
      'pdq-computers.csv',
      'device-list',
      {
        'windows-server/2019': 1,
        'windows-server/2022': 1,
        'windows/10-1809-e-lts': 1,
        'windows/10-22h2': 1,
        'windows/11-23h2-e': 1,
        'windows/11-24h2-w': 1,
      },
      0,
    ],
    [
      // Excel's pivot table of a device export, copied out as tab-separated text: its "Grand Total" row
      // is no release, and "(blank)" is devices with no OS.
      'excel-pivot.tsv',
      'summary',
      { 'windows/10-22h2': 1234, 'windows/11-24h2-w': 56, 'macos/14': 12, 'windows-server/2016': 7 },
      3,
    ],
    [
      // The same pivot table from a German Excel: "Zeilenbeschriftungen", "Anzahl von …", "Gesamtergebnis",
      // semicolons, and "(Leer)" for devices with no OS.
      'excel-pivot-de.csv',
      'summary',
      { 'windows/10-22h2': 1234, 'windows/11-24h2-w': 56, 'macos/14': 12 },
      3,
    ],
    [
      // A summary headed in French ("Système d'exploitation", "Quantité"), its "Total général" left out.
      'summary-fr.csv',
      'summary',
      { 'windows/10-22h2': 1234, 'macos/14': 12, 'windows-server/2016': 7 },
      0,
    ],
    [
      // Entra ID's device list: "operatingSystem" (Windows, MacMDM, iOS, IPad, AndroidForWork) beside
      // "operatingSystemVersion"; a bare Windows build is counted under the edition whose support ends first.
      'entra-devices.csv',
      'entra',
      {
        'android/13': 1,
        'ios/17': 1,
        'ipados/16': 1,
        'macos/14': 1,
        'windows-server/2019': 1,
        'windows/10-1809-w': 1,
        'windows/10-22h2': 1,
        'windows/11-23h2-w': 1,
      },
      0,
    ],
    [
      // RVTools' vInfo: the OS VMware Tools reports, else the configured one (a VM powered off). VMware's
      // "Windows Server 2016 or later" and a Linux with no version name no one release: unrecognised.
      'rvtools-vinfo.csv',
      'device-list',
      {
        'centos/7': 1,
        'rhel/8': 1,
        'windows-server/2003-sp2': 1,
        'windows-server/2012-r2': 1,
        'windows-server/2016': 1,
        'windows-server/2019': 1,
      },
      4,
    ],
    [
      // AWS Systems Manager's managed nodes: "Platform name" and "Platform version".
      'aws-ssm-nodes.csv',
      'device-list',
      {
        'amazon-linux/2': 1,
        'amazon-linux/2023': 1,
        'centos/7': 1,
        'debian/12': 1,
        'rhel/8': 1,
        'rocky-linux/9': 1,
        'sles/15.5': 1,
        'ubuntu/22.04': 1,
        'windows-server/2019': 1,
        'windows-server/2022': 1,
      },
      0,
    ],
    [
      // `systeminfo /fo csv` from several machines: "OS Version" is "10.0.19045 N/A Build 19045".
      'systeminfo-fo-csv.csv',
      'device-list',
      { 'windows-server/2016': 1, 'windows/10-22h2': 1, 'windows/11-23h2-e': 1, 'windows/7-sp1': 1 },
      0,
    ],
    [
      // GLPI in French: "Système d'exploitation - Nom" and "- Version", Windows's editions in French
      // (Professionnel, Entreprise), semicolons.
      'glpi-computers-fr.csv',
      'device-list',
      {
        'debian/12': 1,
        'macos/14': 1,
        'ubuntu/22.04': 1,
        'windows-server/2019': 1,
        'windows/10-21h2-w': 1,
        'windows/10-22h2': 1,
        'windows/11-23h2-e': 1,
      },
      0,
    ],
    [
      // NinjaOne: "OS Name" ("Windows 10 Pro Edition"), "OS Build" (19045), "OS Release ID" (22H2).
      'ninjaone-devices.csv',
      'device-list',
      {
        'macos/14': 1,
        'ubuntu/22.04': 1,
        'windows-server/2019': 1,
        'windows/10-22h2': 1,
        'windows/11-23h2-e': 1,
      },
      0,
    ],
    [
      // Automox: "OS Name" and "OS Version" (10.0.19045, 14.2.1, 22.04, 7.9.2009).
      'automox-devices.csv',
      'device-list',
      { 'centos/7': 1, 'macos/14': 1, 'ubuntu/22.04': 1, 'windows/10-22h2': 1 },
      0,
    ],
    [
      // SentinelOne: "OS" is only Windows, macOS or Linux; "OS Version" names the system with a bare build
      // ("Windows 10 Pro 19045", "macOS Sonoma (14.2.1)").
      'sentinelone-endpoints.csv',
      'device-list',
      { 'macos/14': 1, 'ubuntu/22.04': 1, 'windows-server/2019': 1, 'windows/10-22h2': 1 },
      0,
    ],
    [
      // Datto RMM: the whole system in "Operating System" ("Microsoft Windows 11 Business 10.0.22631 Build
      // 22631"; Business is Pro's edition).
      'datto-rmm-devices.csv',
      'device-list',
      { 'macos/14': 1, 'windows-server/2016': 1, 'windows/10-22h2': 1, 'windows/11-23h2-w': 1 },
      0,
    ],
    [
      // Google Admin's Chrome devices: ChromeOS versions are no Chrome browser's.
      'google-admin-chromeos.csv',
      'device-list',
      {},
      2,
    ],
    [
      'summary.csv',
      'summary',
      { 'windows/5-sp3': 18293, 'windows/8.1': 14450, 'ubuntu/22.04': 40, 'windows-server/2012-r2': 12 },
      3,
    ],
  ])('%s is read as %s with exact counts', (file, format, counts, unrecognised) => {
    const result = plan(fixture(file));
    expect(result.format.id).toBe(format);
    expect(countsOf(result)).toEqual(counts);
    expect(result.unrecognised.reduce((sum, value) => sum + value.rows, 0)).toBe(unrecognised);
    expect(result.devices).toBe(Object.values(counts).reduce((sum, count) => sum + count, 0));
  });

  it.each([
    ['OS,Count\nWindows 10 22H2,40\nWindows 7,3\nTotal,43\n'],
    ['release;machines\nwindows 10 22h2;40\nwindows 7;3\nGrand total;43\n'],
    ['Row Labels,Sum of Machines\nWindows 10 22H2,40\nWindows 7,3\nGrand Total,43\n'],
    ['OS,Number of devices\nWindows 10 22H2,40\nWindows 7,3\n'],
    ['OS,Qty\nWindows 10 22H2,40\nWindows 7,3\nSUM,43\n'],
  ])('reads a summary whose total row sums the others without counting it: %j', (text) => {
    const result = plan(text);
    expect(countsOf(result)).toEqual({ 'windows/10-22h2': 40, 'windows/7-sp1': 3 });
    expect(result.unrecognised).toEqual([]);
  });

  it('says which rows had no edition and were counted under the edition whose support ends first', () => {
    const result = plan(fixture('intune-devices.csv'));
    expect(result.guessed.map(({ value, release, rows }) => [value, release.name, rows])).toEqual([
      ['Windows 10.0.22631.4460', '11-23h2-w', 10],
    ]);
  });

  it('lists each value nothing was found for, with how many machines', () => {
    expect(plan(fixture('ad-computers-ps51.csv')).unrecognised).toEqual([
      { value: '(empty)', rows: 2 },
      { value: 'OnTap 9.8', rows: 1 },
    ]);
  });
});

describe('files as Windows writes them', () => {
  const rows =
    'OperatingSystem,OperatingSystemVersion\r\nWindows 10 Enterprise,10.0 (19045)\r\n"Windows Server 2012 R2 Standard","6.3 (9600)"\r\n';
  const expected = { 'windows/10-22h2': 1, 'windows-server/2012-r2': 1 };
  const utf16 = (text: string, bigEndian = false) => {
    const le = Buffer.from(text, 'utf16le');
    if (bigEndian) for (let index = 0; index < le.length; index += 2) le.writeUInt16BE(le.readUInt16LE(index), index);
    return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), le]);
  };
  it.each([
    ['UTF-8', Buffer.from(rows)],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows)])],
    ['UTF-16 LE with BOM (PowerShell 5.1 >)', utf16(rows)],
    ['UTF-16 BE with BOM', utf16(rows, true)],
    ['LF line ends', Buffer.from(rows.replace(/\r\n/g, '\n'))],
    ['a #TYPE first line', Buffer.from(`#TYPE Selected.Microsoft.ActiveDirectory.Management.ADComputer\r\n${rows}`)],
    ['semicolons', Buffer.from(rows.replace(/,/g, ';'))],
    ['tabs', Buffer.from(rows.replace(/,/g, '\t'))],
    ['Excel’s sep=; line', Buffer.from(`sep=;\r\n${rows.replace(/,/g, ';')}`)],
    [
      'every field quoted',
      Buffer.from(
        '"OperatingSystem","OperatingSystemVersion"\n"Windows 10 Enterprise","10.0 (19045)"\n"Windows Server 2012 R2 Standard","6.3 (9600)"\n',
      ),
    ],
    ['blank lines between rows', Buffer.from(rows.replace(/\r\n/g, '\r\n\r\n'))],
    [
      'spaces around fields',
      Buffer.from(
        'OperatingSystem , OperatingSystemVersion\n Windows 10 Enterprise , 10.0 (19045)\nWindows Server 2012 R2 Standard,6.3 (9600) \n',
      ),
    ],
  ])('reads %s', (_what, bytes) => {
    expect(countsOf(plan(bytes))).toEqual(expected);
  });

  it('reads quoted fields holding delimiters, quotes and line breaks', () => {
    const text =
      'Name,Description,OperatingSystem,OperatingSystemVersion\n"PC1","Room 2, desk 4\nnear the ""big"" window","Windows 10 Enterprise","10.0 (19045)"\nPC2,plain,Windows 8.1 Pro,6.3 (9600)\n';
    expect(countsOf(plan(text))).toEqual({ 'windows/10-22h2': 1, 'windows/8.1': 1 });
  });

  it('reads Windows-1252 text from older tools', () => {
    const bytes = Buffer.concat([
      Buffer.from('Name,OperatingSystem,OperatingSystemVersion\nPC-Andr'),
      Buffer.from([0xe9]),
      Buffer.from(',Windows 7 Professional,6.1 (7601)\n'),
    ]);
    expect(countsOf(plan(bytes))).toEqual({ 'windows/7-sp1': 1 });
  });

  it('reads header names in any case and spacing', () => {
    expect(
      countsOf(plan('operating system;OPERATING SYSTEM VERSION;computer_name\nWindows 10 Pro;10.0 (19044);a\n')),
    ).toEqual({ 'windows/10-21h2-w': 1 });
  });
});

describe('operating system strings, mapped through the /eol resolver', () => {
  const device = (header: string, row: string) => countsOf(plan(`${header}\n${row}\n`));
  it.each([
    ['Windows XP Professional', '5.1 (2600)', 'windows/5-sp3'],
    ['Windows XP Professional', '5.1 (2600)', 'windows/5-sp3'],
    ['Windows 7 Enterprise', '6.1 (7601)', 'windows/7-sp1'],
    ['Windows 7 Professional', '6.1 (7601)', 'windows/7-sp1'],
    ['Windows 8.1 Pro', '6.3 (9600)', 'windows/8.1'],
    ['Windows 8.1 Enterprise', '6.3 (9600)', 'windows/8.1'],
    ['Windows 10 Enterprise', '10.0 (19045)', 'windows/10-22h2'],
    ['Windows 10 Pro', '10.0 (19045)', 'windows/10-22h2'],
    ['Windows 10 Enterprise', '10.0 (19044)', 'windows/10-21h2-e'],
    ['Windows 10 Education', '10.0 (19044)', 'windows/10-21h2-e'],
    ['Windows 10 Pro', '10.0 (19044)', 'windows/10-21h2-w'],
    ['Windows 10 Enterprise LTSC', '10.0 (17763)', 'windows/10-1809-e-lts'],
    ['Windows 10 Enterprise 2016 LTSB', '10.0 (14393)', 'windows/10-1607-e-lts'],
    ['Windows 11 Enterprise', '10.0 (22631)', 'windows/11-23h2-e'],
    ['Windows 11 Pro', '10.0 (22631)', 'windows/11-23h2-w'],
    ['Windows 11 Enterprise', '10.0 (26100)', 'windows/11-24h2-e'],
    ['Windows 11 Home', '10.0 (26100)', 'windows/11-24h2-w'],
    ['Windows Server 2008 R2 Enterprise', '6.1 (7601)', 'windows-server/2008-r2-sp1'],
    ['Windows Server 2012 R2 Standard', '6.3 (9600)', 'windows-server/2012-r2'],
    ['Windows Server 2012 R2 Datacenter', '6.3 (9600)', 'windows-server/2012-r2'],
    ['Windows Server 2016 Standard', '10.0 (14393)', 'windows-server/2016'],
    ['Windows Server 2019 Datacenter', '10.0 (17763)', 'windows-server/2019'],
    ['Windows Server 2022 Standard', '10.0 (20348)', 'windows-server/2022'],
    ['Windows Server 2025 Standard', '10.0 (26100)', 'windows-server/2025'],
    ['Windows Server® 2008 Standard', '6.0 (6002)', 'windows-server/2008-sp2'],
    ['Windows Server® 2008 R2 Enterprise', '6.1 (7601)', 'windows-server/2008-r2-sp1'],
    ['Windows Server 2016 Standard Evaluation', '10.0 (14393)', 'windows-server/2016'],
    ['Windows Vista™ Business', '6.0 (6002)', 'windows/6-sp2'],
    ['Windows 8 Enterprise', '6.2 (9200)', 'windows/8'],
    ['Windows 10 Pro for Workstations', '10.0 (19045)', 'windows/10-22h2'],
    ['Windows 11 Enterprise multi-session', '10.0 (22631)', 'windows/11-23h2-e'],
    ['Windows Embedded Standard', '6.1 (7601)', 'windows-embedded/standard-7-sp1'],
  ])('Active Directory: %s %s -> %s', (os, version, release) => {
    expect(device('OperatingSystem,OperatingSystemVersion', `${os},${version}`)).toEqual({ [release]: 1 });
  });

  it.each([
    ['Windows', '10.0.19045.5131', 'Enterprise', 'windows/10-22h2'],
    ['Windows', '10.0.19044.5131', 'Enterprise', 'windows/10-21h2-e'],
    ['Windows', '10.0.19044.5131', 'Professional', 'windows/10-21h2-w'],
    ['Windows', '10.0.22631.4460', 'Enterprise', 'windows/11-23h2-e'],
    ['Windows', '10.0.22631.4460', 'Education', 'windows/11-23h2-e'],
    ['Windows', '10.0.22631.4460', 'Professional', 'windows/11-23h2-w'],
    ['Windows', '10.0.22631.4460', '', 'windows/11-23h2-w'],
    ['Windows', '10.0.26100.2314', '', 'windows/11-24h2-w'],
    ['Windows', '10.0.22000.2538', '', 'windows/11-21h2-w'],
    ['Windows', '10.0.19041.1415', '', 'windows/10-2004'],
    ['macOS', '14.7.1 (23H222)', '', 'macos/14'],
    ['macOS', '15.1.1', '', 'macos/15'],
    ['iOS/iPadOS', '17.6.1', '', 'ios/17'],
    ['Android', '14', '', 'android/14'],
    ['AndroidForWork', '13', '', 'android/13'],
    ['AndroidEnterprise', '13', '', 'android/13'],
    ['Android (personally-owned work profile)', '14', '', 'android/14'],
    ['iPadOS', '17.5.1', '', 'ipados/17'],
  ])('Intune: %s %s %s -> %s', (os, version, sku, release) => {
    expect(device('Device name,OS,OS version,SkuFamily', `PC,${os},${version},${sku}`)).toEqual({ [release]: 1 });
  });

  it.each([
    ['14.7.1', '23H222', 'macos/14'],
    ['15.1', '24B83', 'macos/15'],
    ['13.6.7', '22G720', 'macos/13'],
    ['12.7.6', '21H1320', 'macos/12'],
    ['11.7.10', '20G1427', 'macos/11'],
    ['10.15.7', '19H2026', 'macos/10.15'],
    ['10.13.6', '17G14042', 'macos/10.13'],
  ])('Jamf: macOS %s (%s) -> %s', (version, build, release) => {
    expect(device('Computer Name,Operating System Version,Operating System Build', `Mac,${version},${build}`)).toEqual({
      [release]: 1,
    });
  });

  it.each([
    ['Win 10', '22H2', '10.0.19045', 'windows/10-22h2'],
    ['Win 11', '23H2', '10.0.22631', 'windows/11-23h2-w'],
    ['Win 7', '', '6.1.7601', 'windows/7-sp1'],
    ['Win XP', '', '5.1.2600', 'windows/5-sp3'],
    ['Win 2012 R2', '', '6.3.9600', 'windows-server/2012-r2'],
    ['Win 2016', '1607', '10.0.14393', 'windows-server/2016'],
    ['Win 2019', '1809', '10.0.17763', 'windows-server/2019'],
    ['Win 2008 R2', '', '6.1.7601', 'windows-server/2008-r2-sp1'],
  ])('Lansweeper: %s %s %s -> %s', (os, version, code, release) => {
    expect(device('AssetName,OSname,OSVersion,OScode', `A,${os},${version},${code}`)).toEqual({ [release]: 1 });
  });

  it.each([
    ['Microsoft Windows 10 Enterprise', '10.0.19045', 'windows/10-22h2'],
    ['Microsoft Windows 11 Pro', '10.0.22631', 'windows/11-23h2-w'],
    ['Microsoft Windows Server 2016 Standard', '10.0.14393', 'windows-server/2016'],
    ['Microsoft Windows Server 2012 R2 Datacenter', '6.3.9600', 'windows-server/2012-r2'],
    ['Microsoft Windows 8.1 Enterprise', '6.3.9600', 'windows/8.1'],
  ])('Configuration Manager: %s %s -> %s', (caption, version, release) => {
    expect(device('Name,Caption0,Version0', `W,${caption},${version}`)).toEqual({ [release]: 1 });
  });

  it.each([
    ['Microsoft Windows NT Workstation 10.0', '10.0.19045.2965', 'windows/10-22h2'],
    ['Microsoft Windows NT Workstation 10.0', '10.0.22631.3447', 'windows/11-23h2-w'],
    ['Microsoft Windows NT Workstation 6.3', '6.3.9600', 'windows/8.1'],
    ['Microsoft Windows NT Workstation 6.1', '6.1.7601', 'windows/7-sp1'],
    ['Microsoft Windows NT Server 6.3', '6.3.9600', 'windows-server/2012-r2'],
    ['Microsoft Windows NT Server 10.0', '10.0.17763', 'windows-server/2019'],
    ['Microsoft Windows NT Server 10.0', '10.0.20348', 'windows-server/2022'],
    ['Microsoft Windows NT Advanced Server 6.1', '6.1.7601', 'windows-server/2008-r2-sp1'],
  ])(
    'Configuration Manager console: %s %s -> %s (the kernel version says nothing; the build does)',
    (os, build, release) => {
      expect(device('Name,Client,Operating System,Operating System Build', `W,Yes,${os},${build}`)).toEqual({
        [release]: 1,
      });
    },
  );

  it.each([
    ['Windows 10', '10.0.19045', 'windows/10-22h2'],
    ['Windows 11', '10.0.22631', 'windows/11-23h2-w'],
    ['Windows 11', '10.0.26100.2314', 'windows/11-24h2-w'],
    ['macOS', '14.4.1', 'macos/14'],
  ])('a device list naming the version in the OS and the build apart: %s %s -> %s', (os, build, release) => {
    expect(device('Device Name,Platform,OS Version', `A,${os},${build}`)).toEqual({ [release]: 1 });
  });

  it('prefers the name with its version to the name alone (IoT Enterprise 10.0 (19044) is 21H2)', () => {
    expect(device('OperatingSystem,OperatingSystemVersion', 'Windows 10 IoT Enterprise,10.0 (19044)')).toEqual({
      'windows/10-21h2-e': 1,
    });
  });

  it('reads an Intune export whose OS column is called "Operating system"', () => {
    expect(
      countsOf(plan('Device name,Operating system,OS version\nA,Windows,10.0.19045.4291\nB,iOS,17.5.1\n')),
    ).toEqual({ 'windows/10-22h2': 1, 'ios/17': 1 });
  });

  it.each([
    ['xp', 'windows/5-sp3'],
    ['win 8.1', 'windows/8.1'],
    ['windows-8.1', 'windows/8.1'],
    ['server 2012 r2', 'windows-server/2012-r2'],
    ['ubuntu jammy', 'ubuntu/22.04'],
    ['Ubuntu 22.04 LTS', 'ubuntu/22.04'],
    ['rhel 8', 'rhel/8'],
    ['windows 10 22h2', 'windows/10-22h2'],
  ])('a summary row names a release as /eol does: %s -> %s', (name, release) => {
    expect(device('release,count', `${name},7`)).toEqual({ [release]: 7 });
  });

  it('adds up summary rows that name the same release twice', () => {
    expect(countsOf(plan('release,count\nxp,5\nwindows xp,7\n'))).toEqual({ 'windows/5-sp3': 12 });
  });

  it.each([
    ['"1,200"', 1200],
    ['1 200', 1200],
    ["1'200", 1200],
    ['12k', 12000],
    ['1.5k', 1500],
  ])('reads the summary count %s as %d', (count, expected) => {
    expect(countsOf(plan(`release,count\nxp,${count}\n`))).toEqual({ 'windows/5-sp3': expected });
  });

  it('skips summary rows with a count of 0', () => {
    expect(countsOf(plan('release,count\nxp,0\nwin 8.1,2\n'))).toEqual({ 'windows/8.1': 2 });
  });
});

describe('bad files: a reason naming the problem, and no plan', () => {
  it.each([
    ['an empty file', '', /the file is empty/],
    ['only blank lines', '\r\n\r\n  \n', /no header row/],
    ['a header and no rows', 'OperatingSystem,OperatingSystemVersion\r\n', /header row but no rows/],
    ['no recognised column', 'Colour,Size\nblue,3\n', /no column names an operating system.*“Colour”, “Size”/],
    [
      'an unclosed quote',
      'OperatingSystem,OperatingSystemVersion\n"Windows 10 Pro,10.0 (19045)\n',
      /never closed \(line 2\)/,
    ],
    [
      'a count that is a fraction',
      'release,count\nxp,3\nwin 8.1,1.5\n',
      /line 3: the count “1.5” is not a whole number/,
    ],
    ['a negative count', 'release,count\nxp,-3\n', /line 2: the count “-3” is not a whole number/],
    ['a count that is a word', 'release,count\nxp,many\n', /line 2: the count “many”/],
    ['an empty count', 'release,count\nxp,\n', /line 2: the count “” is not a whole number/],
    ['a count in scientific notation', 'release,count\nxp,1e3\n', /line 2/],
    ['a count that reads two ways', 'release,count\nxp,1.200\n', /line 2: the count “1.200” is not a whole number/],
    ['thousands grouped wrongly', 'release,count\nxp,"1,2345"\n', /line 2: the count “1,2345” is not a whole number/],
    ['a count over the limit', 'release,count\nxp,10000001\n', /more than 10,000,000 machines/],
    [
      'rows adding up past the limit',
      'release,count\nxp,9000000\nwindows xp,2000000\n',
      /more than 10,000,000 machines on Microsoft Windows XP/,
    ],
    ['nothing recognised', 'release,count\nfoo,3\nbar,4\n', /./],
    [
      'JSON that is no list of counts or devices',
      '{"name": "eolwatch"}',
      /no “counts” list .*, no report table .* and no list of devices/,
    ],
    ['a JSON list of no devices', '{"value": [1, 2, 3]}', /no list of devices/],
    ['JSON devices with no OS field', '{"value": [{"deviceName": "a"}]}', /no column names an operating system/],
    ['JSON cut short', '{"value": [{"deviceName": "a"', /not valid JSON/],
  ])('%s', (_what, text, reason) => {
    if (_what === 'nothing recognised') {
      expect(plan(text).counts).toEqual([]);
      return;
    }
    expect(refusal(text)).toMatch(reason);
  });

  it.each([
    ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], /a PNG image, not a CSV file/],
    ['a JPEG image', [0xff, 0xd8, 0xff, 0xe0], /a JPEG image/],
    ['a zip archive', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], /a zip archive with no CSV or JSON file in it/],
    ['a PDF', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], /a PDF document/],
    ['a gzip file', [0x1f, 0x8b, 0x08, 0x00], /gzip/],
    ['an old Excel workbook', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1], /old Excel/],
    ['other binary data', [0x41, 0x42, 0x00, 0x43, 0x0a], /not text/],
  ])('%s', (_what, bytes, reason) => {
    expect(refusal(Buffer.from(bytes))).toMatch(reason);
  });

  it('a file over 50 MB', () => {
    expect(refusal(Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x61))).toMatch(/over 50 MB/);
  });

  it(`a file of more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows`, () => {
    const text = `OperatingSystem\n${'Windows 10 Pro\n'.repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(refusal(text)).toMatch(/more than 500,000 rows/);
  });

  it(`a JSON list of more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} devices`, () => {
    const devices = Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => '{"OS":"Windows 10 Pro"}').join(',');
    expect(refusal(`{"value":[${devices}]}`)).toMatch(/more than 500,000 rows/);
  });

  it(`takes a file of exactly ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows`, () => {
    const text = `OperatingSystem,OperatingSystemVersion\n${'Windows 10 Pro,10.0 (19045)\n'.repeat(MAX_IMPORT_ROWS)}`;
    expect(countsOf(plan(text))).toEqual({ 'windows/10-22h2': MAX_IMPORT_ROWS });
  });

  it('a hostile value is kept as text, shortened, never interpreted', () => {
    const result = plan(`OperatingSystem\n<!channel> ${'x'.repeat(500)}\n`);
    expect(result.unrecognised).toHaveLength(1);
    expect(result.unrecognised[0]?.value.length).toBeLessThanOrEqual(100);
  });
});

describe('a file of names no release matches', () => {
  it(`stops past ${MAX_DISTINCT_UNRECOGNISED} different unrecognised names, naming the first 20`, () => {
    const rows = Array.from({ length: 20_000 }, (_, index) => `DESKTOP-${index},zq${index},${index}`);
    const reason = refusal(['Device name,OS,OS version', ...rows].join('\n'));
    expect(reason).toMatch(/^too many unrecognised names \(over 500 different ones; first 20: “zq0 0”, “zq1 1”/);
    expect(reason).toContain('“zq19 19”)');
    expect(reason).not.toContain('“zq20 20”');
  });

  it('still imports a real export whose few odd names are left unrecognised', () => {
    const rows = Array.from(
      { length: 1_000 },
      (_, index) => `PC-${index},${index % 10 === 0 ? 'Plan 9' : 'Windows 10 Enterprise'},10.0.19045`,
    );
    const result = plan(['Device name,OS,OS version', ...rows].join('\n'));
    expect(result.unrecognised).toEqual([{ value: 'Plan 9 10.0.19045', rows: 100 }]);
  });
});

describe('headings in other languages', () => {
  it('reads French and Spanish pivot tables, "Nombre de" a count in one and "Cuenta de" in the other', () => {
    const french = plan(
      "Étiquettes de lignes;Nombre de Nom de l'appareil\r\nWindows 10 22H2;1234\r\nTotal général;1234\r\n",
    );
    expect(countsOf(french)).toEqual({ 'windows/10-22h2': 1234 });
    const spanish = plan(
      'Etiquetas de fila;Cuenta de Nombre de equipo\r\nWindows 10 22H2;1234\r\nTotal general;1234\r\n',
    );
    expect(countsOf(spanish)).toEqual({ 'windows/10-22h2': 1234 });
  });

  it('reads "OS;Nombre" as a summary of counts, never as a device list of one machine a row', () => {
    const result = plan('OS;Nombre\r\nWindows 10 22H2;1234\r\nmacOS 14;12\r\n');
    expect(result.format.id).toBe('summary');
    expect(countsOf(result)).toEqual({ 'windows/10-22h2': 1234, 'macos/14': 12 });
  });

  it('never reads a Spanish "Nombre" (a name) as a count: a Spanish device list counts a machine a row', () => {
    const result = plan('Nombre,Sistema operativo,Versión\r\nPC-01,Windows 10 Pro,10.0.19045\r\n');
    expect(result.format.id).toBe('device-list');
    expect(countsOf(result)).toEqual({ 'windows/10-22h2': 1 });
  });

  it.each([
    ['Name;Betriebssystem;Betriebssystemversion\nPC-01;Windows 10 Pro;22H2\nPC-02;Windows 11 Enterprise;23H2\n'],
    [
      'Nom;Système d’exploitation - Nom;Système d’exploitation - Version\nPC-01;Windows 10 Pro;22H2\nPC-02;Windows 11 Entreprise;23H2\n',
    ],
    [
      'Equipo,Sistema operativo - Nombre,Sistema operativo - Versión\nPC-01,Windows 10 Pro,22H2\nPC-02,Windows 11 Enterprise,23H2\n',
    ],
  ])('reads a device list whose OS columns are headed in another language: %j', (text) => {
    expect(countsOf(plan(text))).toEqual({ 'windows/10-22h2': 1, 'windows/11-23h2-e': 1 });
  });
});

describe('a name and a build that disagree', () => {
  it('counts a machine whose name was read before an upgrade by its build, keeping the name’s edition', () => {
    const result = plan(
      'Device name,OS,OS version\nPC1,Windows 10 Enterprise,10.0.22631.2861\nPC2,Windows 10 Pro,10.0.22631.2861\nSRV,Windows Server 2016 Standard,10.0.17763.100\nPC4,Windows 10 Enterprise,10.0.19045.100\n',
    );
    expect(countsOf(result)).toEqual({
      'windows/11-23h2-e': 1,
      'windows/11-23h2-w': 1,
      'windows-server/2019': 1,
      'windows/10-22h2': 1,
    });
    expect(result.guessed).toEqual([]);
  });
});
