// The words that name a release alone, without its product: a codename ("jammy", "bookworm") or an OS
// release's label ("XP SP3", "Vista"), each with the key of the release it names. Kept in the prepared
// catalogue, so a one-question start does not read every product's releases to find them.
import { normalizeName, tokensOf } from './normalize-name.js';

/** What the labels are read from (a catalogue's product; catalog.ts imports this file). */
interface LabelledProduct {
  name: string;
  label: string;
  category: string;
  releases: readonly { name: string; label: string; codename: string | null }[];
}

/** [words, release key] pairs; a release may be named several ways, and one name several releases. */
export type ReleaseLabels = readonly (readonly [words: string, releaseKey: string])[];

export function releaseLabelsOf(products: readonly LabelledProduct[]): ReleaseLabels {
  const labels: [string, string][] = [];
  for (const product of products) {
    const productWords =
      product.category === 'os' ? new Set([...tokensOf(product.name), ...tokensOf(product.label)]) : null;
    for (const release of product.releases) {
      const keys: string[] = [];
      // Other products' labels are left out: "java 17" is not AWS Lambda's.
      if (productWords) {
        const label = normalizeName(release.label);
        const bare = label
          .split(' ')
          .filter((token, index) => index > 0 || !productWords.has(token))
          .join(' ');
        keys.push(label, bare);
      }
      if (release.codename) {
        const codename = normalizeName(release.codename);
        keys.push(codename, codename.split(' ')[0] ?? '');
      }
      for (const key of new Set(keys))
        if (key !== '' && !/^[\d.]+$/.test(key)) labels.push([key, `${product.name}/${release.name}`]);
    }
  }
  return labels;
}
