// One-line structured log records on stdout/stderr. Stack traces and SQL go here, never to a page.
const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 } as const;
export type LogLevel = keyof typeof levels;

export type Logger = {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
};

function loggable(value: unknown): unknown {
  if (value instanceof Error) return { message: value.message, stack: value.stack };
  return value;
}

export function createLogger(level: LogLevel = "info"): Logger {
  const threshold = levels[level];
  const write = (at: Exclude<LogLevel, "silent">) => (msg: string, fields?: Record<string, unknown>) => {
    if (levels[at] < threshold) return;
    const record: Record<string, unknown> = { t: new Date().toISOString(), level: at, msg };
    for (const [k, v] of Object.entries(fields ?? {})) record[k] = loggable(v);
    (at === "error" || at === "warn" ? process.stderr : process.stdout).write(`${JSON.stringify(record)}\n`);
  };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}
