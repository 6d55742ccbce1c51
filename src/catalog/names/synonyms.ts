// Names people use that endoflife.date does not list. Upstream Windows has no aliases at all.
// Keys are normalized (see normalize-name.ts). A list of products is a family: the release decides
// which product is meant (".net 4.8" can only be .NET Framework), or the answer lists the candidates.

/** Every build of OpenJDK the catalogue tracks: "openjdk 17" is one of these, "java 17" these or Oracle's. */
export const OPENJDK_BUILDS = [
  'eclipse-temurin',
  'amazon-corretto',
  'azul-zulu',
  'microsoft-build-of-openjdk',
  'redhat-build-of-openjdk',
  'openjdk-builds-from-oracle',
] as const;

/** Spoken name -> endoflife.date product name, or the products of a family. */
export const productSynonyms: Readonly<Record<string, string | readonly string[]>> = {
  win: 'windows',
  'ms windows': 'windows',
  'microsoft windows': 'windows',
  server: 'windows-server',
  'win server': 'windows-server',
  'ms server': 'windows-server',
  srv: 'windows-server',
  'win srv': 'windows-server',
  'windows srv': 'windows-server',
  winsrv: 'windows-server',
  'microsoft windows server': 'windows-server',
  'red hat': 'rhel',
  // Red Hat's other products named with the vendor: not RHEL ("red hat jboss 7" is no RHEL 7).
  'red hat jboss': 'redhat-jboss-eap',
  'red hat jboss eap': 'redhat-jboss-eap',
  'redhat jboss': 'redhat-jboss-eap',
  'red hat enterprise linux': 'rhel',
  'red hat linux': 'rhel',
  'red hat enterprise linux server': 'rhel',
  osx: 'macos',
  'os x': 'macos',
  // "Linux" before the distribution, as ServiceNow's CMDB names them: not the Linux kernel.
  'linux red hat': 'rhel',
  'linux redhat': 'rhel',
  'linux rhel': 'rhel',
  'linux suse': 'sles',
  'linux sles': 'sles',
  'linux centos': 'centos',
  'linux ubuntu': 'ubuntu',
  'linux debian': 'debian',
  'linux oracle': 'oracle-linux',
  'linux fedora': 'fedora',
  'linux amazon': 'amazon-linux',
  // Its os-release ID and AMI names: "amzn 2", "amzn2-ami-kernel-5.10".
  amzn: 'amazon-linux',
  // Office's applications share its lifecycle: "outlook 2016" is Office 2016. Not "word" alone,
  // which questions use as a word.
  outlook: 'office',
  excel: 'office',
  powerpoint: 'office',
  'ms word': 'office',
  'microsoft word': 'office',
  // Appliances by their box: a FortiGate runs FortiOS, a Palo Alto firewall PAN-OS.
  fortigate: 'fortios',
  'palo alto': 'panos',
  'palo alto networks': 'panos',
  globalprotect: 'pangp',
  // "veeam 12": Backup & Replication or ONE, which number alike; the release decides or the answer asks.
  veeam: ['veeam-backup-and-replication', 'veeam-one', 'veeam-backup-for-microsoft-365'],
  // Cisco's IOS is never Apple's: "Cisco IOS 15.2" (classic IOS, not in the catalogue) is said not
  // found in IOS XE, whose releases run from 16 on, rather than answered as iOS 15.
  'cisco ios': 'cisco-ios-xe',
  'ios xe': 'cisco-ios-xe',
  iosxe: 'cisco-ios-xe',
  // Virtual Apps and Desktops by its names before 2018 ("XenApp 7.15 LTSR").
  xenapp: 'citrix-vad',
  xendesktop: 'citrix-vad',
  'citrix xenapp': 'citrix-vad',
  'citrix xendesktop': 'citrix-vad',
  // Samsung's own names for its watches and tablets, without "Samsung".
  'galaxy watch': 'samsung-galaxy-watch',
  'galaxy tab': 'samsung-galaxy-tab',
  // "samsung s21", "samsung tab s8": Samsung without "Galaxy" (each product's releases add it back).
  samsung: 'samsung-mobile',
  'samsung tab': 'samsung-galaxy-tab',
  'samsung watch': 'samsung-galaxy-watch',
  'linux rocky': 'rocky-linux',
  'linux alma': 'almalinux',
  // The device before its system: "iphone ios 17" is iOS 17, not the iPhone 17.
  'iphone ios': 'ios',
  'iphone os': 'ios',
  'ipad os': 'ipados',
  'ipad ipados': 'ipados',
  'ipad ios': 'ipados',
  'mac os': 'macos',
  'mac os x': 'macos',
  // ServiceNow's CMDB: "Mac OS 10 (OS/X)" for every Mac, the release in its own column.
  'mac os 10 os x': 'macos',
  postgre: 'postgresql',
  'postgre sql': 'postgresql',
  'sql server': 'mssqlserver',
  'ms sql': 'mssqlserver',
  'ms sql server': 'mssqlserver',
  sql: 'mssqlserver',
  sqlserver: 'mssqlserver',
  oel: 'oracle-linux',
  ol: 'oracle-linux',
  py: 'python',
  python3: 'python',
  cpython: 'python',
  k8s: 'kubernetes',
  kube: 'kubernetes',
  golang: 'go',
  'net framework': 'dotnetfx',
  '.net framework': 'dotnetfx',
  '.net fx': 'dotnetfx',
  dotnetfx: 'dotnetfx',
  '.net core': 'dotnet',
  'dotnet core': 'dotnet',
  'asp.net core': 'dotnet',
  exchange: 'msexchange',
  'exchange server': 'msexchange',
  'ms exchange': 'msexchange',
  'sharepoint server': 'sharepoint',
  'ms office': 'office',
  sles: 'sles',
  suse: 'sles',
  'suse linux enterprise': 'sles',
  'suse linux enterprise server': 'sles',
  centos: 'centos',
  'centos linux': 'centos',
  'debian gnu linux': 'debian',
  'ubuntu server': 'ubuntu',
  'ubuntu desktop': 'ubuntu',
  'ubuntu lts': 'ubuntu',
  ie: 'internet-explorer',
  '.net': ['dotnet', 'dotnetfx'],
  dotnet: ['dotnet', 'dotnetfx'],
  java: ['oracle-jdk', ...OPENJDK_BUILDS],
  jdk: ['oracle-jdk', ...OPENJDK_BUILDS],
  jre: ['oracle-jdk', 'eclipse-temurin', 'amazon-corretto', 'azul-zulu'],
  openjdk: OPENJDK_BUILDS,
  // endoflife.date's own names differ from the ones people use.
  docker: 'docker-engine',
  'docker ce': 'docker-engine',
  'docker ee': 'docker-engine',
  moby: 'docker-engine',
  chef: ['chef-infra-client', 'chef-infra-server', 'chef-workstation', 'chef-inspec'],
  'chef infra': ['chef-infra-client', 'chef-infra-server'],
  elastic: 'elasticsearch',
  'elastic search': 'elasticsearch',
  'oracle db': 'oracle-database',
  'oracle rdbms': 'oracle-database',
  oracle: ['oracle-database', 'oracle-linux', 'oracle-jdk', 'oracle-solaris'],
  vs: 'visual-studio',
  'ms visual studio': 'visual-studio',
  vsphere: ['esxi', 'vcenter'],
  'vmware vsphere': ['esxi', 'vcenter'],
  vmware: ['esxi', 'vcenter', 'horizon', 'vmware-cloud-foundation', 'vmware-srm', 'photon'],
};

