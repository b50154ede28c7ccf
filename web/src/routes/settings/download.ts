/** Saves `blob` as a file named `filename` through a temporary link (the browser's download). */
export function saveFile(filename: string, blob: Blob): void {
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
