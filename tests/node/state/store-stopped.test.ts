import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {openStore} from '../../../source/node/state/store.js';
import {outputOf, spawnHelper, temporaryFolder, untilPrinted} from '../../helpers/store-fixtures.js';

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Poll `condition` every 20 ms until it holds or `timeoutMs` passes; returns whether it held. */
async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
	const giveUpAt = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > giveUpAt) {
			return false;
		}

		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
	}

	return true;
}

function contents(file: string): string {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

function ageOf(file: string): number {
	try {
		return Date.now() - statSync(file).mtimeMs;
	} catch {
		return 0;
	}
}

function lockHolder(lock: string): number | undefined {
	try {
		return Number.parseInt(readFileSync(lock, 'utf8'), 10);
	} catch {
		return undefined;
	}
}

test('a writer stopped with SIGSTOP while holding the lock loses no other writer\'s update, and its temp file stays', async t => {
	const directory = temporaryFolder(t);
	const lock = path.join(directory, 'state.json.lock');
	const holder = spawnHelper('store-writer', [directory, '/l/holder.md']);
	t.teardown(() => {
		holder.kill('SIGKILL');
	});
	await untilPrinted(holder, 'ready');

	// Stop the writer at a moment it holds the lock (it holds it most of the time).
	let stoppedHolding = false;
	for (let attempt = 0; attempt < 200 && !stoppedHolding; attempt++) {
		holder.kill('SIGSTOP');
		Atomics.wait(sleeper, 0, 0, 20);
		stoppedHolding = lockHolder(lock) === holder.pid;
		if (!stoppedHolding) {
			holder.kill('SIGCONT');
			Atomics.wait(sleeper, 0, 0, 1 + (attempt % 7));
		}
	}

	t.true(stoppedHolding, 'the writer was stopped holding the lock');
	const theirTemporary = path.join(directory, `state.json.tmp-${holder.pid}-0000abcd`);
	writeFileSync(theirTemporary, 'half written by the stopped writer');

	const other = spawnHelper('store-worker', [directory, '/l/other.md', '1']);
	const otherOutput = outputOf(other);
	let otherExited = false;
	other.on('exit', () => {
		otherExited = true;
	});
	// Past the age at which folio used to take a lock over "whatever its process".
	await until(() => otherExited || ageOf(lock) > 6000, 8000);
	t.true(existsSync(theirTemporary), 'a live (stopped) process\'s temp file is not swept away');

	const beforeResume = contents(path.join(directory, 'state.json'));
	holder.kill('SIGCONT');
	await until(() => contents(path.join(directory, 'state.json')) !== beforeResume, 5000);
	await otherOutput;
	holder.kill('SIGKILL');

	const state = openStore({directory, env: {}}).all();
	t.is(state['/l/other.md']?.views, 1, 'the other writer\'s view survived the stopped writer\'s resumed write');
	t.true((state['/l/holder.md']?.readSections.length ?? 0) > 0);
});
