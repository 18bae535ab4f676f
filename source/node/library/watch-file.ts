import {statSync, watch, type FSWatcher, type Stats} from 'node:fs';
import path from 'node:path';

/** What happened to a watched file. */
export type FileChange = 'changed' | 'deleted';

/** Changes that arrive this close together are one change (an editor writes in several steps). */
export const settleMs = 60;

/** How often the file is checked as well, for file systems that send no events. */
export const pollMs = 500;

/**
 * Call `onChange` when `file` changes on disk: written in place, appended to, replaced by a
 * rename (as editors save), or deleted. The folder is watched, not the file, so a file replaced
 * under the same name is still followed. Returns a function that stops watching.
 */
export function watchFile(file: string, onChange: (change: FileChange) => void): () => void {
	let last = identity(file);
	let timer: NodeJS.Timeout | undefined;
	let watcher: FSWatcher | undefined;

	const check = () => {
		timer = undefined;
		const now = identity(file);
		if (now === last) {
			return;
		}

		last = now;
		onChange(now === 'missing' ? 'deleted' : 'changed');
	};

	const soon = () => {
		clearTimeout(timer);
		timer = setTimeout(check, settleMs);
	};

	try {
		watcher = watch(path.dirname(file), {persistent: false}, (_event, name) => {
			if (name === null || name === path.basename(file)) {
				soon();
			}
		});
		watcher.on('error', () => {
			watcher?.close();
		});
	} catch {}

	const poll = setInterval(check, pollMs);
	poll.unref();
	return () => {
		clearTimeout(timer);
		clearInterval(poll);
		watcher?.close();
	};
}

/** What identifies one version of a file: its inode, size and modification time. */
function identity(file: string): string {
	let stats: Stats;
	try {
		stats = statSync(file);
	} catch {
		return 'missing';
	}

	return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}
