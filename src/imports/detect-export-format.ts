// A header row -> which tool wrote the export and which columns say what. Column names are compared
// without case, spaces or punctuation ("OS version" = "osVersion" = "OS_Version").

type ExportFormatId =
  | 'intune'
  | 'configmgr'
  | 'jamf'
  | 'lansweeper'
  | 'defender'
  | 'entra'
  | 'active-directory'
  | 'device-list'
  | 'summary';

interface DeviceColumns {
  /** Operating system name ("Windows 10 Enterprise", "Win 11", "macOS"). */
  name: number | null;
  /** Words that narrow the name down: an edition ("Enterprise"), a service pack ("Service Pack 1"). */
  qualifiers: number[];
  /** A version as people write it ("22H2", "14.5", "6.3 (9600)"). */
  version: number | null;
  /** A build number ("10.0.19045.4291"). */
  build: number | null;
  /** Said in front when the export names no operating system (Jamf lists Macs by version only). */
  impliedName: string | null;
  /** A version read when `version` is empty: Defender's "OS version" is 14.5 for a Mac, 10.0 for Windows. */
  fallbackVersion?: number | null;
  /** The name when the name column says only "Linux": Defender's "OS distribution" (Ubuntu, RedHat). */
  distribution?: number | null;
  /**
   * The system when the name column holds only its version: Workspace ONE's "Platform" (WinRT, Apple,
   * AppleOsX, Android) beside "OS" (10.0.19045, 17.6.1); its "Model" tells an iPad's "Apple" from an iPhone's.
   */
  platform?: number | null;
  model?: number | null;
  /** The name when the name column is empty: RVTools' configured OS when VMware Tools reported none. */
  fallbackName?: number | null;
}

export type ExportFormat =
  | { id: Exclude<ExportFormatId, 'summary'>; label: string; columns: DeviceColumns }
  | { id: 'summary'; label: string; columns: { release: number; product: number | null; count: number } };

// Accents go before the rest: "Quantité" is "quantite".
const normalizeColumn = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const COUNT = [
  'count',
  'devices',
  'devicecount',
  'machines',
  'machinecount',
  'computers',
  'quantity',
  'qty',
  'total',
  'number',
  'numberofdevices',
  // As Excel in other languages heads them: German, French, Spanish, Italian, Portuguese, Dutch, Nordic.
  'anzahl',
  'nombre',
  'quantite',
  'cantidad',
  'numero',
  'quantita',
  'quantidade',
  'aantal',
  'antal',
  'antall',
];
// A spreadsheet's pivot table: "Count of Device name", "Sum of Machines", "Number of devices"; German
// "Anzahl von …", French "Nombre de …", Spanish "Cuenta de …".
const COUNT_PREFIXES = [
  'countof',
  'sumof',
  'numberof',
  'anzahlvon',
  'summevon',
  'nombrede',
  'sommede',
  'cuentade',
  'sumade',
];
const SUMMARY_RELEASE = [
  'release',
  'releasename',
  'label',
  'releaselabel',
  'operatingsystem',
  'os',
  'osname',
  'name',
  'version',
  // A pivot table's first column.
  'rowlabels',
  // The operating system and a pivot table's first column as Excel heads them in other languages.
  'betriebssystem',
  'systemedexploitation',
  'sistemaoperativo',
  'besturingssysteem',
  'operativsystem',
  'zeilenbeschriftungen',
  'etiquettesdelignes',
  'etiquetasdefila',
];
// The column naming the operating system, as tools and localized exports head it: AWS Systems Manager's
// "Platform name", RVTools' "OS according to the VMware Tools", GLPI's "Système d'exploitation - Nom".
const OS_NAME = [
  'operatingsystem',
  'os',
  'osname',
  'operatingsystemname',
  'platformname',
  'osaccordingtothevmwaretools',
  'systemedexploitationnom',
  'systemedexploitation',
  'betriebssystemname',
  'betriebssystem',
  'sistemaoperativonombre',
  'sistemaoperativo',
];
const OS_VERSION = [
  'operatingsystemversion',
  'platformversion',
  'systemedexploitationversion',
  'betriebssystemversion',
  'sistemaoperativoversion',
];
const EDITION = ['skufamily', 'edition', 'osedition', 'operatingsystemedition', 'sku', 'operatingsystemsku'];

