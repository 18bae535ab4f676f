import test from 'ava';
import {step, type Step} from '../../source/core/keys/step.js';
import {StepRunner} from '../../source/ui/step-runner.js';

/** A reducer over a list of applied keys; `slow` needs `slices` slices of work before it applies. */
function runner(slices: number) {
	let done = 0;
	let calls = 0;
	const tasks: Array<() => void> = [];
	const commits: string[][] = [];
	const performed: string[] = [];
	type Effect = {kind: 'work'} | {kind: 'say'; text: string};
	const instance = new StepRunner<string[], string, Effect>([], {
		step: (state, key): Step<string[], Effect> => (key === 'slow' && done < slices ? step(state, {kind: 'work'}) : step([...state, key], {kind: 'say', text: key})),
		workFor: effect => (effect.kind === 'work' ? () => {
			calls++;
			done++;
			return done >= slices;
		} : undefined),
		perform(effect) {
			if (effect.kind === 'say') {
				performed.push(effect.text);
			}
		},
		commit: state => commits.push(state),
		later: task => tasks.push(task),
	});
	const runSlice = () => tasks.shift()?.();
	return {instance, tasks, commits, performed, runSlice, calls: () => calls};
}

test('keys that arrive during sliced work wait and are applied in order after it', t => {
	const {instance, tasks, commits, performed, runSlice, calls} = runner(3);
	instance.dispatch('a');
	instance.dispatch('slow');
	t.is(calls(), 1, 'the first slice runs at once');
	instance.dispatch('b');
	instance.dispatch('c');
	t.deepEqual(instance.state, ['a'], 'nothing after the slow key is applied while it waits');
	t.deepEqual(commits.at(-1), ['a'], 'what was applied before the work is drawn');
	runSlice();
	t.is(tasks.length, 1, 'one slice per turn of the event loop');
	runSlice();
	t.deepEqual(instance.state, ['a', 'slow', 'b', 'c']);
	t.deepEqual(performed, ['a', 'slow', 'b', 'c']);
	t.deepEqual(commits.at(-1), ['a', 'slow', 'b', 'c']);
	t.is(tasks.length, 0);
});

test('work that fits in one slice applies the key at once, without waiting a turn', t => {
	const {instance, tasks, commits} = runner(1);
	instance.dispatch('slow');
	instance.dispatch('b');
	t.deepEqual(instance.state, ['slow', 'b']);
	t.is(tasks.length, 0);
	t.is(commits.length, 2, 'each dispatch draws what it applied');
});

test('after stop, queued keys are dropped and no slice runs', t => {
	const {instance, runSlice, calls} = runner(3);
	instance.dispatch('slow');
	instance.dispatch('b');
	instance.stop();
	runSlice();
	t.is(calls(), 1);
	t.deepEqual(instance.state, []);
});

test('settle does all the work a message waits for before returning', t => {
	const {instance, tasks, calls} = runner(3);
	instance.settle('slow');
	t.deepEqual(instance.state, ['slow']);
	t.is(calls(), 3);
	t.is(tasks.length, 0);
});
