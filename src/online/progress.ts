/** A one-line spinner on stderr while pip works; only for people at a terminal. */

export interface Progress {
  update(text: string): void;
  stop(): void;
}

const FRAMES = ['|', '/', '-', '\\'];

/** A spinner writing to `stream`, or a no-op when not interactive. */
export function startProgress(stream: NodeJS.WritableStream, enabled: boolean, text: string): Progress {
  if (!enabled) return { update: () => {}, stop: () => {} };
  let current = text;
  let frame = 0;
  let width = 0;
  const draw = (): void => {
    const line = `${FRAMES[frame % FRAMES.length]} ${current}`;
    frame += 1;
    stream.write(`\r${line.padEnd(width)}`);
    width = line.length;
  };
  draw();
  const timer = setInterval(draw, 120);
  timer.unref();
  return {
    update(next: string) {
      current = next;
      draw();
    },
    stop() {
      clearInterval(timer);
      stream.write(`\r${''.padEnd(width)}\r`);
    },
  };
}
