import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import type {TextMatch} from '../../core/library/library-state.js';
import {libraryTextSearch} from './text-matches.js';
import type {WorkerReply, WorkerRequest} from './text-search-worker.js';

export type TextSearch = {
	find(filter: string, signal: AbortSignal): Promise<TextMatch[]>;
	/** True when the search runs in a worker thread. */
	readonly inWorker?: boolean;
	/** Check the index against the files again at the next search. */
	refresh(): void;
};

/**
 * The worker's file: beside this module when folio runs from source (tests, through tsx), or
 * in the built `dist/` (the bundle puts this code in `dist/` or `dist/chunks/`).
 */
function workerFile(): {file: string; execArgv: string[]} | undefined {
	if (import.meta.url.endsWith('.ts')) {
		return {file: fileURLToPath(new URL('text-search-worker.ts', import.meta.url)), execArgv: ['--import', 'tsx']};
	}

	for (const candidate of ['text-search-worker.js', '../text-search-worker.js']) {
		const file = fileURLToPath(new URL(candidate, import.meta.url));
		if (existsSync(file)) {
			return {file, execArgv: []};
		}
	}

	return undefined;
}

/**
 * Text search for the library screen in a worker thread, so opening or building the index never
 * holds up a key. The worker starts with the first search and does not keep folio running.
 * Without a worker file (an unusual build), the search runs here instead.
 */
export function textSearchThread(directory: string, environment: NodeJS.ProcessEnv): TextSearch {
	const where = workerFile();
	if (!where) {
		return libraryTextSearch(directory, environment);
	}

	let worker: Worker | undefined;
	let nextId = 0;
	const waiting = new Map<number, {resolve: (matches: TextMatch[]) => void; reject: (error: Error) => void}>();
	const failAll = (error: Error) => {
		for (const {reject} of waiting.values()) {
			reject(error);
		}

		waiting.clear();
		worker = undefined;
	};

	const start = (): Worker => {
		const started = new Worker(where.file, {workerData: {directory, env: {...environment}}, execArgv: where.execArgv, stdout: true, stderr: true});
		started.on('message', (reply: WorkerReply) => {
			const request = waiting.get(reply.id);
			waiting.delete(reply.id);
			settle();
			if (request) {
				if ('error' in reply) {
					request.reject(new Error(reply.error));
				} else {
					request.resolve(reply.matches);
				}
			}
		});
		started.on('error', failAll);
		started.on('exit', () => {
			failAll(new Error('the text search stopped'));
		});
		// Idle, the worker does not keep folio running (listeners ref it: unref after them); a
		// search being waited for does (see `settle`).
		started.unref();
		return started;
	};

	const settle = () => {
		if (waiting.size === 0) {
			worker?.unref();
		}
	};

	const post = (request: WorkerRequest) => {
		worker ??= start();
		if (request.kind === 'find') {
			worker.ref();
		}

		worker.postMessage(request);
	};

	return {
		inWorker: true,
		async find(filter, signal) {
			const id = nextId++;
			return new Promise<TextMatch[]>((resolve, reject) => {
				waiting.set(id, {resolve, reject});
				signal.addEventListener('abort', () => {
					// Answered now; the worker's late answer finds no one waiting.
					waiting.delete(id);
					settle();
					resolve([]);
				}, {once: true});
				post({kind: 'find', id, filter});
			});
		},
		refresh() {
			if (worker) {
				post({kind: 'refresh'});
			}
		},
	};
}
