/** The longest delay `setTimeout` keeps; a longer one runs at once in browsers and in Node. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
