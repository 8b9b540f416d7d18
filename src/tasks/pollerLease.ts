import { field, isObject, numberField, stringField } from '../api/fields';
import { errorMessage, type Logger } from '../log';
import { systemClock, type Clock } from './clock';
import { Emitter, type Disposable } from './events';
import { samePause, type SharedPause } from './pollPause';
import { WakeTimer } from './wakeTimer';

/** Where the lease is kept: a file every window of the profile shares (see `SharedFile`), or memory in tests. */
export interface LeaseFile {
  read(): unknown;
  write(value: unknown): Promise<void>;
  /** Writes before returning: a closing window hands the lease back this way. */
  writeNow(value: unknown): void;
  /** Whether a write of this window's is on its way: the file is older than what this window wrote until it lands. */
  readonly writing: boolean;
}

/** What every window of the profile reads: who polls until when, and what the poller must respect. */
interface LeaseRecord {
  readonly owner?: string;
  readonly expiresAt: number;
  /** The gateway limited the key's rate: nobody queries before this. */
  readonly holdUntil: number;
  readonly pause?: SharedPause;
}

export interface LeaseOptions {
  readonly file: LeaseFile;
  /** This window's name in the lease; unique per extension host. */
  readonly windowId: string;
  /** The poll interval: the owner renews once per interval. */
  readonly intervalMs: () => number;
  readonly log: Logger;
  readonly clock?: Clock;
  readonly random?: () => number;
  /** How long a claim waits before it counts; 0 only where no other window can exist (tests, benchmarks). */
  readonly settleMs?: number;
}

/** A lease lasts this many intervals past its last renewal, so a window that died is replaced within two. */
export const LEASE_INTERVALS = 1.5;
/**
 * Windows that claim at the same moment (a restart restores them all) each
 * write the lease, then read it back after this long: only the one whose
 * write landed last polls.
 */
export const CLAIM_SETTLE_MS = 300;
/** Windows waiting for an expired lease look at slightly different times (after a settle), so they rarely claim together. */
const CLAIM_JITTER_MS = 250;

/**
 * One poller per profile. Every window shares one lease record: the window
 * named in it polls and renews it each interval; the others wait until it
 * expires (the owner closed, hung, or its extension host died) and then one
 * claims it. A window takes the lease at once when it gains focus or the user
 * asks for a refresh there. The record also carries what every poller must
 * respect whichever window saw it: the rate-limit hold and a shared pause.
 */
export class PollerLease implements Disposable {
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly timer: WakeTimer;
  private readonly changeEmitter = new Emitter<void>();
  private record: LeaseRecord = { expiresAt: 0, holdUntil: 0 };
  private owner = false;
  private claiming = false;
  /** Whether this window's claim could not be written: it then polls alone rather than leave no window polling. */
  private claimUnwritten = false;
  /** Whether this window has anything to poll; without, it neither renews nor watches for expiry, and costs nothing. */
  private wanted = false;
  private disposed = false;
  /** Another window wrote while this window's own write was on its way. */
  private rereadWhenWritten = false;

  /** Fires when this window starts or stops polling, or the shared hold or pause changes. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly options: LeaseOptions) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.timer = new WakeTimer(this.clock, () => this.wake(), (error) => options.log.error(`Lease check failed: ${errorMessage(error)}`));
  }

  /** Whether this window is the one that polls. */
  get isOwner(): boolean {
    return this.owner;
  }

  /**
   * Whether this window still polls, checked against the clock before each
   * query: a window that hung past its lease's expiry reads the lease again
   * (and renews it if still named) instead of querying beside a new owner.
   */
  confirm(): boolean {
    if (this.owner && !this.claiming && this.record.expiresAt <= this.clock.now()) {
      this.wake();
    }
    return this.owner;
  }

  get holdUntil(): number {
    return this.record.holdUntil;
  }

  get pause(): SharedPause | undefined {
    return this.record.pause;
  }

  /**
   * Reads the lease and takes it when this window has focus. Otherwise it
   * waits a moment before claiming a lease nobody holds: when a restart
   * opens several windows at once, the focused one should poll.
   */
  start(focused: boolean): void {
    this.record = this.stored();
    if (focused) {
      this.claim();
    } else {
      this.planWake();
    }
  }

  /**
   * Whether this window has anything to poll. The owner renews only while it
   * has; a lease that lapses while nobody has work costs nothing, and the
   * first window with work again renews it (or, after a moment, claims it).
   */
  setWanted(wanted: boolean): void {
    if (this.wanted === wanted || this.disposed) {
      return;
    }
    this.wanted = wanted;
    if (wanted && this.owner && !this.claiming) {
      this.wake();
    } else {
      this.planWake();
    }
  }

  /**
   * Takes polling over from whichever window has it. The claim counts once
   * its write has landed and, a moment later, is still the one stored. A
   * lease nobody held (no window is alive) starts a new session: a shared
   * pause from the last one is dropped, so a restart tries again, as before.
   */
  claim(): void {
    if (this.owner || this.claiming || this.disposed) {
      return;
    }
    this.claiming = true;
    this.timer.clear();
    const written = this.modify((record) => {
      const live = record.owner !== undefined && record.expiresAt > this.clock.now();
      return { ...withPause(record, live ? record.pause : undefined), owner: this.options.windowId, expiresAt: this.clock.now() + this.duration() };
    });
    void written.then((ok) => {
      if (this.disposed || !this.claiming) {
        return;
      }
      this.claimUnwritten = !ok;
      const settleMs = this.options.settleMs ?? CLAIM_SETTLE_MS;
      if (settleMs === 0) {
        this.wake();
      } else {
        this.timer.wakeAt(this.clock.now() + settleMs);
      }
    });
  }

