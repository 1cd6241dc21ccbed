// Responses the HTTP entry writes itself: security headers, and the last-resort error page
// (in the site's colours) for when React Router itself could not render one.
export function securityHeaders(nonce: string, isHttps: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      // A logo may live on another https host (the organisation settings accept https:// addresses).
      "img-src 'self' data: https:",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; "),
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
  if (isHttps) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

const titles: Record<number, string> = { 400: "We could not read this", 403: "Not accepted", 405: "Not accepted", 413: "Too large", 415: "Not accepted", 429: "Please slow down" };

export function errorPageHtml(status: number, message: string): string {
  const title = titles[status] ?? "Something went wrong";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#1a2433;background:#f6f8fa}main{max-width:40rem;margin:10vh auto;padding:2rem;background:#fff;border-top:6px solid #0b4f6c}a{color:#0b4f6c}</style></head>
<body><main><h1>${title}</h1><p>${message}</p><p><a href="/">Go to the home page</a></p></main></body></html>`;
}
