/** The session's form token: every signed-in form carries it, and the guard checks it. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="csrf" value={token} />;
}
