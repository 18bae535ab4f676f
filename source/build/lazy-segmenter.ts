/**
 * What the bundle gives a package in place of `new Intl.Segmenter(...)` made as it loads
 * (string-width 8 and wrap-ansi's 7, slice-ansi, ansi-tokenize; see `.esbuild.mjs`). Making the first
 * segmenter loads ICU's break rules, some 13 ms before the first frame, and Ink's frame composer
 * mostly segments escape sequences and plain ASCII. So: ASCII without a carriage return, where
 * every character is a grapheme of its own (Unicode's rules join only CR LF among ASCII), is
 * segmented here, and the real segmenter is made the first time any other text needs it.
 * Packages use `segment()`, its iteration and `containing()`, all of which these give as the
 * real one does (tests/build/lazy-segmenter.test.ts checks); `resolvedOptions()` asks the real one.
 */
// eslint-disable-next-line no-control-regex
const asciiWithoutCr = /^[\u0000-\u000C\u000E-\u007F]*$/;

export function lazySegmenter(locales?: string | string[], options?: Intl.SegmenterOptions): Pick<Intl.Segmenter, 'segment' | 'resolvedOptions'> {
	let real: Intl.Segmenter | undefined;
	const made = () => {
		real ??= new Intl.Segmenter(locales, options);
		return real;
	};

	const graphemes = (options?.granularity ?? 'grapheme') === 'grapheme';
	return {
		segment(input) {
			const text = String(input);
			return graphemes && asciiWithoutCr.test(text) ? asciiSegments(text) : made().segment(text);
		},
		resolvedOptions: () => made().resolvedOptions(),
	};
}

function asciiSegments(input: string): Intl.Segments {
	return {
		containing(index?: number) {
			const at = Math.trunc(Number(index ?? 0)) || 0;
			return at >= 0 && at < input.length ? {segment: input[at], index: at, input} : undefined;
		},
		* [Symbol.iterator](): Generator<Intl.SegmentData, undefined> {
			for (let index = 0; index < input.length; index++) {
				yield {segment: input[index], index, input};
			}

			return undefined;
		},
	};
}