  /** Another window wrote the lease. */
  reread(): void {
    if (this.options.file.writing) {
      // The file is older than this window's record until its write lands; look once it has (see `save`).
      this.rereadWhenWritten = true;
      return;
    }
    this.update(() => {
      this.record = this.stored();
      if (!this.claiming) {
        this.owner = this.record.owner === this.options.windowId;
      }
    });
  }

  /** The gateway limited the key's rate: no window queries before `until`. */
  holdFor(until: number): void {
    if (until > this.record.holdUntil) {
      this.update(() => void this.modify((record) => ({ ...record, holdUntil: Math.max(until, record.holdUntil) })));
    }
  }

  /** The user asked for a check now: lifts the rate-limit hold and a shared pause. */
  lift(): void {
    if (this.record.holdUntil > this.clock.now() || this.record.pause !== undefined) {
      this.update(() => void this.modify((record) => ({ expiresAt: record.expiresAt, owner: record.owner, holdUntil: 0 })));
    }
  }

  setPause(pause: SharedPause | undefined): void {
    if (!samePause(pause, this.record.pause)) {
      this.update(() => void this.modify((record) => withPause(record, pause)));
    }
  }

  /** Hands the lease back, so another window takes over at once rather than after it expires. */
  dispose(): void {
    this.disposed = true;
    this.timer.clear();
    if (this.owner || this.claiming) {
      this.options.file.writeNow({ ...this.record, owner: undefined, expiresAt: 0 });
    }
    this.changeEmitter.dispose();
  }

  private wake(): void {
    this.update(() => {
      this.record = this.stored();
      const named = this.record.owner === this.options.windowId;
      if (this.claiming) {
        this.claiming = false;
        // A lease nobody can write still lets this window poll: alone, rather than no window at all.
        this.owner = named || this.claimUnwritten;
      } else if (named) {
        this.owner = true;
        void this.save({ ...this.record, expiresAt: this.clock.now() + this.duration() });
      } else {
        this.owner = false;
        if (!this.held()) {
          this.claim();
        }
      }
    });
  }

  /** Runs `change`, then plans the next wake-up and tells listeners if anything they see changed. */
  private update(change: () => void): void {
    const before = { owner: this.owner, holdUntil: this.record.holdUntil, pause: this.record.pause };
    change();
    if (this.disposed) {
      return;
    }
    this.planWake();
    if (before.owner !== this.owner || before.holdUntil !== this.record.holdUntil || !samePause(before.pause, this.record.pause)) {
      this.changeEmitter.fire();
    }
  }

  private planWake(): void {
    const now = this.clock.now();
    if (this.claiming) {
      return;
    }
    if (!this.wanted) {
      this.timer.clear();
      return;
    }
    if (this.owner) {
      this.timer.wakeAt(this.record.expiresAt - this.duration() + this.options.intervalMs());
    } else {
      const settleMs = this.options.settleMs ?? CLAIM_SETTLE_MS;
      this.timer.wakeAt((this.held() ? this.record.expiresAt : now) + settleMs + Math.round(this.random() * CLAIM_JITTER_MS));
    }
  }

  private held(): boolean {
    return this.record.owner !== undefined && this.record.expiresAt > this.clock.now();
  }

  private duration(): number {
    return this.options.intervalMs() * LEASE_INTERVALS;
  }

  /** Changes the record as stored now (another window may have claimed meanwhile), or as this window is writing it. */
  private modify(change: (record: LeaseRecord) => LeaseRecord): Promise<boolean> {
    return this.save(change(this.stored()));
  }

  /**
   * The record in the file, or this window's own while a write of it is on
   * its way: the file is older then, and that write will replace it. Read
   * back too early, a 401's pause could vanish before its write landed, or
   * come back after the key was fixed — and stop polling for good.
   */
  private stored(): LeaseRecord {
    return this.options.file.writing ? this.record : readRecord(this.options.file.read());
  }

  /**
   * Writes the record; resolves to whether it landed (a failure is logged,
   * never thrown). Once the last write is done, the file is read again if
   * another window wrote meanwhile or this write failed: the file, not this
   * window's record, is then the truth.
   */
  private save(record: LeaseRecord): Promise<boolean> {
    this.record = record;
    return this.options.file.write(record).then(
      () => this.written(true),
      (error: unknown) => {
        this.options.log.warn(`Could not write the polling lease: ${errorMessage(error)}`);
        return this.written(false);
      },
    );
  }

  private written(landed: boolean): boolean {
    this.rereadWhenWritten ||= !landed;
    if (this.rereadWhenWritten && !this.options.file.writing && !this.disposed) {
      this.rereadWhenWritten = false;
      this.reread();
    }
    return landed;
  }
}

function withPause(record: LeaseRecord, pause: SharedPause | undefined): LeaseRecord {
  const { pause: _previous, ...rest } = record;
  return pause === undefined ? rest : { ...rest, pause };
}

function readRecord(stored: unknown): LeaseRecord {
  if (!isObject(stored)) {
    return { expiresAt: 0, holdUntil: 0 };
  }
  const pause = field(stored, 'pause');
  const reason = isObject(pause) ? field(pause, 'reason') : undefined;
  const message = isObject(pause) ? stringField(pause, 'message') : undefined;
  return {
    owner: stringField(stored, 'owner'),
    expiresAt: numberField(stored, 'expiresAt') ?? 0,
    holdUntil: numberField(stored, 'holdUntil') ?? 0,
    ...((reason === 'auth' || reason === 'config') && message !== undefined ? { pause: { reason, message } } : {}),
  };
}
