/** The narrowest width folio renders at; narrower requests are raised to it. */
export const minimumWidth = 20;

/** Widest output rendered: wider is a mistake, and would allocate lines of that many spaces. */
export const maximumWidth = 10_000;