/** Node.js long-term-support lines by their codenames ("node iron", nvm's "lts/iron"). */
const NODE_LTS_CODENAMES: Readonly<Record<string, string>> = {
  argon: '4',
  boron: '6',
  carbon: '8',
  dubnium: '10',
  erbium: '12',
  fermium: '14',
  gallium: '16',
  hydrogen: '18',
  iron: '20',
  jod: '22',
  krypton: '24',
};

/** Spoken name -> one release. */
export const releaseSynonyms: Readonly<Record<string, { product: string; release: string }>> = {
  ...Object.fromEntries(
    Object.entries(NODE_LTS_CODENAMES).flatMap(([codename, release]) =>
      ['node', 'nodejs', 'node.js', 'node js', 'lts'].map((name) => [
        `${name} ${codename}`,
        { product: 'nodejs', release },
      ]),
    ),
  ),
  // Amazon's own shorthand, in AMI names and docs.
  al2023: { product: 'amazon-linux', release: '2023' },
  al2: { product: 'amazon-linux', release: '2' },
  amzn2: { product: 'amazon-linux', release: '2' },
  amzn2023: { product: 'amazon-linux', release: '2023' },
  xp: { product: 'windows', release: '5-sp3' },
  'xp pro': { product: 'windows', release: '5-sp3' },
  'xp professional': { product: 'windows', release: '5-sp3' },
  vista: { product: 'windows', release: '6-sp2' },
  win7: { product: 'windows', release: '7-sp1' },
  win8: { product: 'windows', release: '8' },
  'win8.1': { product: 'windows', release: '8.1' },
  '2012 r2': { product: 'windows-server', release: '2012-r2' },
  '2008 r2': { product: 'windows-server', release: '2008-r2-sp1' },
};

