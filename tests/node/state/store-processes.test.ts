import {existsSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {openStore} from '../../../source/node/state/store.js';
import {outputOf, spawnHelper, temporaryFolder, untilPrinted} from '../../helpers/store-fixtures.js';

type WorkerReport = {started: number; finished: number; warnings: string[]};

test('8 processes recording 5 views each of one article count exactly 40', async t => {
	const directory = temporaryFolder(t);
	const goFile = path.join(directory, 'go');
	const workers = Array.from({length: 8}, () => spawnHelper('store-worker', [directory, 'guides/keys.md', '5', goFile]));
	const outputs = workers.map(async worker => outputOf(worker));
	await Promise.all(workers.map(async worker => untilPrinted(worker, 'ready')));
	writeFileSync(goFile, '');
	const reports = (await Promise.all(outputs)).map(output => JSON.parse(output.split('\n')[1]) as WorkerReport);

	t.is(openStore({directory, env: {}}).get('guides/keys.md')?.views, 40);
	t.deepEqual(reports.flatMap(report => report.warnings), []);
	const overlapping = reports.filter(report => reports.some(other => other !== report && other.started < report.finished && report.started < other.finished));
	t.true(overlapping.length >= 2, 'at least two workers were recording views at the same time');
	t.log(`${overlapping.length} of 8 workers overlapped; windows ${reports.map(report => report.finished - report.started).join(', ')} ms`);
	rmSync(goFile);
	t.deepEqual(readdirSync(directory), ['state.json'], 'the lock is released');
});

test('a writer killed with SIGKILL at random moments never leaves a store that fails to load', async t => {
	const directory = temporaryFolder(t);
	let locksLeft = 0;
	for (let round = 0; round < 6; round++) {
		const writer = spawnHelper('store-writer', [directory, 'guides/keys.md']);
		await untilPrinted(writer, 'ready');
		await new Promise(resolve => {
			setTimeout(resolve, 20 + Math.floor(Math.random() * 200));
		});
		const exited = new Promise(resolve => {
			writer.on('exit', resolve);
		});
		writer.kill('SIGKILL');
		await exited;
		locksLeft += existsSync(path.join(directory, 'state.json.lock')) ? 1 : 0;
	}

	const started = Date.now();
	const store = openStore({directory, env: {}});
	const opened = Date.now() - started;
	t.deepEqual(store.warnings, []);
	t.true(store.writable);
	const state = store.get('guides/keys.md');
	const percent = state?.position?.percent ?? -1;
	t.true(percent >= 0 && percent <= 100, `percent is ${percent}`);
	t.true((state?.readSections.length ?? 0) > 0);
	t.true(Object.keys(store.all()).length <= 1501);
	t.is(store.recordView('guides/keys.md').views, (state?.views ?? 0) + 1);
	t.deepEqual(readdirSync(directory).filter(name => name !== 'state.json'), [], 'no lock, temp or corrupt file is left');
	t.log(`${locksLeft} of 6 kills left a lock behind; opening afterwards took ${opened} ms`);
});
