import { describe, expect, it } from "vitest";
import { readCsvUpload } from "./multipart-upload.server";

const upload = (form: FormData) => new Request("http://localhost/admin/applications/import", { method: "POST", body: form });

describe("readCsvUpload", () => {
  it("reads the form's fields and the file's text as it streams", async () => {
    const form = new FormData();
    form.set("csrf", "token");
    form.set("file", new Blob(["name,email\nAnn,ann@example.org\n"], { type: "text/csv" }), "members.csv");
    const read = await readCsvUpload(upload(form), "file", 1024);
    expect(read.problem).toBeNull();
    expect(read.fields.get("csrf")).toBe("token");
    expect(read.file).toEqual({ name: "members.csv", text: "name,email\nAnn,ann@example.org\n" });
  });

  it("answers too large past the limit, keeping nothing of the file", async () => {
    const form = new FormData();
    form.set("csrf", "token");
    form.set("file", new Blob(["x".repeat(2048)]), "big.csv");
    const read = await readCsvUpload(upload(form), "file", 1024);
    expect(read).toMatchObject({ problem: "too-large", file: null });
  });

  it("answers unreadable for a broken multipart body, and no file for a form without one", async () => {
    const broken = new Request("http://localhost/x", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=b" },
      body: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nhalf',
    });
    expect((await readCsvUpload(broken, "file", 1024)).problem).toBe("unreadable");
    const noBoundary = new Request("http://localhost/x", { method: "POST", headers: { "content-type": "multipart/form-data" }, body: "x" });
    expect((await readCsvUpload(noBoundary, "file", 1024)).problem).toBe("unreadable");
    const plain = new Request("http://localhost/x", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "csrf=x" });
    expect(await readCsvUpload(plain, "file", 1024)).toMatchObject({ problem: null, file: null });
  });
});
