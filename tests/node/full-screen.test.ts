import test from 'ava';
import {mouseReportingOff, mouseReportingOn} from '../../source/core/keys/mouse.js';
import {handOverTerminal, runFullScreen} from '../../source/node/terminal/full-screen.js';

/** A terminal that records what is written to it and every raw-mode change. */
function fakeTerminal() {
	const written: string[] = [];
	const rawModes: boolean[] = [];
	const input = {setRawMode(mode: boolean) {
		rawModes.push(mode);
		return input;
	}} as unknown as NodeJS.ReadStream;
	const output = {write(text: string) {
		written.push(text);
		return true;
	}} as unknown as NodeJS.WriteStream;
	return {input, output, written, rawModes, text: () => written.join('')};
}

/** Whether mouse reporting is on after everything written (the last switch wins). */
function mouseOn(text: string): boolean {
	return text.lastIndexOf(mouseReportingOn) > text.lastIndexOf(mouseReportingOff);
}

test('mouse reporting is on while full screen and off once the program ends', async t => {
	const terminal = fakeTerminal();
	let during = false;
	await runFullScreen({...terminal, env: {}, save() {}, start: () => ({
		unmount() {},
		async waitUntilExit() {
			during = mouseOn(terminal.text());
		},
	})});
	t.true(during, 'on while the program runs');
	t.false(mouseOn(terminal.text()), 'off after');
	t.true(terminal.text().endsWith('\u001B[?1049l\u001B[?25h'), 'the main screen and the cursor come back');
});

test('mouse reporting is switched off when the program fails', async t => {
	const terminal = fakeTerminal();
	await t.throwsAsync(runFullScreen({...terminal, env: {}, save() {}, start: () => ({
		unmount() {},
		async waitUntilExit() {
			throw new Error('the program broke');
		},
	})}), {message: 'the program broke'});
	t.true(terminal.text().includes(mouseReportingOn));
	t.false(mouseOn(terminal.text()));
});

test('handing the terminal over leaves full screen, cooked mode and no mouse while the editor runs, then takes it back', t => {
	const terminal = fakeTerminal();
	terminal.output.write(mouseReportingOn);
	const seen = handOverTerminal(terminal.input, terminal.output, () => ({mouse: mouseOn(terminal.text()), raw: terminal.rawModes.at(-1), screen: terminal.text().lastIndexOf('\u001B[?1049l') > terminal.text().lastIndexOf('\u001B[?1049h')}));
	t.deepEqual(seen, {mouse: false, raw: false, screen: true});
	t.is(terminal.rawModes.at(-1), true);
	t.true(mouseOn(terminal.text()));
	t.true(terminal.text().endsWith(`\u001B[?1049h\u001B[H${mouseReportingOn}`));
});
