// Listening on the configured address, and the one sentence a person reads when that fails
// (a port in use, an address this machine does not have), instead of a stack trace.
import type http from "node:http";
import net from "node:net";

export function listenOn(server: http.Server | net.Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/** Fails fast, before the database is opened and migrated, when the address cannot be listened on. */
export async function checkCanListen(port: number, host: string | undefined): Promise<void> {
  const probe = net.createServer();
  await listenOn(probe, port, host);
  await new Promise((resolve) => probe.close(resolve));
}

export function listenFailure(error: unknown, port: number, host: string | undefined): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = host ? `${host}:${port}` : `port ${port}`;
  switch (code) {
    case "EADDRINUSE":
      return `Could not start: ${where} is already in use (another AMG server, or another program). Stop it, or start with another PORT, e.g. PORT=3001 npm start.`;
    case "EACCES":
      return `Could not start: this user may not listen on ${where}. Ports below 1024 need special rights: use a PORT of 1024 or more.`;
    case "EADDRNOTAVAIL":
      return `Could not start: HOST=${host} is not an address of this machine. Leave HOST unset to listen on every interface, or use 127.0.0.1.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Could not start: HOST=${host} is not a name or address this machine can resolve. Leave HOST unset, or use 127.0.0.1.`;
    default:
      return `Could not start listening on ${where}: ${error instanceof Error ? error.message : String(error)}.`;
  }
}
