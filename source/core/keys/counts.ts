/**
 * A number typed before a key, as in less and vim: `5j` moves five lines, `3]` three sections,
 * `50%` goes half way. Digits accumulate until a key that is not a digit arrives.
 */
export type Count = {
	/** Digits typed so far, or '' when none. */
	digits: string;
};

/** The most a count repeats a key, so `99999999j` cannot hang the reader. */
export const maximumCount = 10_000;

/**
 * Feed one key. A digit extends the count (a leading 0 is not a count); any other key ends it:
 * `repeat` is how often to apply that key (1 without a count), `given` whether a count was typed.
 */
export function readCount(count: Count, key: string): {count: Count; digit: true} | {count: Count; digit: false; repeat: number; given: boolean} {
	if (/^\d$/.test(key) && (count.digits !== '' || key !== '0')) {
		return {count: {digits: (count.digits + key).slice(0, 6)}, digit: true};
	}

	const given = count.digits !== '';
	return {count: {digits: ''}, digit: false, repeat: given ? Math.min(maximumCount, Number(count.digits)) : 1, given};
}
