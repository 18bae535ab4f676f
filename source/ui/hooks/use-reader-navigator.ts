import {useMemo, type MutableRefObject} from 'react';
import type {Article} from '../../core/article/article.js';
import {sectionForAnchor} from '../../core/links/resolve-link.js';
import {goBack, goForward, leave, type History} from '../../core/reader/history.js';
import type {ReadingPosition} from '../../core/reader/position.js';
import type {ReaderEffect, ReaderMessage} from '../../core/reader/reader-state.js';
import {sanitizeLine} from '../../core/text/sanitize.js';

/** What following links, editing and reloading need from the outside world (`commands/read.tsx`). */
export type SessionLinks = {
	/** The article a link's path leads to from `from`; throws a one-line error when there is none. */
	openLinked(from: Article, path: string): Promise<Article>;
	/** Open an article by id again, for the history. */
	reopen(id: string): Promise<Article>;
	/** Open a web or mail address; resolves to the status line's message. */
	openUrl(url: string): Promise<string>;
	/** Run the editor on the article's file at `line` of its body (1-based); resolves to the message. */
	edit(article: Article, line: number): Promise<string>;
};

/** Where a step through the history leads: a place here, another article (the App opens it), or nowhere. */
export type HistoryStep = ReadingPosition | 'elsewhere' | undefined;

/** What the reader asks of the App when it navigates. */
export type ReaderNavigator = {
	/** A jump within the article leaves `from`: it joins the history. */
	remember(from: ReadingPosition): void;
	/**
	 * Open the article a link's path names, at `slug`, leaving `from`. Resolves to a place when the
	 * link leads into this same article, or to a message when it leads nowhere.
	 */
	openLinked(path: string, slug: string | undefined, from: ReadingPosition): Promise<{here: ReadingPosition} | {message: string} | undefined>;
	/** Step back or forward through the history, leaving `from`. */
	history(direction: 'back' | 'forward', from: ReadingPosition): HistoryStep;
	openUrl(url: string): Promise<string>;
	edit(line: number): Promise<string>;
};

/**
 * Perform a reader effect that reaches outside the reader (links, history, the editor); what
 * comes of it returns as a message to the reader, always later than the step that asked.
 */
export function performNavigation(effect: ReaderEffect, navigator: ReaderNavigator | undefined, send: (message: ReaderMessage) => void): void {
	const later = (message: ReaderMessage) => {
		queueMicrotask(() => {
			send(message);
		});
	};

	const notice = (text: string) => {
		later({kind: 'notice', text: sanitizeLine(text)});
	};

	switch (effect.kind) {
		case 'remember': {
			navigator?.remember(effect.from);
			break;
		}

		case 'history': {
			const to = navigator?.history(effect.direction, effect.from);
			if (to === undefined) {
				notice(effect.direction === 'back' ? 'nothing to go back to' : 'nothing to go forward to');
			} else if (to !== 'elsewhere') {
				later({kind: 'goTo', position: to});
			}

			break;
		}

		case 'follow': {
			const {target} = effect;
			if (!navigator) {
				notice(`cannot open ${target.kind === 'article' ? target.path : target.url} from here`);
			} else if (target.kind === 'article') {
				void navigator.openLinked(target.path, target.slug, effect.from).then(result => {
					if (result && 'here' in result) {
						later({kind: 'goTo', position: result.here});
					} else if (result) {
						notice(result.message);
					}
				});
			} else {
				void navigator.openUrl(target.url).then(notice);
			}

			break;
		}

		case 'edit': {
			if (navigator) {
				void navigator.edit(effect.line).then(notice);
			} else {
				notice('no editor here');
			}

			break;
		}

		default: {
			break;
		}
	}
}

/** What the App shows: the reader on an article, opened at `start` (else the saved place). */
export type ReaderTarget = {article: Article; start?: ReadingPosition};

/**
 * What the reader of `article` asks of the App: open a linked article (joining the history),
 * step back and forward through places across articles, open URLs and the editor. The history
 * is the App's, so it outlives each reader.
 *
 * @example
 * const navigator = useReaderNavigator(session.links, article, show, history);
 */
export function useReaderNavigator(links: SessionLinks | undefined, article: Article | undefined, show: (target: ReaderTarget) => void, history: MutableRefObject<History>): ReaderNavigator | undefined {
	return useMemo(() => {
		if (!links || !article) {
			return undefined;
		}

		const here = (place: ReadingPosition) => ({article: article.id, place});
		return {
			remember(from) {
				history.current = leave(history.current, here(from));
			},
			async openLinked(path, slug, from) {
				let target: Article;
				try {
					target = await links.openLinked(article, path);
				} catch (error) {
					return {message: error instanceof Error ? error.message : String(error)};
				}

				const index = slug === undefined ? -1 : sectionForAnchor(target.outline.sections, slug);
				const start = index >= 0 ? {slug: target.outline.sections[index].slug, fraction: 0, percent: 0} : {fraction: 0, percent: 0};
				history.current = leave(history.current, here(from));
				if (target.id === article.id) {
					return {here: start};
				}

				show({article: target, start});
				return undefined;
			},
			history(direction, from) {
				const next = direction === 'back' ? goBack(history.current, here(from)) : goForward(history.current, here(from));
				history.current = next.history;
				const to = next.to;
				if (!to) {
					return undefined;
				}

				if (to.article === article.id) {
					return to.place;
				}

				void links.reopen(to.article).then(target => {
					show({article: target, start: to.place});
				}, () => undefined);
				return 'elsewhere';
			},
			openUrl: async url => links.openUrl(url),
			edit: async line => links.edit(article, line),
		} satisfies ReaderNavigator;
	}, [links, article, show, history]);
}
