// Build numbers (major.minor.build) that the catalogue's `latest` field does not give, or gives for
// a release other than the one Microsoft's lifecycle names. Everything else comes from the catalogue
// itself (catalog/build-index.ts), so a refresh that adds Windows 11 26H2 brings its build along.
// Sources: Microsoft's Windows and Windows Server release information pages.

export const buildOverrides: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  windows: {
    '5.1.2600': ['5-sp3'],
    '5.2.3790': ['5-sp3'], // XP Professional x64
    '6.0.6000': ['6-sp2'],
    '6.0.6001': ['6-sp2'],
    '6.0.6002': ['6-sp2'],
    '6.0.6003': ['6-sp2'],
    '6.1.7600': ['7-sp1'],
    '6.1.7601': ['7-sp1'],
  },
  'windows-server': {
    '5.2.3790': ['2003-sp2'],
    '6.0.6001': ['2008-sp2'],
    '6.0.6002': ['2008-sp2'],
    '6.0.6003': ['2008-sp2'],
    '6.1.7600': ['2008-r2-sp1'],
    '6.1.7601': ['2008-r2-sp1'],
    // Most servers on 17763 run the long-term 2019, not the semi-annual 1809.
    '10.0.17763': ['2019'],
  },
};

/** Products whose releases are found by build number, in the order a bare build is tried. */
export const productsWithBuilds: readonly string[] = ['windows', 'windows-server'];
