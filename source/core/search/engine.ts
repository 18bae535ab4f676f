import MiniSearch, {type Options, type SearchOptions, type Query} from 'minisearch';
import {fieldBoosts, searchFields, type SearchDocument} from './document.js';
import {tokenize} from './fold.js';
import type {QueryTerm, SearchQuery} from './query.js';

/** MiniSearch as folio configures it; the same options must build and load an index. */
export const engineOptions: Options<SearchDocument> = {
	idField: 'id',
	fields: searchFields,
	storeFields: [],
	tokenize,
	// Terms arrive folded from `tokenize`.
	processTerm: term => term,
	autoVacuum: false,
	searchOptions: {boost: {...fieldBoosts}},
};

export type SearchEngine = MiniSearch<SearchDocument>;

/** An empty index. */
export function createEngine(): SearchEngine {
	return new MiniSearch(engineOptions);
}

/** An index in its plain form, as `engine.toJSON()` gives it. */
export type EnginePlain = Parameters<typeof MiniSearch.loadJS>[0];

/** An index from its plain form; throws when it is not one. */
export function loadEngine(plain: EnginePlain): SearchEngine {
	return MiniSearch.loadJS(plain, engineOptions);
}

/** One article the index found: its key and BM25 score. */
export type Candidate = {id: string; score: number};

/**
 * Articles that hold every term of the query, best first (BM25 over the fields, title and
 * headings weighing more). Phrases are looked up by their words here and checked in order by
 * the caller, which reads the text.
 */
export function findCandidates(engine: SearchEngine, query: SearchQuery): Candidate[] {
	if (query.terms.length === 0) {
		return [];
	}

	const results = engine.search({combineWith: 'AND', queries: query.terms.map(term => termQuery(term))});
	return results
		.map(result => ({id: String(result.id), score: Number.isFinite(result.score) ? result.score : 0}))
		.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function termQuery(term: QueryTerm): Query {
	const options: SearchOptions = {
		combineWith: 'AND',
		// A word matches as a prefix; a quoted phrase's words, and all but the last word of a
		// hyphenated or ideographic word, match whole.
		prefix: (_token, index, tokens) => !term.phrase && index === tokens.length - 1,
	};
	// The tokens are folded already; `tokenize` gives them back unchanged.
	return {...options, queries: [term.tokens.join(' ')]};
}
