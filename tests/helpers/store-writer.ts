/**
 * A process to kill: `node --import=tsx tests/helpers/store-writer.ts DIR KEY` opens the store in
 * DIR, prints `ready`, then saves positions and views of KEY in a tight loop until it is killed.
 */
import {openStore} from '../../source/node/state/store.js';

const [directory, key] = process.argv.slice(2);
const store = openStore({directory, env: {}});
process.stdout.write('ready\n');
for (let step = 0; ; step++) {
	const at = new Date().toISOString();
	store.savePosition(key, {slug: `section-${step % 40}`, fraction: (step % 10) / 10, percent: step % 101, at}, [`section-${step % 40}`]);
	store.recordView(`${key}-${step % 1500}`);
}
