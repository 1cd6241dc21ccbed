// Uploads an image: its type is read from its bytes (file-type; the name and the browser's claim
// are ignored), SVG and everything else that is not a raster photo format is refused, it must fit
// the size limit, and sharp writes resized JPEG and WebP variants (metadata stripped, EXIF
// rotation applied) under UPLOAD_DIR, where /media/:file serves them.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import type { Database } from "~/db/client.server";
import { publishingImages } from "~/db/schema/index";
import type { ImageVariant } from "~/db/schema/index";
import type { Actor } from "~/platform/audit.server";
import { recordAudit } from "~/platform/audit.server";
import { AppError } from "~/platform/errors";
import { newPublicId } from "~/platform/tokens";
import { messages } from "./messages";

export const maxImageBytes = 8 * 1024 * 1024;
export const imageWidths = [480, 960, 1600] as const;
export const acceptedImageTypes = ["image/jpeg", "image/png", "image/webp", "image/gif", "image/avif"] as const;
/** A variant's file name: the image's public id (base64url), its width, its format. */
export const mediaFilePattern = /^[A-Za-z0-9_-]{12}-\d{2,4}\.(jpg|webp)$/;

export type UploadedImage = { publicId: string; width: number; height: number; variants: ImageVariant[] };

export async function uploadImage({ db, actor, uploadDir, file }: { db: Database; actor: Actor; uploadDir: string; file: { name: string; bytes: Uint8Array } }): Promise<UploadedImage> {
  if (file.bytes.byteLength === 0) throw new AppError("VALIDATION", messages.imageMissing, { file: messages.imageMissing });
  if (file.bytes.byteLength > maxImageBytes) throw new AppError("VALIDATION", messages.imageTooLarge, { file: messages.imageTooLarge });
  const type = await fileTypeFromBuffer(file.bytes);
  if (!type || !(acceptedImageTypes as readonly string[]).includes(type.mime)) throw new AppError("VALIDATION", messages.imageType, { file: messages.imageType });
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  try {
    meta = await sharp(file.bytes).metadata();
  } catch {
    throw new AppError("VALIDATION", messages.imageUnreadable, { file: messages.imageUnreadable });
  }
  if (!meta.width || !meta.height || meta.format === "svg") throw new AppError("VALIDATION", messages.imageType, { file: messages.imageType });
  // EXIF orientation 5-8 swaps width and height.
  const [width, height] = (meta.orientation ?? 1) >= 5 ? [meta.height, meta.width] : [meta.width, meta.height];
  const publicId = newPublicId();
  mkdirSync(uploadDir, { recursive: true });
  const widths = [...new Set(imageWidths.map((w) => Math.min(w, width)))];
  const variants: ImageVariant[] = [];
  const written: string[] = [];
  try {
    for (const w of widths) {
      const base = sharp(file.bytes, { animated: false }).rotate().resize({ width: w, withoutEnlargement: true });
      const jpeg = await base.clone().flatten({ background: "#ffffff" }).jpeg({ quality: 80, mozjpeg: true }).toBuffer({ resolveWithObject: true });
      const webp = await base.clone().webp({ quality: 78 }).toBuffer();
      const names = { jpeg: `${publicId}-${w}.jpg`, webp: `${publicId}-${w}.webp` };
      writeFileSync(path.join(uploadDir, names.jpeg), jpeg.data);
      writeFileSync(path.join(uploadDir, names.webp), webp);
      written.push(names.jpeg, names.webp);
      variants.push({ width: jpeg.info.width, height: jpeg.info.height, ...names });
    }
    await db.transaction(async (tx) => {
      await tx.insert(publishingImages).values({
        publicId,
        originalName: file.name.slice(0, 200) || "image",
        mimeType: type.mime,
        width,
        height,
        bytes: file.bytes.byteLength,
        variants,
        uploadedBy: actor.personId,
      });
      await recordAudit(tx, actor, { action: "image.upload", subjectType: "image", subjectId: publicId, details: { name: file.name.slice(0, 200), type: type.mime, bytes: file.bytes.byteLength } });
    });
  } catch (error) {
    for (const name of written) rmSync(path.join(uploadDir, name), { force: true });
    throw error;
  }
  return { publicId, width, height, variants };
}
