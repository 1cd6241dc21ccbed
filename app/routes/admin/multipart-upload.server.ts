// Reads a console upload's multipart body as it arrives (busboy), instead of request.formData(),
// which buffered the whole request and then the file again (~150 MB more for a 30 MB file, and no
// limit at all). The file is kept once, as it streams; past `maxFileBytes` the rest is dropped and
// the upload answers "too large". The form's other fields (the CSRF token) come back as FormData
// for the usual guard. The member import, the NRMP figures and suppression lists read text
// (`readCsvUpload`); images read bytes (`readFileUpload`).
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";
import { cleanOneLine } from "~/platform/text-fields";

type Upload<T> = { fields: FormData; file: ({ name: string } & T) | null; problem: "too-large" | "unreadable" | null };
export type CsvUpload = Upload<{ text: string }>;
export type FileUpload = Upload<{ bytes: Uint8Array }>;

/** What keeps a file's content as it streams: each chunk, a reset when the file is too large, and the end. */
type Collector<T> = { add(chunk: Buffer): void; drop(): void; done(): T };

/** Where an upload's body is cut off by the HTTP entry (server/request-limits.ts), it errors with this name. */
const tooLargeError = "BodyTooLargeError";

function readUpload<T>(request: Request, fileField: string, maxFileBytes: number, collector: () => Collector<T>, defaultName = ""): Promise<Upload<T>> {
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
    // No boundary, or one busboy cannot use.
    void request.body.cancel().catch(() => undefined);
    return Promise.resolve({ fields, file: null, problem: "unreadable" });
  }
  return new Promise((resolve) => {
    let file: Upload<T>["file"] = null;
    let problem: Upload<T>["problem"] = null;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve({ fields, file: problem ? null : file, problem });
    };
    parser.on("field", (name, value) => fields.append(name, value));
    parser.on("file", (name, stream, info) => {
      // A body that ends inside the file errors this stream as well as the parser: answered once, by the parser's handler.
      stream.on("error", () => undefined);
      if (name !== fileField || file) {
        stream.resume();
        return;
      }
      const content = collector();
      stream.on("data", (chunk: Buffer) => {
        if (!problem) content.add(chunk);
      });
      stream.on("limit", () => {
        problem = "too-large";
        content.drop();
      });
      stream.on("end", () => {
        if (!problem)
          file = {
            name:
              cleanOneLine(info.filename ?? "")
                .trim()
                .slice(0, 200) || defaultName,
            ...content.done(),
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

/** A CSV file decoded to text chunk by chunk (UTF-8), kept once. */
export function readCsvUpload(request: Request, fileField: string, maxFileBytes: number): Promise<CsvUpload> {
  return readUpload(
    request,
    fileField,
    maxFileBytes,
    () => {
      const decoder = new TextDecoder("utf-8");
      let text = "";
      return {
        add: (chunk) => {
          text += decoder.decode(chunk, { stream: true });
        },
        drop: () => {
          text = "";
        },
        done: () => ({ text: text + decoder.decode() }),
      };
    },
    "members.csv",
  );
}

/** A file's bytes (an image), kept once. */
export function readFileUpload(request: Request, fileField: string, maxFileBytes: number): Promise<FileUpload> {
  return readUpload(request, fileField, maxFileBytes, () => {
    const chunks: Buffer[] = [];
    return {
      add: (chunk) => {
        chunks.push(chunk);
      },
      drop: () => {
        chunks.length = 0;
      },
      done: () => ({ bytes: Buffer.concat(chunks) }),
    };
  });
}
