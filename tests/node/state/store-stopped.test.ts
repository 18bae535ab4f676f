import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {openStore} from '../../../source/node/state/store.js';
import {outputOf, spawnHelper, temporaryFolder, untilPrinted} from '../../helpers/store-fixtures.js';

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

/** The helper's last line of output, parsed. */
function lastLine(output: string): unknown {
	return JSON.parse(output.trim().split('\n').at(-1)!);
}

/** Whether the process is stopped (state `T` in /proc/PID/stat). */
function isStopped(pid: number): boolean {
	try {
		return /^\d+ \(.*\) T /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
	} catch {
		return false;
	}
}

test('a writer stopped with SIGSTOP while holding the lock loses no other writer\'s update, and its temp file stays', async t => {
	const directory = temporaryFolder(t);
	const file = path.join(directory, 'state.json');
	const lock = `${file}.lock`;
	// It takes the lock, reads the file and stops itself before writing: the stale copy is in its hands.
	const holder = spawnHelper('store-stopper', [directory, '/l/holder.md']);
	t.teardown(() => {
		holder.kill('SIGKILL');
	});
	const holderOutput = outputOf(holder);
	const pid = holder.pid ?? -1;
	await untilPrinted(holder, 'ready');
	t.true(await until(() => isStopped(pid), 10_000), 'the writer stopped itself mid-update');
	t.is(Number.parseInt(contents(lock), 10), pid, 'holding the lock');
	const theirTemporary = `${file}.tmp-${pid}-0000abcd`;
	writeFileSync(theirTemporary, 'half written by the stopped writer');
	// And one of a live process that does not hold the lock at all (this test's own).
	const liveTemporary = `${file}.tmp-${process.pid}-0000beef`;
	writeFileSync(liveTemporary, 'being written by a live process');

	const other = spawnHelper('store-worker', [directory, '/l/other.md', '1']);
	const otherOutput = outputOf(other);
	let otherExited = false;
	other.on('exit', () => {
		otherExited = true;
	});
	// Past the age at which folio used to take a lock over "whatever its process".
	await until(() => otherExited || ageOf(lock) > 6000, 8000);
	t.false(otherExited, 'the other writer waits for a live (stopped) holder instead of taking its lock');
	t.true(existsSync(theirTemporary), 'a live (stopped) process\'s temp file is not swept away');

	holder.kill('SIGCONT');
	t.deepEqual(lastLine(await holderOutput), {warnings: []});
	t.deepEqual((lastLine(await otherOutput) as {warnings: string[]}).warnings, []);

	const state = openStore({directory, env: {}}).all();
	t.is(state['/l/other.md']?.views, 1, 'the other writer\'s view survived the stopped writer\'s resumed write');
	t.is(state['/l/holder.md']?.views, 1, 'and so did the stopped writer\'s');
	t.true(existsSync(liveTemporary), 'the writers swept no live process\'s temp file');
});
