/** Offers text as a file to save (the browser's download), without a round trip to a server. */
export function offerDownload(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or the download would lose its data.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
