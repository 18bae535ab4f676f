import {linkSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs';
import {randomBytes} from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import {ensureFolder, temporaryMarker, temporaryOwner} from '../durable-write.js';

/*
 * The lock that lets several folio processes update the state file without losing a write: conf
 * itself "does not support multiple processes". A lock is taken over only when its process is
 * provably gone (no such pid on this host); a slow or stopped holder (Ctrl+Z) is waited for, and
 * a holder checks that the lock is still its own just before its write replaces the file.
 */

/** Thrown when another live process held the lock for the whole wait. */
export class LockTimeoutError extends Error {
	constructor(lockPath: string, readonly holderPid: number | undefined, waitedMs: number) {
		super(`Expected to lock ${lockPath} within ${waitedMs} ms, but process ${holderPid ?? '?'} kept holding it`);
		this.name = 'LockTimeoutError';
	}
}

/** Thrown by `assertHeld` when the lock is no longer this process's: the write must be redone. */
export class LockLostError extends Error {
	constructor(lockPath: string) {
		super(`Expected to still hold ${lockPath}, but another process has it now`);
		this.name = 'LockLostError';
	}
}

/** What a task holding the lock can ask. */
export type HeldLock = {
	/** Throw `LockLostError` unless the lock file still holds this process's token. */
	assertHeld(): void;
};

/** A lock with no token (made by an older folio that died between creating and writing it) is abandoned after this. */
const emptyLockGraceMs = 1000;
/** How long to wait for a live holder before giving up on this write. */
export const lockTimeoutMs = 10_000;
/** Locks moved aside and other folios' stray temporary files older than this are removed. */
const leftoverMs = 60_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const host = os.hostname();

/**
 * Run `task` holding `${file}.lock` and release it whatever happens. The lock file is created
 * whole (written beside, then hard-linked into place) and holds `PID RANDOM HOST`.
 */
export function withFileLock<T>(file: string, task: (lock: HeldLock) => T): T {
	const lockPath = `${file}.lock`;
	const token = `${process.pid} ${randomBytes(6).toString('hex')} ${host}`;
	acquire(lockPath, token);
	try {
		return task({
			assertHeld() {
				if (readQuietly(lockPath) !== token) {
					throw new LockLostError(lockPath);
				}
			},
		});
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
			throw new LockTimeoutError(lockPath, holder?.pid, lockTimeoutMs);
		}

		// 1, 3, 5, ... up to 20 ms, with jitter so waiting processes do not retry in step.
		Atomics.wait(sleeper, 0, 0, Math.min(1 + (attempt * 2), 20) * (0.5 + Math.random()));
	}
}

/** Create the lock with its token already in it; false when another process has it. */
function tryCreate(lockPath: string, token: string): boolean {
	const draft = `${lockPath}.new-${process.pid}-${randomBytes(4).toString('hex')}`;
	try {
		writeFileSync(draft, token, {flag: 'wx'});
	} catch (error) {
		if (codeOf(error) === 'ENOENT') {
			// The folder was removed since the store was opened; make it again and retry.
			ensureFolder(path.dirname(lockPath));
			return false;
		}

		throw error;
	}

	try {
		linkSync(draft, lockPath);
		return true;
	} catch (error) {
		if (codeOf(error) === 'EEXIST') {
			return false;
		}

		throw error;
	} finally {
		removeQuietly(draft);
	}
}

type Holder = {token: string; pid: number | undefined; host: string | undefined; ageMs: number};

function readHolder(lockPath: string): Holder | undefined {
	try {
		const token = readFileSync(lockPath, 'utf8');
		const pid = Number.parseInt(token, 10);
		// `PID RANDOM HOST`; older folios wrote `PID-RANDOM`, always on this host.
		const parts = token.split(' ');
		return {token, pid: pid > 0 ? pid : undefined, host: parts.length >= 3 ? parts.slice(2).join(' ') : host, ageMs: ageOf(lockPath)};
	} catch {
		return undefined;
	}
}

/** Gone for certain: its pid does not exist on this host. A lock from another host is never taken. */
function isAbandoned(holder: Holder): boolean {
	if (holder.pid === undefined) {
		return holder.token === '' && holder.ageMs > emptyLockGraceMs;
	}

	return holder.host === host && holder.pid !== process.pid && !isAlive(holder.pid);
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
			// Another process holds the lock now; the moved one's owner finds out before it writes.
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
 * Remove what killed processes left beside `file`: temporary files and lock drafts whose process
 * is gone, locks moved aside, and older folios' temporary files once stale. A live process's
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
		if (!name.startsWith(`${base}.`)) {
			continue;
		}

		const full = path.join(folder, name);
		const owner = temporaryOwner(file, name) ?? draftOwner(base, name);
		const abandoned = owner === undefined
			? (name.startsWith(`${base}${temporaryMarker}`) || name.startsWith(`${base}.lock.stale-`)) && ageOf(full) > leftoverMs
			: owner !== process.pid && !isAlive(owner);
		if (abandoned) {
			removeQuietly(full);
		}
	}
}

/** The pid of a lock draft `FILE.lock.new-PID-RANDOM`. */
function draftOwner(base: string, name: string): number | undefined {
	const match = /^(\d+)-[\da-f]+$/.exec(name.startsWith(`${base}.lock.new-`) ? name.slice(base.length + 10) : '');
	return match ? Number(match[1]) : undefined;
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
