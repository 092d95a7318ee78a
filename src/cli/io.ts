/** What a command may touch of the process, passed in so commands run inside tests without spawning. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now?: () => Date;
  /** The clock and sleep the Google transport paces and backs off on (tests pass a virtual one; real time when absent). */
  timer?: Timer;
}

export interface Timer {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const processIo: CommandIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};
