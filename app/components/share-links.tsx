// Links to share a page by e-mail and on the social networks people use (no scripts, no trackers).
export function ShareLinks({ url, title, text }: { url: string; title: string; text: string }) {
  const t = encodeURIComponent(text);
  const u = encodeURIComponent(url);
  return (
    <ul className="share-links">
      <li>
        <a href={`mailto:?subject=${encodeURIComponent(title)}&body=${t}%20${u}`}>Share by e-mail</a>
      </li>
      <li>
        <a href={`https://bsky.app/intent/compose?text=${t}%20${u}`} rel="noopener">
          Share on Bluesky
        </a>
      </li>
      <li>
        <a href={`https://x.com/intent/post?text=${t}&url=${u}`} rel="noopener">
          Share on X
        </a>
      </li>
      <li>
        <a href={`https://www.facebook.com/sharer/sharer.php?u=${u}`} rel="noopener">
          Share on Facebook
        </a>
      </li>
      <li>
        <a href={`https://www.linkedin.com/sharing/share-offsite/?url=${u}`} rel="noopener">
          Share on LinkedIn
        </a>
      </li>
    </ul>
  );
}
