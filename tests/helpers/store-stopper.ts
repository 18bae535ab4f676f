/**
 * A writer that stops in the middle of an update, as one stuck in a slow fsync or stopped with
 * Ctrl+Z does: `node --import=tsx tests/helpers/store-stopper.ts DIR KEY` prints `ready`, takes the
 * lock of DIR/state.json, reads the file, then sends itself SIGSTOP before writing. Once continued
 * it records a view of KEY and prints `{"warnings":[...]}`.
 */
import path from 'node:path';
import process from 'node:process';
import {StateFileHandle} from '../../source/node/state/store-file.js';

const [directory, key] = process.argv.slice(2);
const handle = new StateFileHandle(path.join(directory, 'state.json'));
const warnings: string[] = [];
handle.prepare(warnings);
process.stdout.write('ready\n');
let stopped = false;
handle.update(warnings, snapshot => {
	// Only the first attempt stops: an update redone after losing the lock goes straight through.
	if (!stopped) {
		stopped = true;
		process.kill(process.pid, 'SIGSTOP');
	}

	const views = Object.hasOwn(snapshot.articles, key) ? snapshot.articles[key].views : 0;
	snapshot.articles[key] = {views: views + 1, readSections: ['usage'], lastRead: new Date().toISOString()};
}, () => true);
process.stdout.write(JSON.stringify({warnings}) + '\n');
