// Names people use that endoflife.date does not list. Upstream Windows has no aliases at all.

/** Spoken name -> endoflife.date product name. Keys are normalized (see normalizeName). */
export const productSynonyms: Readonly<Record<string, string>> = {
  win: 'windows',
  'ms windows': 'windows',
  'microsoft windows': 'windows',
  server: 'windows-server',
  'win server': 'windows-server',
  'ms server': 'windows-server',
  'microsoft windows server': 'windows-server',
  'red hat': 'rhel',
  'red hat enterprise linux': 'rhel',
  osx: 'macos',
  'os x': 'macos',
  'mac os': 'macos',
  'mac os x': 'macos',
  postgre: 'postgresql',
  nodejs: 'nodejs',
};

/** Spoken name -> one release. */
export const releaseSynonyms: Readonly<Record<string, { product: string; release: string }>> = {
  xp: { product: 'windows', release: '5-sp3' },
  vista: { product: 'windows', release: '6-sp2' },
  win7: { product: 'windows', release: '7-sp1' },
  win8: { product: 'windows', release: '8' },
  'win8.1': { product: 'windows', release: '8.1' },
};
