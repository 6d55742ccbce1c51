// A resolution in one short string, for tables of expectations: "windows/8.1", "windows/*",
// "ambiguous", "not-found".
import type { Resolution } from '../../src/catalog/resolve-name.js';

export function answerOf(resolution: Resolution): string {
  switch (resolution.kind) {
    case 'release':
      return `${resolution.release.productName}/${resolution.release.name}`;
    case 'releases':
      return `${resolution.product.name}/*`;
    case 'ambiguous':
    case 'not-found':
      return resolution.kind;
  }
}
