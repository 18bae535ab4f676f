/**
 * Stands in for `is-in-ci` inside the bundle. Ink draws nothing but the last frame when the CI
 * environment variable is set, which left the reader blank in a terminal under CI (and for anyone
 * with CI in their shell). folio only starts Ink when stdout is a terminal, so there is always
 * someone to draw for.
 */
const isInCi = false;
export default isInCi;
