/** A file the hub built (an export), as it travels on the wire. */
export interface DownloadableFile {
  fileName: string;
  mime: string;
  base64: string;
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Saves a file the way the browser (and Electron's default download handler)
 * saves a link with `download`: a Blob URL on a temporary anchor, clicked,
 * then removed and revoked so the bytes are not held for the page's life.
 */
export function downloadFile({ fileName, mime, base64 }: DownloadableFile): void {
  const url = URL.createObjectURL(new Blob([bytesOf(base64)], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // After the click's task: revoking at once can cancel the download in some engines.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
