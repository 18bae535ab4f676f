import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, statfsSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

/** Why a small disk cannot be made here, or undefined when it can (root mounts a tmpfs). */
export const smallDiskUnavailable = process.platform !== 'linux'
	? 'a tmpfs needs Linux'
	: (process.getuid?.() === 0 ? undefined : 'mounting a tmpfs needs root');

/** Mount a `kilobytes` KB tmpfs on a fresh folder, unmounted when the test ends. */
export function smallDisk(t: {teardown(fn: () => void): void}, kilobytes = 64): string {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'folio-disk-'));
	execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', folder]);
	t.teardown(() => {
		execFileSync('umount', [folder]);
		rmSync(folder, {recursive: true, force: true});
	});
	return folder;
}

/** Fill the disk holding `folder` until only about `leaveBytes` are free. */
export function fillDisk(folder: string, leaveBytes: number): string {
	const filler = path.join(folder, 'filler');
	const {bavail, bsize} = statfsSync(folder);
	writeFileSync(filler, Buffer.alloc(Math.max(0, (bavail * bsize) - leaveBytes)));
	return filler;
}
