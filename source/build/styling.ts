/**
 * The escape sequences folio's rendered lines hold, which take no columns: SGR (`ESC [ … m`) and
 * well-formed OSC 8 hyperlinks (`ESC ] 8 ; params ; uri BEL`). The stand-ins measure and cut
 * text around these themselves and hand a line with any other escape to the real package.
 */
// eslint-disable-next-line no-control-regex
export const stylingSequence = /\u001B\[[\d;]*m|\u001B\]8;[\u0020-\u003A\u003C-\u007E\u00A0-\uFFFF]*;[\u0020-\u007E\u00A0-\uFFFF]*\u0007/.source;
