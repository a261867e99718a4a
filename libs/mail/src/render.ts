/** Escapes a value for HTML text and attribute values (every interpolated value goes through it). */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A piece of a mail, written once and rendered as both plain text and HTML. */
export type Block =
  /** A heading. */
  | { h: string }
  /** A paragraph. */
  | { p: string }
  /** A sentence leading to a link, the link's button label and its absolute URL. */
  | { lead: string; label: string; url: string }
  /** One entry of a list (a digest): a title, a body and an optional link. */
  | { title: string; body: string; url?: string | null; open: string };

/** A rendered mail: both parts carry the same content. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * Plain text: the blocks separated by blank lines, a link as its lead then its URL on its own line.
 * HTML: the same blocks, every value escaped; a link is a button and, under it, the URL as text.
 */
export function renderBlocks(subject: string, blocks: Block[], footer: string, lang: string): RenderedMail {
  const text = [...blocks.map(textOf), `-- \n${footer}`].join('\n\n') + '\n';
  const body = blocks.map(htmlOf).join('\n');
  const html =
    `<!DOCTYPE html>\n<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>\n` +
    `<body style="font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1f2933;max-width:600px;margin:0 auto;padding:16px">\n` +
    `${body}\n<hr style="border:none;border-top:1px solid #d0d7de;margin:24px 0 8px">\n` +
    `<p style="font-size:12px;color:#57606a">${escapeHtml(footer).replace(/\n/g, '<br>')}</p>\n</body></html>\n`;
  return { subject, text, html };
}

function textOf(block: Block): string {
  if ('h' in block) return block.h;
  if ('p' in block) return block.p;
  if ('lead' in block) return `${block.lead}\n${block.url}`;
  return `• ${block.title}\n  ${block.body}${block.url ? `\n  ${block.url}` : ''}`;
}

function htmlOf(block: Block): string {
  if ('h' in block) return `<h2 style="font-size:18px;margin:0 0 12px">${escapeHtml(block.h)}</h2>`;
  if ('p' in block) return `<p>${escapeHtml(block.p)}</p>`;
  if ('lead' in block) {
    const url = escapeHtml(block.url);
    return (
      `<p>${escapeHtml(block.lead)}</p>\n` +
      `<p><a href="${url}" style="display:inline-block;background:#0b6e4f;color:#ffffff;padding:10px 18px;border-radius:4px;text-decoration:none">${escapeHtml(block.label)}</a></p>\n` +
      `<p style="font-size:12px;color:#57606a;word-break:break-all">${url}</p>`
    );
  }
  const link = block.url ? `<br><a href="${escapeHtml(block.url)}">${escapeHtml(block.open)}</a>` : '';
  return `<div style="margin:0 0 16px"><strong>${escapeHtml(block.title)}</strong><br>${escapeHtml(block.body)}${link}</div>`;
}
