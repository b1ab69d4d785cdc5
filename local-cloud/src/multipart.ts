/**
 * Minimal multipart/form-data reader for the one multipart request the SDK sends (`wx.openApi`),
 * whose `requestData` part is binary protobuf and must stay bytes.
 */
export function parseMultipart(body: Buffer, contentType: string | undefined): Map<string, Buffer> {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  if (!m) throw new Error('multipart body without boundary');
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`);
  const parts = new Map<string, Buffer>();
  let pos = body.indexOf(boundary);
  while (pos >= 0) {
    const start = pos + boundary.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const headerEnd = body.indexOf('\r\n\r\n', start);
    if (headerEnd < 0) break;
    const headers = body.subarray(start, headerEnd).toString('utf8');
    const next = body.indexOf(boundary, headerEnd + 4);
    if (next < 0) break;
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    // the part's bytes end before the CRLF that precedes the next boundary
    if (name !== undefined) parts.set(name, body.subarray(headerEnd + 4, next - 2));
    pos = next;
  }
  return parts;
}
