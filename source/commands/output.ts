import type {Writable} from 'node:stream';
import {FolioError} from '../core/errors.js';
import {describeFsError} from '../node/library/library.js';

/**
 * Writes text to a stream the way a pipe expects: in large chunks, waiting for the reader when
 * it is slower than us, and stopping quietly when it goes away (`folio cat BIG | head -1`).
 */
export class PipeWriter {
	private buffer = '';
	private closed = false;
	private failure: unknown;

	constructor(private readonly stream: Writable, private readonly chunkSize = 64 * 1024) {
		stream.on('error', (error: unknown) => {
			this.fail(error);
		});
	}

	/** True once the reader has gone away: stop producing output. */
	get isClosed(): boolean {
		return this.closed;
	}

	/** Queue a line (a newline is added). */
	async line(text: string): Promise<void> {
		this.buffer += text + '\n';
		if (this.buffer.length >= this.chunkSize) {
			await this.flush();
		}
	}

	/** Queue text as is. */
	async text(text: string): Promise<void> {
		this.buffer += text;
		if (this.buffer.length >= this.chunkSize) {
			await this.flush();
		}
	}

	/** Write what is queued and wait until the stream has taken it. */
	async flush(): Promise<void> {
		this.throwIfFailed();
		if (this.closed || this.buffer === '') {
			this.buffer = '';
			return;
		}

		const chunk = this.buffer;
		this.buffer = '';
		await new Promise<void>(resolve => {
			let written: boolean;
			try {
				// A file on stdout is written synchronously and throws here (ENOSPC, EIO, ...).
				written = this.stream.write(chunk);
			} catch (error) {
				this.fail(error);
				resolve();
				return;
			}

			if (written) {
				resolve();
				return;
			}

			// Wait for whichever comes first, and leave no listener behind.
			const done = () => {
				this.stream.off('drain', done);
				this.stream.off('close', done);
				this.stream.off('error', done);
				resolve();
			};

			this.stream.on('drain', done);
			this.stream.on('close', done);
			this.stream.on('error', done);
		});
	}

	/** Flush and wait for the data to leave the process; a write error becomes one line. */
	async end(): Promise<void> {
		await this.flush();
		if (!this.closed) {
			// Let an asynchronous write error arrive before we report success.
			await new Promise<void>(resolve => {
				this.stream.write('', () => {
					resolve();
				});
			});
		}

		this.throwIfFailed();
	}

	private fail(error: unknown): void {
		const code = (error as NodeJS.ErrnoException | undefined)?.code;
		this.closed = true;
		if (code !== 'EPIPE' && code !== 'ERR_STREAM_DESTROYED') {
			this.failure ??= error;
		}
	}

	private throwIfFailed(): void {
		if (this.failure !== undefined) {
			throw new FolioError(`cannot write the output: ${describeFsError(this.failure)}`);
		}
	}
}
