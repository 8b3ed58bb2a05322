// The files a case keeps, wherever in its details they are: a mail's attachments, a work
// order's, an access recovery's verification documents (each an AttachmentRef).
export interface KeptFile {
  name: string;
  path: string;
}

export function filesKept(value: unknown, out: KeptFile[] = [], depth = 0): KeptFile[] {
  if (depth > 6 || !value || typeof value !== 'object') return out;
  if (Array.isArray(value)) value.forEach((v) => filesKept(v, out, depth + 1));
  else {
    const v = value as { name?: unknown; path?: unknown; sha256?: unknown };
    if (typeof v.name === 'string' && typeof v.path === 'string' && typeof v.sha256 === 'string') out.push({ name: v.name, path: v.path });
    else Object.values(value).forEach((inner) => filesKept(inner, out, depth + 1));
  }
  return out;
}
