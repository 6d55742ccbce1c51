// A second process writing to a store: `node --import tsx store-writer.ts <path> <user> <updates>`.
import { LowdbStore } from '../../src/store/json/lowdb-store.js';

const [path = '', user = 'U', updates = '1'] = process.argv.slice(2);
const store = await LowdbStore.open(path, { lockWaitMs: 10_000 });
for (let i = 1; i <= Number(updates); i += 1) {
  await store.setCounts({ workspace: 'T1', channel: 'C1' }, [{ release: `${user}/release`, count: i }], {
    user,
    at: new Date().toISOString(),
  });
}
