// The tags that make a shared link show a title, a description and a picture (Open Graph, read by
// Facebook, LinkedIn, Bluesky, Slack, iMessage; and the Twitter/X card). The picture is one image
// made once and kept in public/ (public/share-card.png, 1200x630): no script, nothing third-party.
export const shareCardPath = "/share-card.png";

export function shareMeta(p: { title: string; description: string; url?: string; appUrl?: string; image?: string }) {
  const image = p.image ?? (p.appUrl ? `${p.appUrl}${shareCardPath}` : undefined);
  return [
    { property: "og:type", content: "website" },
    { property: "og:site_name", content: "Alliance of Medical Graduates" },
    { property: "og:title", content: p.title },
    { property: "og:description", content: p.description },
    ...(p.url ? [{ property: "og:url", content: p.url }] : []),
    ...(image
      ? [
          { property: "og:image", content: image },
          { property: "og:image:width", content: "1200" },
          { property: "og:image:height", content: "630" },
          { property: "og:image:alt", content: "Alliance of Medical Graduates: write to your legislators" },
        ]
      : []),
    { name: "twitter:card", content: image ? "summary_large_image" : "summary" },
    { name: "twitter:title", content: p.title },
    { name: "twitter:description", content: p.description },
    ...(image ? [{ name: "twitter:image", content: image }] : []),
  ];
}
