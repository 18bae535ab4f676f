import {writeFileDurably} from '../node/durable-write.js';

/**
 * Stand-in for `atomically` in the bundle: conf's only use of it is `writeFileSync`, which here
 * writes durably (every byte checked, fsync, rename). It also keeps out `when-exit`, whose signal
 * handlers made Ctrl+C and SIGTERM wait for an event loop that a long render never gives back.
 */
export function writeFileSync(file: string, data: string | Uint8Array, options?: {mode?: number}): void {
	writeFileDurably(file, data, {mode: options?.mode});
}
