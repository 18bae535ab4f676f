import type {Step} from '../core/keys/step.js';

/** One slice of work a step is waiting for; returns true once the work is done. */
export type Work = () => boolean;

export type StepRunnerOptions<S, M, E> = {
	/** The pure reducer. */
	step: (state: S, message: M) => Step<S, E>;
	/**
	 * The work an effect says must happen before its step can be taken (rendering more of the
	 * document), or undefined for an effect to perform. A step with such an effect is dropped and
	 * its message applied again once the work is done.
	 */
	workFor: (effect: E, next: S) => Work | undefined;
	/** Perform an effect of a step that was taken, with the state that step produced. */
	perform: (effect: E, state: S) => void;
	/** Called with the latest state after messages were applied (to draw it). */
	commit: (state: S) => void;
	/** Runs `task` once pending input has been read. @default setImmediate */
	later?: (task: () => void) => void;
};

/**
 * Applies messages to a reducer one at a time, in order, and performs the effects the steps
 * return. Work a step waits for is done in slices (each `Work` call is one): between slices the
 * event loop reads input, and messages that arrive meanwhile wait in the queue, so a key is
 * never lost, never applied out of order, and never held up by more than one slice of work.
 */
export class StepRunner<S, M, E> {
	private static inProgress = 0;

	/** How many runners are doing work a key waits for: tests wait for 0 before reading the screen. */
	static get working(): number {
		return StepRunner.inProgress;
	}

	private readonly queue: M[] = [];
	private working = false;
	private stopped = false;

	constructor(private current: S, public options: StepRunnerOptions<S, M, E>) {}

	/** The state after every message applied so far. */
	get state(): S {
		return this.current;
	}

	/** Messages waiting, the one being worked for included. */
	get waiting(): number {
		return this.queue.length;
	}

	/**
	 * Apply `message` now, doing all the work it waits for at once. Only for what the first frame
	 * must already show (the saved place to resume at): after that, input is never held up.
	 */
	settle(message: M): void {
		for (;;) {
			const {state, effects} = this.options.step(this.current, message);
			const work = effects.map(effect => this.options.workFor(effect, state)).find(Boolean);
			if (!work) {
				this.current = state;
				for (const effect of effects) {
					this.options.perform(effect, state);
				}

				return;
			}

			while (!work()) {
				// Each call renders one slice; keep going until the step can be taken.
			}
		}
	}

	dispatch(message: M): void {
		this.queue.push(message);
		if (!this.working) {
			this.drain();
		}
	}

	/** Stop: nothing queued is applied and no slice runs after this. */
	stop(): void {
		this.stopped = true;
		this.queue.length = 0;
		this.setWorking(false);
	}

	private drain(): void {
		let changed = false;
		while (this.queue.length > 0 && !this.stopped) {
			const {state, effects} = this.options.step(this.current, this.queue[0]);
			const work = effects.map(effect => this.options.workFor(effect, state)).find(Boolean);
			if (work) {
				// Most work fits in one slice: apply the message again at once, without a frame between.
				if (work()) {
					continue;
				}

				if (changed) {
					this.options.commit(this.current);
				}

				this.continueLater(work);
				return;
			}

			this.queue.shift();
			this.current = state;
			changed = true;
			for (const effect of effects) {
				this.options.perform(effect, state);
			}
		}

		if (changed && !this.stopped) {
			this.options.commit(this.current);
		}
	}

	private setWorking(working: boolean): void {
		if (working !== this.working) {
			this.working = working;
			StepRunner.inProgress += working ? 1 : -1;
		}
	}

	private continueLater(work: Work): void {
		this.setWorking(true);
		const later = this.options.later ?? setImmediate;
		const slice = () => {
			if (this.stopped) {
				return;
			}

			if (work()) {
				this.setWorking(false);
				this.drain();
			} else {
				later(slice);
			}
		};

		later(slice);
	}
}
