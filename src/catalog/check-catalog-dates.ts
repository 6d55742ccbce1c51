// A catalogue is held to sense before it is used, not only to shape: a date before 1985 or more than
// 30 years ahead is a data error (an end in the year 9999 would make an unsupported release
// "supported"), and the whole catalogue is refused with the first such date named.
import type { Catalog } from './catalog.js';
import { addDays } from '../leaf/calendar-date.js';

const EARLIEST_DATE = '1985-01-01';
const YEARS_AHEAD = 30;

export function checkCatalogDates(catalog: Catalog, today: string): string | null {
  const latest = addDays(today, Math.round(YEARS_AHEAD * 365.25));
  const outside = (date: string) => date < EARLIEST_DATE || date > latest;
  for (const product of catalog.products) {
    for (const release of product.releases) {
      const dates = [
        release.releaseDate,
        ...release.phases.map((phase) => phase.end).filter((end): end is string => typeof end === 'string'),
      ];
      const wrong = dates.find(outside);
      if (wrong) return `${product.name} ${release.name} has the date ${wrong}, outside ${EARLIEST_DATE} to ${latest}`;
    }
  }
  return null;
}
