// Reads the catalogue and our supplements from disk; the catalogue core itself does no I/O.
import { readFileSync } from 'node:fs';
import type { Catalog } from '../catalog/catalog.js';
import { createCatalog } from '../catalog/create-catalog.js';

export interface CatalogFiles {
  catalogPath: string;
  supplementsPath: string;
}

export function loadCatalogFiles({ catalogPath, supplementsPath }: CatalogFiles): Catalog {
  const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
  return createCatalog(readJson(catalogPath), readJson(supplementsPath));
}
