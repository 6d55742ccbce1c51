// A count of machines as people write it: "18293", "18,293", "12k", "1.5k". One reading for counts
// typed after /eol inventory set, in the Home form, and in imported summaries.
import { MAX_COUNT } from './inventory-store.js';

// Thousands grouped by commas, or as other locales group them: a no-break or thin space, an apostrophe.
const WHOLE_COUNT = /^(\d{1,3}(,\d{3})+|\d{1,3}([\u00a0\u202f\u2009]\d{3})+|\d{1,3}(['’]\d{3})+|\d+)$/;
// Thousands as people write them in chat: "12k", "1.5k", "2.25K" (a whole number of machines).
const THOUSANDS = /^(\d{1,5})(?:\.(\d{1,3}))?k$/i;

/** "18293", "18,293", "18 293" (no-break space), "18'293" or "18.293k" -> 18293; null for anything else, or more than MAX_COUNT. */
export function parseCount(text: string): number | null {
  const thousands = THOUSANDS.exec(text);
  // Whole thousands and the digits after the point as thousandths, so "1.15k" is 1,150 exactly.
  const count = thousands
    ? Number(thousands[1]) * 1000 + Number((thousands[2] ?? '').padEnd(3, '0'))
    : WHOLE_COUNT.test(text)
      ? Number(text.replace(/[,\u00a0\u202f\u2009'’]/g, ''))
      : null;
  return count !== null && count <= MAX_COUNT ? count : null;
}
