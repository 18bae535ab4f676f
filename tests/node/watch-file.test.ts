import {appendFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {watchFile, type FileChange} from '../../source/node/library/watch-file.js';
import {temporaryFolder} from '../helpers/cli.js';

/** Watch a file and resolve with the next change reported. */
function watching(t: Parameters<typeof temporaryFolder>[0], file: string) {
	const changes: FileChange[] = [];
	const waiters: Array<() => void> = [];
	const stop = watchFile(file, change => {
		changes.push(change);
		for (const wake of waiters.splice(0)) {
			wake();
		}
	});
	// The watcher never keeps a process alive on its own; the test must, while it waits.
	const alive = setInterval(() => undefined, 1000);
	t.teardown(() => {
		stop();
		clearInterval(alive);
	});
	return {
		changes,
		async next(count: number) {
			while (changes.length < count) {
				await new Promise<void>(resolve => {
					waiters.push(resolve);
				});
			}

			return changes[count - 1];
		},
	};
}

test('an append, a rename over the file and a deletion are each reported', async t => {
	const folder = temporaryFolder(t);
	const file = path.join(folder, 'a.md');
	writeFileSync(file, '# A\n');
	const watcher = watching(t, file);
	appendFileSync(file, 'more\n');
	t.is(await watcher.next(1), 'changed');
	writeFileSync(path.join(folder, '.a.md.swp'), '# A\nsaved\n');
	renameSync(path.join(folder, '.a.md.swp'), file);
	t.is(await watcher.next(2), 'changed');
	rmSync(file);
	t.is(await watcher.next(3), 'deleted');
	writeFileSync(file, '# back\n');
	t.is(await watcher.next(4), 'changed');
});
