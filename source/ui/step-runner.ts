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
	private static readonly unsettled = new Set<object>();

	/**
	 * True when no runner is doing work a key waits for and every state a runner committed has
	 * been drawn (see `drawn`): what tests wait for before reading the screen.
	 */
	static get idle(): boolean {
		return StepRunner.unsettled.size === 0;
	}

	private readonly queue: M[] = [];
	private working = false;
	private stopped = false;
	private undrawn = false;
	private committed: S;

	constructor(private current: S, public options: StepRunnerOptions<S, M, E>) {
		this.committed = current;
	}

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
				// What the first frame draws.
				this.committed = state;
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
		this.working = false;
		this.undrawn = false;
		this.track();
	}

	/** The component has drawn `state`. */
	drawn(state: S): void {
		if (state === this.current) {
			this.undrawn = false;
			this.track();
		}
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
					this.commit();
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
			this.commit();
		}
	}

	private setWorking(working: boolean): void {
		this.working = working;
		this.track();
	}

	private commit(): void {
		// The same state again draws nothing new (React bails out): nothing to wait for.
		if (this.current === this.committed) {
			return;
		}

		this.committed = this.current;
		this.undrawn = true;
		this.track();
		this.options.commit(this.current);
	}

	/** Keep `unsettled` up to date. */
	private track(): void {
		if (this.working || this.undrawn) {
			StepRunner.unsettled.add(this);
		} else {
			StepRunner.unsettled.delete(this);
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
