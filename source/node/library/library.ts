import {readdirSync, realpathSync, statSync, type Dirent} from 'node:fs';
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import {FolioError} from '../../core/errors.js';
import {sanitizeLine} from '../../core/text/sanitize.js';

/** One Markdown file found in a library folder: where it is, not what it says (that is `ArticleInfo`). */
export type LibraryFile = {
	/** Path relative to the library folder, without `.md`, with `/` separators. */
	id: string;
	/** Absolute path of the file. */
	path: string;
	/** The file's real path (links resolved): the key of its reading state. */
	realPath: string;
	size: number;
	mtimeMs: number;
};

/** A file that was found but not listed, with the reason. */
export type SkippedFile = {path: string; reason: string};

export type Library = {
	/** The folder, as given (resolved to an absolute path). */
	directory: string;
	files: LibraryFile[];
	skipped: SkippedFile[];
};

const ignoredFolders = new Set(['node_modules', '.git']);

/**
 * The bundled library: `articles/` next to the package root. The built file lives in `dist/`,
 * this source in `source/node/library/`, so look upwards for the folder.
 */
export function bundledLibrary(): string {
	let folder = path.dirname(fileURLToPath(import.meta.url));
	for (let depth = 0; depth < 4; depth++) {
		const candidate = path.join(folder, 'articles');
		if (isDirectory(candidate)) {
			return candidate;
		}

		folder = path.dirname(folder);
	}

	return path.join(folder, 'articles');
}

/**
 * Pick the library folder: `--dir`, else `FOLIO_DIR`, else the bundled articles.
 */
export function libraryDirectory(flag: string | undefined, env: NodeJS.ProcessEnv): string {
	const chosen = flag ?? (env.FOLIO_DIR || undefined);
	return path.resolve(chosen ?? bundledLibrary());
}

/**
 * Find every `*.md` file under a folder and its sub-folders, sorted by id. Symbolic links are
 * followed only when they stay inside the folder; a Markdown link that does not is reported in
 * `skipped`, other links are ignored, and entries that vanish while listed are left out.
 */
export function scanLibrary(directory: string): Library {
	const root = path.resolve(directory);
	let realRoot: string;
	try {
		realRoot = realpathSync(root);
	} catch {
		throw new FolioError(`library folder not found: ${sanitizeLine(root)} (set --dir or FOLIO_DIR to a folder of .md files)`);
	}

	if (!isDirectory(realRoot)) {
		throw new FolioError(`library path is not a folder: ${sanitizeLine(root)}`);
	}

	const files: LibraryFile[] = [];
	const skipped: SkippedFile[] = [];
	const visited = new Set<string>([realRoot]);

	// An explicit stack, not recursion: no folder depth can exhaust the call stack.
	const pending: Array<{folder: string; relative: string; realFolder: string}> = [{folder: root, relative: '', realFolder: realRoot}];
	for (let next = pending.pop(); next; next = pending.pop()) {
		const {folder, relative, realFolder} = next;
		let children: Dirent[];
		try {
			children = readdirSync(folder, {withFileTypes: true});
		} catch (error) {
			// A folder that vanished while it was listed (`--dir /` and /proc) is simply not there.
			if (codeOf(error) !== 'ENOENT') {
				skipped.push({path: folder, reason: describeFsError(error)});
			}

			continue;
		}

		// Folders here are resolved and a name holds no separator: joining is concatenating
		// (path.join normalises every one of 10,000 paths again).
		const folderPrefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
		const realPrefix = realFolder.endsWith(path.sep) ? realFolder : realFolder + path.sep;
		for (const child of children) {
			if (child.name.startsWith('.') || ignoredFolders.has(child.name)) {
				continue;
			}

			const full = folderPrefix + child.name;
			const childRelative = relative ? `${relative}/${child.name}` : child.name;
			const isMarkdown = /\.md$/i.test(child.name);
			let target = realPrefix + child.name;
			let kind = child.isDirectory() ? 'folder' : (child.isFile() ? 'file' : 'other');
			if (child.isSymbolicLink()) {
				const resolved = resolveLink(full, realRoot);
				if (typeof resolved === 'string') {
					// Only links that could be articles are worth a word; links to other files are not.
					if (isMarkdown || /\.markdown$/i.test(child.name)) {
						skipped.push({path: full, reason: resolved});
					}

					continue;
				}

				({target, kind} = resolved);
			}

			if (kind === 'folder') {
				if (!visited.has(target)) {
					visited.add(target);
					pending.push({folder: full, relative: childRelative, realFolder: target});
				}
			} else if (kind === 'file' && isMarkdown) {
				try {
					// A file deleted since the folder was listed is simply not there.
					const stats = statSync(target, {throwIfNoEntry: false});
					if (stats) {
						files.push({id: childRelative.slice(0, -3), path: full, realPath: target, size: stats.size, mtimeMs: stats.mtimeMs});
					}
				} catch (error) {
					skipped.push({path: full, reason: describeFsError(error)});
				}
			}
		}
	}

	files.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return {directory: root, files, skipped};
}

/** Where a link leads inside the library, or why it is not followed. */
function resolveLink(link: string, realRoot: string): {target: string; kind: string} | string {
	let target: string;
	let stats;
	try {
		target = realpathSync(link);
		stats = statSync(target);
	} catch {
		return 'broken symbolic link';
	}

	if (!isInside(realRoot, target)) {
		return 'symbolic link points outside the library';
	}

	return {target, kind: stats.isDirectory() ? 'folder' : (stats.isFile() ? 'file' : 'other')};
}

function codeOf(error: unknown): string | undefined {
	return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** True when `target` is `root` or inside it. Both must be real paths. */
export function isInside(root: string, target: string): boolean {
	const relative = path.relative(root, target);
	return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The ids most like `wanted`, closest first. */
export function closestIds(wanted: string, ids: string[], count = 3): string[] {
	const target = wanted.toLowerCase();
	return ids
		.map(id => {
			const lower = id.toLowerCase();
			const base = lower.split('/').pop() ?? lower;
			const contains = lower.includes(target) || target.includes(base) ? -2 : 0;
			return {id, score: Math.min(editDistance(target, lower), editDistance(target, base)) + contains};
		})
		.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
		.slice(0, count)
		.map(entry => entry.id);
}

function editDistance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		}

		previous = current;
	}

	return previous[b.length];
}

function isDirectory(folder: string): boolean {
	try {
		return statSync(folder).isDirectory();
	} catch {
		return false;
	}
}

/** One line for a file-system error: what happened, without a stack. */
export function describeFsError(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	switch (code) {
		case 'ENOENT': {
			return 'no such file';
		}

		case 'EACCES':
		case 'EPERM': {
			return 'permission denied';
		}

		case 'EISDIR': {
			return 'is a folder, not a file';
		}

		case 'ENOSPC': {
			return 'no space left on the device';
		}

		default: {
			return sanitizeLine(error instanceof Error ? error.message : String(error));
		}
	}
}
