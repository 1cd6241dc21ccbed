// Reading submitted forms: text values only (files and repeated names are not used by our forms).
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") values[key] = value;
  return values;
}

/** True when the honeypot field, invisible to people, was filled in (by a bot). */
export const isSpam = (values: Record<string, string>) => (values.website ?? "").trim() !== "";

export const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));
