// Counts as every answer writes them: "18,293", "1 day", "3 machines". A leaf: imports nothing of ours.

/**
 * 18293 -> "18,293", for all answers. Not Intl: its first use loads ICU's number data, about 18 ms
 * of a command line's start, for a comma.
 */
export function formatCount(count: number): string {
  // Days left and most counts: no comma to place.
  if (Number.isInteger(count) && count > -1000 && count < 1000) return String(count);
  const [whole = '', fraction] = String(count).split('.');
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** "3 machines", "1 machine". */
export const plural = (count: number, word: string): string => `${formatCount(count)} ${word}${count === 1 ? '' : 's'}`;

/** A sentence's first letter in upper case ("the workspace's" -> "The workspace's"). */
export const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
