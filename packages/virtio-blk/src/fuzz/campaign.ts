/**
 * Campaign settings read from the environment, so that `pnpm test` stays short while `pnpm fuzz`
 * runs long, and any failing case replays from its seed.
 */
import { Watchdog } from "./watchdog.js";

function envNumber(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v === "") return undefined;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got '${v}'`);
  return n;
}

/**
 * One fuzz loop's settings and findings. Case i runs with seed (FUZZ_SEED + i) mod 2^32, so a
 * failing case replays alone with FUZZ_SEED set to its seed and one iteration.
 */
export class Campaign {
  readonly seed: number;
  readonly iterations: number;
  readonly problems: string[] = [];

  /** `iterationsVar` names the environment variable that overrides `defaultIterations`. */
  constructor(
    readonly name: string,
    defaultIterations: number,
    private readonly iterationsVar = "FUZZ_ITERATIONS",
  ) {
    this.seed = (envNumber("FUZZ_SEED") ?? 1) >>> 0;
    this.iterations = envNumber(iterationsVar) ?? defaultIterations;
  }

  /**
   * The seeds of the cases to run. A case that runs longer than `caseLimitMs` kills the process
   * with its seed on stderr (see Watchdog).
   */
  *seeds(caseLimitMs = 30_000): Generator<number> {
    const dog = new Watchdog(this.name, caseLimitMs, this.iterationsVar);
    try {
      for (let i = 0; i < this.iterations && this.problems.length < 10; i++) {
        const seed = (this.seed + i) >>> 0;
        dog.enter(seed);
        yield seed;
      }
    } finally {
      dog.stop();
    }
  }

  /** Records a failing case with the command that replays it. */
  fail(seed: number, problem: string): void {
    this.problems.push(
      `${this.name} seed ${seed}: ${problem} (replay: FUZZ_SEED=${seed} ${this.iterationsVar}=1 pnpm fuzz)`,
    );
  }
}
