// Edition words and what they choose. Windows client releases carry their edition in the release
// name (10-21h2-w, 10-21h2-e, 10-21h2-e-lts, 10-21h2-iot-lts); a release with no edition part covers
// every edition (10-22h2). Server editions share one lifecycle, so their words are simply ignored.

export type EditionTag = 'w' | 'e' | 'iot' | 'lts';

export interface EditionRules {
  /** Word sequences (normalized, longest first wins) -> the tags they ask for. */
  words: Readonly<Record<string, readonly EditionTag[]>>;
  /** "ltsc 2021" -> the release base it means (major-version). */
  channelYears: Readonly<Record<string, string>>;
  /** Said in the answer when an edition word was given for a release that covers all editions. */
  allEditions: string;
}

export const editionRules: Readonly<Record<string, EditionRules>> = {
  windows: {
    words: {
      home: ['w'],
      'home edition': ['w'],
      pro: ['w'],
      professional: ['w'],
      'pro education': ['w'],
      'pro edu': ['w'],
      'pro for workstations': ['w'],
      'pro workstation': ['w'],
      workstation: ['w'],
      // Microsoft 365 Business's Windows: Pro, upgraded in place ("Windows 11 Business" in Intune and RMM lists).
      business: ['w'],
      's mode': ['w'],
      core: ['w'],
      // N and KN (no media player, for Europe and Korea) and Single Language follow their edition's dates.
      'home n': ['w'],
      'home kn': ['w'],
      'home single language': ['w'],
      // Home China and Enterprise G (China's government edition) follow their edition's dates too.
      'home china': ['w'],
      'enterprise g': ['e'],
      'single language': ['w'],
      'pro n': ['w'],
      'pro kn': ['w'],
      'professional n': ['w'],
      'pro education n': ['w'],
      'pro n for workstations': ['w'],
      enterprise: ['e'],
      ent: ['e'],
      education: ['e'],
      edu: ['e'],
      'enterprise multi session': ['e'],
      'enterprise n': ['e'],
      'enterprise kn': ['e'],
      'education n': ['e'],
      'education kn': ['e'],
      'enterprise n ltsc': ['e', 'lts'],
      ltsc: ['e', 'lts'],
      ltsb: ['e', 'lts'],
      lts: ['e', 'lts'],
      'enterprise ltsc': ['e', 'lts'],
      'enterprise ltsb': ['e', 'lts'],
      'enterprise 2015 ltsb': ['e', 'lts'],
      'enterprise 2016 ltsb': ['e', 'lts'],
      // French Windows names its editions in French (GLPI, OCS and French Active Directories export them so).
      famille: ['w'],
      'famille unilingue': ['w'],
      professionnel: ['w'],
      'professionnel education': ['w'],
      'professionnel éducation': ['w'],
      'pro éducation': ['w'],
      entreprise: ['e'],
      'entreprise ltsc': ['e', 'lts'],
      'entreprise ltsb': ['e', 'lts'],
      éducation: ['e'],
      iot: ['iot'],
      'iot enterprise': ['iot'],
      'iot enterprise ltsc': ['iot', 'lts'],
      'iot ltsc': ['iot', 'lts'],
    },
    channelYears: { '2015': '10 1507', '2016': '10 1607', '2019': '10 1809', '2021': '10 21h2', '2024': '11 24h2' },
    allEditions: 'one release for all editions (Home, Pro, Enterprise, Education)',
  },
};

/** Words that pick nothing for these products: their editions share one lifecycle. */
export const ignoredEditionWords: Readonly<Record<string, ReadonlySet<string>>> = {
  'windows-server': new Set(
    'standard datacenter enterprise essentials foundation web storage core hyper v azure edition server sac ltsc'.split(
      ' ',
    ),
  ),
  rhel: new Set('server workstation desktop for sap'.split(' ')),
  // SLED and SLES for SAP Applications have terms of their own (synonyms.ts: absentProducts).
  sles: new Set(['server']),
  msexchange: new Set('standard enterprise cu'.split(' ')),
  mssqlserver: new Set('standard enterprise express developer web'.split(' ')),
  office: new Set('professional plus standard home business'.split(' ')),
};

/**
 * A long-term release named by its year, and its version: beside its year ("Windows Server 2019 Standard
 * Version 1809", as Qualys and others print it) the version names the same release, not the
 * semi-annual one that shares it.
 */
export const yearVersions: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'windows-server': { '2016': '1607', '2019': '1809', '2022': '21h2', '2025': '24h2' },
};

/**
 * Words that make another release or product of these, so a release named without them is not the one
 * meant: Office for Mac has its own dates, and only 2008 and 2011 for Mac are in the catalogue.
 */
export const releaseChangingWords: Readonly<Record<string, ReadonlySet<string>>> = {
  office: new Set(['mac', 'macos', 'osx']),
  // "red hat ceph 5", "red hat virtualization 4.4": Red Hat's other products, never RHEL of that number.
  rhel: new Set(
    'jboss openshift satellite ansible ceph gluster virtualization rhv keycloak sso fuse amq quay openstack idm directory'.split(
      ' ',
    ),
  ),
};
