import { fork, type ChildProcess } from 'node:child_process';
import { z } from 'zod';

/** Set BENCH_CPU_PROF_DIR to write a V8 CPU profile of every benchmark process there (node --cpu-prof). */
function profilingArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF_DIR;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

/** Sent by a child when a command failed; the pending request is rejected with its message. */
export const childFailureSchema = z.object({ type: z.literal('failed'), message: z.string() });

type Waiter = { schema: z.ZodType; resolve: (value: unknown) => void; reject: (error: Error) => void };

const liveChildren = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

/**
 * A benchmark process forked from the runner: TypeScript through tsx, `gc()` exposed, structured-clone IPC (so
 * typed arrays cross without JSON). Messages from the child are matched to requests by zod schema.
 */
export class BenchChild {
  readonly process: ChildProcess;
  private readonly inbox: unknown[] = [];
  private waiters: Waiter[] = [];
  private exited = false;

  constructor(
    readonly name: string,
    scriptPath: string,
    env: Record<string, string> = {},
  ) {
    this.process = fork(scriptPath, [], {
      execArgv: ['--import', 'tsx', '--expose-gc', ...profilingArgs()],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ...env },
    });
    liveChildren.add(this.process);
    this.process.on('message', (message: unknown) => this.deliver(message));
    this.process.on('exit', (code, signal) => {
      this.exited = true;
      liveChildren.delete(this.process);
      this.failAll(new Error(`${name} exited (code ${code ?? 'none'}, signal ${signal ?? 'none'})`));
    });
  }

  send(message: object): void {
    if (!this.exited) this.process.send(message);
  }

  /** The next message from the child that matches `schema` (one already received counts). */
  receive<S extends z.ZodType>(schema: S, timeoutMs: number): Promise<z.infer<S>> {
    const index = this.inbox.findIndex((message) => schema.safeParse(message).success);
    if (index >= 0) return Promise.resolve(schema.parse(this.inbox.splice(index, 1)[0]));
    if (this.exited) return Promise.reject(new Error(`${this.name} has exited`));
    return new Promise<z.infer<S>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`${this.name}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        schema,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(schema.parse(value));
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.push(waiter);
    });
  }

  request<S extends z.ZodType>(message: object, reply: S, timeoutMs: number): Promise<z.infer<S>> {
    const answer = this.receive(reply, timeoutMs);
    this.send(message);
    return answer;
  }

  /** Asks the child to close, and kills it (by its pid) if it has not exited in time. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    this.send({ type: 'close' });
    const timer = setTimeout(() => this.process.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  private deliver(message: unknown): void {
    const failure = childFailureSchema.safeParse(message);
    if (failure.success) {
      this.failAll(new Error(`${this.name}: ${failure.data.message}`));
      return;
    }
    const waiter = this.waiters.find((w) => w.schema.safeParse(message).success);
    if (!waiter) {
      this.inbox.push(message);
      return;
    }
    this.waiters = this.waiters.filter((w) => w !== waiter);
    waiter.resolve(message);
  }

  private failAll(error: Error): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) waiter.reject(error);
  }
}
