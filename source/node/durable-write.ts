import {closeSync, fstatSync, fsyncSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync} from 'node:fs';
import {randomBytes} from 'node:crypto';
import path from 'node:path';

/*
 * The one way folio writes a file (reading state, settings, caches): completely or not at all.
 * `atomically` (conf's writer) ignores a short write and renames the half-written file over the
 * good one when the disk is nearly full; this checks every byte, fsyncs, and only then renames.
 */

export type DurableWriteOptions = {
	/** Permissions of a new file. @default 0o600 */
	mode?: number;
	/** Runs after the data is safely on disk, just before it replaces the file; throw to keep the old file. */
	beforeRename?: () => void;
};

/** Temporary files are named `FILE.tmp-PID-RANDOM`, so a sweep can tell whose process made one. */
export const temporaryMarker = '.tmp-';

/**
 * Write `data` to `file` durably: into `FILE.tmp-PID-RANDOM` beside it, checking that every byte
 * was written, fsync, then rename over `file` and fsync the folder. On any failure the temporary
 * file is removed, `file` is left as it was, and the error (with its `code`, e.g. ENOSPC) is thrown.
 */
export function writeFileDurably(file: string, data: string | Uint8Array, options: DurableWriteOptions = {}): void {
	const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
	const temporary = `${file}${temporaryMarker}${process.pid}-${randomBytes(4).toString('hex')}`;
	let descriptor: number | undefined;
	try {
		descriptor = openSync(temporary, 'wx', options.mode ?? 0o600);
		writeAll(descriptor, bytes);
		fsyncSync(descriptor);
		const {size} = fstatSync(descriptor);
		if (size !== bytes.length) {
			throw Object.assign(new Error(`ENOSPC: wrote ${size} of ${bytes.length} bytes`), {code: 'ENOSPC'});
		}

		closeSync(descriptor);
		descriptor = undefined;
		options.beforeRename?.();
		renameSync(temporary, file);
	} catch (error) {
		if (descriptor !== undefined) {
			closeQuietly(descriptor);
		}

		removeQuietly(temporary);
		throw error;
	}

	syncFolder(path.dirname(file));
}

/**
 * Create `folder` and any missing parents, one level at a time. Node's `mkdirSync(..., {recursive:
 * true})` never returns under /proc (`XDG_CACHE_HOME=/proc`); this throws the first error instead.
 */
export function ensureFolder(folder: string): void {
	const missing: string[] = [];
	for (let current = path.resolve(folder); ; current = path.dirname(current)) {
		if (isFolder(current)) {
			break;
		}

		missing.push(current);
		if (path.dirname(current) === current) {
			break;
		}
	}

	for (const level of missing.reverse()) {
		try {
			mkdirSync(level);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
				throw error;
			}

			if (!isFolder(level)) {
				throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${level}'`), {code: 'ENOTDIR'});
			}
		}
	}
}

function isFolder(folder: string): boolean {
	try {
		return statSync(folder).isDirectory();
	} catch {
		return false;
	}
}

/** The pid in a temporary file's name made by `writeFileDurably`, or undefined for any other name. */
export function temporaryOwner(file: string, name: string): number | undefined {
	const prefix = `${path.basename(file)}${temporaryMarker}`;
	const match = name.startsWith(prefix) ? /^(\d+)-[\da-f]+$/.exec(name.slice(prefix.length)) : null;
	return match ? Number(match[1]) : undefined;
}

function writeAll(descriptor: number, bytes: Uint8Array): void {
	let written = 0;
	while (written < bytes.length) {
		const count = writeSync(descriptor, bytes, written, bytes.length - written, written);
		if (count <= 0) {
			throw Object.assign(new Error(`ENOSPC: wrote ${written} of ${bytes.length} bytes`), {code: 'ENOSPC'});
		}

		written += count;
	}
}

/** Make the rename itself durable; some file systems cannot fsync a folder, which is no failure. */
function syncFolder(folder: string): void {
	let descriptor: number | undefined;
	try {
		descriptor = openSync(folder, 'r');
		fsyncSync(descriptor);
	} catch {
		// The data is written and renamed; only its durability across a power cut is weaker.
	} finally {
		if (descriptor !== undefined) {
			closeQuietly(descriptor);
		}
	}
}

function closeQuietly(descriptor: number): void {
	try {
		closeSync(descriptor);
	} catch {
		// Nothing more can be done with it.
	}
}

function removeQuietly(file: string): void {
	try {
		unlinkSync(file);
	} catch {
		// Never created, or already gone.
	}
}
