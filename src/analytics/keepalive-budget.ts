/**
 * Browsers refuse a `keepalive` request once the bodies of all keepalive requests in flight
 * from the page would pass 64 KiB.
 */
export const KEEPALIVE_MAX_BYTES = 64 * 1024;

/**
 * Bytes of keepalive bodies in flight from every client of this copy of the SDK: the share of
 * the page's keepalive budget they already use.
 */
export const keepaliveInFlight = { bytes: 0 };
