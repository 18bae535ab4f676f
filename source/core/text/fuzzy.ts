/**
 * Score how well `query` matches `text` as a subsequence, ignoring case: higher is better,
 * undefined when the letters do not all appear in order. Consecutive letters and letters at the
 * start of words score more, so `gs` ranks "getting started" above "grass"; the letters together
 * (`gs` in "settings") score most of all.
 */
export function fuzzyScore(query: string, text: string): number | undefined {
	return fuzzyScorePrepared(fuzzyQuery(query), text.toLowerCase());
}

/** A query as `fuzzyScorePrepared` takes it: lower case, without spaces. */
export function fuzzyQuery(query: string): string {
	return query.toLowerCase().replace(/\s+/g, '');
}

/**
 * `fuzzyScore` with the query from `fuzzyQuery` and the text already in lower case: for scoring
 * many texts (`characters`, the query's characters, can be made once for all of them).
 */
export function fuzzyScorePrepared(wanted: string, haystack: string, characters: readonly string[] = [...wanted]): number | undefined {
	if (wanted === '') {
		return 0;
	}

	const direct = haystack.indexOf(wanted);
	if (direct !== -1) {
		return 1000 - direct + (direct === 0 || isWordBreak(haystack[direct - 1]) ? 100 : 0);
	}

	let score = 0;
	let position = -1;
	let previous = -2;
	// Indexed loops here and in the callers: a loop over an iterator makes an object per step until
	// V8 has compiled it, and the first keys typed in a big library would wait for the collector.
	for (let index = 0; index < characters.length; index++) {
		position = haystack.indexOf(characters[index], position + 1);
		if (position === -1) {
			return undefined;
		}

		score += position === previous + 1 ? 5 : 1;
		if (position === 0 || isWordBreak(haystack[position - 1])) {
			score += 3;
		}

		previous = position;
	}

	return score;
}

function isWordBreak(character: string): boolean {
	const code = character.charCodeAt(0);
	// ASCII decides at once; only other characters need the regular expression's idea of a space.
	return code < 128 ? code === 32 || code === 47 || code === 95 || code === 45 || (code >= 9 && code <= 13) : /\s/.test(character);
}
