import {closeSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync} from 'node:fs';
import {randomBytes} from 'node:crypto';
import path from 'node:path';
import {temporaryMarker, temporaryOwner} from '../durable-write.js';

/*
 * The lock that lets several folio processes update the state file without losing a write: conf
 * itself "does not support multiple processes".
 */

/** Thrown when another live process held the lock for the whole wait. */
export class LockTimeoutError extends Error {
	constructor(lockPath: string, waitedMs: number) {
		super(`Expected to lock ${lockPath} within ${waitedMs} ms, but another process kept holding it`);
		this.name = 'LockTimeoutError';
	}
}

/** A lock older than this is abandoned, whatever its process. */
const staleLockMs = 5000;
/** A lock still empty (its process died between creating it and writing its pid) is abandoned after this. */
const emptyLockGraceMs = 1000;
const lockTimeoutMs = staleLockMs + 1000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Run `task` holding `${file}.lock`, a file made with `O_EXCL` holding `PID-RANDOM`, and release
 * it whatever happens. A lock whose process is gone, or older than `staleLockMs`, is taken over.
 */
export function withFileLock<T>(file: string, task: () => T): T {
	const lockPath = `${file}.lock`;
	const token = `${process.pid}-${randomBytes(6).toString('hex')}`;
	acquire(lockPath, token);
	try {
		return task();
	} finally {
		release(lockPath, token);
	}
}

function acquire(lockPath: string, token: string): void {
	const started = Date.now();
	for (let attempt = 0; ; attempt++) {
		if (tryCreate(lockPath, token)) {
			return;
		}

		const holder = readHolder(lockPath);
		if (holder && isAbandoned(holder)) {
			takeOver(lockPath, holder.token);
			continue;
		}

		if (Date.now() - started > lockTimeoutMs) {
			throw new LockTimeoutError(lockPath, lockTimeoutMs);
		}

		// 1, 3, 5, ... up to 20 ms, with jitter so waiting processes do not retry in step.
		Atomics.wait(sleeper, 0, 0, Math.min(1 + (attempt * 2), 20) * (0.5 + Math.random()));
	}
}

/** Create the lock exclusively; false when another process has it. */
function tryCreate(lockPath: string, token: string): boolean {
	let descriptor: number;
	try {
		descriptor = openSync(lockPath, 'wx');
	} catch (error) {
		if (codeOf(error) === 'EEXIST') {
			return false;
		}

		if (codeOf(error) === 'ENOENT') {
			// The folder was removed since the store was opened; make it again and retry.
			mkdirSync(path.dirname(lockPath), {recursive: true});
			return false;
		}

		throw error;
	}

	try {
		writeSync(descriptor, token);
	} catch (error) {
		removeQuietly(lockPath);
		throw error;
	} finally {
		closeSync(descriptor);
	}

	return true;
}

type Holder = {token: string; pid: number | undefined; ageMs: number};

function readHolder(lockPath: string): Holder | undefined {
	try {
		const token = readFileSync(lockPath, 'utf8');
		const pid = Number.parseInt(token, 10);
		return {token, pid: pid > 0 ? pid : undefined, ageMs: ageOf(lockPath)};
	} catch {
		return undefined;
	}
}

function isAbandoned(holder: Holder): boolean {
	if (holder.pid === undefined) {
		return holder.ageMs > emptyLockGraceMs;
	}

	return !isAlive(holder.pid) || holder.ageMs > staleLockMs;
}

/**
 * Move the abandoned lock aside (atomic), then check that what moved is the lock that was judged.
 * If a live process took the lock in between, put its lock back.
 */
function takeOver(lockPath: string, judgedToken: string): void {
	const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
	try {
		renameSync(lockPath, aside);
	} catch {
		return;
	}

	if (readQuietly(aside) !== judgedToken) {
		try {
			linkSync(aside, lockPath);
		} catch {
			// Another process holds the lock now; the moved one's owner will find it gone on release.
		}
	}

	removeQuietly(aside);
}

/** Remove the lock only if it is still ours. */
function release(lockPath: string, token: string): void {
	if (readQuietly(lockPath) === token) {
		removeQuietly(lockPath);
	}
}

/**
 * Remove what killed processes left beside `file`: temporary files whose process is gone (older
 * folios' `atomically` temp files too, once stale) and locks moved aside. A live process's
 * temporary file is never touched, whoever holds the lock.
 */
export function sweepLeftovers(file: string): void {
	const folder = path.dirname(file);
	const base = path.basename(file);
	let names: string[];
	try {
		names = readdirSync(folder);
	} catch {
		return;
	}

	for (const name of names) {
		const full = path.join(folder, name);
		const owner = temporaryOwner(file, name);
		const abandonedTemporary = owner === undefined
			? name.startsWith(`${base}${temporaryMarker}`) && ageOf(full) > staleLockMs
			: owner !== process.pid && !isAlive(owner);
		if (abandonedTemporary || (name.startsWith(`${base}.lock.stale-`) && ageOf(full) > staleLockMs)) {
			removeQuietly(full);
		}
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return codeOf(error) === 'EPERM';
	}
}

function ageOf(file: string): number {
	try {
		return Date.now() - statSync(file).mtimeMs;
	} catch {
		return 0;
	}
}

function readQuietly(file: string): string | undefined {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
}

function removeQuietly(file: string): void {
	try {
		unlinkSync(file);
	} catch {
		// Already gone.
	}
}

/** The `code` of a Node.js system error. */
export function codeOf(error: unknown): string | undefined {
	return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
