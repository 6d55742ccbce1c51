import { readFileSync } from 'node:fs';
import { createCatalog } from './src/catalog/catalog.js';
import { createResolver } from './src/catalog/resolve-name.js';
const t0 = performance.now();
const c = createCatalog(JSON.parse(readFileSync('data/products-full.json', 'utf8')), JSON.parse(readFileSync('data/supplements.json', 'utf8')));
const t1 = performance.now();
createResolver(c);
console.log('catalog', t1 - t0, 'resolver', performance.now() - t1);
