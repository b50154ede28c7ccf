/** Saves `data` as a JSON file named `filename` through a Blob and a temporary link (the browser's download). */
export function downloadJson(filename: string, data: unknown): void {
  const text = typeof data === 'string' ? data : JSON.stringify(data, null, 2);
  const blob = new Blob([text], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // the browser has the file once the click is handled; revoke later so that slow browsers still get it
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** `steadfast-export-2026-12-01.json`, for the day given (the user's today). */
export function exportFilename(date: string | undefined): string {
  return date ? `steadfast-export-${date}.json` : 'steadfast-export.json';
}
