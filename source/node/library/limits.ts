import {UsageError} from '../../core/errors.js';
import {sanitizeLine} from '../../core/text/sanitize.js';

/** Files larger than this are refused; `FOLIO_MAX_BYTES` overrides it. */
export const defaultMaxBytes = 20 * 1024 * 1024;

export function maxBytes(env: NodeJS.ProcessEnv): number {
	const raw = env.FOLIO_MAX_BYTES;
	if (raw === undefined || raw === '') {
		return defaultMaxBytes;
	}

	const value = Number(raw);
	if (!Number.isInteger(value) || value <= 0) {
		throw new UsageError(`Expected FOLIO_MAX_BYTES to be a positive whole number of bytes, got ${sanitizeLine(raw)}`);
	}

	return value;
}

/** A size as people read it: `812 bytes`, `4.2 KB`, `20.0 MB`. */
export function megabytes(bytes: number): string {
	if (bytes < 1024) {
		return `${bytes} bytes`;
	}

	return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
