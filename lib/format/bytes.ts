/** A file size for people: "512 bytes", "14.2 KB", "3.5 MB" (1 KB = 1,024 bytes, as the upload limit counts). */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size.toLocaleString("en")} ${size === 1 ? "byte" : "bytes"}`;
  const units = ["KB", "MB", "GB"];
  let value = size / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString("en")} ${units[unit]}`;
}
