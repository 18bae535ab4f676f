import process from 'node:process';

/**
 * A locale that sorts printable ASCII in the root collation's order: none, C or POSIX (which V8
 * takes as en-US), or English, each with an encoding. Anything more (a modifier such as `@euro`, a
 * variant such as en_US_POSIX) is left to ICU rather than second-guessed.
 */
const rootLike = /^(?:|C|POSIX|en(?:_[A-Za-z]{2})?)(?:\.[\w-]+)?$/;

/**
 * Whether ICU's default locale sorts ASCII in the root order. ICU takes it from the environment
 * V8 started with (LC_ALL, then LC_MESSAGES, then LANG), so every one of them that is set must be
 * such a locale; anything else is left to ICU.
 */
export function rootAsciiOrder(env: NodeJS.ProcessEnv = process.env): boolean {
	return [env.LC_ALL, env.LC_MESSAGES, env.LANG].every(value => value === undefined || rootLike.test(value));
}
