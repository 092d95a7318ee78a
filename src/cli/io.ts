/** What a command may touch of the process, passed in so commands run inside tests without spawning. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now?: () => Date;
}

export const processIo: CommandIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};
