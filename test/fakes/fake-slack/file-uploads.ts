/**
 * Slack's file upload as the Web API does it since files.upload was retired:
 * files.getUploadURLExternal hands out an upload URL and a file id, the
 * client POSTs the bytes there (the Node SDK sends them as multipart form
 * data), and files.completeUploadExternal shares the file to a channel.
 * The fake keeps the bytes so a test can open what was sent.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface FakeSlackFile {
  id: string;
  filename: string;
  title: string | null;
  /** The channel it was shared to (a DM's `D…`); null until completed, or when completed without one. */
  channel: string | null;
  /** The message whose thread it was shared into (`thread_ts`), or null when shared to the channel itself. */
  threadTs: string | null;
  /** The image's alt text, when given. */
  altText: string | null;
  /** The length announced to getUploadURLExternal. */
  length: number;
  /** What was POSTed to the upload URL; null until then. */
  bytes: Buffer | null;
  completed: boolean;
}

export class FileUploads {
  readonly #files = new Map<string, FakeSlackFile>();

  get files(): FakeSlackFile[] {
    return [...this.#files.values()];
  }

  /** files.getUploadURLExternal. */
  begin(params: Record<string, unknown>, origin: string): Record<string, unknown> {
    const filename = typeof params.filename === 'string' ? params.filename : '';
    const length = Number(params.length);
    if (filename === '' || !Number.isInteger(length) || length <= 0) return { ok: false, error: 'invalid_arguments' };
    const id = `F${randomUUID().replace(/-/gu, '').slice(0, 10).toUpperCase()}`;
    this.#files.set(id, { id, filename, title: null, channel: null, threadTs: null, altText: typeof params.alt_text === 'string' ? params.alt_text : null, length, bytes: null, completed: false });
    return { upload_url: `${origin}/upload/${id}`, file_id: id };
  }

  /** The POST to an upload URL; false when the id was never handed out. */
  async receive(id: string, req: IncomingMessage): Promise<boolean> {
    const file = this.#files.get(id);
    if (!file) return false;
    const raw = await readRawBody(req);
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const form = await new Request('http://fake/upload', { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(raw) }).formData();
      const part = [...form.values()].find((value): value is File => typeof value !== 'string');
      file.bytes = part ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
    } else {
      file.bytes = raw;
    }
    return true;
  }

  /**
   * files.completeUploadExternal. `isMessage(channel, ts)` says whether a
   * `thread_ts` names a message of the channel, as Slack requires of a reply.
   */
  complete(params: Record<string, unknown>, isMessage: (channel: string, ts: string) => boolean = () => true): Record<string, unknown> {
    const list = Array.isArray(params.files) ? (params.files as Array<{ id?: unknown; title?: unknown }>) : null;
    if (!list || list.length === 0) return { ok: false, error: 'invalid_arguments' };
    const done: FakeSlackFile[] = [];
    for (const entry of list) {
      const file = typeof entry.id === 'string' ? this.#files.get(entry.id) : undefined;
      // Slack refuses to complete a file whose bytes never arrived.
      if (!file || file.bytes === null) return { ok: false, error: 'file_not_found' };
      done.push(file);
    }
    const channel = typeof params.channel_id === 'string' && params.channel_id !== '' ? params.channel_id : null;
    const threadTs = typeof params.thread_ts === 'string' && params.thread_ts !== '' ? params.thread_ts : null;
    // A reply needs its channel, and a message there to reply to.
    if (threadTs !== null && (channel === null || !isMessage(channel, threadTs))) return { ok: false, error: 'invalid_thread_ts' };
    for (const [i, file] of done.entries()) {
      file.completed = true;
      file.channel = channel;
      file.threadTs = threadTs;
      const title = list[i]!.title;
      file.title = typeof title === 'string' ? title : null;
    }
    return { files: done.map((f) => ({ id: f.id, name: f.filename, title: f.title ?? f.filename, size: f.bytes!.length })) };
  }

  clear(): void {
    this.#files.clear();
  }
}

function readRawBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
