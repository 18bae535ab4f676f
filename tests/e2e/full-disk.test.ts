import {readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {readerScreen, readingStatus} from '../helpers/reader-screen.js';
import {fillDisk, smallDisk, smallDiskUnavailable} from '../helpers/small-disk.js';
import {sampleArticles, writeStateFile} from '../helpers/store-fixtures.js';
import {start} from '../helpers/terminal.js';

const onSmallDisk = smallDiskUnavailable ? test.skip : test;
if (smallDiskUnavailable) {
	test(`the reader on a full disk is not tested here: ${smallDiskUnavailable}`, t => {
		t.log(`skipped: ${smallDiskUnavailable}`);
		t.pass();
	});
}

onSmallDisk('on a full disk the reader keeps the old state file and, once the screen is restored, says why in one line', async t => {
	const disk = smallDisk(t);
	const file = path.join(disk, 'state.json');
	writeStateFile(file, sampleArticles(40));
	const before = readFileSync(file, 'utf8');
	fillDisk(disk, 1024);
	// Wide enough that the warning is not wrapped.
	const folio = await start(['guides/keys'], {t, stateDir: disk, width: 250, height: 30});
	await folio.waitFor(text => readingStatus.test(readerScreen(text).status));
	await folio.send(']', ']');
	await folio.waitFor(text => readerScreen(text).section !== undefined && readerScreen(text).section !== 'Keys and navigation');
	await folio.send('q');
	t.is(await folio.exitCode(), 0);
	const screen = await folio.screen();
	const warnings = screen.split('\n').filter(line => line.startsWith('folio:'));
	t.is(warnings.length, 1, screen);
	t.regex(warnings[0], /^folio: warning: cannot write reading state to .+ \(ENOSPC: no space left on device\); reading works but views and positions will not be saved$/);
	t.is(readFileSync(file, 'utf8'), before, 'the old state file is whole');
});
