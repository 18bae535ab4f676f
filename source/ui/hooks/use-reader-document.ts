import {useEffect, useMemo, useRef, useState} from 'react';
import type {Article} from '../../core/article/article.js';
import {highlightCode} from '../../node/highlight.js';
import {ReaderDocument, type HeaderLook} from '../../core/reader/reader-document.js';
import type {RenderStyle} from '../../core/markdown/render.js';

/** How long one background rendering slice may hold the event loop, so keys stay instant. */
const sliceMs = 8;

/**
 * The article rendered at `width`, cached per width: resizing back and forth renders nothing
 * twice. The first screen is rendered at once; the rest renders in the background in short
 * slices, re-rendering the reader as it grows so the status line can follow.
 */
export function useReaderDocument(article: Article, width: number, style: RenderStyle, views: number | undefined, firstScreen: number, look: HeaderLook) {
	const {theme, icons} = look;
	const cache = useRef(new Map<string, ReaderDocument>());
	const document = useMemo(() => {
		const key = `${width}:${views}:${theme.name}:${icons}`;
		let cached = cache.current.get(key);
		if (cached) {
			// Least recently used goes first: move this one to the end.
			cache.current.delete(key);
			cache.current.set(key, cached);
		} else {
			cached = new ReaderDocument(article, width, style, {views}, highlightCode, {theme, icons});
			cache.current.set(key, cached);
			if (cache.current.size > 4) {
				cache.current.delete(cache.current.keys().next().value!);
			}
		}

		cached.ensureLines(firstScreen);
		return cached;
	}, [article, width, style, views, firstScreen, theme, icons]);

	const [, setVersion] = useState(0);
	useEffect(() => {
		let cancelled = false;
		let timer: NodeJS.Timeout | undefined;
		let lastUpdate = performance.now();
		const step = () => {
			if (cancelled) {
				return;
			}

			const done = document.renderFor(sliceMs);
			const now = performance.now();
			if (done || now - lastUpdate > 250) {
				lastUpdate = now;
				setVersion(value => value + 1);
			}

			if (!done) {
				timer = setTimeout(step, 0);
			}
		};

		timer = setTimeout(step, 0);
		return () => {
			cancelled = true;
			clearTimeout(timer);
		};
	}, [document]);

	return document;
}
