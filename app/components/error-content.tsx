// What an error page says (not found, not allowed, something broke): shared by the public
// layout's error boundary and the staff console's.

export function ErrorContent({ status, message, siteName }: { status: number | null; message?: string; siteName: string }) {
  const suffix = siteName ? ` — ${siteName}` : "";
  if (status === 403) {
    return (
      <div className="page narrow">
        <title>{`Not allowed${suffix}`}</title>
        <h1>You do not have access to this page</h1>
        <p>{message ?? "Your account does not have the role this page needs."}</p>
        <p>
          <a href="/account">Go to your account</a> or <a href="/">the home page</a>.
        </p>
      </div>
    );
  }
  const notFound = status === 404;
  return (
    <div className="page narrow">
      <title>{`${notFound ? "Page not found" : "Something went wrong"}${suffix}`}</title>
      <h1>{notFound ? "We could not find that page" : "Something went wrong"}</h1>
      <p>{notFound ? "The page may have moved, or the address may have a typo." : "Something went wrong on our side. Nothing you entered has been lost by us; please try again in a moment."}</p>
      <p>
        <a className="button" href="/">
          Go to the home page
        </a>
      </p>
    </div>
  );
}
