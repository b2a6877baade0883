/** Only a path on this site may be a place to return to: never another site. */
export function safeReturnUrl(value: string | undefined, fallback: string): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : fallback;
}
