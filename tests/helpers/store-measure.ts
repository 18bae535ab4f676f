/**
 * What the reading state costs with a full store: `node --import=tsx tests/helpers/store-measure.ts`
 * prints the file size and the median time of each operation with 10,000 articles present.
 */
import {mkdtempSync, rmSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {openStore} from '../../source/node/state/store.js';
import {maxPositions} from '../../source/node/state/store-limits.js';
import {sampleArticles, writeStateFile} from './store-fixtures.js';

export type StoreFigures = {
	articles: number;
	fileBytes: number;
	/** Median milliseconds per call. */
	openMs: number;
	savePositionMs: number;
	recordViewMs: number;
	getMs: number;
	allMs: number;
};

function median(samples: number[]): number {
	const sorted = [...samples].sort((a, b) => a - b);
	return Math.round(sorted[Math.floor(sorted.length / 2)] * 100) / 100;
}

function timeEach(runs: number, task: (index: number) => void): number {
	const samples: number[] = [];
	for (let index = 0; index < runs; index++) {
		const started = performance.now();
		task(index);
		samples.push(performance.now() - started);
	}

	return median(samples);
}

/** Fill a store in `directory` with `count` articles (each with a position) and time each operation `runs` times. */
export function measureStore(directory: string, runs = 30, count = maxPositions): StoreFigures {
	writeStateFile(path.join(directory, 'state.json'), sampleArticles(count));
	const openMs = timeEach(5, () => openStore({directory, env: {}}));
	const store = openStore({directory, env: {}});
	const key = '/library/guides/article-00500.md';
	const at = new Date().toISOString();
	const savePositionMs = timeEach(runs, index => {
		store.savePosition(key, {slug: 'usage', fraction: 0.5, percent: index % 100, at}, ['usage']);
	});
	const recordViewMs = timeEach(runs, () => store.recordView(key));
	const getMs = timeEach(runs, () => store.get(key));
	const allMs = timeEach(runs, () => store.all());
	return {
		articles: Object.keys(store.all()).length,
		fileBytes: statSync(store.path).size,
		openMs,
		savePositionMs,
		recordViewMs,
		getMs,
		allMs,
	};
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const directory = mkdtempSync(path.join(os.tmpdir(), 'folio-store-measure-'));
	try {
		console.table(measureStore(directory));
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
}
