import { Form, redirect } from "react-router";
import { CsrfField } from "~/app/components/csrf-field";
import { PublishingNav } from "~/app/components/publishing-nav";
import { formFailure, formFailureOf, withAppErrors } from "~/app/form-data";
import { actorOf, requireStaff } from "~/app/session.server";
import { messages } from "~/domains/publishing/messages";
import { listImages } from "~/domains/publishing/queries.server";
import { maxImageBytes, uploadImage } from "~/domains/publishing/upload-image.server";
import type { Route } from "./+types/images";
import { readFileUpload } from "./multipart-upload.server";
import { pageTitle } from "~/app/page-title";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Images", "staff")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  return { csrf: viewer.csrfToken, images: await listImages(args.context.services.db), uploaded: new URL(args.request.url).searchParams.get("uploaded") };
}

export async function action(args: Route.ActionArgs) {
  const upload = await readFileUpload(args.request, "file", maxImageBytes);
  const viewer = await requireStaff(args, upload.fields);
  // A file cannot be typed back into the form, so a failure keeps no values.
  const fail = (message: string, status = 400) => formFailure({}, { status, fieldErrors: { file: message } });
  if (upload.problem === "too-large") return fail(messages.imageTooLarge, 413);
  if (upload.problem === "unreadable") return fail(messages.imageUnreadable);
  if (!upload.file || upload.file.bytes.byteLength === 0) return fail(messages.imageMissing);
  const file = upload.file;
  return withAppErrors({}, async () => {
    const image = await uploadImage({ db: args.context.services.db, actor: actorOf(viewer, args.context), uploadDir: args.context.services.uploadDir, file });
    return redirect(`/admin/images?uploaded=${image.publicId}`);
  });
}

export default function Images({ loaderData, actionData }: Route.ComponentProps) {
  const { images, csrf, uploaded } = loaderData;
  const error = formFailureOf(actionData).fieldErrors.file;
  return (
    <>
      <h1>Images</h1>
      <PublishingNav />
      {uploaded && !actionData ? (
        <div className="alert alert-ok" role="status">
          Uploaded. Choose it as a post's feature image or an author's photo; in a post's text write ![description](address of a size below).
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack-form">
        <CsrfField token={csrf} />
        <div className={`field${error ? " field-error" : ""}`}>
          <label htmlFor="field-file">Image (JPEG, PNG, WebP, GIF or AVIF; at most 8 MB)</label>
          <input
            id="field-file"
            name="file"
            type="file"
            accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "field-file-error" : undefined}
          />
          {error ? (
            <p className="error-message" id="field-file-error">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit">Upload</button>
      </Form>
      <h2>Library</h2>
      {images.length === 0 ? <p>No images yet.</p> : null}
      <ul className="image-library">
        {images.map((image) => (
          <li key={image.publicId} id={`image-${image.publicId}`}>
            <img src={image.shown.src} srcSet={image.shown.srcset} sizes="12rem" alt="" width={image.shown.width} height={image.shown.height} loading="lazy" />
            <p>
              <strong>{image.originalName}</strong> ({image.width}×{image.height}, {Math.ceil(image.bytes / 1024)} KB)
            </p>
            <p className="hint">Sizes:</p>
            <ul className="variant-list">
              {image.variants.map((v) => (
                <li key={v.jpeg}>
                  {v.width} px: <a href={`/media/${v.jpeg}`}>JPEG</a>, <a href={`/media/${v.webp}`}>WebP</a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
