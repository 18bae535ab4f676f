import test from 'ava';
import {readCount, maximumCount} from '../../source/core/keys/counts.js';
import {mouseFromKeyName, mouseKeyName, parseMouse} from '../../source/core/keys/mouse.js';
import {emptyHistory, goBack, goForward, historyLimit, leave} from '../../source/core/reader/history.js';

const typeKeys = (keys: string[]) => {
	let count = {digits: ''};
	const results = [];
	for (const key of keys) {
		const result = readCount(count, key);
		count = result.count;
		if (!result.digit) {
			results.push([key, result.repeat, result.given]);
		}
	}

	return results;
};

test('digits before a key repeat it; a key alone counts once', t => {
	t.deepEqual(typeKeys(['5', 'j', 'k', '1', '2', ']']), [['j', 5, true], ['k', 1, false], [']', 12, true]]);
});

test('a leading zero is a key, not a count, and a huge count is capped', t => {
	t.deepEqual(typeKeys(['0', '9', '9', '9', '9', '9', '9', '9', '9', 'j']), [['0', 1, false], ['j', maximumCount, true]]);
});

test('SGR mouse reports are read with 0-based cells, with or without the ESC', t => {
	t.deepEqual(parseMouse('\u001B[<64;10;5M'), {action: 'wheelUp', button: 0, column: 9, row: 4});
	t.deepEqual(parseMouse('[<65;1;1M'), {action: 'wheelDown', button: 0, column: 0, row: 0});
	t.deepEqual(parseMouse('[<0;3;7M'), {action: 'press', button: 0, column: 2, row: 6});
	t.deepEqual(parseMouse('[<0;3;7m'), {action: 'release', button: 0, column: 2, row: 6});
	t.deepEqual(parseMouse('[<32;3;7M'), {action: 'drag', button: 0, column: 2, row: 6});
	t.deepEqual(parseMouse('[<2;3;7M'), {action: 'press', button: 2, column: 2, row: 6});
	t.is(parseMouse('[<0;0;7M'), undefined);
	t.is(parseMouse('[A'), undefined);
	t.is(parseMouse('[<0;3M'), undefined);
});

test('a mouse event survives the trip through its key name', t => {
	for (const report of ['[<64;10;5M', '[<0;3;7M', '[<2;30;70m']) {
		const event = parseMouse(report)!;
		t.deepEqual(mouseFromKeyName(mouseKeyName(event)), event);
	}

	t.is(mouseFromKeyName('j'), undefined);
});

const at = (article: string, slug: string) => ({article, place: {slug, fraction: 0.5, percent: 10}});

test('history goes back and forward through places like a browser', t => {
	let history = leave(emptyHistory, at('a', 'one'));
	history = leave(history, at('b', 'two'));
	const back = goBack(history, at('c', 'three'));
	t.deepEqual(back.to, at('b', 'two'));
	const again = goBack(back.history, at('b', 'two'));
	t.deepEqual(again.to, at('a', 'one'));
	t.is(goBack(again.history, at('a', 'one')).to, undefined);
	const forward = goForward(again.history, at('a', 'one'));
	t.deepEqual(forward.to, at('b', 'two'));
	t.deepEqual(goForward(forward.history, at('b', 'two')).to, at('c', 'three'));
});

test('a new visit drops the places ahead, and history is bounded', t => {
	const back = goBack(leave(emptyHistory, at('a', 'one')), at('b', 'two'));
	t.deepEqual(leave(back.history, at('a', 'one')).forward, []);
	let history = emptyHistory;
	for (let index = 0; index < historyLimit + 10; index++) {
		history = leave(history, at('a', String(index)));
	}

	t.is(history.back.length, historyLimit);
	t.is(history.back[0].place.slug, '10');
});
