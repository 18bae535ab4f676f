/**
 * The library screen's text search, in a worker thread: building or loading a 10,000-article
 * index takes seconds of CPU, which on the main thread would hold up every key. Requests are
 * answered in order, but one that was overtaken by a newer request before it started is skipped
 * (answered with nothing): only the filter as it is now matters.
 */
import os from 'node:os';
import {parentPort, workerData} from 'node:worker_threads';
import {libraryTextSearch} from './text-matches.js';

export type WorkerRequest = {kind: 'find'; id: number; filter: string} | {kind: 'refresh'};
export type WorkerReply = {id: number; matches: import('../../core/library/library-state.js').TextMatch[]} | {id: number; error: string};

// On Linux a priority is a thread's own: this thread yields the CPU to the one reading keys
// (elsewhere it would lower the whole process, so it is left alone).
if (process.platform === 'linux') {
	try {
		os.setPriority(15);
	} catch {}
}

const {directory, env} = workerData as {directory: string; env: NodeJS.ProcessEnv};
const search = libraryTextSearch(directory, env);
const pending: WorkerRequest[] = [];
let busy = false;

parentPort!.on('message', (request: WorkerRequest) => {
	pending.push(request);
	void drain();
});

async function drain(): Promise<void> {
	if (busy) {
		return;
	}

	busy = true;
	while (pending.length > 0) {
		const request = pending.shift()!;
		if (request.kind === 'refresh') {
			search.refresh();
			continue;
		}

		if (pending.some(next => next.kind === 'find')) {
			parentPort!.postMessage({id: request.id, matches: []} satisfies WorkerReply);
			continue;
		}

		try {
			const matches = await search.find(request.filter, new AbortController().signal);
			parentPort!.postMessage({id: request.id, matches} satisfies WorkerReply);
		} catch (error) {
			parentPort!.postMessage({id: request.id, error: error instanceof Error ? error.message : String(error)} satisfies WorkerReply);
		}
	}

	busy = false;
}
