// "Total", "Grand Total", "Sum": the line of a spreadsheet that adds up the others, in a pasted list
// (commands/parse-inventory-pairs.ts) or an imported summary (imports/plan-import.ts). No release.

export const isTotalLabel = (label: string): boolean => /^(?:grand\s+)?total$|^sum$/i.test(label.trim());
