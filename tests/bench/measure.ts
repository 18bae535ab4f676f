/**
 * How the bench measures: commands timed to completion, and programs driven in a real
 * pseudo-terminal by pty-probe.py. Every figure is a median of several runs after a warm-up.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import path from 'node:path';

export type Step = {quiet: number} | {sleep: number} | {send: string} | {key: string; expect?: string[]; label?: string};
export type Probe = {first_frame_ms: number | null; keys: Array<{label: string; ms: number | null; drew: boolean}>; peak_rss_kb: number; status: number | null};

/** The terminal every screen is measured in. */
export const terminal = {columns: 120, rows: 40};

export function median(values: number[]): number {
	const sorted = values.filter(value => Number.isFinite(value)).sort((a, b) => a - b);
	return sorted.length === 0 ? Number.NaN : sorted[Math.floor((sorted.length - 1) / 2)];
}

export function percentile(values: number[], fraction: number): number {
	const sorted = values.filter(value => Number.isFinite(value)).sort((a, b) => a - b);
	return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

/** Run `measure` once to warm caches, then `count` times. */
export function repeat<T>(count: number, measure: () => T): T[] {
	measure();
	return Array.from({length: count}, () => measure());
}

/** Start `command` in a pty, wait for `ready` on screen, then run the steps. */
export function probe(command: string[], ready: string, steps: Step[], env: NodeJS.ProcessEnv, quit = 'q'): Probe {
	const spec = JSON.stringify({...terminal, ready, steps, quit});
	const output = execFileSync('python3', [path.join(import.meta.dirname, 'pty-probe.py'), spec, '--', ...command], {env, encoding: 'utf8', timeout: 300_000});
	return JSON.parse(output) as Probe;
}

/** Milliseconds from spawning `command` to its exit, output going to a pipe. */
export function timeCommand(command: string, args: string[], env: NodeJS.ProcessEnv): number {
	const start = performance.now();
	const result = spawnSync(command, args, {env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30});
	const elapsed = performance.now() - start;
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr.toString().slice(0, 500)}`);
	}

	return elapsed;
}

/**
 * Key latencies of a probe with this label (or all), in ms: a key that never showed what it
 * waited for counts as infinitely slow; one that changed nothing (j on the last line) is left out.
 */
export function keyTimes(probes: Probe[], label?: string): number[] {
	return probes.flatMap(result => result.keys.filter(key => (label === undefined || key.label === label) && key.drew).map(key => key.ms ?? Number.POSITIVE_INFINITY));
}

export function installed(command: string): boolean {
	return spawnSync('sh', ['-c', `command -v ${command}`], {stdio: 'ignore'}).status === 0;
}

/** `1.23×`, or `—` when either side is missing. */
export function ratio(value: number, peer: number): string {
	return Number.isFinite(value) && Number.isFinite(peer) && peer > 0 ? `${(value / peer).toFixed(2)}×` : '—';
}

export function ms(value: number): string {
	return Number.isFinite(value) ? `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms` : 'n/a';
}
