// Uploaded images (their resized variants under UPLOAD_DIR): only names the upload writes are
// served, with their own type, nosniff and a year's cache (a new upload gets new names).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { mediaFilePattern } from "~/domains/publishing/upload-image.server";
import type { Route } from "./+types/media";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function loader({ context, params }: Route.LoaderArgs) {
  const name = params.file;
  if (!mediaFilePattern.test(name)) return notFound();
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(context.services.uploadDir, name));
  } catch {
    return notFound();
  }
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": name.endsWith(".webp") ? "image/webp" : "image/jpeg",
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
