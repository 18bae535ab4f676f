/** The narrowest width folio renders at; narrower requests are raised to it. */
export const minimumWidth = 20;
