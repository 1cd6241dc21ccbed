// Announces that public content or settings changed, to every process (PostgreSQL NOTIFY,
// delivered on commit), so each one drops its cached public pages at once.
import { notify } from "~/db/client.server";
import type { Executor } from "~/db/client.server";

export const contentChangedChannel = "amg_content_changed";

export async function announceContentChanged(tx: Executor, what: string): Promise<void> {
  await notify(tx, contentChangedChannel, what);
}
