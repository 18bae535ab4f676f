import {useEffect, useMemo, useState} from 'react';
import type {Article} from '../../core/article/article.js';
import {highlightCode} from '../../node/highlight.js';
import {ReaderDocument, renderSliceMs, type HeaderLook} from '../../core/reader/reader-document.js';
import type {RenderStyle} from '../../core/markdown/render.js';

/** Widths kept rendered: resizing back and forth renders nothing twice. */
const keptWidths = 4;

/**
 * The article's documents by width, cached (least recently used goes first). A document starts
 * with only its header; what a screen needs is rendered by the reader's steps.
 *
 * @example
 * const documentAt = useDocuments(article, style, views, hyperlinks);
 * const document = documentAt(layout.bodyWidth);
 */
export function useDocuments(article: Article, style: RenderStyle, views: number | undefined, hyperlinks: boolean, look: HeaderLook): (width: number) => ReaderDocument {
	const {theme, icons} = look;
	// A reloaded article is a new article: nothing rendered from the old text is kept.
	return useMemo(() => {
		const cache = new Map<number, ReaderDocument>();
		return (width: number) => {
			let document = cache.get(width);
			if (document) {
				cache.delete(width);
			} else {
				document = new ReaderDocument(article, width, style, {views}, highlightCode, hyperlinks, {theme, icons});
				if (cache.size >= keptWidths) {
					cache.delete(cache.keys().next().value!);
				}
			}

			cache.set(width, document);
			return document;
		};
	}, [article, style, views, hyperlinks, theme, icons]);
}

/**
 * Render the rest of `document` in the background, in slices of `renderSliceMs` so keys stay
 * instant, drawing again now and then so the status line's percentage can follow. Returns
 * whether it is complete.
 */
export function useBackgroundRender(document: ReaderDocument): boolean {
	const [, setVersion] = useState(0);
	useEffect(() => {
		let cancelled = false;
		let timer: NodeJS.Timeout | undefined;
		let lastUpdate = performance.now();
		const slice = () => {
			if (cancelled) {
				return;
			}

			const done = document.renderToward('all', renderSliceMs);
			const now = performance.now();
			if (done || now - lastUpdate > 250) {
				lastUpdate = now;
				setVersion(value => value + 1);
			}

			if (!done) {
				timer = setTimeout(slice, 0);
			}
		};

		timer = setTimeout(slice, 0);
		return () => {
			cancelled = true;
			clearTimeout(timer);
		};
	}, [document]);
	return document.complete;
}
