// Reads an image upload's multipart body as it arrives (busboy), like the member import
// (applications-import.server.ts): the file's bytes are kept up to `maxFileBytes`, past which the
// rest is dropped and the upload answers "too large"; the other fields (the CSRF token) come back
// as FormData for the usual guard.
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";
import { cleanOneLine } from "~/platform/text-fields";

export type FileUpload = { fields: FormData; file: { name: string; bytes: Uint8Array } | null; problem: "too-large" | "unreadable" | null };

const tooLargeError = "BodyTooLargeError";

export function readFileUpload(request: Request, fileField: string, maxFileBytes: number): Promise<FileUpload> {
  const fields = new FormData();
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body || !/^multipart\/form-data/i.test(contentType)) {
    void request.body?.cancel().catch(() => undefined);
    return Promise.resolve({ fields, file: null, problem: null });
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": contentType }, limits: { fileSize: maxFileBytes, files: 1, fields: 20, fieldSize: 4096, parts: 25 } });
  } catch {
    void request.body.cancel().catch(() => undefined);
    return Promise.resolve({ fields, file: null, problem: "unreadable" });
  }
  return new Promise((resolve) => {
    let file: FileUpload["file"] = null;
    let problem: FileUpload["problem"] = null;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve({ fields, file: problem ? null : file, problem });
    };
    parser.on("field", (name, value) => fields.append(name, value));
    parser.on("file", (name, stream, info) => {
      stream.on("error", () => undefined);
      if (name !== fileField || file) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => {
        if (!problem) chunks.push(chunk);
      });
      stream.on("limit", () => {
        problem = "too-large";
        chunks.length = 0;
      });
      stream.on("end", () => {
        if (!problem)
          file = {
            name: cleanOneLine(info.filename ?? "")
              .trim()
              .slice(0, 200),
            bytes: Buffer.concat(chunks),
          };
      });
    });
    parser.on("close", finish);
    parser.on("error", () => {
      problem ??= "unreadable";
      finish();
    });
    const body = Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>);
    body.on("error", (error) => {
      problem = error?.name === tooLargeError || (error as { cause?: Error })?.cause?.name === tooLargeError ? "too-large" : (problem ?? "unreadable");
      parser.destroy();
      finish();
    });
    body.pipe(parser);
  });
}
