/**
 * Score how well `query` matches `text` as a subsequence, ignoring case: higher is better,
 * undefined when the letters do not all appear in order. Consecutive letters and letters at the
 * start of words score more, so `gs` ranks "getting started" above "settings".
 */
export function fuzzyScore(query: string, text: string): number | undefined {
	const wanted = query.toLowerCase().replace(/\s+/g, '');
	if (wanted === '') {
		return 0;
	}

	const haystack = text.toLowerCase();
	const direct = haystack.indexOf(wanted);
	if (direct !== -1) {
		return 1000 - direct + (direct === 0 || /[\s/_-]/.test(haystack[direct - 1]) ? 100 : 0);
	}

	let score = 0;
	let position = -1;
	let previous = -2;
	for (const character of wanted) {
		position = haystack.indexOf(character, position + 1);
		if (position === -1) {
			return undefined;
		}

		score += position === previous + 1 ? 5 : 1;
		if (position === 0 || /[\s/_-]/.test(haystack[position - 1])) {
			score += 3;
		}

		previous = position;
	}

	return score;
}
