/**
 * Exit codes folio documents in its README.
 */
export const ExitCode = {
	ok: 0,
	/** The article, section or file could not be found, read or accepted. */
	failure: 1,
	/** A flag or argument was wrong. */
	usage: 2,
	/** Interrupted by Ctrl+C. */
	interrupted: 130,
} as const;

/**
 * An error the user can cause and fix: it is shown as one line, never as a stack trace.
 */
export class FolioError extends Error {
	readonly exitCode: number;

	constructor(message: string, exitCode: number = ExitCode.failure) {
		super(message);
		this.name = 'FolioError';
		this.exitCode = exitCode;
	}
}

export class UsageError extends FolioError {
	constructor(message: string) {
		super(message, ExitCode.usage);
		this.name = 'UsageError';
	}
}
