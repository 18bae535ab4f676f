import {readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {writeFileDurably} from '../../source/node/durable-write.js';
import {DurableConf} from '../../source/node/durable-conf.js';
import {fillDisk, smallDisk, smallDiskUnavailable} from '../helpers/small-disk.js';
import {openStore} from '../../source/node/state/store.js';
import {sampleArticles, temporaryFolder, writeStateFile} from '../helpers/store-fixtures.js';

const onSmallDisk = smallDiskUnavailable ? test.skip : test;
if (smallDiskUnavailable) {
	test(`durable writes on a full disk are not tested here: ${smallDiskUnavailable}`, t => {
		t.log(`skipped: ${smallDiskUnavailable}`);
		t.pass();
	});
}

onSmallDisk('a write that does not fit leaves the old file whole and no temporary file', t => {
	const disk = smallDisk(t);
	const file = path.join(disk, 'state.json');
	writeFileSync(file, 'the old contents');
	fillDisk(disk, 8192);
	const error = t.throws(() => {
		writeFileDurably(file, 'x'.repeat(24_000));
	});
	t.is((error as NodeJS.ErrnoException).code, 'ENOSPC');
	t.is(readFileSync(file, 'utf8'), 'the old contents');
	t.deepEqual(readdirSync(disk).sort(), ['filler', 'state.json']);
});

onSmallDisk('a write that fits replaces the file whole', t => {
	const disk = smallDisk(t);
	const file = path.join(disk, 'state.json');
	writeFileSync(file, 'old');
	fillDisk(disk, 32_768);
	writeFileDurably(file, 'y'.repeat(20_000));
	t.is(readFileSync(file, 'utf8'), 'y'.repeat(20_000));
});

onSmallDisk('DurableConf keeps the old settings when the disk is full', t => {
	const disk = smallDisk(t);
	const settings = new DurableConf<{theme: string; notes?: string}>({cwd: disk, configName: 'config', defaults: {theme: 'dark'}});
	settings.set('theme', 'light');
	const before = readFileSync(settings.path, 'utf8');
	fillDisk(disk, 4096);
	t.throws(() => {
		settings.set('notes', 'n'.repeat(30_000));
	}, {code: 'ENOSPC'});
	t.is(readFileSync(settings.path, 'utf8'), before);
	t.is(settings.get('theme'), 'light');
});

test('a check before the rename that throws keeps the old file', t => {
	const file = path.join(temporaryFolder(t), 'state.json');
	writeFileSync(file, 'old');
	t.throws(() => {
		writeFileDurably(file, 'new', {
			beforeRename() {
				throw new Error('lost the lock');
			},
		});
	}, {message: 'lost the lock'});
	t.is(readFileSync(file, 'utf8'), 'old');
	t.deepEqual(readdirSync(path.dirname(file)), ['state.json']);
});

test('a new file gets owner-only permissions by default', t => {
	const file = path.join(temporaryFolder(t), 'cache.json');
	writeFileDurably(file, '{}');
	t.is(statSync(file).mode & 0o777, 0o600);
	t.is(readFileSync(file, 'utf8'), '{}');
});

onSmallDisk('a full disk keeps every view in the state file and says why in one line', t => {
	const disk = smallDisk(t);
	writeStateFile(path.join(disk, 'state.json'), sampleArticles(60));
	const before = readFileSync(path.join(disk, 'state.json'), 'utf8');
	fillDisk(disk, 8192);
	const store = openStore({directory: disk, env: {}});
	store.recordView('guides/a-new-article-with-a-long-name'.repeat(200));
	t.is(readFileSync(path.join(disk, 'state.json'), 'utf8'), before);
	t.is(store.warnings.length, 1);
	t.regex(store.warnings[0], /^cannot write reading state to .* \(ENOSPC: no space left on device\); reading works but views and positions will not be saved$/);
	rmSync(path.join(disk, 'filler'));
	const reopened = openStore({directory: disk, env: {}});
	t.deepEqual(reopened.warnings, []);
	t.is(Object.keys(reopened.all()).length, 60);
	t.is(reopened.writable, true);
});
