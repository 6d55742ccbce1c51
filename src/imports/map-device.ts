// One device's operating system fields -> a release, through the same resolver as /eol. The name
// settles the product; the name with each version field then narrows it to a release, and the name
// alone is the answer only when no version does, because tools mix fields in ways no single text reads
// right ("Win 2012 R2" + 6.3.9600 is a server, where the build alone reads as Windows 8.1).
import type { Release } from '../catalog/catalog.js';
import { isBuild } from '../catalog/match-release.js';
import type { Resolution, Resolver } from '../catalog/resolve-name.js';

export interface DeviceFields {
  name: string;
  qualifiers: string[];
  version: string;
  build: string;
}

export type DeviceMapping =
  | { kind: 'release'; release: Release }
  /** The edition was not said and the editions' support ends differ: the one that ends first. */
  | { kind: 'guessed'; release: Release; editions: number }
  | { kind: 'unrecognised' };

/** The last day of the vendor's free support, for comparing editions; ended-undated sorts first. */
function freeSupportEnd(release: Release): string {
  let end = '';
  for (const phase of release.phases) {
    if (phase.kind !== 'active' && phase.kind !== 'security') continue;
    const value = typeof phase.end === 'string' ? phase.end : phase.end === true ? '0000-00-00' : '9999-12-31';
    if (value > end) end = value;
  }
  return end || '9999-12-31';
}

/** Several releases that are one version in different editions (the same latest build). */
function editionsOfOneVersion(resolution: Resolution): Release[] | null {
  if (resolution.kind !== 'releases' || resolution.releases.length < 2) return null;
  const build = resolution.releases[0]?.latest?.name;
  if (!build || !resolution.releases.every((release) => release.latest?.name === build)) return null;
  return resolution.releases;
}

const productOf = (resolution: Resolution): string | null =>
  resolution.kind === 'release'
    ? resolution.release.productName
    : resolution.kind === 'releases'
      ? resolution.product.name
      : null;

/**
 * CrowdStrike Falcon's "Platform" is only "Windows", "Linux" or "Mac", and its "OS Version" names the
 * system ("Windows 10", "Windows Server 2019", "RHEL 8.6"): the field with the system's name is the name.
 */
function withSystemNamed(fields: DeviceFields): DeviceFields {
  if (!/^(?:windows|linux|mac|macos)$/i.test(fields.name.trim())) return fields;
  if (/[a-z]{2}/i.test(fields.version)) return { ...fields, name: fields.version, version: '' };
  if (/[a-z]{2}/i.test(fields.build) && !/^\d/.test(fields.build.trim()))
    return { ...fields, name: fields.build, build: '' };
  return fields;
}

/**
 * The system a device-management platform name stands for: Workspace ONE calls Windows "WinRT", macOS
 * "AppleOsX" and iPhones and iPads "Apple" (the model says which: an iPad runs iPadOS).
 */
export function systemOfPlatform(platform: string, model = ''): string {
  const value = platform.trim();
  if (/^(?:winrt|windows\s*(?:desktop|pc|10|11)?)$/i.test(value)) return 'Windows';
  if (/^(?:apple\s*)?(?:os\s*x|osx|macos|mac)$/i.test(value)) return 'macOS';
  if (/^apple$/i.test(value)) return /^\s*ipad/i.test(model) ? 'iPadOS' : 'iOS';
  return value;
}

export function deviceText(typed: DeviceFields): string {
  const fields = withSystemNamed(typed);
  const parts = [fields.name, ...fields.qualifiers, fields.version, fields.build]
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return [...new Set(parts)].join(' ');
}

/**
 * Configuration Manager names Windows by its kernel ("Microsoft Windows NT Workstation 10.0", "... NT
 * Server 6.3"): the same for Windows 10 and 11, or for 8.1 and Server 2012 R2. Only the build tells them
 * apart, so the name keeps just client or server.
 */
