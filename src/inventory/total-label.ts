// "Total", "Grand Total", "Sum": the line of a spreadsheet that adds up the others, in a pasted list
// (commands/parse-inventory-pairs.ts) or an imported summary (imports/plan-import.ts). No release.

// Excel's own words in other languages too: "Gesamtergebnis", "Total général", "Total general", "Eindtotaal".
const TOTAL =
  /^(?:(?:grand\s+)?total|sum|gesamtergebnis|gesamt(?:summe)?|summe|total\s+g[ée]n[ée]ral|total\s+general|totale(?:\s+complessivo)?|eindtotaal|totaal|totalt|totalsumma)$/i;

export const isTotalLabel = (label: string): boolean => TOTAL.test(label.trim());