/** R2 releases the catalogue has no entry for because Microsoft gives them their base's lifecycle. */
export const r2FollowsBase: Readonly<Record<string, ReadonlySet<string>>> = {
  'windows-server': new Set(['2003']),
};

/**
 * Words that name the vendor rather than the product: "Microsoft Exchange" is also "exchange".
 * A label without its vendor word becomes a name only where no product already owns it
 * ("Oracle Linux" does not take "linux" from the Linux kernel).
 */
export const vendorWords: ReadonlySet<string> = new Set([
  'microsoft',
  'ms',
  'apple',
  'oracle',
  'apache',
  'google',
  'amazon',
  'ibm',
  'vmware',
  'red hat',
  'redhat',
  'the',
]);

/** Where a release not found in the first product is looked for next: there is no client Windows 2019. */
export const productFallbacks: Readonly<Record<string, string>> = {
  windows: 'windows-server',
};

/**
 * A product whose older releases the catalogue keeps under another name, for any release the first
 * does not have: "powershell 5.1" is Windows PowerShell 5.1 (PowerShell starts at 6).
 */
export const olderReleasesOf: Readonly<Record<string, string>> = {
  powershell: 'windows-powershell',
};

/**
 * A device named with a dotted version runs that OS: "iPhone 16.7.4" is iOS 16 (no iPhone model is
 * numbered with points), "iPad 17.2" iPadOS 17, as device exports and people write them.
 */
export const operatingSystemOfDevice: Readonly<Record<string, string>> = {
  iphone: 'ios',
  ipad: 'ipados',
  'apple-watch': 'watchos',
};

/** Words that are part of a release's name and imply its product: "ltsb 2016" is Windows 10 1607 LTSB. */
export const impliedProducts: Readonly<Record<string, string>> = {
  ltsb: 'windows',
  ltsc: 'windows',
  // "galaxy s21", "samsung galaxy a54": Samsung's phones, whose release names begin with "galaxy".
  galaxy: 'samsung-mobile',
};

/**
 * Systems endoflife.date does not track whose names hold a product's that it does: "chrome os 120" is
 * no Chrome 120, "windows phone 8.1" no Windows 8.1. Named, they are not found, never answered for the other.
 */
export const absentProducts: ReadonlySet<string> = new Set([
  'chromeos',
  'chrome os',
  'chromiumos',
  'chromium os',
  'windows phone',
  // Windows 10 IoT Core: its own lifecycle, not IoT Enterprise's nor any edition's of Windows 10.
  'iot core',
  'windows mobile',
  'windows ce',
  // Node-RED is no Node.js.
  'node red',
  'nodered',
  // Cisco's IOS XR and NX-OS are no Apple iOS; Java EE (Jakarta EE) is no Java SE.
  'ios xr',
  'iosxr',
  'nx os',
  'nxos',
  'java ee',
  'jakarta ee',
  'j2ee',
  // Veeam's agents and Office Online Server have lifecycles of their own, not in the catalogue.
  'veeam agent',
  'office online server',
  // Citrix's other products are no Virtual Apps and Desktops ("citrix" alone is).
  'citrix adc',
  'netscaler',
  'citrix workspace',
  'workspace app',
  'citrix receiver',
  'citrix hypervisor',
  'xenserver',
  'citrix sd wan',
  // Microsoft Edge's channels have no entry in the catalogue (Chrome's do: never answered for it).
  'microsoft edge',
  'ms edge',
  'edge browser',
  // SUSE's desktop (no LTSS) and its SAP and HPC editions (their own support terms) are no SLES.
  'sled',
  'linux enterprise desktop',
  'sle desktop',
  'sles4sap',
  'sles sap',
  'sles for sap',
  'server for sap',
  'sle hpc',
  'sles hpc',
]);

/** Letters that name a product only when a version is glued to them: "w10" is Windows 10, "w" alone nothing. */
export const gluedShorthands: Readonly<Record<string, string>> = {
  w: 'windows',
  // "ws2019", "srv2016": Windows Server, as admins write it in hostnames and tickets.
  ws: 'windows-server',
  srv: 'windows-server',
  winsrv: 'windows-server',
};