function withoutKernelVersion(name: string): string {
  // Nessus and Tenable name Linux by its kernel, then the distribution: "Linux Kernel 5.15.0-91-generic
  // on Ubuntu 22.04". The kernel is not what the machine runs for support; the distribution is.
  const distribution = /^linux kernel \S+(?: \S+)? on (.+)$/i.exec(name.trim());
  if (distribution?.[1]) return distribution[1];
  // Kandji, Mosyle and Intune's "Platform" name the device; its OS is what has a lifecycle.
  if (/^(?:iphone|ipod(?: touch)?)$/i.test(name.trim())) return 'iOS';
  if (/^ipad$/i.test(name.trim())) return 'iPadOS';
  // Entra ID's device list calls a Mac enrolled through MDM "MacMDM".
  if (/^macmdm$/i.test(name.trim())) return 'macOS';
  // Intune's Graph exports name Android by management mode ("AndroidForWork", "AndroidEnterprise").
  if (/^android(?:forwork|enterprise|aosp|deviceadministrator)$/i.test(name.trim())) return 'Android';
  // Defender for Endpoint glues the platform: "Windows10", "Windows8.1", "WindowsServer2012R2".
  const platform = /^windows(server)?(\d[\d.]*)(r2)?$/i.exec(name.trim());
  if (platform) return `Windows${platform[1] ? ' Server' : ''} ${platform[2]}${platform[3] ? ' R2' : ''}`;
  const kernel =
    /^(?:microsoft\s+)?windows\s+nt\s*(workstation|server|advanced server|datacenter server)?\s*[\d.]*$/i.exec(
      name.trim(),
    );
  if (!kernel) return name;
  return /server/i.test(kernel[1] ?? '') ? 'Windows Server' : 'Windows';
}

/** Windows's kernel version for a bare build number (Defender's "OS build" is 19045), as winver writes it. */
function kernelOf(build: number): string | null {
  if (build >= 10240) return '10.0';
  const kernels: Record<number, string> = {
    9600: '6.3',
    9200: '6.2',
    7601: '6.1',
    7600: '6.1',
    6003: '6.0',
    6002: '6.0',
  };
  return kernels[build] ?? null;
}

/** "19045" beside a Windows name -> "10.0.19045": a build the build index knows. */
function withKernel(name: string, build: string): string {
  const kernel = /^\d{4,5}$/.test(build.trim()) && /\bwindows\b/i.test(name) ? kernelOf(Number(build)) : null;
  return kernel ? `${kernel}.${build.trim()}` : build;
}

export function createDeviceMapper(resolve: Resolver): (fields: DeviceFields) => DeviceMapping {
  const known = new Map<string, DeviceMapping>();
  const map = (typed: DeviceFields): DeviceMapping => {
    const given = withSystemNamed(typed);
    const name = withoutKernelVersion(given.name);
    const fields = { ...given, name, build: withKernel(name, given.build) };
    const named = [fields.name, ...fields.qualifiers]
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .join(' ');
    const versions = [fields.version, fields.build].map((part) => part.trim()).filter((part) => part !== '');
    const byName = named === '' ? null : resolve(named);
    const product = byName ? productOf(byName) : null;
    // The name with each version field is more specific than the name alone ("Windows 10 IoT
    // Enterprise" + 10.0 (19044) is 21H2, not the first IoT release); the product's own name with a
    // build reads builds the product name's digits would confuse ("Windows 11" + 10.0.22631).
    // A build that contradicts the name's version is what the machine runs (its name was read before an
    // upgrade): the name's edition with the build ("Windows 10 Enterprise" + 10.0.22631: 11 23H2 Enterprise).
    const nameWithoutVersion = named
      .replace(/(?<![\w.])\d+(?:\.\d+)?(?![\w.])/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const attempts = [
      ...versions.map((part) => `${named} ${part}`),
      ...versions.filter(isBuild).map((part) => `${nameWithoutVersion} ${part}`),
      ...(product ? versions.map((part) => `${product} ${part}`) : []),
      deviceText(fields),
    ].filter((text, index, all) => text.trim() !== '' && text !== named && all.indexOf(text) === index);
    let editions: Release[] | null = null;
    for (const text of attempts) {
      const resolution = resolve(text);
      const found = productOf(resolution);
      // Versions only narrow down the product the name gave; they never switch to another one.
      if (product !== null && found !== null && found !== product) continue;
      if (resolution.kind === 'release') return { kind: 'release', release: resolution.release };
      editions ??= editionsOfOneVersion(resolution);
    }
    if (byName?.kind === 'release') return { kind: 'release', release: byName.release };
    editions ??= byName ? editionsOfOneVersion(byName) : null;
    if (!editions) return { kind: 'unrecognised' };
    const [first] = [...editions].sort((a, b) => freeSupportEnd(a).localeCompare(freeSupportEnd(b)));
    return first ? { kind: 'guessed', release: first, editions: editions.length } : { kind: 'unrecognised' };
  };
  return (fields) => {
    const key = `${fields.name}\u0000${fields.qualifiers.join('\u0000')}\u0000${fields.version}\u0000${fields.build}`;
    let mapping = known.get(key);
    if (!mapping) {
      mapping = map(fields);
      known.set(key, mapping);
    }
    return mapping;
  };
}
