import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import React from 'react';
import {render} from 'ink-testing-library';
import {parseArticle, type Article} from '../../source/core/article/article.js';
import {openStore, type StateStore} from '../../source/node/state/store.js';
import {loadTextWidth} from '../../source/core/text/text-width.js';
import type {Exit} from '../../source/core/keys/step.js';
import {Reader} from '../../source/ui/components/Reader.js';
import {KeyHandlerContext, type KeyHandler} from '../../source/ui/hooks/use-keys.js';
import {StepRunner} from '../../source/ui/step-runner.js';
import type {ReadingPosition} from '../../source/core/reader/position.js';
import type {RenderStyle} from '../../source/core/markdown/render.js';
import type {ArticleFiles} from '../../source/ui/hooks/use-live-article.js';
import type {ReaderNavigator} from '../../source/ui/hooks/use-reader-navigator.js';

// The reader loads its wide-text measures before drawing; so do these tests.
await loadTextWidth();

/** Let the event loop run for `ms`: the polling tick of the waits below, never a wait of its own. */
async function settle(ms: number): Promise<void> {
	await new Promise(resolve => {
		setTimeout(resolve, ms);
	});
}

/**
 * Wait until Ink has drawn what the last keys caused: no key waiting for the document to render,
 * and no new frame (and no new exit) for 40 ms; at most 2 s. Machines running tests are shared
 * and slow; fixed sleeps make flaky tests.
 */
export async function quiet(frames: unknown[], extra: () => number = () => 0): Promise<void> {
	const deadline = performance.now() + 2000;
	let seen = [frames.length, extra()];
	let stableSince = performance.now();
	await settle(10);
	while (performance.now() < deadline) {
		const now = [frames.length, extra()];
		if (now[0] !== seen[0] || now[1] !== seen[1] || !StepRunner.idle) {
			seen = now;
			stableSince = performance.now();
		} else if (performance.now() - stableSince >= 40) {
			return;
		}

		await settle(5);
	}
}

/** What the helpers need of an AVA context: somewhere to register cleanup that runs even on failure. */
export type Teardown = {teardown(fn: () => unknown): void};

/**
 * Wait until the last frame satisfies `predicate`, checking after every frame Ink draws (and at
 * least every 5 ms), at most `timeoutMs`; returns that frame or throws with the last one.
 */
export async function waitForFrame(lastFrame: () => string | undefined, predicate: (frame: string) => boolean, what: string, timeoutMs = 2000): Promise<string> {
	const deadline = performance.now() + timeoutMs;
	for (;;) {
		const frame = lastFrame() ?? '';
		if (predicate(frame)) {
			return frame;
		}

		if (performance.now() > deadline) {
			throw new Error(`Expected a frame where ${what} within ${timeoutMs} ms, got:\n${frame}`);
		}

		await settle(5);
	}
}

/** A temporary state folder, removed by the test's teardown (or earlier by `dispose`). */
export function temporaryStore(t: Teardown): {store: StateStore; folder: string; dispose: () => void} {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'folio-ui-'));
	const dispose = () => {
		rmSync(folder, {recursive: true, force: true});
	};

	t.teardown(dispose);
	return {store: openStore({env: {FOLIO_STATE_DIR: folder}}), folder, dispose};
}

export function articleFrom(source: string, id = 'test/article'): Article {
	return parseArticle(source, {kind: 'library', id, path: `/library/${id}.md`});
}

type ReaderOptions = {
	columns?: number;
	rows?: number;
	store?: StateStore;
	key?: string;
	/** What the App would hand the reader: links to other articles, the history, the browser, the editor. */
	navigator?: ReaderNavigator;
	/** Live reload. */
	files?: ArticleFiles;
	start?: ReadingPosition;
	/** @default 'plain' */
	style?: RenderStyle;
	hyperlinks?: boolean;
};

/**
 * Render the reader at a fixed size with ink-testing-library; keys go to the reader exactly
 * as the App hands them over, one key name at a time. It is unmounted by the test's teardown.
 */
export function renderReader(t: Teardown, article: Article, options: ReaderOptions = {}) {
	const slot: {current: KeyHandler | undefined} = {current: undefined};
	const exits: Exit[] = [];
	let columns = options.columns ?? 100;
	let rows = options.rows ?? 24;
	const reading = options.store ? {store: options.store, key: options.key ?? article.id} : undefined;
	const tree = () => (
		<KeyHandlerContext.Provider value={slot}>
			<Reader article={article} columns={columns} rows={rows} style={options.style ?? 'plain'} hyperlinks={options.hyperlinks} reading={reading} navigator={options.navigator} files={options.files} start={options.start} onExit={exit => exits.push(exit)} />
		</KeyHandlerContext.Provider>
	);
	const instance = render(tree());
	t.teardown(() => {
		instance.unmount();
	});
	const drawn = async () => waitForFrame(instance.lastFrame, frame => frame !== '', 'the reader has drawn');
	return {
		...instance,
		exits,
		frame: () => instance.lastFrame() ?? '',
		lines: () => (instance.lastFrame() ?? '').split('\n'),
		/** Wait for the first frame (the reader measures wide text before it draws). */
		drawn,
		async press(...keys: string[]) {
			// The reader takes keys once its first effects have run.
			const deadline = performance.now() + 2000;
			while (!slot.current) {
				if (performance.now() > deadline) {
					throw new Error('Expected the reader to take keys within 2000 ms, it registered no key handler');
				}

				await settle(5);
			}

			for (const key of keys) {
				slot.current?.(key);
			}

			await quiet(instance.frames, () => exits.length);
		},
		async resize(newColumns: number, newRows: number) {
			columns = newColumns;
			rows = newRows;
			const before = instance.frames.length;
			instance.rerender(tree());
			await waitForFrame(() => (instance.frames.length > before ? instance.lastFrame() : undefined), frame => frame !== '', `a frame at ${newColumns}x${newRows}`);
			await quiet(instance.frames, () => exits.length);
		},
	};
}

/** A long article with numbered sections, paragraphs and sub-sections. */
export function sectionedArticle(sections = 12, paragraph = 'word '.repeat(40)): string {
	const parts = ['---', 'title: Long read', 'date: 2026-02-03', 'category: Test', 'summary: A long article for tests.', '---', ''];
	for (let index = 1; index <= sections; index++) {
		parts.push(`## Section ${index}`, '', `Start of section ${index}. ${paragraph}`, '', `### Detail ${index}`, '', paragraph, '');
	}

	return parts.join('\n');
}
