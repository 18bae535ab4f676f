import {tokenize} from './fold.js';

/**
 * One part of a query: a word (matched as a prefix: `sock` finds `socket`) or a quoted phrase
 * (its words in order, the last one whole: `"sock"` finds only the word `sock`). A word that folds into several (`e-mail`, `東京`)
 * must find them in order too, the last as a prefix.
 */
export type QueryTerm = {
	/** As the user wrote it, for messages. */
	text: string;
	/** Folded words, in order. */
	tokens: string[];
	phrase: boolean;
};

/** What to look for: every term must match (AND). */
export type SearchQuery = {terms: QueryTerm[]};

/** Terms kept from one query: more are ignored, so a pasted paragraph cannot stall a search. */
export const maxTerms = 16;

/**
 * Read a query typed as one line: words separated by spaces, `"quoted phrases"` (an unclosed
 * quote runs to the end).
 */
export function parseQuery(line: string): SearchQuery {
	const terms: QueryTerm[] = [];
	const pattern = /"([^"]*)"?|([^\s"]+)/g;
	for (const match of line.matchAll(pattern)) {
		const phrase = match[1] !== undefined;
		addTerm(terms, phrase ? match[1] : match[2], phrase);
	}

	return {terms: terms.slice(0, maxTerms)};
}

/**
 * Read a query given as command-line words: a word with spaces in it was quoted in the shell,
 * so it is a phrase; quotes inside a word work as in `parseQuery`.
 */
export function parseQueryArguments(words: string[]): SearchQuery {
	const terms: QueryTerm[] = [];
	for (const word of words) {
		if (/\s/.test(word.trim()) && !word.includes('"')) {
			addTerm(terms, word, true);
		} else {
			terms.push(...parseQuery(word).terms);
		}
	}

	return {terms: terms.slice(0, maxTerms)};
}

function addTerm(terms: QueryTerm[], text: string, phrase: boolean): void {
	const tokens = tokenize(text);
	if (tokens.length > 0) {
		terms.push({text: text.trim(), tokens, phrase});
	}
}
