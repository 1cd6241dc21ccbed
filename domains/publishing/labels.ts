// The publishing context's stored codes in words: what the audit log records about posts, pages,
// tags, categories, bylines and images.

const postActions = (kind: "post" | "page", noun: string): Record<string, string> => ({
  [`${kind}.create`]: `Wrote a ${noun}`,
  [`${kind}.update`]: `Changed a ${noun}`,
  [`${kind}.delete`]: `Deleted a ${noun}`,
  [`${kind}.restore-revision`]: `Restored an earlier version of a ${noun}`,
  [`${kind}.publish-scheduled`]: `Published a scheduled ${noun}`,
});

const taxonomyActions = (kind: "tag" | "category", noun: string): Record<string, string> => ({
  [`${kind}.create`]: `Added a ${noun}`,
  [`${kind}.rename`]: `Renamed a ${noun}`,
  [`${kind}.merge`]: `Merged a ${noun} into another`,
  [`${kind}.delete`]: `Deleted a ${noun}`,
});

export const publishingAuditActionLabels: Record<string, string> = {
  ...postActions("post", "news post"),
  ...postActions("page", "page"),
  ...taxonomyActions("tag", "tag"),
  ...taxonomyActions("category", "category"),
  "author.update": "Changed a byline",
  "image.upload": "Uploaded an image",
};

export const publishingAuditSubjectLabels: Record<string, string> = {
  post: "News post",
  page: "Page",
  tag: "Tag",
  category: "Category",
  author: "Byline",
  image: "Image",
};
