// Open Graph and Twitter card tags: what a shared link's preview shows (title, description, image).
export function shareMeta(p: { title: string; description: string; url?: string; image?: string }) {
  return [
    { property: "og:type", content: "website" },
    { property: "og:title", content: p.title },
    { property: "og:description", content: p.description },
    ...(p.url ? [{ property: "og:url", content: p.url }] : []),
    ...(p.image
      ? [
          { property: "og:image", content: p.image },
          { property: "og:image:alt", content: "Alliance of Medical Graduates" },
        ]
      : []),
    { name: "twitter:card", content: p.image ? "summary_large_image" : "summary" },
    { name: "twitter:title", content: p.title },
    { name: "twitter:description", content: p.description },
    ...(p.image ? [{ name: "twitter:image", content: p.image }] : []),
  ];
}
