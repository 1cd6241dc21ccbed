/** A message about the whole form (not one field), announced to screen readers. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  return message ? (
    <div className="alert alert-error" role="alert">
      {message}
    </div>
  ) : null;
}
