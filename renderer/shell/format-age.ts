/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function formatAge(seconds: number | null): string {
  if (seconds === null) return 'never synced';
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86_400)} days ago`;
}
