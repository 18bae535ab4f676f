/**
 * One of several processes sharing a store: `node --import=tsx tests/helpers/store-worker.ts DIR KEY COUNT [GO_FILE]`
 * opens the store in DIR, prints `ready`, waits until GO_FILE exists so all workers start
 * together, calls `recordView(KEY)` COUNT times, and prints `{"started":...,"finished":...}`.
 */
import {existsSync} from 'node:fs';
import {openStore} from '../../source/node/state/store.js';

const [directory, key, count, goFile] = process.argv.slice(2);
const store = openStore({directory, env: {}});
process.stdout.write('ready\n');
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const giveUpAt = Date.now() + 30_000;
while (goFile && !existsSync(goFile) && Date.now() < giveUpAt) {
	Atomics.wait(sleeper, 0, 0, 1);
}

const started = Date.now();
for (let index = 0; index < Number(count); index++) {
	store.recordView(key);
}

process.stdout.write(JSON.stringify({started, finished: Date.now(), warnings: store.warnings}) + '\n');
