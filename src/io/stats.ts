/** What the demo server counted since it started, or since `resetStats()`. */
export interface ServerStats {
  /** Requests received. */
  requests: number;
  /** Requests being served right now (received, not yet answered). */
  inFlight: number;
  /** The most requests served at the same time: 1 for a sequential client. */
  maxInFlight: number;
  /** Answers by status code, e.g. `{ "200": 10, "503": 1 }`; a request never answered counts nowhere. */
  statuses: Record<string, number>;
  /** Bytes of response bodies sent. */
  bytes: number;
}

/** One request, timed in seconds since the last reset, for `plots.timeline`. */
export interface RequestRecord {
  id: number;
  path: string;
  /** The status sent, or 0 when the client gave up (or the server closed) first. */
  status: number;
  start: number;
  end: number;
}

/** Counts requests and keeps their timings. */
export class RequestStats {
  #origin = performance.now();
  #stats: ServerStats = empty(0);
  #records: RequestRecord[] = [];
  #nextId = 1;

  /** A request arrives; the returned function is called once when it ends. */
  begin(path: string): (status: number, bytes: number) => void {
    const origin = this.#origin;
    const stats = this.#stats;
    const start = (performance.now() - origin) / 1000;
    const id = this.#nextId++;
    stats.requests++;
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    let done = false;
    return (status, bytes) => {
      if (done) return;
      done = true;
      stats.inFlight--;
      if (this.#stats !== stats) this.#stats.inFlight--; // it began before a reset and ends after it
      if (this.#origin !== origin) return;
      if (status > 0) stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
      stats.bytes += bytes;
      this.#records.push({ id, path, status, start, end: (performance.now() - origin) / 1000 });
    };
  }

  snapshot(): ServerStats {
    return { ...this.#stats, statuses: { ...this.#stats.statuses } };
  }

  /** Finished requests, by start time. */
  records(): RequestRecord[] {
    return [...this.#records].sort((a, b) => a.start - b.start || a.id - b.id);
  }

  /** Starts counting afresh; requests still being served stay in `inFlight`. */
  reset(): void {
    const inFlight = this.#stats.inFlight;
    this.#origin = performance.now();
    this.#stats = empty(inFlight);
    this.#records = [];
  }
}

function empty(inFlight: number): ServerStats {
  return { requests: 0, inFlight, maxInFlight: inFlight, statuses: {}, bytes: 0 };
}
