// Uploaded images (their resized variants under UPLOAD_DIR): only names the upload writes are
// served, with their own type, nosniff and a year's cache (a new upload gets new names).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { data } from "react-router";
import { mediaFilePattern } from "~/domains/publishing/upload-image.server";
import type { Route } from "./+types/media";

export async function loader({ context, params }: Route.LoaderArgs) {
  const name = params.file;
  if (!mediaFilePattern.test(name)) throw data(null, { status: 404 });
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(context.services.uploadDir, name));
  } catch {
    throw data(null, { status: 404 });
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
