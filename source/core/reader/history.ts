import type {ReadingPosition} from './position.js';

/** A place in one article: what history, marks and the saved position all speak in. */
export type ArticlePlace = {
	/** The article's id (its store key). */
	article: string;
	place: ReadingPosition;
};

/** Places visited before and after the current one, as a browser keeps them. */
export type History = {back: ArticlePlace[]; forward: ArticlePlace[]};

/** Places kept in each direction; the oldest go first. */
export const historyLimit = 100;

export const emptyHistory: History = {back: [], forward: []};

/** Leave `from` for a new place: `from` joins the back list and the forward list is dropped. */
export function leave(history: History, from: ArticlePlace): History {
	return {back: [...history.back, from].slice(-historyLimit), forward: []};
}

/** Step back (`H`) from `current`; `to` is undefined when there is nothing behind. */
export function goBack(history: History, current: ArticlePlace): {history: History; to?: ArticlePlace} {
	const to = history.back.at(-1);
	if (!to) {
		return {history};
	}

	return {history: {back: history.back.slice(0, -1), forward: [current, ...history.forward].slice(0, historyLimit)}, to};
}

/** Step forward (`L`) from `current`; `to` is undefined when there is nothing ahead. */
export function goForward(history: History, current: ArticlePlace): {history: History; to?: ArticlePlace} {
	const [to, ...rest] = history.forward;
	if (!to) {
		return {history};
	}

	return {history: {back: [...history.back, current].slice(-historyLimit), forward: rest}, to};
}
