import test from 'ava';
import {readerLayout} from '../../source/core/reader/layout.js';
import {helpLast, helpLines} from '../../source/core/keys/help.js';
import {keyOverHelp} from '../../source/core/keys/common-keys.js';

const toc = {tocVisible: true, overlayOpen: false};

test('the text is at most maxWidth columns, centred beside the contents pane', t => {
	const wide = readerLayout(200, 50, toc, 5);
	t.is(wide.toc, 'pane');
	t.is(wide.tocWidth, 36);
	t.is(wide.bodyWidth, 100, 'the default readable width');
	t.is(wide.bodyMargin, Math.floor((200 - 36 - 2 - 100) / 2));
	const narrowText = readerLayout(200, 50, toc, 5, {maxWidth: 60});
	t.is(narrowText.bodyWidth, 60);
	t.is(narrowText.bodyMargin, Math.floor((200 - 36 - 2 - 60) / 2));
	const noToc = readerLayout(200, 50, {tocVisible: false, overlayOpen: false}, 5, {maxWidth: 80});
	t.is(noToc.bodyWidth, 80);
	t.is(noToc.bodyMargin, 60, 'centred in the whole terminal when the pane is hidden');
});

test('a terminal narrower than maxWidth uses every column, with no margin', t => {
	const layout = readerLayout(100, 30, toc, 5);
	t.is(layout.bodyWidth, 100 - 28 - 2);
	t.is(layout.bodyMargin, 0);
	t.deepEqual([readerLayout(40, 20, toc, 5).bodyWidth, readerLayout(40, 20, toc, 5).bodyMargin], [40, 0]);
});

test('tocWidth sets the pane\'s width, leaving the text at least its minimum', t => {
	t.is(readerLayout(120, 30, toc, 5, {tocWidth: 50}).tocWidth, 50);
	t.is(readerLayout(120, 30, toc, 5, {tocWidth: 'auto'}).tocWidth, 34);
	const squeezed = readerLayout(80, 30, toc, 5, {tocWidth: 80});
	t.is(squeezed.tocWidth, 80 - 20 - 2);
	t.is(squeezed.bodyWidth, 20);
});

test('help lines never pass the width, and scrolling stops at the last page', t => {
	for (const width of [20, 33, 50, 100]) {
		for (const line of helpLines(['reader', 'toc'], width)) {
			t.true(line.text.length <= width, `${width}: ${line.text}`);
		}
	}

	const view = {screens: ['reader', 'toc'] as const, width: 50, height: 14};
	const total = helpLines([...view.screens], 50).length;
	const last = helpLast({...view, screens: [...view.screens]});
	t.is(last, total - 13);
	let state = {help: true, helpOffset: 0};
	const press = (key: string) => {
		state = keyOverHelp(state, key, {...view, screens: [...view.screens]}).state;
		return state.helpOffset;
	};

	t.is(press('j'), 1);
	t.is(press('k'), 0);
	t.is(press('k'), 0);
	t.is(press('space'), 12);
	t.is(press('G'), last);
	t.is(press('j'), last);
	t.is(press('g'), 0);
	t.is(press('x'), 0);
	t.true(state.help, 'other keys leave the help open');
	press('q');
	t.false(state.help, 'q closes the help');
	t.deepEqual(keyOverHelp({help: true}, 'ctrl+c', {...view, screens: [...view.screens]}).effects, [{kind: 'exit', how: 'interrupt'}]);
});
