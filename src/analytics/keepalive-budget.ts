/**
 * Browsers refuse a `keepalive` request once the bodies of all keepalive requests in flight
 * from the page would pass 64 KiB.
 */
export const KEEPALIVE_MAX_BYTES = 64 * 1024;

/** Bytes of keepalive bodies in flight from every client of this copy of the SDK. */
let inFlight = 0;

/** The share of the page's keepalive budget shared by every client on the page. */
export const keepaliveBudget = {
  /** Bytes a new keepalive body may have now. */
  available: (): number => KEEPALIVE_MAX_BYTES - inFlight,
  /** Counts a body about to be sent. */
  reserve(bytes: number): void {
    inFlight += bytes;
  },
  /** Gives a body's bytes back once its request has settled. */
  release(bytes: number): void {
    inFlight = Math.max(0, inFlight - bytes);
  },
};