function finder(normalized: readonly string[]) {
  return (...names: string[]): number | null => {
    for (const name of names) {
      const index = normalized.indexOf(name);
      if (index !== -1) return index;
    }
    return null;
  };
}

export function detectExportFormat(header: readonly string[]): ExportFormat | null {
  const normalized = header.map(normalizeColumn);
  const find = finder(normalized);
  const has = (...names: string[]) => find(...names) !== null;
  // French "Nombre" is a number, Spanish "Nombre" a name ("Nombre de equipo"): no count in a Spanish header.
  const spanish = normalized.some(
    (name) => name === 'sistemaoperativo' || /^nombrede(?:l?equipo|dispositivo|host|usuario)/.test(name),
  );
  const countWords = spanish ? COUNT.filter((name) => name !== 'nombre') : COUNT;
  const prefixes = spanish ? COUNT_PREFIXES.filter((prefix) => prefix !== 'nombrede') : COUNT_PREFIXES;
  const pivotCount = normalized.findIndex((name) => prefixes.some((prefix) => name.startsWith(prefix)));
  const count = find(...countWords) ?? (pivotCount === -1 ? null : pivotCount);
  // Our own export and hand-made summaries: a release and a count per row.
  if (
    count !== null &&
    !has('devicename', 'deviceid', 'computername', 'assetname', 'serialnumber', 'distinguishedname')
  ) {
    const product = find('product', 'productname');
    const release = find(...SUMMARY_RELEASE.filter((name) => product === null || name !== 'name'));
    if (release !== null)
      return { id: 'summary', label: 'a summary of releases and counts', columns: { release, product, count } };
  }
  const edition = find(...EDITION);
  const qualifiers = (...more: (number | null)[]) =>
    [edition, ...more].filter((index): index is number => index !== null);
  if (
    has('operatingsystemnameandversion', 'caption0', 'operatingsystemcaption0', 'version0', 'buildnumber0') ||
    (has('resourceid') && has('operatingsystem', 'build'))
  ) {
    return {
      id: 'configmgr',
      label: 'a Configuration Manager export',
      columns: {
        name: find('caption0', 'operatingsystemcaption0', 'operatingsystem', 'operatingsystemnameandversion'),
        qualifiers: qualifiers(),
        version: null,
        build: find('buildext', 'build', 'version0', 'operatingsystembuild', 'buildnumber0'),
        impliedName: null,
      },
    };
  }
  if (has('assetname', 'assetid', 'lansweeperid') && has('osname', 'os', 'caption', 'operatingsystem', 'oscode')) {
    return {
      id: 'lansweeper',
      label: 'a Lansweeper export',
      columns: {
        name: find('osname', 'caption', 'operatingsystem', 'os'),
        qualifiers: qualifiers(),
        version: find('osversion', 'osrelease'),
        build: find('oscode', 'osbuild', 'version', 'build'),
        impliedName: null,
      },
    };
  }
  // Defender for Endpoint's device inventory: the platform glued ("Windows10", "WindowsServer2019"),
  // the feature update in "Windows version" (22H2), the build in "OS build".
  if (has('osplatform') && has('devicename', 'deviceid', 'machineid')) {
    return {
      id: 'defender',
      label: 'a Microsoft Defender for Endpoint export',
      columns: {
        name: find('osplatform'),
        qualifiers: [],
        version: find('windowsversion', 'windows1011version', 'windows10version'),
        build: find('osbuild'),
        impliedName: null,
        fallbackVersion: find('osversion'),
        distribution: find('osdistribution'),
      },
    };
  }
  if (
    has('operatingsystemversion') &&
    (has('operatingsystembuild', 'computername', 'jamfversion', 'lastinventoryupdate', 'macaddress') ||
      !has(...OS_NAME))
  ) {
    return {
      id: 'jamf',
      label: 'a Jamf Pro export',
      columns: {
        name: find('operatingsystem', 'operatingsystemname', 'platform'),
        qualifiers: [],
        version: find('operatingsystemversion'),
        build: find('operatingsystembuild'),
        impliedName: 'macOS',
      },
    };
  }
  if (has(...OS_NAME, 'platform')) {
    const columns = {
      name: find(...OS_NAME, 'platform'),
      qualifiers: qualifiers(find('operatingsystemservicepack')),
      // Active Directory's "6.3 (9600)"; other tools put a build number in one of the build columns.
      // Beside an "OS build" column, "OS version" is a version or a name (CrowdStrike: "Windows 10").
      version: find(...OS_VERSION) ?? (has('osbuild') ? find('osversion') : null),
      build: has('osbuild')
        ? find('osbuild')
        : find('osversion', 'operatingsystembuild', 'buildnumber', 'build', 'version'),
      impliedName: null,
      platform: find(...OS_NAME) === null ? null : find('platform'),
      model: find('model'),
      fallbackName: find('osaccordingtotheconfigurationfile'),
    };
    // Intune's column is "OS"; Kandji's and others' "Platform" (with "Device Name" too) is no Intune export.
    if (
      has('osversion') &&
      has('os', 'operatingsystem') &&
      has('devicename', 'deviceid', 'azureaddeviceid', 'intuneregistered', 'managedby', 'primaryuserupn', 'skufamily')
    )
      return { id: 'intune', label: 'an Intune export', columns };
    // Entra ID's device list (the portal's download, or Graph's /devices): "operatingSystem" beside
    // "operatingSystemVersion", as Active Directory names them, with Entra's own columns.
    const adColumns = has('operatingsystemversion') && has('operatingsystem');
    if (
      adColumns &&
      has('deviceid', 'mdmdisplayname', 'approximatelastsignindatetime', 'jointypetrusttype', 'trusttype')
    )
      return { id: 'entra', label: 'a Microsoft Entra ID device list', columns };
    if (adColumns || has('distinguishedname', 'samaccountname', 'dnshostname'))
      return { id: 'active-directory', label: 'an Active Directory export', columns };
    if (has('client', 'sitecode', 'clientactivity', 'resourceid'))
      return { id: 'configmgr', label: 'a Configuration Manager export', columns };
    return { id: 'device-list', label: 'a device list', columns };
  }
  // The OS's columns named with a prefix: "Asset OS Name" and "Asset OS Version" (InsightVM), "Host OS
  // Name", "Device Operating System".
  const endingIn = (...suffixes: string[]): number | null => {
    const index = normalized.findIndex((name) => suffixes.some((suffix) => name.endsWith(suffix)));
    return index === -1 ? null : index;
  };
  const prefixedName =
    endingIn('osname', 'operatingsystem', 'operatingsystemname') ?? find('osaccordingtotheconfigurationfile');
  if (prefixedName !== null)
    return {
      id: 'device-list',
      label: 'a device list',
      columns: {
        name: prefixedName,
        qualifiers: [],
        version: null,
        build: endingIn('osversion', 'operatingsystemversion', 'osbuild'),
        impliedName: null,
      },
    };
  // Only a version column beside the device's own ("OS Version": "macOS 14.2.1", as Mosyle exports it).
  if (has('osversion', 'operatingsystemversion') && has('devicename', 'serialnumber', 'computername', 'name')) {
    return {
      id: 'device-list',
      label: 'a device list',
      columns: {
        name: find('osversion', 'operatingsystemversion'),
        qualifiers: [],
        version: null,
        build: find('osbuild', 'operatingsystembuild', 'build'),
        impliedName: null,
      },
    };
  }
  return null;
}
